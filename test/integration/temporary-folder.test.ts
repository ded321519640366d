import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../collectors/support/temporary-folder.ts';

const MODULE = new URL('../../collectors/support/temporary-folder.ts', import.meta.url).href;
let parent: string;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'cairn-temporary-'));
});
afterAll(() => rm(parent, { recursive: true, force: true }));

/** A process that makes a temporary folder, says where, and waits to be stopped. */
async function holder(): Promise<{ child: ReturnType<typeof spawn>; path: string }> {
  const script = `const { temporaryFolder } = await import(${JSON.stringify(MODULE)}); const folder = await temporaryFolder(${JSON.stringify(parent)}, 'held-'); console.log(folder.path); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return { child, path: line.toString().trim() };
}

describe('a temporary folder', () => {
  it('is removed by remove()', async () => {
    const folder = await temporaryFolder(parent, 'removed-');
    expect(existsSync(folder.path)).toBe(true);
    await folder.remove();
    expect(existsSync(folder.path)).toBe(false);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('is removed when %s ends the process, which exits with the shell’s code for it', async (signal, code) => {
    const { child, path } = await holder();
    expect(existsSync(path)).toBe(true);
    child.kill(signal);
    const [exitCode] = (await once(child, 'exit')) as [number | null];
    expect(exitCode).toBe(code);
    expect(existsSync(path)).toBe(false);
  });
});
