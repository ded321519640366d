import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildEntityDocs } from '../../collectors/docs/index.ts';
import type { DocRoot } from '../../collectors/facts/docs-site/schema.ts';
import { withDigest } from '../../collectors/facts/doc-sources.ts';
import type { Facts } from '../../collectors/facts/index.ts';
import { snapshotSchema, SNAPSHOT_SCHEMA_VERSION, type CatalogEntity, type Snapshot } from '../../collectors/contract/snapshot.ts';
import { LOGO_PNG } from '../../scripts/dev/demo-org/templates.ts';
import { buildSite } from '../../scripts/cli/site.ts';
import { useBrowserSite, type BrowserSite } from './fixture-browser.ts';

/** Markdown that tries every way into a docs page: each payload must render inert. */
export const HOSTILE_DOCS = [
  '# Hostile docs',
  '',
  'Each payload below must stay inert. <span id="__xss">clobbering attempt</span>',
  '',
  '<script>window.__xss = "script"; alert("script")</script>',
  '',
  '<img src="x" onerror="window.__xss = \'onerror\'; alert(\'onerror\')">',
  '',
  "[markdown javascript link](javascript:window.__xss='md-link';alert(1))",
  '',
  '<a href="JaVaScRiPt:window.__xss=\'html-link\';alert(1)">mixed-case javascript link</a>',
  '',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '',
  '<svg onload="window.__xss=\'svg-onload\'"><script>window.__xss = "svg"; alert("svg")</script></svg>',
  '',
  '<iframe src="javascript:alert(1)"></iframe><object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//">',
  '',
  '<form action="javascript:alert(1)"><button>Submit</button></form>',
  '',
  '<p style="background:url(javascript:alert(1))" onmouseover="window.__xss=\'hover\'">Hover me</p>',
  '',
  '<img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=" alt="inline svg">',
  '',
  '![The logo](img/logo.png)',
  '',
  '![Remote tracker](https://tracker.example/pixel.png)',
  '',
  'See [the guide](guide/setup.md#install) and [escape](../../../../etc/passwd).',
  '',
  '```ts',
  'const answer: number = 42;',
  '```',
  '',
].join('\n');

const SETUP = ['# Setup', '', '## Install', '', '```bash', 'npm install', '```', '', 'Back to [the home page](../index.md).', ''].join(
  '\n',
);

const ENTITY: CatalogEntity = {
  ref: 'component:default/hostile-docs',
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'hostile-docs', namespace: 'default', title: 'Hostile docs', annotations: { 'backstage.io/techdocs-ref': 'dir:.' } },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/platform' },
  relations: [],
  source: { repo: 'hostile-docs', file: 'catalog-info.yaml', line: 1 },
  inferred: false,
};

const ROOT: DocRoot = {
  base: '.',
  docsDir: 'docs',
  mkdocs: {
    path: 'mkdocs.yml',
    siteName: 'Hostile handbook',
    nav: [
      { title: 'Home', target: 'index.md', line: 3 },
      { title: 'Guide', line: 4, children: [{ title: 'Setup', target: 'guide/setup.md', line: 5 }] },
    ],
  },
  pages: [
    { path: 'docs/index.md', text: HOSTILE_DOCS },
    { path: 'docs/guide/setup.md', text: SETUP },
  ],
};

/** A snapshot with one entity whose docs are the hostile Markdown above, rendered by the real renderer. */
export async function docsSnapshotFixture(): Promise<Snapshot> {
  const facts = {
    head: { commit: 'a'.repeat(40), date: '2026-01-15T10:00:00Z', branch: 'main' },
    docSources: withDigest({
      roots: [ROOT],
      images: [{ path: 'docs/img/logo.png', mediaType: 'image/png', base64: Buffer.from(LOGO_PNG).toString('base64') }],
    }),
  } as Facts;
  const repo = { name: 'hostile-docs', webUrl: 'https://git.example.com/acme/hostile-docs', facts };
  const { docs, problems } = await buildEntityDocs({ entities: [ENTITY], repos: [repo] });
  return snapshotSchema.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: '2026-01-15T12:00:00.000Z',
    portal: { title: 'Docs fixture', guides: {} },
    entities: [ENTITY],
    repos: [{ name: repo.name, source: 'directory', webUrl: repo.webUrl, facts: { head: facts.head }, problems: [] }],
    checks: [],
    scorecards: [],
    results: [],
    guides: [],
    initiatives: [],
    docs,
    problems,
  });
}

/** The entity the fixture's docs belong to, and its docs URL below the site root. */
export const DOCS_FIXTURE = { entity: ENTITY, path: 'catalog/default/component/hostile-docs/docs/' } as const;

/** The docs fixture site: the hostile docs, rendered by the real renderer, in a site of their own. */
export function useDocsFixtureSite(): BrowserSite {
  return useBrowserSite(async (workDir, base) => {
    const snapshot = join(workDir, 'snapshot.json');
    await writeFile(snapshot, JSON.stringify(await docsSnapshotFixture()));
    const outDir = join(workDir, 'dist');
    await buildSite({ snapshot, outDir, base });
    return outDir;
  });
}
