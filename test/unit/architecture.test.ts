import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { retrievers } from '../../collectors/facts/index.ts';

/**
 * The pipeline's boundaries (DESIGN.md), kept by this test rather than by memory: pure stages do
 * no I/O, no stage imports a later one, collectors never import Astro, the contract does no I/O, and
 * the site reads only the contract and the history reader.
 */
const ROOT = resolve(import.meta.dirname, '../..');

/** Pipeline order; a file may import only from its own stage or earlier ones. */
const STAGES = [
  'collectors/sources',
  'collectors/repo',
  // Backstage's compiled schemas: the facts (Location targets) and the catalog validate with them.
  'collectors/backstage',
  'collectors/facts',
  'collectors/catalog',
  'collectors/checks',
  'collectors/scorecards',
  'collectors/fixes',
  'collectors/guides',
  'collectors/initiatives',
  'collectors/docs',
  'collectors/contract',
];
const PURE_STAGES = [
  'collectors/backstage',
  'collectors/catalog',
  'collectors/checks',
  'collectors/scorecards',
  'collectors/initiatives',
  'collectors/docs',
  'collectors/fixes',
];
const IO_MODULES = /^(node:)?(fs|fs\/promises|child_process|net|http|https)$|^simple-git$/;
/** The contract between collection and the site: the snapshot's schemas and types, and the helpers both share. */
const CONTRACT = 'collectors/contract/';
/** What the site may read with besides its own snapshot loader: the run history's folder. */
const SITE_READERS = ['collectors/store/history-folder.ts'];

interface ImportEdge {
  specifier: string;
  /** Resolved project-relative path for relative imports. */
  target?: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function importsOf(file: string): ImportEdge[] {
  let source = readFileSync(join(ROOT, file), 'utf8');
  if (file.endsWith('.astro')) source = source.split(/^---$/m)[1] ?? '';
  return [...source.matchAll(IMPORT)].map((match) => {
    const specifier = match[3]!;
    const target = specifier.startsWith('.') ? relative(ROOT, resolve(dirname(join(ROOT, file)), specifier)) : undefined;
    return { specifier, typeOnly: Boolean(match[2]), ...(target ? { target } : {}) };
  });
}

/** Every module a file loads at run time, following relative imports. */
function runtimeClosure(file: string, seen = new Set<string>()): Set<string> {
  for (const edge of importsOf(file)) {
    if (edge.typeOnly) continue;
    const key = edge.target ?? edge.specifier;
    if (seen.has(key)) continue;
    seen.add(key);
    if (edge.target && /\.(ts|mjs|js)$/.test(edge.target)) runtimeClosure(edge.target, seen);
  }
  return seen;
}

const stageOf = (file: string) => STAGES.findIndex((stage) => file === stage || file.startsWith(`${stage}/`));

const collectorFiles = await glob('collectors/**/*.ts', { cwd: ROOT });
const siteFiles = await glob(['site/**/*.{ts,astro,mjs}'], { cwd: ROOT });

describe('pipeline boundaries', () => {
  it.each(collectorFiles.filter((file) => PURE_STAGES.some((stage) => file.startsWith(`${stage}/`))))(
    '%s does no I/O, even indirectly',
    (file) => {
      const loaded = [...runtimeClosure(file)];
      expect(
        loaded.filter(
          (module) => IO_MODULES.test(module) || module.startsWith('collectors/repo/') || module.startsWith('collectors/sources/'),
        ),
      ).toEqual([]);
    },
  );

  it.each(collectorFiles.filter((file) => stageOf(file) >= 0))('%s imports no later stage', (file) => {
    // Types are the contract between stages (a stage may name the snapshot's types); code is not.
    const later = importsOf(file).filter((edge) => !edge.typeOnly && edge.target && stageOf(edge.target) > stageOf(file));
    expect(later.map((edge) => edge.target)).toEqual([]);
  });

  it.each(collectorFiles)('%s does not import Astro', (file) => {
    expect(importsOf(file).filter((edge) => /^astro(\/|:|$)|^@astrojs\//.test(edge.specifier))).toEqual([]);
  });

  it.each(collectorFiles.filter((file) => file.startsWith(CONTRACT)))('%s, part of the contract, does no I/O, even indirectly', (file) => {
    const loaded = [...runtimeClosure(file)];
    expect(
      loaded.filter(
        (module) => IO_MODULES.test(module) || module.startsWith('collectors/store/') || module.startsWith('collectors/sources/'),
      ),
    ).toEqual([]);
  });

  it.each(siteFiles)('%s imports from collectors/ only the contract and the history reader', (file) => {
    const fromCollectors = importsOf(file).flatMap((edge) => (edge.target?.startsWith('collectors/') ? [edge.target] : []));
    expect(fromCollectors.filter((target) => !target.startsWith(CONTRACT) && !SITE_READERS.includes(target))).toEqual([]);
  });
});

/** What each of `files` imports, among `files`: what it loads at run time, or with `types` the types it names too. */
function importGraph(files: readonly string[], { types }: { types: boolean }): Map<string, string[]> {
  return new Map(
    files.map((file) => [
      file,
      importsOf(file).flatMap((edge) => ((types || !edge.typeOnly) && edge.target && files.includes(edge.target) ? [edge.target] : [])),
    ]),
  );
}

/** Groups of modules that import each other (Tarjan's strongly connected components of more than one module). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    order.set(file, order.size);
    lowest.set(file, order.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) visit(next);
      if (stack.includes(next)) lowest.set(file, Math.min(lowest.get(file)!, lowest.get(next)!));
    }
    if (lowest.get(file) !== order.get(file)) return;
    const group = stack.splice(stack.indexOf(file));
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return cycles;
}

/**
 * The one circle of type names left, to be undone where the command line's report is edited: the
 * report's model names the gate's type, and the gate titles levels with the model's `levelTitle`.
 */
const KNOWN_TYPE_CYCLES = [['scripts/cli/report/gate.ts', 'scripts/cli/report/model.ts']];

const productFiles = await glob(['collectors/**/*.ts', 'scripts/cli/**/*.ts'], { cwd: ROOT });

describe('import graph', () => {
  it('has no circle of modules loading each other at run time, in the collectors and the command line', () => {
    expect(importCycles(importGraph(productFiles, { types: false }))).toEqual([]);
  });

  it("has no circle of modules naming each other's types either", () => {
    expect(importCycles(importGraph(productFiles, { types: true }))).toEqual(KNOWN_TYPE_CYCLES);
  });

  it('finds a circle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e2']],
      ['e2', []],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});

describe('fact retriever registry', () => {
  it('registers every retriever file exactly once, with unique ids', async () => {
    const files = (
      await glob('collectors/facts/*.ts', { cwd: ROOT, ignore: ['collectors/facts/index.ts', 'collectors/facts/retriever.ts'] })
    ).sort();
    const registered = importsOf('collectors/facts/index.ts')
      .map((edge) => edge.target)
      .filter((target): target is string => Boolean(target) && target !== 'collectors/facts/retriever.ts')
      .sort();
    expect(registered).toEqual(files);
    const ids = retrievers.map((retriever) => retriever.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const retriever of retrievers) expect(retriever.description.length, retriever.id).toBeGreaterThan(10);
  });
});
