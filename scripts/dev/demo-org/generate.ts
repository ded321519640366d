/**
 * Writes the demo organisation "Acme" as real git repositories, once:
 *
 *   node scripts/dev/demo-org/generate.ts [--out .cache/demo-org] [--force]
 *
 * A stamp file holds a hash of everything fed to git, so a second run with the same spec does
 * nothing and a changed spec regenerates. Repositories are written to a temporary sibling folder
 * that replaces the output at the end, so a killed run never leaves half an organisation.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { removeLeftovers, replaceDirectory, writeFileAtomically } from '../../../collectors/store/atomic-write.ts';
import { fastImportStream, writeGitRepo, type RepoSpec } from '../git-repo.ts';
import { demoFeedbackIssues, FEEDBACK_ISSUES_FILE } from './feedback.ts';
import { demoOrgSpec } from './spec.ts';

/** The repository root, found from this file so that the cwd does not matter. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the demo organisation goes by default: `.cache/demo-org` in the Cairn repository. */
export const DEFAULT_DEMO_OUT = join(REPO_ROOT, '.cache', 'demo-org');

/** Name of the file, inside the output folder, holding the hash of the generated spec. */
export const STAMP_FILE = '.cairn-demo-spec';

export interface GenerateDemoOrgOptions {
  /** Output folder (default `DEFAULT_DEMO_OUT`); relative paths resolve against the cwd. */
  out?: string;
  /** Regenerate even when the folder already holds this spec. */
  force?: boolean;
}

export interface GenerateDemoOrgResult {
  out: string;
  /** False when an up-to-date generation was already there. */
  generated: boolean;
  /** Repository folder names, in spec order. */
  repos: string[];
}

/** Generates the demo organisation into `out` unless it already holds the current spec. */
export async function generateDemoOrg(options: GenerateDemoOrgOptions = {}): Promise<GenerateDemoOrgResult> {
  const out = resolve(options.out ?? DEFAULT_DEMO_OUT);
  const specs = demoOrgSpec();
  const repos = Object.keys(specs);
  const stamp = specHash(specs);
  const feedback = `${JSON.stringify(demoFeedbackIssues(), null, 2)}\n`;
  if (!options.force && (await readStamp(out)) === stamp) {
    // The feedback is cheap to write and not part of the stamp: it follows its generator without regenerating the repositories.
    await writeFileAtomically(join(out, FEEDBACK_ISSUES_FILE), feedback);
    return { out, generated: false, repos };
  }

  await writeReposAtomically(out, specs, { [STAMP_FILE]: `${stamp}\n`, [FEEDBACK_ISSUES_FILE]: feedback });
  return { out, generated: true, repos };
}

/**
 * A hash of the exact fast-import streams, so any change that could change a commit hash (spec
 * content or how it is serialised) triggers a regeneration.
 */
export function specHash(specs: Record<string, RepoSpec>): string {
  const hash = createHash('sha256');
  for (const [name, spec] of Object.entries(specs)) hash.update(`${name}\0`).update(fastImportStream(spec)).update('\0');
  return hash.digest('hex');
}

async function readStamp(out: string): Promise<string | undefined> {
  try {
    return (await readFile(join(out, STAMP_FILE), 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/**
 * Writes every repository (concurrently, one per CPU: each is a few short git processes) into a
 * temporary sibling of `out`, adds `extraFiles`, and swaps it in place of `out`.
 */
export async function writeReposAtomically(
  out: string,
  specs: Record<string, RepoSpec>,
  extraFiles: Record<string, string> = {},
): Promise<void> {
  await removeAbandonedSiblings(out);
  const temporary = `${out}.tmp-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    const limit = pLimit(availableParallelism());
    await Promise.all(Object.entries(specs).map(([name, spec]) => limit(() => writeGitRepo(join(temporary, name), spec))));
    for (const [file, content] of Object.entries(extraFiles)) await writeFile(join(temporary, file), content);
    await replaceDirectory(temporary, out);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** Removes `<out>.tmp-<pid>`, `<out>.incoming-<pid>` and `<out>.outgoing-<pid>` folders left by runs that were killed. */
async function removeAbandonedSiblings(out: string): Promise<void> {
  const pattern = new RegExp(`^${basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|incoming|outgoing)-(\\d+)$`);
  // A sibling of a run still in progress (another terminal, a parallel test) is left alone.
  await removeLeftovers(dirname(out), (entry) => Number(entry.match(pattern)?.[2]) || undefined);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const started = performance.now();
  const result = await generateDemoOrg({ ...(values.out ? { out: values.out } : {}), force: values.force });
  if (result.generated) {
    process.stderr.write(
      `demo-org: generated ${result.repos.length} repositories in ${result.out} (${Math.round(performance.now() - started)} ms)\n`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`demo-org: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
