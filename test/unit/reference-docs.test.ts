import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { REFERENCE_PAGES } from '../../scripts/dev/generate-reference.ts';

describe('the docs generated from the code', () => {
  it.each(Object.keys(REFERENCE_PAGES))('docs/%s is what the code generates (npm run reference)', async (file) => {
    expect(await readFile(new URL(`../../docs/${file}`, import.meta.url), 'utf8')).toBe(REFERENCE_PAGES[file]!());
  });
});
