import { changelogPresent } from '../../../collectors/checks/builtin/changelog-present.ts';
import { contributingPresent } from '../../../collectors/checks/builtin/contributing-present.ts';
import { docsPresent } from '../../../collectors/checks/builtin/docs-present.ts';
import { readmePresent } from '../../../collectors/checks/builtin/readme-present.ts';
import { readmeSections } from '../../../collectors/checks/builtin/readme-sections.ts';
import { readmeTitle } from '../../../collectors/checks/builtin/readme-title.ts';
import type { Facts } from '../../../collectors/facts/index.ts';
import { describeCheck, entity, repoFacts, withFiles } from '../../helpers/check-context.ts';

type Readme = NonNullable<Facts['readme']>;

function readme(partial: Partial<Readme> = {}): Facts {
  return repoFacts({ readme: { path: 'README.md', headings: [], words: 120, ...partial } });
}

const noRepository = { entity: entity({ repo: null, file: 'content/teams/platform.yaml' }), facts: null };
const factMissing = { facts: {} };

describeCheck(readmePresent, [
  {
    name: 'a README long enough',
    input: { facts: readme({ words: 50 }) },
    outcome: 'pass',
    message: /README\.md has 50 words/,
    evidence: [{ path: 'README.md' }],
  },
  { name: 'a placeholder README', input: { facts: readme({ words: 4 }) }, outcome: 'fail', message: /4 words; at least 50/ },
  { name: 'minWords option', input: { facts: readme({ words: 4 }), options: { minWords: 3 } }, outcome: 'pass' },
  { name: 'no README', input: { facts: repoFacts() }, outcome: 'fail', message: /No readable README/ },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable', message: /outside any scanned repository/ },
  { name: 'readme fact not collected', input: factMissing, outcome: 'error', message: /"readme" fact/ },
]);

describeCheck(readmeSections, [
  {
    name: 'usage heading, any case and decoration',
    input: {
      facts: readme({
        headings: [
          { depth: 1, text: 'Payments', line: 1 },
          { depth: 2, text: '🚀 USAGE examples', line: 9 },
        ],
      }),
    },
    outcome: 'pass',
    evidence: [{ path: 'README.md', line: 9, note: '🚀 USAGE examples' }],
  },
  {
    name: 'an alternative heading',
    input: { facts: readme({ headings: [{ depth: 2, text: 'Getting Started', line: 3 }] }) },
    outcome: 'pass',
  },
  {
    // click's README.
    name: 'a section name anywhere in the heading, as whole words',
    input: { facts: readme({ headings: [{ depth: 2, text: 'A Simple Example', line: 12 }] }) },
    outcome: 'pass',
  },
  {
    name: 'not inside another word',
    input: { facts: readme({ headings: [{ depth: 2, text: 'Counterexamples', line: 12 }] }) },
    outcome: 'fail',
  },
  {
    name: 'a missing section names the README, not an unrelated heading',
    input: {
      facts: readme({
        headings: [
          { depth: 1, text: 'Payments', line: 1 },
          { depth: 2, text: 'Design', line: 12 },
        ],
      }),
    },
    outcome: 'fail',
    message: /no heading "Usage", "Getting started", "Get started", "Quick start", "Quickstart", "How to use", "Example" or "Examples"\./,
    evidence: [
      {
        path: 'README.md',
        note: 'missing a heading "Usage", "Getting started", "Get started", "Quick start", "Quickstart", "How to use", "Example" or "Examples"',
      },
    ],
  },
  {
    name: 'the title is not a section',
    input: {
      facts: readme({
        headings: [
          { depth: 1, text: 'Getting started', line: 1 },
          { depth: 2, text: 'Design', line: 5 },
        ],
      }),
    },
    outcome: 'fail',
  },
  {
    name: '"Get started" is a getting-started section',
    input: {
      facts: readme({
        headings: [
          { depth: 1, text: 'Charts', line: 1 },
          { depth: 2, text: 'Get started', line: 5 },
        ],
      }),
    },
    outcome: 'pass',
  },
  {
    name: 'a word that only starts like the section',
    input: { facts: readme({ headings: [{ depth: 2, text: 'Usages', line: 2 }] }) },
    outcome: 'fail',
  },
  {
    name: 'custom sections, one missing',
    input: { facts: readme({ headings: [{ depth: 2, text: 'Install', line: 4 }] }), options: { sections: ['Install', 'Runbook'] } },
    outcome: 'fail',
    message: /no heading "Runbook"/,
    evidence: [{ path: 'README.md', note: 'missing a heading "Runbook"' }],
  },
  {
    name: 'no headings at all',
    input: { facts: readme() },
    outcome: 'fail',
    evidence: [
      {
        path: 'README.md',
        note: 'missing a heading "Usage", "Getting started", "Get started", "Quick start", "Quickstart", "How to use", "Example" or "Examples"',
      },
    ],
  },
  {
    name: 'a README titled "Getting started" has no such section: the message says the title does not count',
    input: { facts: readme({ headings: [{ depth: 1, text: 'Getting started', line: 1 }] }) },
    outcome: 'fail',
    message:
      'README.md has no heading "Usage", "Getting started", "Get started", "Quick start", "Quickstart", "How to use", "Example" or "Examples" besides its title, "Getting started".',
  },
  { name: 'no README', input: { facts: repoFacts() }, outcome: 'fail' },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
]);

describeCheck(readmeTitle, [
  {
    name: 'an H1',
    input: { facts: readme({ headings: [{ depth: 1, text: 'Payments', line: 3 }] }) },
    outcome: 'pass',
    evidence: [{ path: 'README.md', line: 3, note: 'Payments' }],
  },
  {
    name: 'only an H2',
    input: { facts: readme({ headings: [{ depth: 2, text: 'About', line: 2 }] }) },
    outcome: 'fail',
    message: /"About", is level 2/,
    evidence: [{ path: 'README.md', line: 2 }],
  },
  {
    name: 'no headings',
    input: { facts: readme() },
    outcome: 'fail',
    message: 'README.md has no headings at all; expected a top-level (#) title.',
  },
  {
    // express: `[![Express Logo](…)](…)` on line 1, then badges, then `## Table of contents`.
    name: 'a logo naming the project above the first heading',
    input: {
      entity: entity({ name: 'express' }),
      facts: readme({ logo: { alt: 'Express Logo', line: 1 }, headings: [{ depth: 2, text: 'Table of contents', line: 10 }] }),
    },
    outcome: 'pass',
    message: 'README.md opens with a logo naming the project ("Express Logo").',
    evidence: [{ path: 'README.md', line: 1, note: 'Express Logo' }],
  },
  {
    name: 'an image that does not name the project is no title (a badge)',
    input: { entity: entity({ name: 'express' }), facts: readme({ logo: { alt: 'Build Status', line: 1 } }) },
    outcome: 'fail',
  },
  {
    name: 'an AsciiDoc README with only a section: its title is an = heading',
    input: { facts: readme({ path: 'README.adoc', headings: [{ depth: 2, text: 'Build', line: 4 }] }) },
    outcome: 'fail',
    message: 'README.adoc has no top-level (=) heading; its first heading, "Build", is level 2.',
  },
  { name: 'no README', input: { facts: repoFacts() }, outcome: 'fail' },
  { name: 'readme fact not collected', input: factMissing, outcome: 'error' },
]);

describeCheck(changelogPresent, [
  {
    name: 'CHANGELOG.md',
    input: { facts: withFiles(['CHANGELOG.md', 'src/a.ts']) },
    outcome: 'pass',
    evidence: [{ path: 'CHANGELOG.md' }],
  },
  { name: 'docs/HISTORY.rst', input: { facts: withFiles(['docs/history.rst']) }, outcome: 'pass' },
  { name: 'NEWS without extension', input: { facts: withFiles(['NEWS']) }, outcome: 'pass' },
  {
    name: 'release notes deeper in docs/, as mkdocs keeps them',
    input: { facts: withFiles(['docs/about/release-notes.md']) },
    outcome: 'pass',
    evidence: [{ path: 'docs/about/release-notes.md' }],
  },
  { name: 'a history page outside docs/ does not count', input: { facts: withFiles(['src/history.md']) }, outcome: 'fail' },
  {
    name: 'changesets',
    input: { facts: withFiles(['.changeset/config.json', '.changeset/README.md']) },
    outcome: 'pass',
    evidence: [{ path: '.changeset/config.json' }],
  },
  { name: 'a nested changelog of a dependency does not count', input: { facts: withFiles(['vendor/lib/CHANGELOG.md']) }, outcome: 'fail' },
  { name: 'empty repository', input: { facts: withFiles([]) }, outcome: 'fail', message: /No changelog/ },
  { name: 'files fact missing', input: factMissing, outcome: 'error' },
]);

describeCheck(contributingPresent, [
  { name: 'root', input: { facts: withFiles(['CONTRIBUTING.md']) }, outcome: 'pass' },
  {
    name: '.github',
    input: { facts: withFiles(['.github/CONTRIBUTING.md']) },
    outcome: 'pass',
    evidence: [{ path: '.github/CONTRIBUTING.md' }],
  },
  { name: 'docs, lowercase', input: { facts: withFiles(['docs/contributing.rst']) }, outcome: 'pass' },
  { name: 'elsewhere', input: { facts: withFiles(['guides/CONTRIBUTING.md']) }, outcome: 'fail' },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
]);

describeCheck(docsPresent, [
  {
    name: 'docs folder with Markdown',
    input: { facts: repoFacts({ docs: { dir: 'docs', pages: ['docs/index.md', 'docs/runbook.md'] } }) },
    outcome: 'pass',
    message: /docs\/ has 2 documentation pages/,
    evidence: [{ path: 'docs/index.md' }, { path: 'docs/runbook.md' }],
  },
  {
    name: 'a Sphinx project, which the portal does not publish',
    input: { facts: repoFacts({ docs: { dir: 'docs', pages: ['docs/index.rst'], sphinx: 'docs/conf.py' } }) },
    outcome: 'pass',
    message: 'docs/ has 1 documentation page: a Sphinx project (docs/conf.py), which the portal does not publish.',
  },
  {
    name: "a documentation website's sources, which the portal does not publish",
    input: { facts: repoFacts({ docs: { dir: 'site/content', pages: ['site/content/user_guide.md'], website: true } }) },
    outcome: 'pass',
    message: "site/content/ has 1 documentation page: a documentation website's sources, which the portal does not publish.",
  },
  {
    name: 'mkdocs.yml only',
    input: { facts: repoFacts({ docs: { pages: [], mkdocs: { path: 'mkdocs.yml', hasNav: false } } }) },
    outcome: 'pass',
    evidence: [{ path: 'mkdocs.yml' }],
  },
  {
    name: 'techdocs annotation',
    input: { entity: entity({ metadata: { annotations: { 'backstage.io/techdocs-ref': 'url:https://github.com/acme/docs' } }, line: 4 }) },
    outcome: 'pass',
    evidence: [{ path: 'catalog-info.yaml', line: 4, note: 'backstage.io/techdocs-ref: url:https://github.com/acme/docs' }],
  },
  {
    name: 'annotation without a repository',
    input: { entity: entity({ repo: null, metadata: { annotations: { 'backstage.io/techdocs-ref': 'dir:.' } } }), facts: null },
    outcome: 'pass',
  },
  { name: 'nothing', input: { facts: repoFacts() }, outcome: 'fail', message: /no docs\/ folder with pages, no mkdocs\.yml/ },
  { name: 'no repository, no annotation', input: noRepository, outcome: 'notApplicable' },
  { name: 'docs fact missing', input: factMissing, outcome: 'error' },
  {
    name: 'docs fact missing, annotation set',
    input: { entity: entity({ metadata: { annotations: { 'backstage.io/techdocs-ref': 'dir:.' } } }), facts: {} },
    outcome: 'pass',
  },
]);
