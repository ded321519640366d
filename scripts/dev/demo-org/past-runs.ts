/**
 * The demo portal's run history: Acme's portal as it would have been collected on the first of each
 * of the past twelve months, each demo repository at its last commit before that day. Trends, "what
 * changed" and initiative outlooks then have a past to show, as after a year of nightly runs.
 * Deterministic: the same demo organisation and content give the same records.
 *
 *   node scripts/dev/demo-org/past-runs.ts [--org .cache/demo-org] [--out .cache/demo-history] [--force]
 *
 * Run after generate.ts (`npm run demo` runs both); `npm run build` reads the history from --out.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { assemble, collectRepo, factSettings } from '../../../collectors/collect.ts';
import { replaceDirectory } from '../../../collectors/store/atomic-write.ts';
import { HISTORY_SCHEMA_VERSION } from '../../../collectors/contract/history.ts';
import { historyRecord } from '../../../collectors/runs/history.ts';
import { appendHistory } from '../../../collectors/store/history-folder.ts';
import { loadPortalConfig } from '../../../collectors/config/load-config.ts';
import { safeGit } from '../../../collectors/support/safe-simple-git.ts';
import { readContentEntities } from '../../../collectors/sources/content.ts';
import { isGitWorkTree } from '../../../collectors/sources/directory.ts';
import { loadStandards } from '../../../collectors/standards.ts';
import { DEFAULT_DEMO_OUT, STAMP_FILE } from './generate.ts';
import { DEMO_NOW } from './spec.ts';

/** Name of the file, inside the history folder, holding the hash of what the records were made from. */
export const HISTORY_STAMP_FILE = '.cairn-demo-history';

/** The code that produces records: a change to it makes the past runs again. */
const COLLECTORS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../collectors');

export interface DemoHistoryOptions {
  /** The generated demo organisation (`generateDemoOrg`'s output). */
  org: string;
  /** The demo portal's config (content/portal.yaml): its scorecards, guides and initiatives judge every run. */
  configPath: string;
  /** The history folder to write. */
  out: string;
  /** How many monthly runs before DEMO_NOW (default 12). */
  months?: number;
  force?: boolean;
}

/** Writes one history record per month unless `out` already holds those of this organisation and content. */
export async function generateDemoHistory(options: DemoHistoryOptions): Promise<{ generated: boolean; runs: number }> {
  const months = options.months ?? 12;
  const loaded = await loadPortalConfig(options.configPath);
  const contentDir = loaded.contentDir ?? loaded.baseDir;
  const stamp = await stampOf(options.org, contentDir, months);
  if (!options.force && (await readFile(join(options.out, HISTORY_STAMP_FILE), 'utf8').catch(() => '')).trim() === stamp)
    return { generated: false, runs: months };

  const standards = await loadStandards(loaded.contentDir, {
    defaultsDir: resolve(dirname(fileURLToPath(import.meta.url)), '../../../defaults'),
  });
  const content = await readContentEntities(contentDir);
  const work = await mkdtemp(join(tmpdir(), 'cairn-demo-history-'));
  const records = join(work, 'history');
  try {
    const repos = await pastOf(options.org, join(work, 'repos'));
    const limit = pLimit(availableParallelism() * 2);
    for (let month = months; month >= 1; month--) {
      const now = new Date(DEMO_NOW);
      now.setUTCMonth(now.getUTCMonth() - month);
      // Each repository at its last commit before that day; one that did not exist yet is not in that run.
      const present = repos.flatMap((repo) => {
        const commit = repo.commits.find((candidate) => candidate.date <= now.getTime())?.hash;
        return commit ? [{ repo, commit }] : [];
      });
      const collected = await Promise.all(
        present.map(({ repo, commit }) =>
          limit(async () => {
            // Most repositories see no commit in a month: nothing to check out then.
            if (repo.checkedOut !== commit) await safeGit(repo.dir).raw(['checkout', '--quiet', '--force', '-B', 'main', commit]);
            repo.checkedOut = commit;
            return collectRepo(
              { name: repo.name, dir: repo.dir, source: 'directory' },
              {
                now,
                windowDays: loaded.config.activity.windowDays,
                settings: factSettings(standards, loaded.config.catalog.paths),
                limits: loaded.config.limits,
              },
            );
          }),
        ),
      );
      const snapshot = await assemble({
        repos: collected,
        content: content.documents,
        standards,
        now,
        title: loaded.config.title,
        guideSettings: loaded.config.guides,
        problems: [],
      });
      await appendHistory(records, historyRecord(snapshot), Number.MAX_SAFE_INTEGER);
    }
    await writeFile(join(records, HISTORY_STAMP_FILE), `${stamp}\n`);
    await replaceDirectory(records, options.out);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { generated: true, runs: months };
}

/** A working clone of each demo repository (sharing its objects) and its commits, newest first. */
async function pastOf(
  org: string,
  into: string,
): Promise<Array<{ name: string; dir: string; commits: Array<{ hash: string; date: number }>; checkedOut?: string }>> {
  const names = (await readdir(org)).filter((name) => !name.startsWith('.')).sort();
  const limit = pLimit(availableParallelism() * 2);
  const repos = await Promise.all(
    names.map((name) =>
      limit(async () => {
        if (!isGitWorkTree(join(org, name))) return [];
        const dir = join(into, name);
        await safeGit(org, { config: ['protocol.file.allow=always'] }).raw([
          'clone',
          '--quiet',
          '--shared',
          '--no-checkout',
          join(org, name),
          dir,
        ]);
        const log = await safeGit(dir).raw(['log', '--format=%H %cI', 'HEAD']);
        const commits = log
          .trim()
          .split('\n')
          .map((line) => {
            const [hash = '', date = ''] = line.split(' ');
            return { hash, date: Date.parse(date) };
          });
        return [{ name, dir, commits }];
      }),
    ),
  );
  return repos.flat();
}

/**
 * What the records depend on: the organisation's own stamp, the number of months, the record
 * format, every content file, and the code that judges (the collectors and this file), so a
 * changed check does not leave the past judged by the old one.
 */
async function stampOf(org: string, contentDir: string, months: number): Promise<string> {
  const hash = createHash('sha256').update(`${HISTORY_SCHEMA_VERSION}\0${months}\0`);
  hash.update(await readFile(join(org, STAMP_FILE)).catch(() => Buffer.from('')));
  for (const dir of [contentDir, COLLECTORS]) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    for (const file of files.sort()) hash.update(`\0${relative(dir, file)}\0`).update(await readFile(file));
  }
  return hash.update(await readFile(fileURLToPath(import.meta.url))).digest('hex');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { org: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const started = performance.now();
  const org = resolve(values.org ?? DEFAULT_DEMO_OUT);
  const out = resolve(values.out ?? join(dirname(DEFAULT_DEMO_OUT), 'demo-history'));
  const configPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../content/portal.yaml');
  const result = await generateDemoHistory({ org, configPath, out, force: values.force });
  if (result.generated)
    process.stderr.write(
      `demo-org: wrote ${result.runs} monthly runs of history in ${out} (${Math.round(performance.now() - started)} ms)\n`,
    );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`demo-org: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
