#!/usr/bin/env node
// The `cairn` command. It runs the command line compiled (`build/`, made by `npm run compile` on
// install and by `npm pack`): the package ships only that. In a checkout whose sources were edited
// since, it runs the TypeScript sources (Node strips their types).
import { existsSync, readFileSync, statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { minimumNode, nodeVersionProblem } from './node-version.js';

// Checked before anything else is loaded: on an older Node, Cairn would die later with a stack trace.
const problem = nodeVersionProblem(process.versions.node, minimumNode(fileURLToPath(new URL('.', import.meta.url))));
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}

// Node keeps the code it compiles, and the JavaScript it strips the sources' types to, in its
// compile cache (under the OS temporary folder, or NODE_COMPILE_CACHE), keyed by each file's
// content: later runs start without compiling again. It never fails a run. Not on CI, whose
// machines start with an empty temporary folder: writing the cache costs a run more than it saves
// it, for no later run to read (NODE_COMPILE_CACHE still turns it on there). Read from the module
// object: an older Node, which lacks it, has to reach the version check above. The processes Cairn
// starts (Astro's, whose modules take half a second to compile, and the git runner) inherit it.
if (!process.env.CI || process.env.CI === 'false') {
  module.enableCompileCache();
  const cacheDir = module.getCompileCacheDir();
  if (cacheDir) process.env.NODE_COMPILE_CACHE = cacheDir;
}

const sources = new URL('../scripts/cli/cairn.ts', import.meta.url);
const compiled = new URL('../build/cairn.js', import.meta.url);
await import(!existsSync(sources) || compiledIsCurrent() ? compiled.href : sources.href);

/**
 * Whether `build/` (`npm run compile`, run on install) was compiled from the sources as they are:
 * every file it lists has the size and modification time it had then. An edit in a checkout makes
 * Cairn run the sources until the next compile.
 */
function compiledIsCurrent() {
  let stamps;
  try {
    stamps = JSON.parse(readFileSync(new URL('../build/inputs.json', import.meta.url), 'utf8'));
  } catch {
    return false;
  }
  // Paths, not URLs: a URL per file took half of this check's time, which every command pays.
  const root = fileURLToPath(new URL('../', import.meta.url));
  return stamps.every(([path, size, modified]) => {
    const stats = statSync(root + path, { throwIfNoEntry: false });
    return stats ? stats.size === size && stats.mtimeMs === modified : size === -1;
  });
}
