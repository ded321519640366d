import type { Guide } from '../../../collectors/contract/snapshot.ts';
import { getGuides } from '../../collections.ts';
import { guideIdFromPath } from '../../lib/guides.ts';

/**
 * The guide whose page is being rendered. MDX components receive only the props an author writes,
 * so `<Adoption/>` and friends find their guide from the page's URL.
 */
export async function currentGuide(url: URL): Promise<Guide> {
  const id = guideIdFromPath(url.pathname, import.meta.env.BASE_URL);
  const guide = id === undefined ? undefined : (await getGuides()).find((candidate) => candidate.id === id);
  if (!guide)
    throw new Error(`Guide components (<Adoption/>, <CheckList/>, <Examples/>) work only in guides; ${url.pathname} is not a guide page.`);
  return guide;
}
