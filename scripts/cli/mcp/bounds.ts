import { z } from 'zod';
import { plainData } from '../../../collectors/contract/helpers.ts';

/*
 * Every answer is bounded, so one question about a large organisation cannot flood an assistant's
 * context: lists come in pages (`cursor`, `limit`), long texts are cut with a note of how much was
 * left out, and a page stops early rather than pass the size cap. Repository text is only ever
 * data: it travels as JSON strings, control characters removed.
 */

/** Items in a page unless `limit` says otherwise. */
export const DEFAULT_LIMIT = 20;
/** The most items one page may hold. */
export const MAX_LIMIT = 100;
/** The most characters of JSON one answer may hold (about 15,000 tokens). */
export const MAX_ANSWER_CHARS = 60_000;
/** Repository text in an answer (a description, a check's message, an evidence note). */
export const MAX_TEXT = 1_000;
/** The standards' Markdown (a check's fix, why it matters). */
export const MAX_MARKDOWN = 4_000;
/** Items of a list inside an item (evidence of a check, relations of one type). */
export const MAX_NESTED = 20;
/** An error's message: it may quote repository text too. */
export const MAX_ERROR_CHARS = 4_000;
/** A path in an answer: one longer is cut. */
export const MAX_LOCATION = 300;
/** A URL in an answer: one longer is left out, as a cut one would lead nowhere. */
export const MAX_URL = 2_000;

/** The paging arguments of every tool that lists. */
export const pageArguments = {
  cursor: z.string().max(200).optional().describe('nextCursor of the previous answer, for the next page.'),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional().describe(`How many items (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).`),
};

export interface PageArguments {
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** One page of a list: the items, how many there are in all, and the cursor of the next page. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor?: string;
}

/**
 * The page of `items` that `cursor` and `limit` ask for, each item shaped by `shape` (only the
 * page's: a large catalog is not shaped whole). It ends early when its JSON would pass `budget`
 * characters (but holds one item at least), and `nextCursor` then starts where it ended.
 */
export function page<T, Shaped = T>(
  items: readonly T[],
  { cursor, limit = DEFAULT_LIMIT }: PageArguments,
  shape: (item: T) => Shaped = (item) => item as unknown as Shaped,
  budget = MAX_ANSWER_CHARS * 0.9,
): Page<Shaped> {
  const offset = cursor === undefined ? 0 : offsetOf(cursor);
  const { items: taken } = fitting(items.slice(offset, offset + limit).map(shape), budget);
  const end = offset + taken.length;
  return { items: taken, total: items.length, ...(end < items.length ? { nextCursor: cursorOf(end) } : {}) };
}

/** Cursors are opaque to the assistant: an offset, encoded. */
function cursorOf(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function offsetOf(cursor: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // Not one of ours: said below.
  }
  throw new Error(
    `cursor "${cursor}" is not one this server gave; pass the nextCursor of the previous answer, or no cursor for the first page.`,
  );
}

/** `text` cut to `max` characters, saying how many more there were. */
export function clip(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}

/** The first `max` of `items`, and how many were left out when any were. */
export function firstOf<T>(items: readonly T[], max = MAX_NESTED): { items: T[]; omitted?: number } {
  return items.length <= max ? { items: [...items] } : { items: items.slice(0, max), omitted: items.length - max };
}

/**
 * The first of `items` whose JSON fits in `budget` characters (one at least: each item's own parts
 * are bounded), and how many were left out: for the lists of an answer that has several, so that
 * together they stay under the cap.
 */
export function fitting<T>(items: readonly T[], budget: number): { items: T[]; omitted?: number } {
  let size = 0;
  const taken: T[] = [];
  for (const item of items) {
    size += JSON.stringify(item).length + 1;
    if (taken.length > 0 && size > budget) break;
    taken.push(item);
  }
  return taken.length === items.length ? { items: taken } : { items: taken, omitted: items.length - taken.length };
}

/** An answer as the client receives it: the data as structured content, and the same JSON as text. */
export function answer(data: Record<string, unknown>): {
  content: Array<{ type: 'text'; text: string }>;
  structuredContent: Record<string, unknown>;
} {
  const clean = plainData(data, { replacement: '' });
  return { content: [{ type: 'text', text: JSON.stringify(clean) }], structuredContent: clean };
}

/** Data as a resource's JSON text, cleaned as answers are. */
export function jsonText(data: unknown): string {
  return JSON.stringify(plainData(data, { replacement: '' }), null, 2);
}
