import { describe, expect, it } from 'vitest';
import { builderOf } from '../../../scripts/cli/site.ts';

describe('builderOf', () => {
  it.each([
    ['site-4242-Ab3dEf', 4242],
    ['astro.lock.4242.k2j4h5.tmp', 4242],
    ['astro.lock', undefined],
    ['astro.lock.tmp', undefined],
    ['astro.lock.abc.x.tmp', undefined],
    ['site-abc-x', undefined],
    ['notes.txt', undefined],
  ])('%s: %s', (name, pid) => {
    expect(builderOf(name)).toBe(pid);
  });
});
