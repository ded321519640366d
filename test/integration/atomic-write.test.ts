import { execFileSync, spawnSync } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeUnfinishedWrites, writeFileAtomically } from '../../collectors/store/atomic-write.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-atomic-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writing an output file', () => {
  it('makes the folders on the way, and replaces a file whole', async () => {
    const path = join(dir, 'a', 'b', 'out.json');
    await writeFileAtomically(path, 'first');
    await writeFileAtomically(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
  });

  it('replaces the file a symlink names, and keeps the link', async () => {
    const real = join(dir, 'real.txt');
    const link = join(dir, 'link.txt');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeFileAtomically(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  it('removes the temporary files of writes that a killed run left, and not those of a run still writing', async () => {
    const cache = join(dir, 'cache');
    await writeFileAtomically(join(cache, 'kept.json'), '{}');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await writeFile(join(cache, `left.json.${dead}.1796620492424.tmp`), '{"half');
    await writeFile(join(cache, `writing.json.${process.pid}.1796620492424.tmp`), '{"half');
    await writeFile(join(cache, `other.json.${dead}.1796620492424.tmp`), '{"half');
    await removeUnfinishedWrites(cache, 'left.json');
    expect((await readdir(cache)).sort()).toEqual([
      'kept.json',
      `other.json.${dead}.1796620492424.tmp`,
      `writing.json.${process.pid}.1796620492424.tmp`,
    ]);
    await removeUnfinishedWrites(cache);
    expect((await readdir(cache)).sort()).toEqual(['kept.json', `writing.json.${process.pid}.1796620492424.tmp`]);
  });

  it('writes into a pipe in place, never replacing it with a file (--output /dev/stdout)', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const read = readFile(fifo, 'utf8');
    await writeFileAtomically(fifo, 'through the pipe');
    expect(await read).toBe('through the pipe');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });
});
