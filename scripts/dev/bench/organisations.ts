/**
 * The organisations the bench runs on, each made once and kept under `.cache/bench/`: the
 * real-world corpus (public repositories from `../shared/real-world`) and generated ones of 1,000
 * or 10,000 repositories.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateSyntheticOrg } from '../demo-org/synthetic.ts';
import { ROOT } from './processes.ts';

/** Where the public repositories' archives are, beside the project (as the real-world tests find them). */
export const REAL_WORLD_ARCHIVES = join(ROOT, '..', 'shared', 'real-world');

export interface Organisation {
  /** For folder names and targets: `real-world`, `generated-1000`. */
  id: string;
  /** For the report: `real-world`, `1000 generated`. */
  name: string;
  /** The folder whose sub-folders are its repositories. */
  dir: string;
  repos: number;
}

/** The real-world corpus, unpacked once (into a temporary folder, renamed when complete). */
export async function realWorldOrganisation(cacheRoot: string): Promise<Organisation> {
  const dir = join(cacheRoot, 'real-world');
  if (!existsSync(dir)) {
    const archives = (await readdir(REAL_WORLD_ARCHIVES)).filter((file) => file.endsWith('.tar.gz')).sort();
    if (archives.length === 0) throw new Error(`No archives in ${REAL_WORLD_ARCHIVES}.`);
    const unpacking = `${dir}.tmp-${process.pid}`;
    await rm(unpacking, { recursive: true, force: true });
    await mkdir(unpacking, { recursive: true });
    for (const archive of archives) await promisify(execFile)('tar', ['-xzf', join(REAL_WORLD_ARCHIVES, archive), '-C', unpacking]);
    await rename(unpacking, dir);
  }
  return { id: 'real-world', name: 'real-world', dir, repos: await countRepos(dir) };
}

/** `count` generated repositories (`generateSyntheticOrg`), written once; the generator replaces the folder atomically. */
export async function generatedOrganisation(cacheRoot: string, count: number, log: (line: string) => void): Promise<Organisation> {
  const dir = join(cacheRoot, `generated-${count}`);
  if (!existsSync(dir)) {
    log(`generating ${count} repositories into ${dir} (once; it takes a while)`);
    const started = performance.now();
    await generateSyntheticOrg(dir, count);
    log(`generated ${count} repositories in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return { id: `generated-${count}`, name: `${count} generated`, dir, repos: await countRepos(dir) };
}

async function countRepos(dir: string): Promise<number> {
  return (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).length;
}
