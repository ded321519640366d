import { describe, expect, it } from 'vitest';
import { contentPaths } from '../../collectors/config/content-paths.ts';

describe('content paths in messages and pages', () => {
  it.each([
    ['inside a portal made by cairn init', '/work/portal', '/work/portal', 'teams/web.yaml'],
    ['above the content folder', '/work/portal', '/work', 'portal/teams/web.yaml'],
    ['at the root of a checkout with a content folder', '/work/repo/content', '/work/repo', 'content/teams/web.yaml'],
    ['elsewhere: from the content folder’s parent', '/srv/portal/content', '/home/me', 'content/teams/web.yaml'],
    ['beside a folder whose name only starts like the content’s', '/work/portal-2', '/work/portal', 'portal-2/teams/web.yaml'],
  ])('%s', (_name, contentDir, cwd, shown) => {
    const paths = contentPaths(contentDir, cwd);
    expect(paths.shown('teams/web.yaml')).toBe(shown);
    expect(paths.absolute(shown)).toBe(`${contentDir}/teams/web.yaml`);
  });
});
