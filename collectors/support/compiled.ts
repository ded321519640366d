import type { ScorecardDefinition } from '../scorecards/definition.ts';

/**
 * What `npm run compile` works out once from the sources and writes into the compiled command line
 * (scripts/dev/compile.ts), so that a run does not work it out again: a warm collection spent a
 * tenth of its time on it. The compiled command line runs only while its sources, and the files
 * these values are read from, are unchanged (bin/cairn.js).
 */
export interface CompiledValues {
  /** Cairn's default scorecards (`defaults/scorecards/`), read and validated. */
  defaultScorecards: ScorecardDefinition[];
  /** Each fact retriever's output shape (`retrieverShape`), by retriever id; null where it has none. */
  retrieverShapes: Record<string, string | null>;
}

// The values as JSON, put in by esbuild's `define` in the compiled command line; never declared in the sources.
declare const CAIRN_COMPILED_VALUES: string | undefined;

/** The compiled command line's values; undefined when Cairn runs from its TypeScript sources, which work them out. */
export const COMPILED: CompiledValues | undefined =
  typeof CAIRN_COMPILED_VALUES === 'undefined' ? undefined : (JSON.parse(CAIRN_COMPILED_VALUES) as CompiledValues);
