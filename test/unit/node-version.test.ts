import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimumNode, nodeVersionProblem, parseMinimum } from '../../bin/node-version.js';

describe('nodeVersionProblem', () => {
  it.each([
    [
      '20.20.2',
      undefined,
      'Cairn needs Node 22.12.0 or newer; this is 20.20.2. Install a newer Node (https://nodejs.org) and run it again.',
    ],
    [
      '22.11.0',
      undefined,
      'Cairn needs Node 22.12.0 or newer; this is 22.11.0. Install a newer Node (https://nodejs.org) and run it again.',
    ],
    ['22.12.0', undefined, undefined],
    ['24.21.0', undefined, undefined],
    ['26.0.0', undefined, undefined],
    [
      '22.20.0',
      [22, 23, 4],
      'Cairn needs Node 22.23.4 or newer; this is 22.20.0. Install a newer Node (https://nodejs.org) and run it again.',
    ],
    ['22.23.4', [22, 23, 4], undefined],
  ])('Node %s (minimum %s) → %s', (version, minimum, expected) => {
    expect(nodeVersionProblem(version, minimum)).toBe(expected);
  });
});

describe('parseMinimum', () => {
  it.each([
    ['>=22.12.0', [22, 12, 0]],
    ['>= 22.23.4', [22, 23, 4]],
    ['>=24', [24, 0, 0]],
    ['^22.12.0 || >=24', undefined],
    [undefined, undefined],
  ])('%s → %s', (range, expected) => {
    expect(parseMinimum(range)).toEqual(expected);
  });
});

describe('minimumNode', () => {
  it("takes the Astro installed beside Cairn when it needs a newer Node than Cairn's own minimum", async () => {
    const root = await mkdtemp(join(tmpdir(), 'cairn-node-'));
    try {
      const bin = join(root, 'node_modules', 'cairn-portal', 'bin');
      await mkdir(bin, { recursive: true });
      expect(minimumNode(bin)).toEqual([22, 12, 0]);
      await mkdir(join(root, 'node_modules', 'astro'), { recursive: true });
      await writeFile(join(root, 'node_modules', 'astro', 'package.json'), JSON.stringify({ engines: { node: '>=22.23.4' } }));
      expect(minimumNode(bin)).toEqual([22, 23, 4]);
      await writeFile(join(root, 'node_modules', 'astro', 'package.json'), JSON.stringify({ engines: { node: '>=20.3.0' } }));
      expect(minimumNode(bin)).toEqual([22, 12, 0]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
