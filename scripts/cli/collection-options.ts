import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../../collectors/config/config-error.ts';
import type { LoadedConfig } from '../../collectors/config/schema.ts';
import type { OptionSpec } from './command.ts';

export const DEFAULT_CONFIG = 'content/portal.yaml';

/**
 * The portal.yaml a command reads without `--config`, relative to `cwd`: `portal.yaml` there (a portal
 * repository, as `cairn init` writes it), else `content/portal.yaml` (this checkout's demo); undefined
 * when neither exists.
 */
export function defaultConfigPath(cwd: string): string | undefined {
  return ['portal.yaml', DEFAULT_CONFIG].find((path) => existsSync(join(cwd, path)));
}
export const DEFAULT_SNAPSHOT = '.cache/snapshot.json';
export const DEFAULT_CACHE = '.cache/facts';

/** Options shared by every command that collects. */
export const collectionOptions = {
  config: {
    type: 'string',
    short: 'c',
    value: '<file>',
    description: `portal.yaml to read (default: portal.yaml here, else ${DEFAULT_CONFIG}). Content folders are found beside it.`,
  },
  repos: {
    type: 'string',
    short: 'r',
    value: '<glob>',
    description:
      'Scan the git work trees matching this glob instead of the configured sources; without --config, no config file is needed.',
  },
  snapshot: {
    type: 'string',
    short: 's',
    value: '<file>',
    description: `Where the snapshot JSON is written (default: ${DEFAULT_SNAPSHOT}).`,
  },
  cache: {
    type: 'string',
    value: '<dir>',
    description: `Fact cache: a repository whose head commit is unchanged is not read again (default: ${DEFAULT_CACHE}).`,
  },
  'no-cache': { type: 'boolean', description: 'Collect every fact afresh, and leave the cache alone.' },
  history: {
    type: 'string',
    value: '<dir>',
    description: "Folder of the run history this run adds to (default: portal.yaml's history.dir, else history).",
  },
  'no-history': { type: 'boolean', description: 'Add nothing to the run history.' },
  strict: { type: 'boolean', description: 'Exit 1 when there are problems of the --fail-on severity, or when nothing could be collected.' },
  'fail-on': {
    type: 'string',
    value: '<severity>',
    description: 'With --strict, the problems that fail the run: error (default: only errors) or warning (warnings too).',
  },
} satisfies Record<string, OptionSpec>;

/** The problem severities `--fail-on` takes, mildest last. */
export const FAIL_ON = ['error', 'warning'] as const;

export type FailOn = (typeof FAIL_ON)[number];

/** `cairn check --fail-on-problems` also takes `never`: report the repository's problems without failing. */
export const FAIL_ON_PROBLEMS = [...FAIL_ON, 'never'] as const;

export type FailOnProblems = (typeof FAIL_ON_PROBLEMS)[number];

/**
 * The collection options, checked before any work is done: no option beside its own negation, and
 * `--fail-on` (what `--strict` fails on) only with `--strict`. Returns `--fail-on`.
 */
export function failOnOf(values: {
  'fail-on'?: string | undefined;
  strict?: boolean | undefined;
  cache?: string | undefined;
  'no-cache'?: boolean | undefined;
  history?: string | undefined;
  'no-history'?: boolean | undefined;
}): FailOn {
  for (const [option, value, negation] of [
    ['--cache', values.cache, values['no-cache']],
    ['--history', values.history, values['no-history']],
  ] as const)
    if (value !== undefined && negation)
      throw new ConfigError(`${option} ${value} and --no-${option.slice(2)} contradict each other: give one of them.`);
  if (values['fail-on'] !== undefined && !values.strict)
    throw new ConfigError(
      `--fail-on ${values['fail-on']} applies with --strict, which exits 1 on those problems: add --strict, or leave --fail-on out.`,
    );
  return severityOption('--fail-on', values['fail-on'], FAIL_ON);
}

/** `--fail-on-problems`, checked before any work is done. */
export function failOnProblemsOf(value: string | undefined): FailOnProblems {
  return severityOption('cairn check: --fail-on-problems', value, FAIL_ON_PROBLEMS);
}

/** A severity option's value, `error` when not given; anything outside `allowed` is bad usage. */
function severityOption<S extends string>(flag: string, value: string | undefined, allowed: readonly S[]): S {
  if (value === undefined) return 'error' as S;
  if (!(allowed as readonly string[]).includes(value))
    throw new ConfigError(`${flag} ${value}: expected ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}.`);
  return value as S;
}

/** The problems that fail a run: errors, every problem with `warning`, none with `never`. */
export function failingProblems<T extends { severity: 'error' | 'warning' }>(problems: readonly T[], failOn: FailOnProblems): T[] {
  if (failOn === 'never') return [];
  return problems.filter((problem) => failOn === 'warning' || problem.severity === 'error');
}

/** The fact cache folder the options ask for, if any, absolute (relative options are relative to `cwd`). */
export function cacheDirOf(values: { cache?: string | undefined; 'no-cache'?: boolean | undefined }, cwd: string): { cacheDir?: string } {
  if (values['no-cache']) return {};
  return { cacheDir: resolve(cwd, values.cache ?? DEFAULT_CACHE) };
}

/** The history folder as messages name it: the option as given, else its path (portal.yaml's `history.dir`, or the default). */
export function historyShown(given: string | undefined, dir: string): string {
  return given !== undefined ? `--history ${given}` : `The history folder ${dir}`;
}

/** The history folder the options and the config ask for, if any, absolute (relative options are relative to `cwd`). */
export function historyDirOf(
  values: { history?: string | undefined; 'no-history'?: boolean | undefined },
  loaded: LoadedConfig,
  cwd: string,
): string | undefined {
  if (values['no-history']) return undefined;
  if (values.history !== undefined) return resolve(cwd, values.history);
  return loaded.config.history.dir ? resolve(loaded.baseDir, loaded.config.history.dir) : resolve(cwd, 'history');
}

/** `1 repository`, `2 repositories`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
