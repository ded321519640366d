#!/usr/bin/env node
// The `cairn` command. In a checkout it runs the TypeScript sources (Node strips their types);
// installed from the package, where Node will not strip types under node_modules and the sources
// of the command line are not shipped, it runs them compiled (`build/`, made by `npm pack`).
import { existsSync } from 'node:fs';
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
// object: an older Node, which lacks it, has to reach the version check above.
if (!process.env.CI || process.env.CI === 'false') module.enableCompileCache();

const sources = new URL('../scripts/cli/cairn.ts', import.meta.url);
await import(existsSync(sources) ? sources.href : new URL('../build/scripts/cli/cairn.js', import.meta.url).href);
