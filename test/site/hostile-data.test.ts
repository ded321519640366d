import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../collectors/contract/snapshot.ts';
import { cairn, type CairnRun } from '../helpers/cli.ts';
import { files, makeRepos, type RepoFixture } from '../helpers/repos.ts';

/** Control characters (C0 but tab, LF and CR; DEL; C1) and bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const component = (name: string, extra = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${extra}spec:\n  type: service\n  lifecycle: production\n  owner: group:platform\n`;

/**
 * A portal built from repositories whose descriptors hold keys named `__proto__`, `constructor` and
 * `prototype` at several levels, and a title with ESC, BEL and NUL (YAML escapes) and a bidi
 * override, beside an ordinary neighbour.
 */
let fixture: RepoFixture<'proto' | 'prototype-keys' | 'titled' | 'neighbour'>;
let build: CairnRun;
let outDir: string;
let snapshot: Snapshot;

beforeAll(async () => {
  fixture = await makeRepos({
    // Backstage rejects an annotation named __proto__: this entity is a problem, never a crash.
    proto: files({
      'catalog-info.yaml': component('a', '  __proto__: { x: 1 }\n  constructor: c\n  annotations:\n    prototype: p\n    __proto__: q\n'),
    }),
    'prototype-keys': files({
      'catalog-info.yaml': `${component('b', '  __proto__:\n    x: 1\n  constructor: c\n  labels:\n    prototype: p\n')}  __proto__: { polluted: true }\n  prototype:\n    constructor: { __proto__: 1 }\n`,
    }),
    titled: files({
      'catalog-info.yaml': component(
        'titled',
        '  title: "Hostile \\e]0;pwned\\a title\\0 end"\n  description: "reads \u202Eevil\u202C backwards \\e[2J"\n',
      ),
    }),
    neighbour: files({ 'catalog-info.yaml': component('neighbour'), 'README.md': '# Neighbour\n' }),
  });
  outDir = join(fixture.root, 'portal');
  const snapshotFile = join(fixture.root, 'snapshot.json');
  build = await cairn(fixture.root, 'build', '--repos', '*', '--out', outDir, '--snapshot', snapshotFile, '--no-history');
  snapshot = JSON.parse(await readFile(snapshotFile, 'utf8')) as Snapshot;
}, 240_000);

afterAll(() => fixture.remove());

const page = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');

/** Every text file the portal publishes (pagefind's index is binary). */
async function publishedTextFiles(): Promise<Array<{ path: string; text: string }>> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && /\.(html|json|txt|xml|svg)$/.test(entry.name) && !entry.parentPath.includes('pagefind'))
    .map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}

describe('a descriptor with keys named __proto__', () => {
  it('does not stop the build, and the neighbours are published', async () => {
    expect(build.stderr).not.toContain('DevalueError');
    expect(build.code).toBe(0);
    expect(await page('catalog/default/component/neighbour')).toContain('neighbour');
    expect(await page('catalog/default/component/titled')).toContain('Hostile');
    expect(await page('catalog/default/component/b')).toContain('>b<');
  });

  it('is a problem naming the repository, the file, the line and the keys', async () => {
    const problem = snapshot.problems.find((candidate) => candidate.repo === 'prototype-keys' && candidate.message.includes('__proto__'));
    expect(problem).toMatchObject({ severity: 'warning', repo: 'prototype-keys', file: 'catalog-info.yaml', line: 1 });
    expect(problem!.message).toContain('metadata.__proto__, spec.__proto__, spec.prototype.constructor.__proto__');
    expect(snapshot.repos.find((repo) => repo.name === 'prototype-keys')!.problems).toContainEqual(problem);
    expect(await page('problems')).toContain('spec.prototype.constructor.__proto__');
  });

  it('publishes the entity without those keys, and keeps constructor and prototype', () => {
    const entity = snapshot.entities.find((candidate) => candidate.ref === 'component:default/b')!;
    expect(JSON.stringify(entity)).not.toContain('__proto__');
    expect(entity.metadata).toMatchObject({ constructor: 'c', labels: { prototype: 'p' } });
    expect(entity.spec).toMatchObject({ prototype: { constructor: {} } });
  });

  it('keeps the entity Backstage rejects out, with its problem', () => {
    expect(snapshot.entities.map((entity) => entity.ref)).not.toContain('component:default/a');
    expect(snapshot.problems).toContainEqual(
      expect.objectContaining({ repo: 'proto', file: 'catalog-info.yaml', line: 1, severity: 'error' }),
    );
  });
});

describe('control characters in a descriptor title', () => {
  it('reach no <title>, <h1> or catalog index row, shown as U+FFFD', async () => {
    const html = await page('catalog/default/component/titled');
    const title = /<title>([^<]*)<\/title>/.exec(html)![1]!;
    const heading = /<h1[^>]*>([^<]*)/.exec(html)![1]!;
    for (const text of [title, heading]) {
      expect(text).toContain('Hostile \uFFFD]0;pwned\uFFFD title\uFFFD end');
      expect(text).not.toMatch(UNSAFE);
    }
    const index = await page('catalog');
    expect(index).toContain('Hostile \uFFFD]0;pwned');
    expect(index).not.toMatch(UNSAFE);
  });

  it('reach neither llms.txt, llms-full.txt nor the JSON exports', async () => {
    for (const file of ['llms.txt', 'llms-full.txt']) {
      const llms = await readFile(join(outDir, file), 'utf8');
      // llms.txt is Markdown: the bracket is escaped.
      expect(llms).toContain('Hostile \uFFFD\\]0;pwned');
      expect(llms).not.toMatch(UNSAFE);
    }
    const catalog = await readFile(join(outDir, 'catalog.json'), 'utf8');
    expect(catalog).toContain('Hostile \uFFFD]0;pwned');
    // JSON would escape a control character rather than print it: the escape must not be there either.
    expect(catalog).not.toMatch(/\\u00(?:0[0-8bcef]|1[0-9a-f])/i);
  });

  it('reach no published text file at all, bidi overrides included', async () => {
    const offending = (await publishedTextFiles()).filter((file) => UNSAFE.test(file.text)).map((file) => file.path);
    expect(offending).toEqual([]);
  });
});
