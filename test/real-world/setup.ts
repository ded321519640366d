import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding one unpacked repository per archive (`<dir>/<name>`). */
    realWorldDir: string;
    /** The shared folder of archives and MANIFEST.tsv. */
    realWorldArchives: string;
  }
}

/**
 * The archives live beside the repository (`<repo root>/../shared/real-world`), in a checkout as in
 * CI's clone. This file is `<repo root>/test/real-world/setup.ts`.
 */
export const ARCHIVES = fileURLToPath(new URL('../../../shared/real-world/', import.meta.url));

const run = promisify(execFile);

/**
 * Unpacks every real-world archive once per run into a temporary folder (one `tar` per archive, all
 * at once) and removes the folder afterwards. A missing archive folder fails the run: the suite
 * must not pass by finding nothing.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const archives = (await readdir(ARCHIVES)).filter((name) => name.endsWith('.tar.gz'));
  if (archives.length === 0) throw new Error(`No real-world archives (*.tar.gz) in ${ARCHIVES}.`);
  const dir = await mkdtemp(join(tmpdir(), 'cairn-real-world-'));
  try {
    await Promise.all(archives.map((archive) => run('tar', ['-xzf', join(ARCHIVES, archive), '-C', dir])));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  project.provide('realWorldDir', dir);
  project.provide('realWorldArchives', ARCHIVES);
  return () => rm(dir, { recursive: true, force: true });
}
