import { z } from 'zod';

/** A folder of git work trees, matched by a glob (tinyglobby syntax) relative to `portal.yaml`. */
export const directorySourceSchema = z.strictObject({
  type: z.literal('directory'),
  /** Glob matching repository folders, e.g. `../repos/*`. Relative to the config file. */
  repos: z.string().min(1),
  /**
   * Web UI of each repository, with `{name}` replaced by the repository name, e.g.
   * `https://github.com/acme/{name}`. Used for "view source" and evidence links.
   */
  webUrl: z.url().optional(),
});

export const sourceSchema = z.discriminatedUnion('type', [directorySourceSchema]);

/** `portal.yaml`: the one file a platform team writes to set up its portal. */
export const portalConfigSchema = z.strictObject({
  /** Shown in the header and the page titles. */
  title: z.string().min(1).default('Cairn'),
  /** Absolute URL the site is served from, e.g. `https://acme.github.io`. */
  site: z.url().optional(),
  /** Base path for a project site, e.g. `/portal/` for `https://acme.github.io/portal/`. */
  base: z.string().regex(/^\//, 'a path starting with /').default('/'),
  /** Where the repositories come from. */
  sources: z.array(sourceSchema).default([]),
  /** Git history window for the activity facts. */
  activity: z.strictObject({ windowDays: z.number().int().positive().default(90) }).default({ windowDays: 90 }),
  /** How many repositories are read at once (default: twice the CPU count). */
  concurrency: z.number().int().positive().optional(),
});

export type DirectorySource = z.infer<typeof directorySourceSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type PortalConfig = z.infer<typeof portalConfigSchema>;
