import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guideRenderError } from '../../../scripts/cli/site.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cairn-guide-error-'));
  await mkdir(join(root, 'guides', 'start'), { recursive: true });
  await writeFile(join(root, 'guides', 'start', 'set-up-ci.mdx'), '{undefinedVar}\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** An error as Astro's process reports it, thrown in the chunk `chunkFile`. */
function thrownIn(chunkFile: string): Error {
  const error = new ReferenceError('undefinedVar is not defined');
  error.stack = `ReferenceError: undefinedVar is not defined\n    at _createMdxContent (file:///build/dist/.prerender/chunks/${chunkFile}:17:4)\n    at MDXContent (file:///build/dist/.prerender/chunks/${chunkFile}:251:125)`;
  return error;
}

describe('guideRenderError', () => {
  it.each([
    ['a hash of letters', 'set-up-ci_lCT4ohCZ.mjs'],
    ['a hash holding _ and -', 'set-up-ci_H6-_x9Zq.mjs'],
  ])('names the guide a chunk with %s was compiled from', async (_name, chunk) => {
    const error = await guideRenderError(thrownIn(chunk), join(root, 'guides'), root);
    expect(error?.message).toBe(
      "guides/start/set-up-ci.mdx: the guide fails as it renders: ReferenceError: undefinedVar is not defined. Guides have no variables: an {expression} may hold literals and JavaScript's built-ins.",
    );
  });

  it('leaves any other error alone', async () => {
    expect(await guideRenderError(new Error('Astro failed'), join(root, 'guides'), root)).toBeUndefined();
  });
});
