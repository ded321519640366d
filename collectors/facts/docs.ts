import { z } from 'zod';
import { defineRetriever } from './retriever.ts';
import { parseMkdocs } from './docs-site/mkdocs.ts';

/** Documentation pages: Markdown, and the reStructuredText and AsciiDoc of Sphinx and Antora sites. */
const DOC_PAGE = /\.(md|markdown|mdx|rst|adoc|asciidoc)$/i;

/**
 * Where a documentation website kept beside the code has its pages, when there is no docs/ folder:
 * Hugo's `content/` and Docusaurus' `docs/` of a `site/` or `website/` folder (cobra's site/content/),
 * or a `documentation/` folder.
 */
const SITE_FOLDERS = ['website/docs', 'website/content', 'site/content', 'site/docs', 'documentation'];

export const docs = defineRetriever({
  id: 'docs',
  version: 9,
  description: 'Documentation in the repository: the docs folder, its pages (Markdown, reStructuredText, AsciiDoc), and mkdocs.yml.',
  schema: z.object({
    /** `docs/` (or mkdocs' `docs_dir`) when it holds documentation pages. */
    dir: z.string().optional(),
    /** Documentation pages under the docs folder (Markdown, reStructuredText, AsciiDoc), sorted. */
    pages: z.array(z.string()),
    mkdocs: z.object({ path: z.string(), siteName: z.string().optional(), hasNav: z.boolean() }).optional(),
    /** The docs folder's `conf.py` when it is a Sphinx project that no mkdocs.yml builds: the portal does not publish it. */
    sphinx: z.string().optional(),
    /** The pages are a documentation website's (`dir` is one of its folders, not docs/): the portal does not publish them. */
    website: z.literal(true).optional(),
  }),
  async collect({ repo }) {
    const mkdocsPath = ['mkdocs.yml', 'mkdocs.yaml'].find((path) => repo.has(path));
    let mkdocs: { path: string; siteName?: string; hasNav: boolean; docsDir?: string } | undefined;
    if (mkdocsPath) {
      const text = (await repo.readText(mkdocsPath)) ?? '';
      // Read as the docs are (docSources), which reports once, at its line, an mkdocs.yml it cannot use.
      const { docsDir, mkdocs: parsed } = parseMkdocs(text, mkdocsPath, '.');
      mkdocs = { path: mkdocsPath, ...(parsed.siteName ? { siteName: parsed.siteName } : {}), hasNav: parsed.nav !== undefined, docsDir };
    }
    const pagesOf = (folder: string) => repo.glob(`${folder}/**/*`).filter((path) => DOC_PAGE.test(path));
    let dir = mkdocs?.docsDir ?? 'docs';
    let pages = pagesOf(dir);
    let website = false;
    for (const folder of !mkdocs && pages.length === 0 ? SITE_FOLDERS : []) {
      pages = pagesOf(folder);
      if (pages.length === 0) continue;
      dir = folder;
      website = true;
      break;
    }
    const { docsDir: _, ...mkdocsFacts } = mkdocs ?? { docsDir: undefined };
    const sphinx = mkdocs ? undefined : `${dir}/conf.py`;
    return {
      ...(pages.length > 0 ? { dir } : {}),
      pages,
      ...(sphinx && pages.length > 0 && repo.has(sphinx) ? { sphinx } : {}),
      ...(website ? { website: true as const } : {}),
      ...(mkdocs ? { mkdocs: mkdocsFacts as { path: string; siteName?: string; hasNav: boolean } } : {}),
    };
  },
});
