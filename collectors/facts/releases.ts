import { z } from 'zod';
import { readableHistory } from '../repo/reader.ts';
import { defineRetriever } from './retriever.ts';

/** Tags kept: the newest are all a "released lately?" check needs. */
export const RELEASES_KEPT = 10;

/**
 * Release tags, newest first. Git gives a tag the date of the commit it points at; the reader sees
 * only tags on the newest commits it scans, so an old release in a very busy repository is not seen.
 */
export const releases = defineRetriever({
  id: 'releases',
  version: 1,
  description: `The newest ${RELEASES_KEPT} git tags with their commit dates, newest first.`,
  schema: z.array(z.object({ name: z.string(), date: z.iso.datetime({ offset: true }) })),
  tagDependent: true,
  async collect({ repo }) {
    const { tags } = await readableHistory(repo);
    return tags
      .map(({ name, date }, index) => ({ name, date, index }))
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.index - b.index)
      .slice(0, RELEASES_KEPT)
      .map(({ name, date }) => ({ name, date }));
  },
});
