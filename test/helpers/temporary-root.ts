import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder of the run's own, removed when the run ends, for what test workers keep until they stop. */
    temporaryRoot: string;
  }
}

/**
 * The project's `globalSetup`: one temporary folder per run, removed when the run ends. A test
 * worker is stopped rather than left to exit, so the clean-up of what it kept for its whole life
 * (the fixture site it builds once) cannot be its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'cairn-tests-'));
  project.provide('temporaryRoot', root);
  return () => rm(root, { recursive: true, force: true });
}
