/**
 * Compiles the command line into `build/` (`npm run compile`; npm runs it on install and before
 * packing): one JavaScript bundle per process or thread Cairn starts — the command line, Astro's
 * process, the git runner and the worker threads — with the libraries they use, split into chunks
 * that load only when a command needs them. Node then reads a few large files instead of some
 * eight hundred modules and strips no types, which is most of a short command's time (`cairn
 * check` on one repository).
 *
 * What every run would otherwise work out again from the sources is worked out here once and
 * written into the bundle (collectors/support/compiled.ts).
 *
 * `build/inputs.json` lists every source file, and every file those values are read from, with its
 * size and modification time: bin/cairn.js runs the bundle only while they all match, and the
 * sources themselves once one was edited.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { builtinChecks } from '../../collectors/checks/builtin/index.ts';
import { loadPortalContent } from '../../collectors/config/load-content.ts';
import { retrievers } from '../../collectors/facts/index.ts';
import { retrieverShape } from '../../collectors/runs/collect-repo.ts';
import type { CompiledValues } from '../../collectors/support/compiled.ts';
import { PACKAGE_ROOT } from '../cli/package-root.ts';
import { BUILD_ID_FILE } from '../cli/version.ts';
import { DEFAULTS_DIR } from '../cli/standards.ts';

/** The processes and threads Cairn starts, each an entry point of its own at the root of `build/`. */
const ENTRIES = [
  'scripts/cli/cairn.ts',
  'scripts/cli/astro-process.ts',
  'scripts/cli/snapshot-summary-worker.ts',
  'collectors/repo/git-runner.ts',
  'collectors/runs/repo-worker.ts',
  'collectors/docs/render-worker.ts',
];

/**
 * Libraries left to Node: Astro and what it builds with (its own bundler, Vite, loads them as
 * files), Pagefind's binary, Shiki's grammars and the MCP SDK, each loaded only by the command that
 * needs it.
 */
const EXTERNAL = ['astro', '@astrojs/*', 'vite', 'esbuild', 'pagefind', 'shiki', '@shikijs/*', 'typescript', '@modelcontextprotocol/sdk'];

export const BUILD_DIR = join(PACKAGE_ROOT, 'build');

/** The lodash functions the bundle has: those Backstage's catalog model calls. */
const LODASH_PARTS = ['isEqual', 'merge', 'sortBy'];

/**
 * Backstage's catalog model imports the whole of lodash for three of its functions, and evaluating
 * lodash took a tenth of a warm collection's start-up: the bundle has those functions alone. The
 * compile fails if a module imports lodash otherwise, or calls a function not in LODASH_PARTS.
 */
const lodashParts: Plugin = {
  name: 'lodash-parts',
  setup(build) {
    build.onResolve({ filter: /^lodash$/ }, async ({ importer }) => {
      const source = await readFile(importer, 'utf8');
      const name = /^import (\w+) from 'lodash';$/m.exec(source)?.[1];
      // An import for its side effects only (`import 'lodash';`) calls nothing.
      if (!name && !/^import 'lodash';$/m.test(source))
        return { errors: [{ text: `${importer} imports lodash otherwise than as "import lodash from 'lodash'"` }] };
      const missing = [...(name ? source.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, 'g')) : [])]
        .map((match) => match[1]!)
        .filter((part) => !LODASH_PARTS.includes(part));
      if (missing.length) return { errors: [{ text: `${importer} calls lodash.${missing[0]}, which is not in LODASH_PARTS` }] };
      return { path: 'lodash', namespace: 'lodash-parts' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lodash-parts' }, () => ({
      contents: LODASH_PARTS.map((part) => `exports.${part} = require('lodash/${part}');`).join('\n'),
      resolveDir: PACKAGE_ROOT,
      loader: 'js',
    }));
  },
};

/**
 * Zod exports the messages of its 60 languages (\`z.locales\`) from every entry point, and Cairn speaks
 * English only: the bundle has English alone, which spares every command parsing the other 360 KB.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(importer) ? { path: 'locales', namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: PACKAGE_ROOT,
      loader: 'js',
    }));
  },
};

/** The values written into the bundle, and the files besides the sources they are read from. */
async function compiledValues(): Promise<{ values: CompiledValues; readFrom: string[] }> {
  const { scorecards } = await loadPortalContent(undefined, builtinChecks, { defaultsDir: DEFAULTS_DIR });
  const scorecardFiles = (await readdir(join(DEFAULTS_DIR, 'scorecards'))).map((name) =>
    relative(PACKAGE_ROOT, join(DEFAULTS_DIR, 'scorecards', name)),
  );
  return {
    values: {
      defaultScorecards: scorecards,
      retrieverShapes: Object.fromEntries(retrievers.map((retriever) => [retriever.id, retrieverShape(retriever) ?? null])),
    },
    readFrom: scorecardFiles,
  };
}

export async function compile(): Promise<{ files: number; inputs: number }> {
  await rm(BUILD_DIR, { recursive: true, force: true });
  const { values, readFrom } = await compiledValues();
  const result = await build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: ENTRIES,
    outdir: BUILD_DIR,
    // Every file at the root of build/: a module finds the entry points it starts beside itself
    // (`new URL('./git-runner.js', import.meta.url)`), whichever chunk it landed in.
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22.12',
    external: EXTERNAL,
    // The CommonJS libraries in the bundle require Node's modules and the external libraries.
    banner: {
      js: "import { createRequire as __cairnCreateRequire } from 'node:module'; const require = __cairnCreateRequire(import.meta.url);",
    },
    // A string, parsed where it is read: esbuild would give an object literal a module of its own, initialised from every chunk.
    plugins: [lodashParts, zodEnglishOnly],
    define: { CAIRN_COMPILED_VALUES: JSON.stringify(JSON.stringify(values)) },
    metafile: true,
    logLevel: 'warning',
  });
  // Not the libraries, nor the modules the plugins make (`lodash-parts:lodash`): no file of Cairn's.
  const made = [lodashParts, zodEnglishOnly].map((plugin) => `${plugin.name}:`);
  const inputs = Object.keys(result.metafile.inputs).filter(
    (path) => !path.startsWith('node_modules/') && !made.some((prefix) => path.startsWith(prefix)),
  );
  // package-lock.json stands for the libraries: installing others makes the bundle stale.
  const watched = [...inputs, ...readFrom, 'package-lock.json'].sort();
  const stamps = await Promise.all(
    watched.map(async (path) => {
      const stats = await stat(join(PACKAGE_ROOT, path)).catch(() => undefined);
      return stats ? [path, stats.size, stats.mtimeMs] : [path, -1, -1];
    }),
  );
  await writeFile(join(BUILD_DIR, 'inputs.json'), `${JSON.stringify(stamps)}\n`);
  // What tells this build from another of the same version: a digest of the code it is made of.
  const outputs = Object.keys(result.metafile.outputs).sort();
  const digest = createHash('sha256');
  for (const output of outputs) digest.update(output).update(await readFile(join(PACKAGE_ROOT, output)));
  await writeFile(join(BUILD_DIR, BUILD_ID_FILE), `${digest.digest('hex').slice(0, 12)}\n`);
  return { files: Object.keys(result.metafile.outputs).length, inputs: inputs.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { files, inputs } = await compile();
  process.stderr.write(
    `Compiled ${inputs} source files into ${files} files in ${relative(process.cwd(), BUILD_DIR) || BUILD_DIR} (${Math.round(performance.now() - started)} ms)\n`,
  );
}
