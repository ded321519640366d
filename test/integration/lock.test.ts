import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLock } from '../../scripts/cli/lock.ts';

/** The lock Astro's builds of one checkout take turns with. */
let dir: string;
let lock: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-lock-'));
  lock = join(dir, 'astro.lock');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('withLock', () => {
  it('runs tasks one after the other, holding a file that names this process', async () => {
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} starts holding ${(await readFile(lock, 'utf8')).trim()}`);
      await sleep(30);
      events.push(`${name} ends`);
      return name;
    };
    expect(await Promise.all([withLock(lock, task('a')), withLock(lock, task('b'))])).toEqual(['a', 'b']);
    // Whichever takes the lock first, the other starts only once it ended.
    const first = events[0]!.slice(0, 1);
    const second = first === 'a' ? 'b' : 'a';
    expect(events).toEqual([
      `${first} starts holding ${process.pid}`,
      `${first} ends`,
      `${second} starts holding ${process.pid}`,
      `${second} ends`,
    ]);
    expect(await exists(lock)).toBe(false);
  });

  it('lets go when its task fails', async () => {
    await expect(withLock(lock, async () => Promise.reject(new Error('the build failed')))).rejects.toThrow('the build failed');
    expect(await exists(lock)).toBe(false);
  });

  it('takes over a lock whose process is gone, and waits for one whose process runs', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(lock, `${gone}\n`);
    expect(await withLock(lock, async () => 'taken over')).toBe('taken over');
    await writeFile(lock, `${process.ppid}\n`);
    const waiting = withLock(lock, async () => 'after it');
    await sleep(200);
    expect(await Promise.race([waiting, sleep(0).then(() => 'still waiting')])).toBe('still waiting');
    await rm(lock);
    expect(await waiting).toBe('after it');
  });

  it('names the processes working for its holder, and waits while any process it names runs', async () => {
    const helper = process.ppid;
    expect(await withLock(lock, async () => readFile(lock, 'utf8'), [helper])).toBe(`${process.pid} ${helper}\n`);
    // A build killed while its Astro process still writes: the build is gone, Astro not yet.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(lock, `${gone} ${helper}\n`);
    const waiting = withLock(lock, async () => 'after it');
    await sleep(200);
    expect(await Promise.race([waiting, sleep(0).then(() => 'still waiting')])).toBe('still waiting');
    await writeFile(lock, `${gone} ${gone}\n`);
    expect(await waiting).toBe('after it');
  });

  it('takes over an empty lock once it is old, as a build killed while creating it would leave, and waits while it is new', async () => {
    await writeFile(lock, '');
    const waiting = withLock(lock, async () => 'after it');
    await sleep(200);
    expect(await Promise.race([waiting, sleep(0).then(() => 'still waiting')])).toBe('still waiting');
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);
    expect(await waiting).toBe('after it');
    expect(await exists(lock)).toBe(false);
  });

  it('never shows a lock without its process: the file appears with the id in it, and no temporary file stays', async () => {
    const seen = new Set<string>();
    const watcher = setInterval(() => {
      readFile(lock, 'utf8').then(
        (text) => seen.add(text),
        () => {},
      );
    }, 1);
    await Promise.all(Array.from({ length: 20 }, () => withLock(lock, () => sleep(2))));
    clearInterval(watcher);
    expect([...seen].every((text) => text === `${process.pid}\n`)).toBe(true);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
