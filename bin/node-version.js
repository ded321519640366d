/** The oldest Node Cairn runs on (package.json `engines`): Astro 7 and vitest 5 need it. */
export const MINIMUM_NODE = [22, 12];

/**
 * Why Cairn cannot run on this Node version (`process.versions.node`, e.g. "20.20.2"), or
 * undefined when it can. Plain JavaScript, so every Node can run it.
 * @param {string} version
 * @returns {string | undefined}
 */
export function nodeVersionProblem(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return `Cairn needs Node ${needMajor}.${needMinor} or newer; this is ${version}. Install a newer Node (https://nodejs.org) and run it again.`;
}
