import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { REFERENCE_PAGES } from '../../scripts/dev/generate-reference.ts';

describe('docs/reference', () => {
  it.each(Object.keys(REFERENCE_PAGES))('%s is what the registries generate (npm run reference)', async (file) => {
    expect(await readFile(new URL(`../../docs/reference/${file}`, import.meta.url), 'utf8')).toBe(REFERENCE_PAGES[file]!());
  });
});
