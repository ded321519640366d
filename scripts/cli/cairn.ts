#!/usr/bin/env node
import { processContext } from './context.ts';
import { main } from './main.ts';

process.exitCode = await main({ ...processContext(), argv: process.argv.slice(2) });
