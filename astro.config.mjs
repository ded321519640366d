import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

/**
 * The portal site. `scripts/site.ts` (the `cairn` CLI) sets these variables; `CAIRN_SNAPSHOT`, the
 * snapshot to render, is read by the content loader (`site/loaders/snapshot.ts`).
 * - `CAIRN_BASE`: base path, e.g. `/portal/` for a GitHub Pages project site (default `/`)
 * - `CAIRN_SITE`: absolute URL the site is served from, e.g. `https://acme.github.io`
 * - `CAIRN_OUT_DIR`: output folder (default `dist`)
 * - `CAIRN_GUIDES_DIR`: the portal's `content/guides/`, read by `site/content.config.ts`
 */
const { CAIRN_BASE, CAIRN_SITE, CAIRN_OUT_DIR } = process.env;

export default defineConfig({
  srcDir: './site',
  output: 'static',
  base: CAIRN_BASE || '/',
  ...(CAIRN_SITE ? { site: CAIRN_SITE } : {}),
  outDir: CAIRN_OUT_DIR || 'dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Light and dark code colours as CSS variables; site/styles/guides.css picks one by colour scheme.
  markdown: { shikiConfig: { themes: { light: 'github-light', dark: 'github-dark-default' }, defaultColor: false } },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: {
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
