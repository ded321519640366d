import { describe, expect, it } from 'vitest';
import type { CheckMetadata } from '../../../collectors/checks/check.ts';
import type { ScorecardDefinition } from '../../../collectors/scorecards/definition.ts';
import type { ScorecardResult } from '../../../collectors/scorecards/result.ts';
import type { CatalogEntity } from '../../../collectors/snapshot.ts';
import { compareResults } from '../../../scripts/cli/report/compare.ts';
import { checkCommentMarker, entityPageUrl, fencedBlock, fixHeadline, formatMarkdown } from '../../../scripts/cli/report/markdown.ts';
import type { CheckReport, Suggestion } from '../../../scripts/cli/report/model.ts';
import { checks, entity, failingResult, fixedResult, report, result, scorecard, scored } from './report-fixture.ts';

const failing = failingResult;
const fixed = fixedResult;

/** Lines of a Markdown report, without the blank ones. */
const linesOf = (markdown: string) => markdown.split('\n').filter((line) => line.trim());

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
    const lines = linesOf(formatMarkdown(report([failing], { comparison: compareResults('origin/main', [fixed], [failing], [scorecard]) })));
    expect(lines.slice(0, 3)).toEqual([
      '<!-- cairn-check: orders -->',
      '**Cairn scorecards for `orders`:** ▼ Production readiness: Silver → Bronze · 2 checks newly failing against origin/main',
      "Judged with the portal's standards from portal\\.yaml.",
    ]);
  });
});

describe('formatMarkdown: what fails', () => {
  it('is one table, newly failing first and marked, each row naming its fix', () => {
    const base = result([scored('readme-present', 'pass'), scored('changelog-present', 'fail'), scored('actions-pinned', 'pass')], 'bronze');
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
    const shared = new Map([...checks].map(([id, metadata]) => [id, { ...metadata, fix: 'Add a `catalog-info.yaml`:\n\n```yaml\nkind: Component\n```' }]));
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
      [scored('readme-present', 'fail', { message: 'bad | <img src=x onerror=alert(1)> [Approve](https://evil.example) @octocat', evidence: [{ path: 'a`b [x](y).pem', line: 3 }] })],
      null,
    );
    const markdown = formatMarkdown(report([hostile], { entities: [{ ...entity, ref: 'component:default/x<img>' }] }));
    expect(markdown).toContain('bad \\| \\<img src=x onerror=alert\\(1\\)\\> \\[Approve\\]\\(https\\://evil\\.example\\) \\@octocat');
    expect(markdown).toContain('``a`b [x](y).pem:3``');
    expect(markdown).not.toMatch(/[^\\]<img/);
  });
});

describe('fixHeadline', () => {
  it.each([
    ['Add a `CHANGELOG.md`.\n\nMore.', 'Add a <code>CHANGELOG.md</code>.'],
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
    expect(markdown).toContain(['<details>', '<summary>1 check passes</summary>', '', '| Check | Outcome | Finding |', '|---|---|---|', '| README present | ✅ pass | readme\\-present is pass |', '', '</details>'].join('\n'));
    const verbose = formatMarkdown(report([failing]), { verbose: true });
    expect(verbose).toContain(['### 1 check passes', '', '| Check | Outcome | Finding |'].join('\n'));
    expect(verbose).not.toContain('<summary>1 check passes</summary>');
  });

  it('marks the checks newly passing against the ref, first', () => {
    const markdown = formatMarkdown(report([fixed], { comparison: compareResults('main', [failing], [fixed], [scorecard]) }));
    expect(markdown).toContain(
      ['| Actions pinned to commit SHAs | 🆕 ✅ pass | actions\\-pinned is pass |', '| CHANGELOG present | 🆕 ✅ pass | changelog\\-present is pass |', '| README present | ✅ pass | readme\\-present is pass |'].join('\n'),
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
        'What it is, from \\@acme/team\\. Run `cairn fix descriptor-valid` to write it.',
        '',
        fence,
        text.trimEnd(),
        fenceOnly,
        '',
        '</details>',
      ].join('\n'),
    );
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
    ['component:default/orders', { kind: 'Component', metadata: { name: 'Orders', namespace: 'Default' } }, 'https://p.example/catalog/default/component/Orders/'],
  ])('%s', (ref, described, url) => {
    expect(entityPageUrl('https://p.example/', ref, described)).toBe(url);
  });
});

const LONG_FIX = Array.from({ length: 30 }, (_, line) => `Step ${line + 1}: do the careful thing that this check needs, exactly as the guide says.`).join('\n');

/** A repository of `entityCount` services, each failing `checkCount` checks, every check with a long fix of its own. */
function hugeReport(entityCount: number, checkCount: number, extra: Partial<CheckReport> = {}): CheckReport {
  const ids = Array.from({ length: checkCount }, (_, index) => `check-${String(index).padStart(2, '0')}`);
  const definition: ScorecardDefinition = { ...scorecard, levels: [{ id: 'bronze', checks: ids.map((id) => ({ id, weight: 1, options: {} })) }] };
  const metadata = new Map(
    ids.map((id, index): [string, CheckMetadata] => [
      id,
      { id, title: `Check number ${index}`, category: 'docs', description: id, why: 'Because.', fix: `${id}: ${LONG_FIX}`, effort: (['low', 'medium', 'high'] as const)[index % 3]!, severity: 'warning', source: 'builtin', options: {} },
    ]),
  );
  const names = Array.from({ length: entityCount }, (_, index) => `service-${String(index).padStart(2, '0')}`);
  const results = names.map(
    (name): ScorecardResult => ({
      scorecard: scorecard.id,
      entityRef: `component:default/${name}`,
      level: null,
      score: 0,
      checks: ids.map((id) => scored(id, 'fail', { level: 'bronze', message: `${name} fails ${id}: the file that should say so is missing from the repository root.`, evidence: [{ path: `services/${name}/catalog-info.yaml`, line: 4 }] })),
    }),
  );
  const entities = names.map((name): CatalogEntity => ({ ...entity, ref: `component:default/${name}`, metadata: { name, namespace: 'default' } }));
  const passing = result([scored('readme-present', 'pass')], 'bronze', { entityRef: 'component:default/service-00', scorecard: 'other' });
  return report([...results, passing], { scorecards: [definition], checks: metadata, entities, ...extra });
}

describe('formatMarkdown: the size cap', () => {
  it('keeps a report of 60 entities × 48 failing checks with long fixes under the cap, saying what was cut and where to see it', () => {
    const markdown = formatMarkdown(hugeReport(60, 48, { portalUrl: 'https://portal.example/', suggestions: [{ path: 'catalog-info.yaml', checkIds: ['check-00'], summary: 'A descriptor.', text: 'kind: Component\n' }] }));
    expect(markdown.length).toBeLessThan(60_000);
    expect(markdown.startsWith('<!-- cairn-check: orders -->\n')).toBe(true);
    const last = markdown.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^\*\*Shortened to fit a pull-request comment:\*\* left out the passing checks, the files Cairn can write, how to fix each check, [\d,]+ of 2,880 rows of failing checks\. /);
    expect(last).toContain('See it all on the portal: [service\\-00](https://portal.example/catalog/default/component/service-00/), ');
    expect(last).toContain('and 57 more entities, or run `cairn check` locally.');
    // As many rows as fit, in order: the cheapest fixes first.
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ❌'));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows[0]).toContain('Check number 0');
    expect(markdown).not.toContain('<details>');
  });

  it('cuts the least important part first: the passing checks and the files before the fixes', () => {
    const big: Suggestion = { path: 'notes.txt', checkIds: ['check-00'], summary: 'Notes.', text: 'n'.repeat(70_000) };
    const markdown = formatMarkdown(hugeReport(1, 4, { suggestions: [big] }));
    expect(markdown.length).toBeLessThan(60_000);
    expect(markdown).toContain('### How to fix');
    expect(markdown).not.toContain('nnnn');
    expect(markdown.trimEnd().split('\n').at(-1)).toBe('**Shortened to fit a pull-request comment:** left out the passing checks, the files Cairn can write. Run `cairn check` locally to see it all.');
  });

  it('cuts nothing and says nothing when the report fits', () => {
    const markdown = formatMarkdown(hugeReport(2, 3));
    expect(markdown).not.toContain('Shortened');
    expect(markdown).toContain('<summary>1 check passes</summary>');
  });

  it('holds for any input, even one enormous line', () => {
    const markdown = formatMarkdown(report([failing], { standards: 'x'.repeat(100_000), problems: Array.from({ length: 5_000 }, (_, index) => ({ severity: 'error' as const, repo: 'orders', message: `problem ${index} ${'y'.repeat(200)}` })) }));
    expect(markdown.length).toBeLessThan(60_000);
    expect(markdown).toContain('Shortened to fit a pull-request comment');
  });
});
