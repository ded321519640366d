import { simpleGit, type SimpleGit } from 'simple-git';

/**
 * Configuration that neutralises what a scanned repository's own `.git/config` could make git run:
 * filesystem monitors, hooks, signature verification, pagers, diff drivers and credential or ssh
 * helpers. Passed as `-c`, which wins over the repository's config.
 */
export const SAFE_GIT_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.untrackedCache=false',
  'log.showSignature=false',
  'diff.external=',
  'credential.helper=',
  'protocol.allow=never',
  'safe.directory=*',
];

/**
 * Git-specific environment: never prompt, take no locks in a repository Cairn only reads, ignore
 * the machine-wide config and replace refs. With PATH, HOME and LANG it is all git gets: nothing
 * from the user's shell (EDITOR, GIT_SSH_COMMAND …) reaches it.
 */
const GIT_ENVIRONMENT = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_NO_REPLACE_OBJECTS: '1',
};

/**
 * A simple-git instance for `dir` with the safe configuration and no inherited prompts; `config`
 * adds to it (the git source allows the network protocols its configured URLs need).
 */
export function safeGit(dir: string, config: readonly string[] = []): SimpleGit {
  return simpleGit({
    baseDir: dir,
    config: [...SAFE_GIT_CONFIG, ...config],
    maxConcurrentProcesses: 2,
    allowEnvironment: Object.keys(GIT_ENVIRONMENT),
    // simple-git refuses `-c` on these keys because callers usually pass them through from users;
    // here they are Cairn's own constants, which switch the dangerous behaviour off.
    unsafe: {
      allowUnsafeFsMonitor: true,
      allowUnsafeHooksPath: true,
      allowUnsafePager: true,
      allowUnsafeDiffExternal: true,
      allowUnsafeCredentialHelper: true,
      allowUnsafeProtocolOverride: true,
    },
  }).env({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/', LANG: 'C.UTF-8', ...GIT_ENVIRONMENT });
}
