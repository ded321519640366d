import { describe, expect, it } from 'vitest';
import { bareAstroPage, gitFloor } from '../../../scripts/dev/bench/floors.ts';
import { isEntityPage, outputPathOf, scriptsOf } from '../../../scripts/dev/bench/page-weights.ts';
import { commandEnvironment, shellQuote } from '../../../scripts/dev/bench/processes.ts';
import { bytesTarget, formatBytes, ratioTarget, renderTable, secondsTarget, type Row } from '../../../scripts/dev/bench/report.ts';
import { median, pairwiseRatio } from '../../../scripts/dev/bench/stats.ts';

describe('median', () => {
  it.each([
    ['one value', [4], 4],
    ['odd count, unsorted', [5, 1, 3], 3],
    ['even count: the mean of the middle two', [4, 1, 3, 2], 2.5],
    ['an outlier does not move it', [1, 1, 1, 100, 1], 1],
  ])('%s', (_name, values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves its input in order', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('pairwiseRatio', () => {
  it.each([
    ['each pair its own ratio', [2, 4, 6], [1, 1, 2], 3],
    // Medians apart would give 4 / 1 = 4; a busy pair (both slow) stays a ratio of 2.
    ['a pair run on a busy machine compares like with like', [2, 4, 40], [1, 1, 20], 2],
    ['even count', [3, 8], [1, 2], 3.5],
  ])('%s', (_name, work, floor, expected) => {
    expect(pairwiseRatio(work, floor)).toBe(expected);
  });

  it('refuses runs that do not pair up', () => {
    expect(() => pairwiseRatio([1, 2], [1])).toThrow('pair by pair');
  });
});

describe('renderTable', () => {
  const rows: Row[] = [
    {
      kind: 'timed',
      work: 'check chalk',
      command: { line: 'node bin/cairn.js check chalk', cwd: '/' },
      floorCommand: { line: 'node -e 0', cwd: '/' },
      cairn: { seconds: 0.4321, peakBytes: 160e6 },
      floor: { seconds: 0.04, peakBytes: 44_000_000 },
      ratio: 10.8,
      targets: [secondsTarget(0.5, 0.4321), bytesTarget(150e6, 160e6)],
      runs: { work: [], floor: [] },
    },
    { kind: 'figure', work: 'largest page', figure: '580 KB: /a|b/', targets: [bytesTarget(300e3, 580e3)] },
    { kind: 'figure', work: 'JS per page', figure: 'median 0 B', targets: [] },
  ];

  it('renders work, Cairn, floor, ratio and target, met or missed', () => {
    expect(renderTable(rows)).toBe(
      [
        '| work | Cairn | floor | ratio | target |',
        '|---|---|---|---|---|',
        '| check chalk | 0.43 s, 160 MB | 0.04 s, 44 MB | 10.8× | ≤ 0.5 s met; ≤ 150 MB MISSED |',
        '| largest page | 580 KB: /a\\|b/ | — | — | ≤ 300 KB MISSED |',
        '| JS per page | median 0 B | — | — | — |',
        '',
      ].join('\n'),
    );
  });

  it('leaves memory out when it could not be measured, and names the floor of a ratio', () => {
    const row: Row = {
      ...(rows[0] as Extract<Row, { kind: 'timed' }>),
      cairn: { seconds: 12.34, peakBytes: undefined },
      ratio: 2.5,
      targets: [ratioTarget(2, 2.5, 'bare Astro')],
    };
    expect(renderTable([row]).split('\n')[2]).toBe('| check chalk | 12.3 s | 0.04 s, 44 MB | 2.50× | ≤ 2× bare Astro MISSED |');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1500, '1.5 KB'],
    [25_000, '25 KB'],
    [213_456_789, '213 MB'],
    [0.8e9, '800 MB'],
    [2_345_678_901, '2.35 GB'],
    [3e9, '3 GB'],
  ])('%d bytes → %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('scriptsOf', () => {
  it.each([
    ['no script', '<p>text</p>', 0, []],
    ['an inline module counts its bytes', '<script type="module">let é=1</script>', 8, []],
    ['a classic inline script', '<SCRIPT>a()</SCRIPT>', 3, []],
    [
      'src, quoted either way or not at all',
      `<script src="/a.js"></script><script type='module' src='b.js'></script><script src=/c.js></script>`,
      0,
      ['/a.js', 'b.js', '/c.js'],
    ],
    ['a JSON data block is not script', '<script type="application/json">{"a":1}</script>', 0, []],
    [
      'a module preload is loaded with the page',
      '<link rel="modulepreload" href="/_astro/x.js"><link rel="stylesheet" href="/s.css">',
      0,
      ['/_astro/x.js'],
    ],
    ['a script ends at the first </script, as in HTML', '<script>a("</script>")</script>', 3, []],
  ])('%s', (_name, html, inlineBytes, sources) => {
    expect(scriptsOf(html)).toEqual({ inlineBytes, sources });
  });
});

describe('outputPathOf', () => {
  it.each([
    ['root-relative', '/_astro/a.js', 'catalog/index.html', '_astro/a.js'],
    ['relative to the page', '../x.js?v=1', 'catalog/a/index.html', 'catalog/x.js'],
    ['another origin points at no output file', 'https://cdn.example/x.js', 'index.html', ''],
    ['protocol-relative too', '//cdn.example/x.js', 'index.html', ''],
  ])('%s', (_name, reference, page, expected) => {
    expect(outputPathOf(reference, page)).toBe(expected);
  });
});

describe('isEntityPage', () => {
  it.each([
    ['catalog/default/component/chalk/index.html', true],
    ['catalog/default/component/chalk/docs/index.html', false],
    ['catalog/index.html', false],
    ['checks/readme-present/index.html', false],
  ])('%s → %s', (path, expected) => {
    expect(isEntityPage(path)).toBe(expected);
  });
});

describe('the commands', () => {
  it.each([
    ['plain', '/work/repos', '/work/repos'],
    ['a space', '/my repos', `'/my repos'`],
    ['a quote', "it's", `'it'\\''s'`],
    ['a glob stays quoted', '/repos/*', `'/repos/*'`],
  ])('shellQuote: %s', (_name, word, expected) => {
    expect(shellQuote(word)).toBe(expected);
  });

  it('reads every repository with git, two at a time, as the issue writes it', () => {
    expect(gitFloor('/o/repos').line).toBe(
      `ls -d /o/repos/*/ | xargs -P2 -I{} sh -c 'git -C "$1" ls-files -z >/dev/null && git -C "$1" log -1 >/dev/null' _ {}`,
    );
  });

  it('runs commands without what npm run adds, Node 24 first on PATH', () => {
    const environment = commandEnvironment({ PATH: '/usr/bin', HOME: '/h', npm_lifecycle_event: 'bench', INIT_CWD: '/w', NODE: '/n' });
    expect(environment).toEqual({
      PATH: expect.stringMatching(/node_modules\/node\/bin:\/usr\/bin$/),
      HOME: '/h',
      ASTRO_TELEMETRY_DISABLED: '1',
    });
  });

  it('makes bare Astro pages, every other one Markdown', () => {
    expect(bareAstroPage(0)[0]).toBe('0.astro');
    expect(bareAstroPage(1)).toEqual(['1.md', '---\ntitle: Page 1\n---\n\n# Page 1\n\nA trivial page.\n']);
  });
});
