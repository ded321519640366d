import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import pLimit from 'p-limit';
import { createCssVariablesTheme } from 'shiki';
import { CODE_THEME, tokenClasses } from './collectors/docs/code-theme.ts';
import {
  CSP_DIRECTIVES,
  CSP_SCRIPT_RESOURCES,
  CSP_STYLE_ATTRIBUTE_RESOURCES,
  headersFile,
  keepOwnHashes,
  mergePolicies,
  pagePolicy,
  placePolicyFirst,
} from './site/lib/csp.ts';

/**
 * The portal site. `scripts/cli/site.ts` (the `cairn` CLI) sets these variables; `CAIRN_SNAPSHOT`, the
 * snapshot to render, is read by `site/snapshot.ts`.
 * - `CAIRN_BASE`: base path, e.g. `/portal/` for a GitHub Pages project site (default `/`)
 * - `CAIRN_SITE`: absolute URL the site is served from, e.g. `https://acme.github.io`
 * - `CAIRN_OUT_DIR`: output folder (default `dist`)
 * - `CAIRN_GUIDES_DIR`: the portal's `content/guides/`, read by `site/content.config.ts`
 * - `CAIRN_BADGES`: portal.yaml's `badges` as JSON (`true` or scorecard ids), read by `site/collections.ts`
 */
const { CAIRN_BASE, CAIRN_SITE, CAIRN_OUT_DIR } = process.env;

export default defineConfig({
  srcDir: './site',
  output: 'static',
  base: CAIRN_BASE || '/',
  ...(CAIRN_SITE ? { site: CAIRN_SITE } : {}),
  outDir: CAIRN_OUT_DIR || 'dist',
  trailingSlash: 'always',
  // Stylesheets are linked, never inlined: a component's small <style> inlined into each of ten
  // thousand entity pages costs more than one cached file. Four pages at a time: one page's file is
  // written while the next renders (5–10% off a build, the same output).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Code coloured as repository docs are (collectors/docs/code-theme.ts): site/styles/cairn.css gives
  // each kind of token its colour for light and dark.
  markdown: { shikiConfig: { theme: createCssVariablesTheme(CODE_THEME), transformers: [tokenClasses] } },
  integrations: [mdx(), contentSecurityPolicy()],
  devToolbar: { enabled: false },
  // Every page's Content-Security-Policy, with the hashes of the inline scripts and styles Astro
  // emits; the fixed directives and why each source is there: site/lib/csp.ts.
  security: {
    csp: {
      directives: CSP_DIRECTIVES,
      scriptDirective: { resources: CSP_SCRIPT_RESOURCES },
      styleDirective: { resources: CSP_STYLE_ATTRIBUTE_RESOURCES.map((resource) => ({ resource, kind: 'attribute' })) },
    },
  },
  vite: {
    // Bundled, so only the few helpers the pages use are loaded: imported from node_modules, the
    // package evaluates its whole catalog model, Ajv included, in every build.
    ssr: { noExternal: ['@backstage/catalog-model'] },
    // The dev server watches its root, Cairn's folder: not the other builds' folders, nor the
    // benchmark's organisations of ten thousand repositories, which exhaust the system's watches.
    server: { watch: { ignored: ['**/.cache/builds/**', '**/.cache/bench/**'] } },
    build: {
      rollupOptions: {
        // Every MDX guide carries Astro's own "use astro:head-inject" directive; the bundler's note
        // about it is noise to a portal's users, once per guide.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});

/**
 * After the build: each page's policy moves to the top of its `<head>`, and `_headers` gets one
 * policy allowing what any page's does, for hosts that send headers from that file. A page
 * without a policy fails the build, since it would be the one page escaping could not fall back on.
 */
function contentSecurityPolicy() {
  return {
    name: 'cairn-content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
        // A few files at a time: the rewrite is mostly waiting on the disk.
        const limit = pLimit(8);
        const policies = await Promise.all(
          pages.map((file) =>
            limit(async () => {
              const path = join(root, file);
              const html = await readFile(path, 'utf8');
              if (pagePolicy(html) === undefined)
                throw new Error(
                  `${file} has no Content-Security-Policy: every page must render its <head> through site/layouts/Page.astro`,
                );
              const placed = placePolicyFirst(keepOwnHashes(html));
              if (placed !== html) await writeFile(path, placed);
              return pagePolicy(placed);
            }),
          ),
        );
        // Merged in page order, so the same site gives the same file.
        await writeFile(join(root, '_headers'), headersFile(mergePolicies(policies)));
      },
    },
  };
}
