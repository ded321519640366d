import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { getCatalog, getGuides, getPortal, getStandards } from '../collections.ts';
import { llmsFullTxt } from '../lib/exports.ts';
import { guideBodyMarkdown } from '../lib/guide-markdown.ts';
import { publicUrl } from '../lib/urls.ts';

/** llms.txt with every guide in full, as Markdown (llmstxt.org's llms-full.txt); links are absolute when the portal's URL is set. */
export const GET: APIRoute = async ({ site }) => {
  const [portal, catalog, standards, guides] = await Promise.all([getPortal(), getCatalog(), getStandards(), getGuides()]);
  const bodies = new Map(
    await Promise.all(guides.map(async (guide) => [guide.id, (await getEntry('guideBodies', guide.id))?.body] as const)),
  );
  const url = (path: string) => publicUrl(path, site);
  const markdown = (guide: (typeof guides)[number]) => {
    const body = bodies.get(guide.id);
    return body === undefined
      ? undefined
      : guideBodyMarkdown({ guide, body, catalog, standards, url, headingShift: 2, minHeadingDepth: 4 });
  };
  return new Response(llmsFullTxt({ title: portal.title, guides, entities: catalog.entities, url, markdown }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
