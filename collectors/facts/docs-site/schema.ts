import { z } from 'zod';

/** Repository docs are bounded: a generated API reference of thousands of pages is not a docs site. */
export const DOC_LIMITS = {
  pages: 200,
  pageBytes: 2 * 1024 * 1024,
  imageBytes: 1024 * 1024,
  imagesTotalBytes: 8 * 1024 * 1024,
} as const;

/** An entry of mkdocs' `nav`, with the line it is on (for "missing file" problems). */
export interface MkdocsNavEntry {
  title?: string;
  /** A Markdown path relative to `docs_dir`, or an external URL. */
  target?: string;
  /**
   * mkdocs-monorepo-plugin's `'!include ./sub/mkdocs.yml'`: the included mkdocs.yml as written
   * (relative to the including file's folder) from `parseMkdocs`; in the fact, its repository path,
   * once the retriever has checked that it stays inside the repository and can be read.
   */
  include?: string;
  children?: MkdocsNavEntry[];
  line: number;
}

const mkdocsNavEntrySchema: z.ZodType<MkdocsNavEntry> = z.object({
  title: z.string().optional(),
  target: z.string().optional(),
  include: z.string().optional(),
  get children() {
    return z.array(mkdocsNavEntrySchema).optional();
  },
  line: z.number().int().positive(),
});

const textFileSchema = z.object({ path: z.string(), text: z.string() });

export const docRootSchema = z.object({
  /** The folder holding mkdocs.yml, or the folder a `docs/` folder is in; `.` for the repository root. */
  base: z.string(),
  /** Repository folder of the Markdown pages (mkdocs' `docs_dir`, else `<base>/docs`). */
  docsDir: z.string(),
  mkdocs: z
    .object({
      path: z.string(),
      siteName: z.string().optional(),
      nav: z.array(mkdocsNavEntrySchema).optional(),
      /** mkdocs-literate-nav's `nav_file` (default SUMMARY.md), when the plugin is on: a folder's Markdown list of links orders it. */
      literateNavFile: z.string().optional(),
      /** The `markdown_extensions` it turns on that the portal does not render, with the key's line. */
      unrendered: z.object({ names: z.array(z.string()), line: z.number().int().positive().optional() }).optional(),
      /** Why mkdocs.yml could not be used, with its line; the pages are then shown with the folder tree. */
      error: z.object({ message: z.string(), line: z.number().int().positive().optional() }).optional(),
    })
    .optional(),
  /** Markdown under `docsDir`, sorted by path. */
  pages: z.array(textFileSchema),
  /** The README in `base` (else the repository's root README), a home page when the docs have none. */
  readme: textFileSchema.optional(),
});

export const docImageSchema = z.object({ path: z.string(), mediaType: z.string(), base64: z.string() });

export type DocRoot = z.infer<typeof docRootSchema>;
export type DocImage = z.infer<typeof docImageSchema>;
