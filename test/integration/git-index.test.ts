import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIndex, quotePath, readIndexListing } from '../../collectors/repo/git-index.ts';
import { openRepo } from '../../collectors/repo/open.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

/** Reading git's index gives what `git ls-files --stage` prints, or leaves the answer to git. */
const NAMES = {
  'plain.txt': 'plain\n',
  'dir/nested/deep.md': '# Deep\n',
  'café/naïve.txt': 'accents\n',
  'with space.txt': 'space\n',
  'tab\there.txt': 'tab\n',
  'quote"and\\backslash.txt': 'quote\n',
  'line\nbreak.txt': 'newline\n',
  'emoji-😀.txt': 'emoji\n',
};
/** Longer than an entry's flags can hold (4,095 bytes), and than a work tree path may be: only in the index. */
const LONG_NAME = `${'long-folder-name/'.repeat(250)}file.txt`;

type Name = 'names' | 'v3' | 'v4' | 'conflict' | 'links' | 'split' | 'sparse' | 'worktree' | 'empty';
let fixture: RepoFixture<Name>;
const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'commit.gpgsign=false', '-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-17T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-17T10:00:00Z' },
  });
const lsFiles = (dir: string) => git(dir, '-c', 'core.quotePath=true', 'ls-files', '--stage');

beforeAll(async () => {
  const two = files({ 'a.txt': 'a\n', 'b/c.txt': 'c\n' });
  fixture = await makeRepos({
    names: files(NAMES),
    v3: two,
    v4: files(NAMES),
    conflict: files({ 'shared.txt': 'base\n' }),
    links: two,
    split: two,
    sparse: files({ 'a.txt': 'a\n', 'b/c.txt': 'c\n', 'd/e.txt': 'e\n' }),
    worktree: two,
    empty: two,
  });
  // Version 3: an intent-to-add entry carries extended flags.
  await writeFile(join(fixture.dirs.v3, 'later.txt'), 'later\n');
  git(fixture.dirs.v3, 'add', '--intent-to-add', 'later.txt');
  git(fixture.dirs.v4, 'update-index', '--index-version', '4');
  // A merge conflict: one path at stages 1, 2 and 3.
  const conflict = fixture.dirs.conflict;
  git(conflict, 'checkout', '-q', '-b', 'other');
  await writeFile(join(conflict, 'shared.txt'), 'theirs\n');
  git(conflict, 'commit', '-qam', 'Theirs');
  git(conflict, 'checkout', '-q', '-');
  await writeFile(join(conflict, 'shared.txt'), 'ours\n');
  git(conflict, 'commit', '-qam', 'Ours');
  try {
    git(conflict, 'merge', '-q', 'other');
  } catch {
    // The conflict is the point.
  }
  // A symlink and a submodule's gitlink.
  await symlink('a.txt', join(fixture.dirs.links, 'link.txt'));
  git(fixture.dirs.links, 'add', 'link.txt');
  const head = git(fixture.dirs.links, 'rev-parse', 'HEAD').trim();
  git(fixture.dirs.links, 'update-index', '--add', '--cacheinfo', `160000,${head},vendor/lib`);
  const blob = git(fixture.dirs.links, 'rev-parse', 'HEAD:a.txt').trim();
  git(fixture.dirs.links, 'update-index', '--add', '--cacheinfo', `100644,${blob},${LONG_NAME}`);
  git(fixture.dirs.split, 'update-index', '--split-index');
  git(fixture.dirs.sparse, 'sparse-checkout', 'set', '--cone', '--sparse-index', 'b');
  git(fixture.dirs.worktree, 'worktree', 'add', '-q', '-b', 'feature', join(fixture.root, 'linked'));
  await rm(join(fixture.dirs.empty, '.git', 'index'));
  await mkdir(join(fixture.root, 'not-a-repository'));
}, 60_000);

afterAll(() => fixture.remove());

describe('the index read without git', () => {
  it.each(['names', 'v3', 'v4', 'conflict', 'links'] as const)('lists what git ls-files --stage lists: %s', (name) => {
    const listing = readIndexListing(fixture.dirs[name]);
    expect(listing).toBe(lsFiles(fixture.dirs[name]));
  });

  it('reads each kind of entry the way git prints it', () => {
    expect(readIndexListing(fixture.dirs.v3)).toMatch(/^100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 0\tlater\.txt$/m);
    expect(
      readIndexListing(fixture.dirs.conflict)!
        .split('\n')
        .filter((line) => line.endsWith('\tshared.txt')),
    ).toHaveLength(3);
    expect(readIndexListing(fixture.dirs.links)).toMatch(/^120000 [0-9a-f]{40} 0\tlink\.txt$/m);
    expect(readIndexListing(fixture.dirs.links)).toMatch(/^160000 [0-9a-f]{40} 0\tvendor\/lib$/m);
    expect(readIndexListing(fixture.dirs.links)).toContain(`\t${LONG_NAME}\n`);
  });

  it('follows a linked worktree to its own index', () => {
    const linked = join(fixture.root, 'linked');
    expect(readIndexListing(linked)).toBe(lsFiles(linked));
  });

  it.each([
    ['a split index, whose entries are partly in another file', 'split'],
    ['a sparse index, which lists folders', 'sparse'],
    ['a repository without an index', 'empty'],
  ] as const)('leaves %s to git', (_why, name) => {
    expect(readIndexListing(fixture.dirs[name])).toBeUndefined();
  });

  it('leaves a folder that is not a repository to git', () => {
    expect(readIndexListing(join(fixture.root, 'not-a-repository'))).toBeUndefined();
  });

  it('leaves to git a .git folder git would not take for a repository, and a repository format it may refuse', async () => {
    // An index and a config alone (no HEAD, no objects): git looks further up for the repository.
    const copy = join(fixture.root, 'copied', '.git');
    await mkdir(copy, { recursive: true });
    await writeFile(join(copy, 'index'), readFileSync(join(fixture.dirs.names, '.git', 'index')));
    await writeFile(join(copy, 'config'), readFileSync(join(fixture.dirs.names, '.git', 'config')));
    expect(readIndexListing(join(fixture.root, 'copied'))).toBeUndefined();
    // An extension this reader does not know.
    const unknown = fixture.dirs.conflict;
    expect(readIndexListing(unknown)).toBeDefined();
    git(unknown, 'config', 'core.repositoryformatversion', '1');
    git(unknown, 'config', 'extensions.somethingNew', 'true');
    expect(readIndexListing(unknown)).toBeUndefined();
  });

  it('opens a repository from its index as from git', async () => {
    const options = { name: 'names', now: new Date('2026-02-01T00:00:00Z'), windowDays: 90 };
    const fromIndex = await openRepo(fixture.dirs.names, options);
    expect(fromIndex.files()).toEqual(Object.keys(NAMES).sort());
    const split = await openRepo(fixture.dirs.split, { ...options, name: 'split' });
    expect(split.files()).toEqual(['a.txt', 'b/c.txt']);
  });
});

describe('parseIndex', () => {
  /** The listing, or undefined where the parser refuses the bytes (it may throw doing so). */
  const listing = (bytes: Buffer, hashBytes = 20) => {
    try {
      return parseIndex(bytes, hashBytes);
    } catch {
      return undefined;
    }
  };

  it('refuses an index read with the wrong object name length', () => {
    const index = readFileSync(join(fixture.dirs.v4, '.git', 'index'));
    expect(listing(index, 20)).toBe(lsFiles(fixture.dirs.v4));
    expect(listing(index, 32)).toBeUndefined();
  });

  it('refuses an index cut short', () => {
    const index = readFileSync(join(fixture.dirs.names, '.git', 'index'));
    expect(listing(index.subarray(0, index.length - 100))).toBeUndefined();
  });

  /** `index` changed by `edit`, with its trailing hash made right again: only the change itself can be refused. */
  const edited = (name: Name, edit: (index: Buffer) => void) => {
    const index = Buffer.from(readFileSync(join(fixture.dirs[name], '.git', 'index')));
    edit(index);
    createHash('sha1')
      .update(index.subarray(0, index.length - 20))
      .digest()
      .copy(index, index.length - 20);
    return index;
  };
  /** Where the first entry's flags are, in an index of SHA-1 names. */
  const FIRST_FLAGS = 12 + 40 + 20;

  it('reads an index whose hash holds, and leaves a damaged one to git', () => {
    expect(listing(edited('names', () => {}))).toBe(lsFiles(fixture.dirs.names));
    const damaged = Buffer.from(readFileSync(join(fixture.dirs.names, '.git', 'index')));
    damaged.writeUInt8(damaged.readUInt8(FIRST_FLAGS + 2) ^ 1, FIRST_FLAGS + 2);
    expect(listing(damaged)).toBeUndefined();
  });

  it('refuses what git refuses in an index, even with its hash right', () => {
    // An extension git must understand to read the index (its name does not start with a capital).
    const tree = edited('names', (index) => index.write('tREE', index.indexOf('TREE'), 'latin1'));
    expect(listing(tree)).toBeUndefined();
    // An extended flag git does not know, on the intent-to-add entry of a version 3 index.
    const flags = edited('v3', (index) => {
      const entry = index.indexOf('later.txt') - 2 - 2 - 20 - 40;
      index.writeUInt16BE(index.readUInt16BE(entry + 40 + 20 + 2) | 0x8000, entry + 40 + 20 + 2);
    });
    expect(listing(flags)).toBeUndefined();
    // A version 4 strip count that would overflow 32 bits back to a plausible one.
    const v4 = readFileSync(join(fixture.dirs.v4, '.git', 'index'));
    // The first entry's fixed part, its strip count (one byte) and its name; the second's fixed part; then its strip count.
    const fixed = 40 + 20 + 2;
    const strip = v4.indexOf(0, 12 + fixed + 1) + 1 + fixed;
    const overflow = Buffer.concat([v4.subarray(0, strip), Buffer.from([0x8e, 0xfe, 0xfe, 0xff]), v4.subarray(strip)]);
    createHash('sha1')
      .update(overflow.subarray(0, overflow.length - 20))
      .digest()
      .copy(overflow, overflow.length - 20);
    expect(listing(overflow)).toBeUndefined();
  });

  it.each([
    ['not an index', Buffer.from('PACK\0\0\0\x02\0\0\0\0')],
    ['a version git never wrote', Buffer.from('DIRC\0\0\0\x09\0\0\0\0')],
    ['a truncated header', Buffer.from('DIRC')],
  ])('refuses %s', (_why, bytes) => {
    expect(listing(bytes)).toBeUndefined();
  });
});

describe('quotePath', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it.each([
    ['plain.txt', 'plain.txt'],
    ['with space.txt', 'with space.txt'],
    ['tab\there', '"tab\\there"'],
    ['quote"', '"quote\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['café', '"caf\\303\\251"'],
    ['bell\u0007', '"bell\\a"'],
    ['escape\u001b', '"escape\\033"'],
    ['delete\u007f', '"delete\\177"'],
  ])('%j as git prints it', (name, quoted) => {
    expect(quotePath(bytes(name))).toBe(quoted);
  });
});
