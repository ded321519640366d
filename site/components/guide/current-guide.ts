import { getEntry } from 'astro:content';
import type { Guide } from '../../../collectors/contract/snapshot.ts';
import { guideIdFromPath } from '../../lib/guides.ts';

/**
 * The guide whose page is being rendered. MDX components receive only the props an author writes,
 * so `<Adoption/>` and friends find their guide from the page's URL.
 */
export async function currentGuide(url: URL): Promise<Guide> {
  const id = guideIdFromPath(url.pathname, import.meta.env.BASE_URL);
  const entry = id === undefined ? undefined : await getEntry('guides', id);
  if (!entry)
    throw new Error(`Guide components (<Adoption/>, <CheckList/>, <Examples/>) work only in guides; ${url.pathname} is not a guide page.`);
  return entry.data;
}
