#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// V8 keeps the code it compiled for Cairn and its libraries on disk (in the temporary folder), so
// a command line run again and again (CI jobs, pre-commit hooks, the tests) starts faster. Enabled
// before the command line's modules load, so they are cached too.
enableCompileCache();
const { processContext } = await import('./context.ts');
const { main } = await import('./main.ts');

process.exitCode = await main({ ...processContext(), argv: process.argv.slice(2) });
