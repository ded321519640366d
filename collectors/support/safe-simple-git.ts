import { simpleGit, type SimpleGit } from 'simple-git';
import { GIT_ENVIRONMENT, gitEnvironment, SAFE_GIT_CONFIG } from './safe-git.ts';

/** `key` of `key=value`. */
function configKey(setting: string): string {
  return setting.slice(0, setting.indexOf('=') >>> 0);
}

/** The keys git reads from `GIT_CONFIG_KEY_<n>` variables (how Cairn hands git a token). */
function environmentConfigKeys(env: Record<string, string>): string[] {
  return Object.entries(env).flatMap(([name, value]) => (/^GIT_CONFIG_KEY_\d+$/.test(name) ? [value] : []));
}

/**
 * A simple-git instance for `dir` with the safe configuration and no inherited prompts. `extra`
 * adds to it: the sources allow the network protocols their configured URLs need, and pass a
 * token as configuration through the environment (`GIT_CONFIG_*`), never on a command line.
 */
export function safeGit(dir: string, extra: { config?: readonly string[]; env?: Record<string, string> } = {}): SimpleGit {
  const env = { ...GIT_ENVIRONMENT, ...extra.env };
  const config = [...SAFE_GIT_CONFIG, ...(extra.config ?? [])];
  return simpleGit({
    baseDir: dir,
    config,
    maxConcurrentProcesses: 2,
    allowEnvironment: Object.keys(env),
    // simple-git warns about (and will later refuse) configuration keys it does not list as safe;
    // these are the keys Cairn itself sets: on every command, in the environment, and for local clones.
    allowConfig: [...new Set([...config.map(configKey), ...environmentConfigKeys(env), 'protocol.file.allow'])],
    // simple-git refuses `-c` on these keys because callers usually pass them through from users;
    // here they are Cairn's own constants, which switch the dangerous behaviour off.
    unsafe: {
      allowUnsafeFsMonitor: true,
      allowUnsafeHooksPath: true,
      allowUnsafePager: true,
      allowUnsafeDiffExternal: true,
      allowUnsafeCredentialHelper: true,
      allowUnsafeProtocolOverride: true,
      // Only ever set by Cairn itself, to hand git a token without a command line.
      allowUnsafeConfigEnvCount: true,
    },
  }).env(gitEnvironment(extra.env));
}
