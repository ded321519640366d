import { z } from 'zod';

/** A heading of a rendered page, for its table of contents and `#section` links. */
export const docHeadingSchema = z.object({
  depth: z.number().int().min(1).max(6),
  /** The heading's `id` in the page's HTML. */
  slug: z.string(),
  text: z.string(),
});

/** One rendered Markdown page of a repository's docs. */
export const docPageSchema = z.object({
  /** Path below the entity's docs URL: `''` for the docs home, else e.g. `guides/setup` (no leading or trailing slash). */
  slug: z.string(),
  title: z.string(),
  /** Repository path of the Markdown source, for "view source" and "edit" links. */
  source: z.string(),
  /** Sanitized HTML. Links and images are relative to the page's own URL, so the site's base path never matters. */
  html: z.string(),
  headings: z.array(docHeadingSchema),
  /** MkDocs syntax the page uses that the portal shows as written (`unrendered-syntax.ts`), for a notice on the page. */
  unrendered: z.array(z.string()).optional(),
});

/** An entry of the docs navigation: a page (`slug`) or a section (`children`), or both. */
export interface DocNavItem {
  title: string;
  slug?: string;
  children?: DocNavItem[];
}

export const docNavItemSchema: z.ZodType<DocNavItem> = z.object({
  title: z.string(),
  slug: z.string().optional(),
  get children() {
    return z.array(docNavItemSchema).optional();
  },
});

/** A file the docs pages show (an image), published below the entity's docs URL. */
export const docAssetSchema = z.object({
  /** Path below the entity's docs URL, e.g. `_assets/docs/img/architecture.png`. */
  path: z.string(),
  mediaType: z.string(),
  base64: z.string(),
});

/** A repository's documentation rendered for one entity: `/catalog/<ns>/<kind>/<name>/docs/…`. */
export const entityDocsSchema = z.object({
  entityRef: z.string(),
  repo: z.string(),
  /** mkdocs' `site_name`, else the entity's title or name. */
  title: z.string(),
  /** Why the entity has docs: its `backstage.io/techdocs-ref` annotation, or a `docs/` folder beside its descriptor. */
  origin: z.enum(['annotation', 'docs-folder']),
  /** Repository folder the docs were read from (`.` for the root). */
  dir: z.string(),
  /** Sorted by slug; the home page (`''`) first. */
  pages: z.array(docPageSchema),
  nav: z.array(docNavItemSchema),
  assets: z.array(docAssetSchema),
});

export type DocHeading = z.infer<typeof docHeadingSchema>;
export type DocPage = z.infer<typeof docPageSchema>;
export type DocAsset = z.infer<typeof docAssetSchema>;
export type EntityDocs = z.infer<typeof entityDocsSchema>;
