import { parseDocument } from 'yaml';
import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

const MARKDOWN = /\.(md|markdown)$/i;

export const docs = defineRetriever({
  id: 'docs',
  version: 1,
  description: 'Documentation in the repository: the docs folder, its Markdown pages, and mkdocs.yml.',
  schema: z.object({
    /** `docs/` (or mkdocs' `docs_dir`) when it holds Markdown. */
    dir: z.string().optional(),
    /** Markdown files under the docs folder, sorted. */
    pages: z.array(z.string()),
    mkdocs: z.object({ path: z.string(), siteName: z.string().optional(), hasNav: z.boolean() }).optional(),
  }),
  async collect({ repo, problem }) {
    const mkdocsPath = ['mkdocs.yml', 'mkdocs.yaml'].find((path) => repo.has(path));
    let mkdocs: { path: string; siteName?: string; hasNav: boolean; docsDir?: string } | undefined;
    if (mkdocsPath) {
      const text = (await repo.readText(mkdocsPath)) ?? '';
      // mkdocs.yml uses custom tags (!!python/name:…); they are kept as plain values, never resolved.
      const document = parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false });
      const error = document.errors[0];
      if (error) problem({ severity: 'warning', file: mkdocsPath, ...(error.linePos ? { line: error.linePos[0].line } : {}), message: `Could not parse ${mkdocsPath}: ${error.message.split('\n')[0]}` });
      const config = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
      const siteName = typeof config?.site_name === 'string' ? config.site_name : undefined;
      const docsDir = typeof config?.docs_dir === 'string' ? config.docs_dir.replace(/^\.\/|\/$/g, '') : undefined;
      mkdocs = { path: mkdocsPath, ...(siteName ? { siteName } : {}), hasNav: Array.isArray(config?.nav), ...(docsDir ? { docsDir } : {}) };
    }
    const dir = mkdocs?.docsDir ?? 'docs';
    const pages = repo.glob(`${dir}/**/*`).filter((path) => MARKDOWN.test(path));
    const { docsDir: _, ...mkdocsFacts } = mkdocs ?? { docsDir: undefined };
    return {
      ...(pages.length > 0 ? { dir } : {}),
      pages,
      ...(mkdocs ? { mkdocs: mkdocsFacts as { path: string; siteName?: string; hasNav: boolean } } : {}),
    };
  },
});
