import { describe, expect, it } from 'vitest';
import { OutputPaths, outputPathProblems, windowsSafeSegment } from '../../../collectors/docs/paths.ts';
import { planSite } from '../../../collectors/docs/site-plan.ts';

const page = (path: string) => ({ path, text: `# ${path}\n` });

describe('windowsSafeSegment', () => {
  it.each([
    ['CON', 'CON_'],
    ['con', 'con_'],
    ['Nul', 'Nul_'],
    ['aux.tar.gz', 'aux_.tar.gz'],
    ['com1', 'com1_'],
    ['LPT9.md', 'LPT9_.md'],
    ['PRN', 'PRN_'],
    ['conout$', 'conout$_'],
    ['a.', 'a-'],
    ['notes. .', 'notes-'],
    // Names that only start like a device are ordinary.
    ['console', 'console'],
    ['com10', 'com10'],
    ['auxiliary.md', 'auxiliary.md'],
    ['nul-docs', 'nul-docs'],
    ['guide', 'guide'],
    ['v1.2', 'v1.2'],
  ])('%s → %s', (segment, expected) => {
    expect(windowsSafeSegment(segment)).toBe(expected);
  });
});

describe('OutputPaths', () => {
  it.each<[string, Array<[string, string]>, string[], string[]]>([
    [
      'folders spelled alike are one folder',
      [
        ['guide/a', 'docs/guide/a.md'],
        ['guide/b', 'docs/guide/b.md'],
        ['guide', 'docs/guide/index.md'],
      ],
      ['guide/a', 'guide/b', 'guide'],
      [],
    ],
    [
      'folders that differ only in case are renamed, with everything below them',
      [
        ['GUIDE/a', 'docs/GUIDE/a.md'],
        ['Guide/b', 'docs/Guide/b.md'],
        ['guide/c', 'docs/guide/c.md'],
        ['Guide/d', 'docs/Guide/d.md'],
      ],
      ['GUIDE/a', 'Guide-2/b', 'guide-3/c', 'Guide-2/d'],
      ['docs/Guide/b.md in Guide (docs/GUIDE/a.md has GUIDE) → Guide-2', 'docs/guide/c.md in guide (docs/GUIDE/a.md has GUIDE) → guide-3'],
    ],
    [
      'a page and a folder that differ only in case',
      [
        ['Setup', 'docs/Setup.md'],
        ['setup/linux', 'docs/setup/linux.md'],
      ],
      ['Setup', 'setup-2/linux'],
      ['docs/setup/linux.md in setup (docs/Setup.md has Setup) → setup-2'],
    ],
    [
      'two pages at one path',
      [
        ['set-up', 'docs/set up.md'],
        ['set-up', 'docs/set-up.md'],
      ],
      ['set-up', 'set-up-2'],
      ['docs/set-up.md in set-up (docs/set up.md has set-up) → set-up-2'],
    ],
    [
      'a suffix that is taken already moves on',
      [
        ['a', 'A.md'],
        ['a-2', 'a-2.md'],
        ['A', 'a.md'],
      ],
      ['a', 'a-2', 'A-3'],
      ['a.md in A (A.md has a) → A-3'],
    ],
    [
      'reserved names, nested too',
      [
        ['CON', 'docs/CON.md'],
        ['aux/nul', 'docs/aux/nul.md'],
        ['lpt1.x', 'docs/lpt1.x.md'],
      ],
      ['CON_', 'aux_/nul_', 'lpt1_.x'],
      [],
    ],
    [
      'a reserved name renamed onto a taken one',
      [
        ['con_', 'docs/con_.md'],
        ['CON', 'docs/CON.md'],
      ],
      ['con_', 'CON_-2'],
      ['docs/CON.md in CON_ (docs/con_.md has con_) → CON_-2'],
    ],
    [
      'the root is itself',
      [
        ['', 'docs/index.md'],
        ['a', 'docs/a.md'],
      ],
      ['', 'a'],
      [],
    ],
  ])('%s', (_name, asked, expected, collisions) => {
    const paths = new OutputPaths();
    expect(asked.map(([path, source]) => paths.place(path, source))).toEqual(expected);
    expect(
      paths.collisions.map(({ first, second, wanted, taken, path }) => `${second} in ${wanted} (${first} has ${taken}) → ${path}`),
    ).toEqual(collisions);
    // Whatever was asked, no two published folders are one folder on a case-insensitive disk.
    const folders = new Map<string, string>();
    for (const path of expected.filter(Boolean)) {
      const segments = path.split('/');
      for (let i = 1; i <= segments.length; i++) {
        const folder = segments.slice(0, i).join('/');
        const spelled = folders.get(folder.toLowerCase());
        expect(spelled === undefined || spelled === folder, `${folder} vs ${spelled}`).toBe(true);
        folders.set(folder.toLowerCase(), folder);
      }
    }
  });
});

describe('planSite output paths', () => {
  it('publishes docs/GUIDE, docs/Guide and docs/guide in three folders distinct ignoring case, naming both files', () => {
    const plan = planSite({
      docsDir: 'docs',
      pages: [
        page('docs/index.md'),
        page('docs/GUIDE/index.md'),
        page('docs/Guide/index.md'),
        page('docs/guide/index.md'),
        page('docs/guide/setup.md'),
      ],
    });
    expect(plan.pages.map((planned) => [planned.slug, planned.source])).toEqual([
      ['', 'docs/index.md'],
      ['GUIDE', 'docs/GUIDE/index.md'],
      ['Guide-2', 'docs/Guide/index.md'],
      ['guide-3', 'docs/guide/index.md'],
      ['guide-3/setup', 'docs/guide/setup.md'],
    ]);
    expect(plan.pageOf('docs/guide')).toBe('guide-3');
    expect(plan.pageOf('docs/guide/setup.md')).toBe('guide-3/setup');
    expect(plan.problems).toEqual([
      {
        severity: 'warning',
        file: 'docs/Guide/index.md',
        message:
          'docs/Guide/index.md would be published in Guide/ and docs/GUIDE/index.md in GUIDE/: folder names that differ only in case are one folder on Windows and macOS disks, so docs/Guide/index.md is published at Guide-2/. Rename one of them.',
      },
      expect.objectContaining({
        file: 'docs/guide/index.md',
        message: expect.stringContaining('docs/guide/index.md would be published in guide/ and docs/GUIDE/index.md in GUIDE/'),
      }),
    ]);
  });

  it('never publishes a page as a folder Windows reserves, with or without an extension, and says where it went', () => {
    const plan = planSite({
      docsDir: 'docs',
      pages: [page('docs/index.md'), page('docs/CON.md'), page('docs/nul.txt.md'), page('docs/aux/COM1.md'), page('docs/Lpt1/index.md')],
    });
    expect(plan.pages.map((planned) => planned.slug)).toEqual(['', 'CON_', 'Lpt1_', 'aux_/COM1_', 'nul_.txt']);
    expect(plan.pageOf('docs/CON.md')).toBe('CON_');
    const renamed = (file: string, name: string, as: string) => ({
      severity: 'warning',
      file,
      message: `${file} would be published in a folder named ${name}, which Windows reserves or cannot create, so it is published as ${as}. Rename it.`,
    });
    expect(plan.problems).toEqual([
      renamed('docs/CON.md', 'CON', 'CON_'),
      renamed('docs/nul.txt.md', 'nul.txt', 'nul_.txt'),
      renamed('docs/aux/COM1.md', 'aux', 'aux_'),
      renamed('docs/aux/COM1.md', 'COM1', 'COM1_'),
      renamed('docs/Lpt1/index.md', 'Lpt1', 'Lpt1_'),
    ]);
  });

  it('reports two files published at one slug', () => {
    const plan = planSite({ docsDir: 'docs', pages: [page('docs/index.md'), page('docs/Set up.md'), page('docs/Set-up.md')] });
    expect(plan.pages.map((planned) => planned.slug)).toEqual(['', 'Set-up', 'Set-up-2']);
    expect(plan.problems).toEqual([
      {
        severity: 'warning',
        file: 'docs/Set-up.md',
        message:
          'docs/Set-up.md and docs/Set up.md would both be published at Set-up/, so docs/Set-up.md is published at Set-up-2/. Rename one of them.',
      },
    ]);
  });
});

describe('OutputPaths for files (published images)', () => {
  it.each([
    ['docs/img/flow.png', 'docs/img/flow.png'],
    ['docs/CON/flow.png', 'docs/CON_/flow.png'],
    ['docs/img/aux.png', 'docs/img/aux_.png'],
  ])('%s → %s', (path, expected) => {
    expect(new OutputPaths({ files: true }).place(path, path)).toBe(expected);
  });

  it('moves an image whose path differs from another only in case, keeping its extension, and says so', () => {
    const paths = new OutputPaths({ files: true });
    expect(
      ['docs/img/Logo.png', 'docs/img/logo.png', 'docs/img/chart.png', 'docs/img/LOGO.png', 'docs/img/Makefile'].map((path) =>
        paths.place(path, path),
      ),
    ).toEqual(['docs/img/Logo.png', 'docs/img/logo-2.png', 'docs/img/chart.png', 'docs/img/LOGO-3.png', 'docs/img/Makefile']);
    expect(outputPathProblems(paths, 'file')).toEqual([
      {
        severity: 'warning',
        file: 'docs/img/logo.png',
        message:
          'docs/img/logo.png would be published at docs/img/logo.png and docs/img/Logo.png at docs/img/Logo.png: file names that differ only in case are one file on Windows and macOS disks, so docs/img/logo.png is published at docs/img/logo-2.png. Rename one of them.',
      },
      {
        severity: 'warning',
        file: 'docs/img/LOGO.png',
        message:
          'docs/img/LOGO.png would be published at docs/img/LOGO.png and docs/img/Logo.png at docs/img/Logo.png: file names that differ only in case are one file on Windows and macOS disks, so docs/img/LOGO.png is published at docs/img/LOGO-3.png. Rename one of them.',
      },
    ]);
  });
});
