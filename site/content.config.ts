import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The portal's `content/guides/` folder, set by the CLI; without it there are no guide bodies to render. */
const guidesDir = process.env.CAIRN_GUIDES_DIR;

/**
 * The one content collection: `guideBodies`, the guides' MDX, keyed by guide id (the collectors
 * validated the frontmatter and links, with file and line; here it is only rendered). Everything
 * else the pages show comes from the snapshot, read directly (`site/snapshot.ts`, through
 * `site/collections.ts`).
 */
export const collections = {
  guideBodies: defineCollection({
    loader: guidesDir
      ? glob({ pattern: '**/*.mdx', base: pathToFileURL(`${guidesDir}/`), generateId: ({ entry }) => entry.replace(/\.mdx$/, '') })
      : { name: 'no-guides', load: async () => {} },
    schema: z.looseObject({}),
  }),
};
