import type { Html, Root, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { CheckMetadata } from '../../../collectors/checks/check.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import type { ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { ScorecardResult } from '../../../collectors/scorecards/result.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { compareResults } from '../../../scripts/cli/report/compare.ts';
import {
  checkCommentMarker,
  entityPageUrl,
  fencedBlock,
  fixHeadline,
  formatMarkdown,
  GROUP_ABOVE,
} from '../../../scripts/cli/report/markdown.ts';
import type { CheckReport, Suggestion } from '../../../scripts/cli/report/model.ts';
import { checks, entity, failingResult, fixedResult, report, result, scorecard, scored } from './report-fixture.ts';

const failing = failingResult;
const fixed = fixedResult;

/** Lines of a Markdown report, without the blank ones. */
const linesOf = (markdown: string) => markdown.split('\n').filter((line) => line.trim());

/** The report as a GFM reader (remark, micromark's GFM tables) sees it. */
const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);

/** Each table's header cell count and the cell count of each of its rows. */
function tableShapes(markdown: string): Array<{ columns: number; rows: number[] }> {
  const shapes: Array<{ columns: number; rows: number[] }> = [];
  visit(parse(markdown), 'table', (table: Table) => {
    const [header, ...rows] = table.children;
    shapes.push({ columns: header!.children.length, rows: rows.map((row) => row.children.length) });
  });
  return shapes;
}

/** Every raw HTML node: only Cairn's own tags may be there, never one from repository text. */
function htmlNodes(markdown: string): string[] {
  const found: string[] = [];
  visit(parse(markdown), 'html', (node: Html) => {
    found.push(node.value);
  });
  return found;
}

/** Text GitHub would scan for @-mentions: every text node, not code spans or code blocks. */
function mentionableText(markdown: string): string[] {
  const found: string[] = [];
  visit(parse(markdown), 'text', (node) => {
    found.push(node.value);
  });
  return found;
}

/** A GitHub mention: an `@` right before a letter or digit. */
const MENTION = /@[a-z0-9]/i;

describe('checkCommentMarker', () => {
  it.each([
    ['orders', '<!-- cairn-check: orders -->'],
    ['acme/orders.api_v2', '<!-- cairn-check: acme/orders.api_v2 -->'],
    ['a --> <b>\nc', '<!-- cairn-check: a-b-c -->'],
    ['--', '<!-- cairn-check: repository -->'],
  ])('%j', (name, marker) => {
    expect(checkCommentMarker(name)).toBe(marker);
  });
});

describe('formatMarkdown: the head', () => {
  it('starts with the hidden marker, then the verdict, then the standards that judged', () => {
    const lines = linesOf(
      formatMarkdown(report([failing], { comparison: compareResults('origin/main', [fixed], [failing], [scorecard]) })),
    );
    expect(lines.slice(0, 3)).toEqual([
      '<!-- cairn-check: orders -->',
      '**Cairn scorecards for `orders`:** ▼ Production readiness: Silver → Bronze · 2 checks newly failing against origin/main',
      "Judged with the portal's standards from portal\\.yaml.",
    ]);
  });
});

describe('formatMarkdown: what fails', () => {
  it('is one table, newly failing first and marked, each row naming its fix', () => {
    const base = result(
      [scored('readme-present', 'pass'), scored('changelog-present', 'fail'), scored('actions-pinned', 'pass')],
      'bronze',
    );
    const markdown = formatMarkdown(report([failing], { comparison: compareResults('main', [base], [failing], [scorecard]) }));
    expect(markdown).toContain(
      [
        '### 2 checks fail, cheapest fix first',
        '',
        '| Check | Effort | Needed for | Finding | Where | Fix |',
        '|---|---|---|---|---|---|',
        '| 🆕 ❌ Actions pinned to commit SHAs | low | Silver | actions\\-pinned is fail | `.github/workflows/ci.yml:12` | Fix 1 |',
        '| ❌ CHANGELOG present | low | Silver | changelog\\-present is fail | – | Fix 2 |',
      ].join('\n'),
    );
  });

  it('names the entity of each row when there are several', () => {
    const markdown = formatMarkdown(report([failing, { ...failing, entityRef: 'component:default/orders-api' }]));
    expect(markdown).toContain('| Check | Entity | Effort | Needed for | Finding | Where | Fix |');
    expect(markdown).toContain('| ❌ CHANGELOG present | orders\\-api | low | Silver | changelog\\-present is fail | – | Fix 2 |');
  });

  it('links check titles to their portal pages when the portal is known', () => {
    const markdown = formatMarkdown(report([failing], { portalUrl: 'https://portal.example/acme/' }));
    expect(markdown).toContain('| ❌ [CHANGELOG present](https://portal.example/acme/checks/changelog-present/) |');
  });

  it('shows each fix once, folded, referenced by every check that needs it', () => {
    const shared = new Map(
      [...checks].map(([id, metadata]) => [id, { ...metadata, fix: 'Add a `catalog-info.yaml`:\n\n```yaml\nkind: Component\n```' }]),
    );
    const markdown = formatMarkdown(report([failing], { checks: shared }));
    expect(markdown.match(/kind: Component/g)).toHaveLength(1);
    expect(markdown).toContain(
      [
        '### How to fix',
        '',
        '<details><summary>Fix 1: Add a <code>catalog-info.yaml</code> — needed by <code>actions-pinned</code>, <code>changelog-present</code></summary>',
        '',
        'Add a `catalog-info.yaml`:',
        '',
        '```yaml',
        'kind: Component',
        '```',
        '',
        '</details>',
      ].join('\n'),
    );
    expect(markdown.match(/\| Fix 1 \|/g)).toHaveLength(2);
    expect(markdown).not.toContain('Fix 2');
  });

  it('says when every check passes', () => {
    expect(formatMarkdown(report([fixed]))).toContain('Every applicable check passes.');
  });

  it('escapes repository text that would break the table, link, mention or inject HTML', () => {
    const hostile = result(
      [
        scored('readme-present', 'fail', {
          message: 'bad | <img src=x onerror=alert(1)> [Approve](https://evil.example) @octocat',
          evidence: [{ path: 'a`b [x](y).pem', line: 3 }],
        }),
      ],
      null,
    );
    const markdown = formatMarkdown(report([hostile], { entities: [{ ...entity, ref: 'component:default/x<img>' }] }));
    expect(markdown).toContain('bad \\| \\<img src=x onerror=alert\\(1\\)\\> \\[Approve\\]\\(https\\://evil\\.example\\) @\u200boctocat');
    expect(markdown).toContain('``a`b [x](y).pem:3``');
    expect(markdown).not.toMatch(/[^\\]<img/);
  });

  it('keeps a file name holding a pipe, a backtick and a tag in its cell, as a GFM reader parses the table', () => {
    const evidence = [{ path: '.github/workflows/a|b`c<td>.yml', line: 3 }];
    const markdown = formatMarkdown(report([result([scored('readme-present', 'fail', { evidence })], null)]));
    expect(markdown).toContain('| ``.github/workflows/a\\|b`c<td>.yml:3`` |');
    const [failingTable] = tableShapes(markdown);
    expect(failingTable).toEqual({ columns: 6, rows: [6] });
    let where = '';
    visit(parse(markdown), 'inlineCode', (node) => {
      if (node.value.includes('workflows')) where = node.value;
    });
    expect(where).toBe('.github/workflows/a|b`c<td>.yml:3');
    expect(htmlNodes(markdown).filter((html) => html.includes('<td'))).toEqual([]);
  });

  /** Repository text that tries every way out of a cell: pipes, escaped pipes, backticks, tags, mentions. */
  const ESCAPES = ['a|b', 'a\\|b', 'a\\\\|b', '`x|y`', '``|``', 'p`q|r<td>s', '<td>x</td>', '@acme/ops', '[l](https://evil.example)'];

  it('keeps every table row to its columns and lets no repository text become HTML or a mention', () => {
    const hostileText = ESCAPES.join(' ');
    const entities = ESCAPES.map((text, index): CatalogEntity => ({
      ...entity,
      ref: `component:default/e${index}${text}`,
      metadata: { name: `e${index}${text}`, namespace: 'default' },
    }));
    const results = entities.map((owner, index) =>
      result(
        [
          scored('readme-present', 'fail', {
            message: `${hostileText} \`${ESCAPES[index]}\``,
            evidence: ESCAPES.map((text, line) => ({ path: `dir/${text}`, line: line + 1 })),
          }),
          scored('changelog-present', 'pass', { message: hostileText }),
          scored('actions-pinned', index < 3 ? 'fail' : 'pass', { message: `\`${hostileText}\``, evidence: [{ path: ESCAPES[index]! }] }),
        ],
        null,
        { entityRef: owner.ref },
      ),
    );
    const problems: Problem[] = [
      { severity: 'warning', repo: 'orders', file: 'CODEOWNERS|x', line: 2, message: `${hostileText} \`* @acme/ops\`` },
    ];
    const gate = { name: 'regression' as const, failures: [hostileText] };
    for (const markdown of [
      formatMarkdown(report(results, { entities, problems, gate })),
      formatMarkdown(report(results, { entities, problems, gate }), { verbose: true }),
    ]) {
      const shapes = tableShapes(markdown);
      expect(shapes.length).toBeGreaterThanOrEqual(2);
      for (const shape of shapes)
        expect(
          shape.rows.every((cells) => cells === shape.columns),
          JSON.stringify(shape),
        ).toBe(true);
      for (const html of htmlNodes(markdown).flatMap((node) => node.split('\n')))
        expect(html).toMatch(
          /^(?:<!-- cairn-check: [\w./-]+ -->|<\/?details>|<summary>[^<>]*<\/summary>|<details><summary>(?:[^<>]|<\/?code>)*<\/summary>)$/,
        );
      for (const text of mentionableText(markdown)) expect(text).not.toMatch(MENTION);
    }
  });
});

describe('formatMarkdown: mentions', () => {
  it('notifies nobody for a team named in a finding, a problem or an entity, and keeps code spans as written', () => {
    const owner = result(
      [
        scored('readme-present', 'fail', {
          message: 'The owner @backstage/operations-maintainers is unknown; add `* @org/team` to CODEOWNERS.',
        }),
      ],
      null,
    );
    const problems: Problem[] = [{ severity: 'warning', repo: 'orders', message: 'CODEOWNERS names @ghost and user@example.com.' }];
    const markdown = formatMarkdown(report([owner], { problems }));
    expect(markdown).toContain('The owner @\u200bbackstage/operations\\-maintainers is unknown; add `* @org/team` to CODEOWNERS\\.');
    expect(markdown).toContain('CODEOWNERS names @\u200bghost and user@\u200bexample\\.com\\.');
    for (const text of mentionableText(markdown)) expect(text).not.toMatch(MENTION);
  });
});

describe('formatMarkdown: messages', () => {
  it.each([
    ['a code span in a message stays a code span', 'Add `* @org/team` to CODEOWNERS.', 'Add `* @org/team` to CODEOWNERS\\.'],
    ['a pipe in a code span is escaped for the cell', 'Use `a|b`.', 'Use `a\\|b`\\.'],
    ['repository text with a backtick cannot open HTML', 'The last `x`<b>` rule', 'The last `x`\\<b\\>\\` rule'],
    ['an unpaired backtick is text', 'A ` alone', 'A \\` alone'],
  ])('%s', (_case, message, cell) => {
    const markdown = formatMarkdown(report([result([scored('readme-present', 'fail', { message })], null)]));
    expect(markdown).toContain(`| ${cell} | – |`);
    expect(htmlNodes(markdown).filter((html) => html.includes('<b>'))).toEqual([]);
  });
});

describe('formatMarkdown: the Where column', () => {
  it.each([
    [
      'each place once',
      [
        { path: '.github/CODEOWNERS', line: 7 },
        { path: '.github/CODEOWNERS', line: 7, note: 'again' },
      ],
      '`.github/CODEOWNERS:7`',
    ],
    [
      'three places, and how many more',
      Array.from({ length: 5 }, (_, index) => ({ path: `w${index}.yml`, line: 1 })),
      '`w0.yml:1`, `w1.yml:1`, `w2.yml:1`, +2 more',
    ],
    ['a file without a line', [{ path: 'Dockerfile' }], '`Dockerfile`'],
    ['no place', [], '–'],
  ])('%s', (_case, evidence, cell) => {
    const markdown = formatMarkdown(report([result([scored('readme-present', 'fail', { evidence })], null)]));
    expect(markdown).toContain(`| readme\\-present is fail | ${cell} | Fix 1 |`);
  });
});

describe('formatMarkdown: against a base', () => {
  const base = result(
    [scored('readme-present', 'pass'), scored('changelog-present', 'notApplicable'), scored('actions-pinned', 'pass')],
    'silver',
  );
  const now = result([scored('readme-present', 'pass'), scored('changelog-present', 'fail'), scored('actions-pinned', 'fail')], 'bronze');

  it('marks the checks that passed on the base, or did not apply there, and fail now', () => {
    const markdown = formatMarkdown(report([now], { comparison: compareResults('main', [base], [now], [scorecard]) }));
    expect(markdown).toContain('| 🆕 ❌ Actions pinned to commit SHAs |');
    expect(markdown).toContain('| 🆕 ❌ CHANGELOG present |');
    expect(linesOf(markdown)[1]).toBe(
      '**Cairn scorecards for `orders`:** ▼ Production readiness: Silver → Bronze · 1 check newly failing, 1 newly applicable and failing against main',
    );
  });

  it('marks no check of an entity that is new', () => {
    const markdown = formatMarkdown(report([now], { comparison: compareResults('main', [], [now], [scorecard]) }));
    expect(markdown).not.toContain('🆕 ❌');
    expect(linesOf(markdown)[1]).toContain('2 checks newly applicable and failing');
  });
});

describe('formatMarkdown: the gate', () => {
  it.each<[string, CheckReport['gate'], string[]]>([
    ['passing', { name: 'regression', failures: [] }, ['✅ Gate (`--fail-on regression`): passes']],
    [
      'failing, with its reasons escaped',
      { name: 'level', failures: ['component:default/orders is below silver on production-readiness (at bronze).', 'x <td> @acme/ops'] },
      [
        '❌ Gate (`--fail-on level`) fails:',
        '- component:default/orders is below silver on production\\-readiness \\(at bronze\\)\\.',
        '- x \\<td\\> @\u200bacme/ops',
      ],
    ],
    [
      'failing for many reasons, counted beyond five',
      { name: 'regression', failures: Array.from({ length: 7 }, (_, index) => `reason ${index}`) },
      ['❌ Gate (`--fail-on regression`) fails:', '- reason 0', '- reason 1', '- reason 2', '- reason 3', '- reason 4', '- … and 2 more'],
    ],
  ])('says right under the verdict whether it passes: %s', (_case, gate, lines) => {
    const markdown = formatMarkdown(report([failing], { gate }));
    expect(linesOf(markdown).slice(2, 2 + lines.length)).toEqual(lines);
    expect(linesOf(markdown)[2 + lines.length]).toMatch(/^Judged with /);
  });

  it('says nothing of a gate when there is none', () => {
    expect(formatMarkdown(report([failing]))).not.toContain('Gate');
  });
});

describe('formatMarkdown: problems', () => {
  it('shows a problem once, and not when a failing check of the same entity says the same', () => {
    const message = 'No owner is known: add `* @org/team` to CODEOWNERS.';
    const owner = result([scored('readme-present', 'fail', { message })], null);
    const problems: Problem[] = [
      { severity: 'warning', repo: 'orders', message },
      { severity: 'warning', repo: 'orders', file: 'CODEOWNERS', line: 2, message: 'Unknown owner.' },
      { severity: 'warning', repo: 'orders', file: 'CODEOWNERS', line: 2, message: 'Unknown owner.' },
      { severity: 'warning', repo: 'orders', entityRef: 'component:default/other', message },
    ];
    const markdown = formatMarkdown(report([owner], { problems }));
    const listed = markdown.split('\n').filter((line) => line.startsWith('- **warning**'));
    expect(listed).toEqual([
      '- **warning** `CODEOWNERS:2` Unknown owner\\.',
      '- **warning** No owner is known: add `* @org/team` to CODEOWNERS\\.',
    ]);
  });
});

describe('fixHeadline', () => {
  it.each([
    ['Add a `CHANGELOG.md`.\n\nMore.', 'Add a <code>CHANGELOG.md</code>.'],
    ['Keep a changelog as [Keep a Changelog](https://keepachangelog.com/) says:', 'Keep a changelog as Keep a Changelog says'],
    ['See [the `docs` guide](https://x.example/a_(b) "Title") and ![logo](l.png)', 'See the <code>docs</code> guide and logo'],
    ['A [reference][ref] link and <https://example.com/x>', 'A reference link and https://example.com/x'],
    ['[click](javascript:alert(1))', 'click'],
    ['\n- **Pin** actions to a SHA:', 'Pin actions to a SHA'],
    ['Use <b>this</b> & "that"', 'Use &#60;b&#62;this&#60;/b&#62; &#38; &#34;that&#34;'],
    ['`<script>`', '<code>&#60;script&#62;</code>'],
    [`${'x'.repeat(200)}`, `${'x'.repeat(119)}…`],
  ])('%j', (fix, headline) => {
    expect(fixHeadline(fix)).toBe(headline);
  });
});

describe('formatMarkdown: folded parts', () => {
  it('folds the checks that pass into one details block, and shows them open with verbose', () => {
    const markdown = formatMarkdown(report([failing]));
    expect(markdown).toContain(
      [
        '<details>',
        '<summary>1 check passes</summary>',
        '',
        '| Check | Outcome | Finding |',
        '|---|---|---|',
        '| README present | ✅ pass | readme\\-present is pass |',
        '',
        '</details>',
      ].join('\n'),
    );
    const verbose = formatMarkdown(report([failing]), { verbose: true });
    expect(verbose).toContain(['### 1 check passes', '', '| Check | Outcome | Finding |'].join('\n'));
    expect(verbose).not.toContain('<summary>1 check passes</summary>');
  });

  it('marks the checks newly passing against the ref, first', () => {
    const markdown = formatMarkdown(report([fixed], { comparison: compareResults('main', [failing], [fixed], [scorecard]) }));
    expect(markdown).toContain(
      [
        '| Actions pinned to commit SHAs | 🆕 ✅ pass | actions\\-pinned is pass |',
        '| CHANGELOG present | 🆕 ✅ pass | changelog\\-present is pass |',
        '| README present | ✅ pass | readme\\-present is pass |',
      ].join('\n'),
    );
  });

  it.each<[string, string, string]>([
    ['catalog-info.yaml', 'kind: Component\n', '```yaml'],
    ['.github/dependabot.yml', 'version: 2\n', '```yaml'],
    ['SECURITY.md', 'Write to us.\n', '```text'],
    ['README.md', 'Run ```` `x` ```` here.\n', '`````text'],
  ])('shows the file %s Cairn can write, fenced so it cannot close early', (path, text, fence) => {
    const suggestion: Suggestion = { path, checkIds: ['descriptor-valid'], summary: 'What it is, from @acme/team.', text };
    const markdown = formatMarkdown(report([failing], { suggestions: [suggestion] }));
    const fenceOnly = fence.replace(/[a-z]+$/, '');
    expect(markdown).toContain(
      [
        '### Files Cairn can write',
        '',
        `<details><summary><code>${path}</code></summary>`,
        '',
        'What it is, from @\u200bacme/team\\. Run `cairn fix descriptor-valid` to write it.',
        '',
        fence,
        text.trimEnd(),
        fenceOnly,
        '',
        '</details>',
      ].join('\n'),
    );
  });

  it('keeps a code span in what a file Cairn can write is for', () => {
    const suggestion: Suggestion = {
      path: '.github/CODEOWNERS',
      checkIds: [],
      summary: 'Name the owning team (`* @org/team`).',
      text: '# x\n',
    };
    expect(formatMarkdown(report([failing], { suggestions: [suggestion] }))).toContain('Name the owning team \\(`* @org/team`\\)\\.');
  });

  it.each([
    ['no backticks', 'a', '```'],
    ['a longer run', 'a ``` b ````` c', '``````'],
  ])('fencedBlock: %s', (_case, text, fence) => {
    expect(fencedBlock(text, 'text')).toEqual([`${fence}text`, text, fence]);
  });
});

describe('entityPageUrl', () => {
  it.each([
    ['component:default/orders', undefined, 'https://p.example/catalog/default/component/orders/'],
    ['component:team-a/Orders Api', undefined, 'https://p.example/catalog/team-a/component/Orders%20Api/'],
    ['component:default/con', undefined, 'https://p.example/catalog/default/component/con_/'],
    [
      'component:default/orders',
      { kind: 'Component', metadata: { name: 'Orders', namespace: 'Default' } },
      'https://p.example/catalog/default/component/Orders/',
    ],
  ])('%s', (ref, described, url) => {
    expect(entityPageUrl('https://p.example/', ref, described)).toBe(url);
  });
});

const LONG_FIX = Array.from(
  { length: 30 },
  (_, line) => `Step ${line + 1}: do the careful thing that this check needs, exactly as the guide says.`,
).join('\n');

/** A repository of `entityCount` services, each failing `checkCount` checks, every check with a long fix of its own. */
function hugeReport(entityCount: number, checkCount: number, extra: Partial<CheckReport> = {}): CheckReport {
  const ids = Array.from({ length: checkCount }, (_, index) => `check-${String(index).padStart(2, '0')}`);
  const definition: ScorecardDefinition = {
    ...scorecard,
    levels: [{ id: 'bronze', checks: ids.map((id) => ({ id, weight: 1, options: {} })) }],
  };
  const metadata = new Map(
    ids.map((id, index): [string, CheckMetadata] => [
      id,
      {
        id,
        title: `Check number ${index}`,
        category: 'docs',
        description: id,
        why: 'Because.',
        fix: `${id}: ${LONG_FIX}`,
        effort: (['low', 'medium', 'high'] as const)[index % 3]!,
        severity: 'warning',
        source: 'builtin',
        options: {},
      },
    ]),
  );
  const names = Array.from({ length: entityCount }, (_, index) => `service-${String(index).padStart(2, '0')}`);
  const results = names.map((name): ScorecardResult => ({
    scorecard: scorecard.id,
    entityRef: `component:default/${name}`,
    level: null,
    score: 0,
    checks: ids.map((id) =>
      scored(id, 'fail', {
        level: 'bronze',
        message: `${name} fails ${id}: the file that should say so is missing from the repository root.`,
        evidence: [{ path: `services/${name}/catalog-info.yaml`, line: 4 }],
      }),
    ),
  }));
  const entities = names.map((name): CatalogEntity => ({
    ...entity,
    ref: `component:default/${name}`,
    metadata: { name, namespace: 'default' },
  }));
  const passing = result([scored('readme-present', 'pass')], 'bronze', { entityRef: 'component:default/service-00', scorecard: 'other' });
  return report([...results, passing], { scorecards: [definition], checks: metadata, entities, ...extra });
}

describe('formatMarkdown: checks failing on many entities', () => {
  it('groups a check failing on more than five entities into one row, its findings folded below the table', () => {
    const markdown = formatMarkdown(hugeReport(GROUP_ABOVE + 1, 1));
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ❌'));
    expect(rows).toEqual([
      '| ❌ Check number 0 | 6 entities: service\\-00, service\\-01, service\\-02 … (+3) | low | Production readiness Bronze | service\\-00: service\\-00 fails check\\-00: the file that should say so is missing from the repository root\\. (+5 other findings) | `services/service-00/catalog-info.yaml:4`, `services/service-01/catalog-info.yaml:4`, `services/service-02/catalog-info.yaml:4`, +3 more | Fix 1 |',
    ]);
    expect(markdown).toContain(
      [
        '<details><summary>Check number 0: 6 entities</summary>',
        '',
        '| Entity | Needed for | Finding | Where |',
        '|---|---|---|---|',
        '| service\\-00 | Production readiness Bronze | service\\-00 fails check\\-00: the file that should say so is missing from the repository root\\. | `services/service-00/catalog-info.yaml:4` |',
      ].join('\n'),
    );
    expect(markdown.match(/^\| service\\-0\d \|/gm)).toHaveLength(6);
  });

  it('keeps one row per entity up to five entities', () => {
    const markdown = formatMarkdown(hugeReport(GROUP_ABOVE, 1));
    expect(markdown.split('\n').filter((line) => line.startsWith('| ❌'))).toHaveLength(GROUP_ABOVE);
    expect(markdown).not.toContain('entities</summary>');
  });
});

describe('formatMarkdown: the size cap', () => {
  it('keeps a report of 60 entities × 48 failing checks with long fixes under the cap: a row per check, saying what was cut and where to see it', () => {
    const markdown = formatMarkdown(
      hugeReport(60, 48, {
        portalUrl: 'https://portal.example/',
        suggestions: [{ path: 'catalog-info.yaml', checkIds: ['check-00'], summary: 'A descriptor.', text: 'kind: Component\n' }],
      }),
    );
    expect(markdown.length).toBeLessThan(60_000);
    expect(markdown.startsWith('<!-- cairn-check: orders -->\n')).toBe(true);
    const last = markdown.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(
      /^\*\*Shortened to fit a pull-request comment:\*\* left out the passing checks, the findings of each entity under checks failing on many, the files Cairn can write, how to fix each check\. /,
    );
    expect(last).toContain('See it all on the portal: [service\\-00](https://portal.example/catalog/default/component/service-00/), ');
    expect(last).toContain('and 57 more entities, or run `cairn check` locally.');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ❌'));
    expect(rows).toHaveLength(48);
    expect(rows[0]).toContain(
      'Check number 0](https://portal.example/checks/check-00/) | 60 entities: service\\-00, service\\-01, service\\-02 … (+57) |',
    );
    expect(markdown).not.toContain('<details>');
  });

  it('keeps as many rows as fit of a report of 5 entities × 200 failing checks, cheapest fix first', () => {
    const markdown = formatMarkdown(hugeReport(5, 200));
    expect(markdown.length).toBeLessThan(60_000);
    expect(markdown.trimEnd().split('\n').at(-1)).toMatch(
      /left out the passing checks, how to fix each check, [\d,]+ of 1,000 rows of failing checks\. Run `cairn check` locally/,
    );
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ❌'));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows[0]).toContain('Check number 0');
  });

  it('cuts the least important part first: the passing checks and the files before the fixes', () => {
    const big: Suggestion = { path: 'notes.txt', checkIds: ['check-00'], summary: 'Notes.', text: 'n'.repeat(70_000) };
    const markdown = formatMarkdown(hugeReport(1, 4, { suggestions: [big] }));
    expect(markdown.length).toBeLessThan(60_000);
    expect(markdown).toContain('### How to fix');
    expect(markdown).not.toContain('nnnn');
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(
      '**Shortened to fit a pull-request comment:** left out the passing checks, the files Cairn can write. Run `cairn check` locally to see it all.',
    );
  });

  it('cuts nothing and says nothing when the report fits', () => {
    const markdown = formatMarkdown(hugeReport(2, 3));
    expect(markdown).not.toContain('Shortened');
    expect(markdown).toContain('<summary>1 check passes</summary>');
  });

  it('holds for any input, even one enormous line', () => {
    const markdown = formatMarkdown(
      report([failing], {
        standards: 'x'.repeat(100_000),
        problems: Array.from({ length: 5_000 }, (_, index) => ({
          severity: 'error' as const,
          repo: 'orders',
          message: `problem ${index} ${'y'.repeat(200)}`,
        })),
      }),
    );
    expect(markdown.length).toBeLessThan(60_000);
    expect(markdown).toContain('Shortened to fit a pull-request comment');
  });
});
