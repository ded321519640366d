import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';

/** CHANGELOG.md, CHANGES, HISTORY.md, NEWS, RELEASE_NOTES.md … at the root or anywhere under docs/ (mkdocs keeps docs/about/release-notes.md). */
const CHANGELOG = /^(docs\/([^/]+\/)*)?(changelog|changes|history|news|releases|release[-_]notes)(\.(md|markdown|rst|txt|adoc))?$/i;

export const changelogPresent = defineCheck({
  id: 'changelog-present',
  title: 'Changelog present',
  category: 'docs',
  description:
    'The repository keeps a changelog (CHANGELOG.md, CHANGES, HISTORY.md, NEWS, RELEASE_NOTES.md at the root or under docs/), or changesets in .changeset/.',
  why: 'Teams that depend on this need to know what changed between versions without reading every commit, especially when upgrading or tracing a regression.',
  fix: [
    'Add `CHANGELOG.md` following [Keep a Changelog](https://keepachangelog.com/):',
    '',
    '```markdown',
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '## [1.4.0] - 2026-05-12',
    '### Added',
    '- Refunds in any currency.',
    '```',
    '',
    'Or let a tool write it: [changesets](https://github.com/changesets/changesets) (`.changeset/`) or release-please.',
  ].join('\n'),
  effort: 'low',
  severity: 'note',
  options: z.object({}),
  needs: ['files'],
  run(context) {
    const { files } = context.facts;
    const changelog = files.find((path) => CHANGELOG.test(path));
    if (changelog) return pass(`Changes are recorded in ${changelog}.`, [{ path: changelog }]);
    const changeset = files.find((path) => path === '.changeset/config.json') ?? files.find((path) => path.startsWith('.changeset/'));
    if (changeset) return pass('Changes are recorded as changesets in .changeset/.', [{ path: changeset }]);
    return fail(
      'No changelog: expected CHANGELOG.md (or CHANGES, HISTORY.md, NEWS, RELEASE_NOTES.md) at the root or under docs/, or a .changeset/ folder.',
    );
  },
});
