import { resolve } from 'node:path';
import { defineCommand, type Command } from './command.ts';
import { collectionOptions } from './collection-options.ts';

// Commands load the collectors and Astro only when they run, so `--help` answers at once.
const collection = () => import('./collection.ts');
const site = () => import('../site.ts');

const EXIT_CODES = 'Exit codes: 0 done; 1 --strict and there are problems (or nothing was collected); 2 bad usage or configuration.';

const siteOptions = {
  base: { type: 'string', value: '<path>', description: "Base path of the site, e.g. /portal/ for a GitHub Pages project site (default: portal.yaml's base, else /)." },
  site: { type: 'string', value: '<url>', description: "Absolute URL the site is published at (default: portal.yaml's site)." },
} as const;

export const collectCommand = defineCommand({
  name: 'collect',
  summary: 'Scan the repositories and write the snapshot JSON (no site).',
  options: collectionOptions,
  details: `Examples:\n  cairn collect --repos '../repos/*' --snapshot snapshot.json\n  cairn collect --config ./portal.yaml\n\n${EXIT_CODES}`,
  async run(values) {
    const { runCollection, strictVerdict } = await collection();
    const { snapshot } = await runCollection(values);
    return reportStrict(values.strict, strictVerdict(snapshot));
  },
});

export const buildCommand = defineCommand({
  name: 'build',
  summary: 'Scan the repositories, write the snapshot and build the static portal.',
  options: {
    ...collectionOptions,
    out: { type: 'string', short: 'o', value: '<dir>', description: 'Where the site is written (default: dist).' },
    ...siteOptions,
  },
  details: `Examples:\n  cairn build --repos '../repos/*' --out site\n  cairn build --config ./portal.yaml --base /portal/\n\n${EXIT_CODES}`,
  async run(values) {
    const { runCollection, strictVerdict } = await collection();
    const { snapshot, path, loaded } = await runCollection(values);
    const outDir = resolve(values.out ?? 'dist');
    const { buildSite } = await site();
    await buildSite({ snapshot: path, outDir, base: values.base ?? loaded.config.base, ...siteUrl(values.site ?? loaded.config.site) });
    process.stderr.write(`Built the portal → ${values.out ?? 'dist'}\n`);
    return reportStrict(values.strict, strictVerdict(snapshot));
  },
});

export const devCommand = defineCommand({
  name: 'dev',
  summary: "Collect, then run Astro's dev server on the portal (for working on the site or content).",
  options: { ...collectionOptions, ...siteOptions },
  async run(values) {
    const { path, loaded } = await (await collection()).runCollection(values);
    const { devSite } = await site();
    await devSite({ snapshot: path, base: values.base ?? loaded.config.base });
    return 0;
  },
});

export const previewCommand = defineCommand({
  name: 'preview',
  summary: 'Serve a built portal locally.',
  options: {
    out: { type: 'string', short: 'o', value: '<dir>', description: 'The built site to serve (default: dist).' },
    base: siteOptions.base,
  },
  async run(values) {
    const { previewSite } = await site();
    await previewSite({ outDir: resolve(values.out ?? 'dist'), ...(values.base ? { base: values.base } : {}) });
    return 0;
  },
});

/** Every command, in the order `cairn --help` lists them. */
export const commands: Command[] = [buildCommand, collectCommand, devCommand, previewCommand] as Command[];

function reportStrict(strict: boolean | undefined, verdict: string | undefined): number {
  if (!strict || !verdict) return 0;
  process.stderr.write(`--strict: ${verdict}\n`);
  return 1;
}

function siteUrl(site: string | undefined): { site?: string } {
  return site ? { site } : {};
}
