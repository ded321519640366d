import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The oldest Node Cairn itself runs on (package.json `engines`). */
export const MINIMUM_NODE = [22, 12, 0];

/**
 * The oldest Node this installation runs on: Cairn's own minimum, or a higher one that the Astro
 * installed beside it declares (a fresh install may resolve a newer Astro than the lockfile's).
 * Plain JavaScript, so every Node can run it.
 * @param {string} fromDir the folder to look for node_modules/astro from, upwards
 * @returns {number[]}
 */
export function minimumNode(fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', 'astro', 'package.json');
    if (existsSync(manifest)) {
      const declared = parseMinimum(JSON.parse(readFileSync(manifest, 'utf8')).engines?.node);
      return declared && compare(declared, MINIMUM_NODE) > 0 ? declared : MINIMUM_NODE;
    }
    if (dirname(dir) === dir) return MINIMUM_NODE;
  }
}

/**
 * Why Cairn cannot run on this Node version (`process.versions.node`, e.g. "20.20.2"), or
 * undefined when it can.
 * @param {string} version
 * @param {number[]} [minimum]
 * @returns {string | undefined}
 */
export function nodeVersionProblem(version, minimum = MINIMUM_NODE) {
  const current = version.split('.').map(Number);
  if (compare(current, minimum) >= 0) return undefined;
  return `Cairn needs Node ${minimum.join('.')} or newer; this is ${version}. Install a newer Node (https://nodejs.org) and run it again.`;
}

/**
 * The version a `>=x.y.z` range starts at (the form Astro's engines take).
 * @param {unknown} range
 * @returns {number[] | undefined}
 */
export function parseMinimum(range) {
  const match = typeof range === 'string' ? range.match(/^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/) : null;
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

/**
 * @param {number[]} a
 * @param {number[]} b
 */
function compare(a, b) {
  for (let index = 0; index < 3; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
