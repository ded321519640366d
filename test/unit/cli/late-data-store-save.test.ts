import { describe, expect, it } from 'vitest';
import { isLateDataStoreSave } from '../../../scripts/cli/late-data-store-save.ts';

const failure = (cause: unknown) =>
  Object.assign(new Error('An unknown error occurred while reading or writing files to disk.'), { cause });

describe('a late save of the content data store', () => {
  it.each([
    [
      'the temporary data store of a removed build',
      failure({ code: 'ENOENT', path: '/x/.cache/builds/site-1/cache/data-store.json.tmp' }),
      true,
    ],
    ['the data store itself', failure({ code: 'ENOENT', path: 'C:\\x\\cache\\data-store.json' }), true],
    ['another file missing', failure({ code: 'ENOENT', path: '/x/dist/index.html' }), false],
    ['a full disk', failure({ code: 'ENOSPC', path: '/x/cache/data-store.json.tmp' }), false],
    ['an error without a cause', new Error('boom'), false],
    ['not an error', undefined, false],
  ])('%s: %s', (_name, error, expected) => {
    expect(isLateDataStoreSave(error)).toBe(expected);
  });
});
