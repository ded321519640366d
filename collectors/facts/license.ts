import spdxFull from 'spdx-license-list/full.js';
import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

const LICENSE_FILE = /^(un)?licen[sc]e(-[a-z0-9.-]+)?(\.(md|txt|rst))?$|^copying(\.(md|txt))?$/i;

/** Licenses whose full text Cairn compares a LICENSE file against (the ones repositories really use). */
const COMMON = ['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MPL-2.0', 'GPL-2.0-only', 'GPL-3.0-only', 'LGPL-2.1-only', 'LGPL-3.0-only', 'AGPL-3.0-only', 'Unlicense', '0BSD', 'EPL-2.0', 'CC0-1.0', 'BSL-1.0'];

/** Titles that name a license in a file's first lines, for files too short or too edited to compare. */
const TITLES: Array<[RegExp, string]> = [
  [/\bMIT License\b|^\s*The MIT License/im, 'MIT'],
  [/Apache License,?\s+Version 2\.0/i, 'Apache-2.0'],
  [/Mozilla Public License,?\s+(v\.|Version)\s*2\.0/i, 'MPL-2.0'],
  [/GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/i, 'AGPL-3.0-only'],
  [/GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/i, 'LGPL-3.0-only'],
  [/GNU LESSER GENERAL PUBLIC LICENSE\s+Version 2\.1/i, 'LGPL-2.1-only'],
  [/GNU GENERAL PUBLIC LICENSE\s+Version 3/i, 'GPL-3.0-only'],
  [/GNU GENERAL PUBLIC LICENSE\s+Version 2/i, 'GPL-2.0-only'],
  [/BSD 3-Clause License/i, 'BSD-3-Clause'],
  [/BSD 2-Clause License/i, 'BSD-2-Clause'],
  [/^\s*ISC License/im, 'ISC'],
  [/This is free and unencumbered software released into the public domain/i, 'Unlicense'],
  [/Eclipse Public License - v 2\.0/i, 'EPL-2.0'],
  [/Boost Software License - Version 1\.0/i, 'BSL-1.0'],
];

/**
 * Licensee's threshold: word sets must overlap this much to call two texts the same license. Lower
 * lets look-alikes through (JSON's "Good, not Evil" clause reads as MIT at 0.97; BSD-4 as BSD-3).
 */
const SIMILARITY_THRESHOLD = 0.98;

export const license = defineRetriever({
  id: 'license',
  version: 2,
  description: 'The root LICENSE file and its SPDX id, when the text is recognised.',
  schema: z
    .object({
      path: z.string(),
      /** SPDX identifier, absent when the text matches no known license. */
      spdxId: z.string().optional(),
    })
    .nullable(),
  async collect({ repo }) {
    const path = repo.files().find((file) => !file.includes('/') && LICENSE_FILE.test(file));
    if (!path) return null;
    const text = await repo.readText(path);
    const spdxId = text === undefined ? undefined : identifyLicense(text);
    return { path, ...(spdxId ? { spdxId } : {}) };
  },
});

/** The SPDX id of a license text: an explicit identifier, a close full-text match, or a known title. */
export function identifyLicense(text: string): string | undefined {
  const declared = text.match(/SPDX-License-Identifier:\s*([A-Za-z0-9.+-]+)/)?.[1];
  if (declared && declared in spdxFull) return declared;
  const words = wordSet(text);
  let best: { id: string; score: number } | undefined;
  for (const [id, reference] of referenceWordSets()) {
    const score = dice(words, reference);
    if (!best || score > best.score) best = { id, score };
  }
  if (best && best.score >= SIMILARITY_THRESHOLD) return best.id;
  const head = text.split('\n').slice(0, 12).join('\n');
  return TITLES.find(([pattern]) => pattern.test(head))?.[1];
}

let references: Map<string, Set<string>> | undefined;

function referenceWordSets(): Map<string, Set<string>> {
  references ??= new Map(COMMON.filter((id) => id in spdxFull).map((id) => [id, wordSet(spdxFull[id]!.licenseText)]));
  return references;
}

/** Words of a license text without the parts that vary per project (holder, year, placeholders). */
function wordSet(text: string): Set<string> {
  const normalized = text
    .toLowerCase()
    .replace(/^\s*(copyright|\(c\)|©).*$/gm, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9']+/g, ' ');
  return new Set(normalized.split(' ').filter((word) => word.length > 1));
}

/** Sørensen–Dice coefficient of two word sets, 0–1. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}
