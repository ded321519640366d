import type { Evidence } from '../../../collectors/checks/check.ts';
import { windowsSafeSegment } from '../../../collectors/support/output-names.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import { checkPageUrl, type CheckReport, type Suggestion } from './model.ts';
import { cleanReport, markdownCode, markdownMessage, markdownText, splitCodeSpans, terminalSafe } from './text.ts';
import { shortened } from '../../../collectors/support/text.ts';
import {
  problemGateText,
  failingChecks,
  hasManyScorecards,
  MAX_ENTITIES_NAMED,
  moved,
  neededForText,
  plural,
  settledChecks,
  settledSummary,
  splitEntityRef,
  standingText,
  verdictOf,
  type FailingCheck,
  type Finding,
  type SettledCheck,
  type Verdict,
} from './verdict.ts';

/** What `cairn check --format markdown` asks of the report. */
export interface MarkdownOptions {
  /** Show the passing and not-applicable checks open instead of folded. */
  verbose?: boolean;
}

/**
 * Under GitHub's limit for a comment (65,536 characters), with room for whatever a workflow adds
 * around the report. Every report is cut to fit, whatever the repository holds.
 */
export const MARKDOWN_LIMIT = 60_000;

/** Table cells longer than this are shortened: a report is read in a pull request, not searched. */
const CELL_LIMIT = 300;

/** Entity pages named in the line that says what was cut. */
const PAGES_NAMED = 3;

/** A check failing on more entities than this is one row naming a few, its findings folded below the table. */
export const GROUP_ABOVE = 5;

/** Entities a grouped row names; the rest are counted. */
const ENTITIES_NAMED = 3;

/** Places a Where cell names; the rest are counted. */
const PLACES_SHOWN = 3;

/** Gate reasons listed under the verdict; the rest are counted. */
const GATE_REASONS_SHOWN = 5;

const OUTCOME_MARK: Record<'fail' | 'error', string> = { fail: '❌', error: '⚠️' };

/**
 * The hidden first line of every Markdown report: the same for every push to a pull request, so a
 * workflow finds its earlier comment and updates it instead of adding one per push. The repository's
 * name is reduced to characters that cannot end an HTML comment or spread over lines.
 */
export function checkCommentMarker(repoName: string): string {
  const cleaned = terminalSafe(repoName)
    .replace(/[^A-Za-z0-9._/-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `<!-- cairn-check: ${cleaned || 'repository'} -->`;
}

/**
 * Markdown for a pull-request comment: the verdict and the gate first, then what fails (cheapest
 * fix first, a check failing on many entities as one row, each fix once), the problems, the files
 * Cairn can write, and the passing checks folded; cut to fit under MARKDOWN_LIMIT, least important
 * parts first, saying what was cut. Every table cell escapes `|`, code spans included.
 */
export function formatMarkdown(dirty: CheckReport, options: MarkdownOptions = {}): string {
  const report = cleanReport(dirty);
  const sections = reportSections(report, options);
  for (const budget of budgets(sections, report)) {
    const text = renderSections(sections, budget, report);
    if (text.length < MARKDOWN_LIMIT) return text;
  }
  return lastResort(sections, report);
}

/** The parts of the report, each renderable with less when it must be cut. */
interface Sections {
  head: string[];
  levelChanges: string[];
  failingHeading: string[];
  /**
   * Table rows of failing checks (a check per entity, or per check when it fails on many), in the
   * order to fix them; with and without the fix column.
   */
  rows: { withFixes: string[]; withoutFixes: string[]; header: { withFixes: string[]; withoutFixes: string[] } };
  /** Each grouped check's findings, entity by entity, folded. */
  groupDetails: string[];
  noneFailing: string[];
  problems: string[];
  fixes: string[];
  suggestions: string[];
  settled: string[];
}

/** How much of each part a rendering keeps. */
interface Budget {
  settled: boolean;
  groupDetails: boolean;
  suggestions: boolean;
  fixes: boolean;
  rows: number;
  problems: number;
}

function reportSections(report: CheckReport, options: MarkdownOptions): Sections {
  const verdict = verdictOf(report);
  const failing = failingChecks(report);
  const fixNumbers = numberFixes(failing);
  const head = [
    checkCommentMarker(report.repo.name),
    `**Cairn scorecards for ${markdownCode(report.repo.name)}:** ${markdownText(verdict.line)}`,
    ...gateSection(report.gate),
    ...problemGateSection(report),
    '',
    `Judged with ${markdownText(report.standards)}.`,
  ];
  const settled = settledChecks(report);
  const { rows, groupDetails } = failingRows(report, verdict, failing, fixNumbers);
  return {
    head,
    levelChanges: verdict.entities.length > MAX_ENTITIES_NAMED ? levelChangesSection(verdict) : [],
    failingHeading:
      failing.length > 0 ? [`### ${plural(failing.length, 'check')} ${failing.length === 1 ? 'fails' : 'fail'}, cheapest fix first`] : [],
    rows,
    groupDetails,
    noneFailing:
      failing.length === 0 && report.results.length > 0
        ? ['Every applicable check passes.']
        : report.results.length === 0
          ? ['No scorecard applies to the entities of this repository.']
          : [],
    problems: problemsShown(report, failing).map(
      (problem) =>
        `- **${problem.severity}** ${problem.file ? `${markdownCode(`${problem.file}${problem.line ? `:${problem.line}` : ''}`)} ` : ''}${markdownMessage(shorten(problem.message))}`,
    ),
    fixes: fixesSection(fixNumbers),
    suggestions: suggestionsSection(report.suggestions),
    settled: settledSection(verdict, settled, Boolean(options.verbose)),
  };
}

/**
 * The cheaper renderings to try, in order: drop passing checks, then the findings folded under
 * grouped checks, then suggestions, then fix details, then rows and problems.
 */
function* budgets(sections: Sections, report: CheckReport): Generator<Budget> {
  const rows = sections.rows.withFixes.length;
  const problems = sections.problems.length;
  const full: Budget = { settled: true, groupDetails: true, suggestions: true, fixes: true, rows, problems };
  yield full;
  yield { ...full, settled: false };
  yield { ...full, settled: false, groupDetails: false };
  yield { ...full, settled: false, groupDetails: false, suggestions: false };
  const lean: Budget = { settled: false, groupDetails: false, suggestions: false, fixes: false, rows, problems };
  yield lean;
  // The most rows that fit, then the most problems: found by bisection; formatMarkdown checks the result again.
  const fits = (budget: Budget) => renderSections(sections, budget, report).length < MARKDOWN_LIMIT;
  const keptRows = largestFitting(rows, (count) => fits({ ...lean, rows: count, problems: 0 }));
  const keptProblems = largestFitting(problems, (count) => fits({ ...lean, rows: keptRows, problems: count }));
  yield { ...lean, rows: keptRows, problems: keptProblems };
}

/** The largest n in [0, max] with `fits(n)`, when fitting is monotone (0 when none fits). */
function largestFitting(max: number, fits: (count: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The report as `budget` allows, ending with what was cut and where to see everything. */
function renderSections(sections: Sections, budget: Budget, report: CheckReport): string {
  const out: string[] = [...sections.head];
  const add = (lines: readonly string[]) => {
    if (lines.length > 0) out.push('', ...lines);
  };
  const rows = budget.fixes ? sections.rows.withFixes : sections.rows.withoutFixes;
  const header = budget.fixes ? sections.rows.header.withFixes : sections.rows.header.withoutFixes;
  if (budget.settled) add(sections.levelChanges);
  add(sections.failingHeading);
  if (rows.length > 0 && budget.rows > 0) add([...header, ...rows.slice(0, budget.rows)]);
  if (budget.groupDetails) add(sections.groupDetails);
  add(sections.noneFailing);
  if (sections.problems.length > 0 && budget.problems > 0) add(['### Problems', '', ...sections.problems.slice(0, budget.problems)]);
  if (budget.fixes) add(sections.fixes);
  if (budget.suggestions) add(sections.suggestions);
  if (budget.settled) add(sections.settled);
  const cut = cutParts(sections, budget);
  if (cut.length > 0) add([cutLine(cut, report)]);
  return `${out.join('\n').trimEnd()}\n`;
}

function cutParts(sections: Sections, budget: Budget): string[] {
  const rows = sections.rows.withFixes.length;
  const problems = sections.problems.length;
  return [
    !budget.settled && (sections.settled.length > 0 || sections.levelChanges.length > 0) ? 'the passing checks' : '',
    !budget.groupDetails && sections.groupDetails.length > 0 ? 'the findings of each entity under checks failing on many' : '',
    !budget.suggestions && sections.suggestions.length > 0 ? 'the files Cairn can write' : '',
    !budget.fixes && sections.fixes.length > 0 ? 'how to fix each check' : '',
    budget.rows < rows ? `${(rows - budget.rows).toLocaleString('en')} of ${rows.toLocaleString('en')} rows of failing checks` : '',
    budget.problems < problems ? `${(problems - budget.problems).toLocaleString('en')} of ${problems.toLocaleString('en')} problems` : '',
  ].filter(Boolean);
}

/** The last line of a cut report: what was left out, and where the whole report is. */
function cutLine(cut: readonly string[], report: CheckReport): string {
  const what = `**Shortened to fit a pull-request comment:** left out ${cut.join(', ')}.`;
  const pages = report.portalUrl
    ? report.entities
        .map((entity) => safeUrl(entityPageUrl(report.portalUrl!, entity.ref, entity)))
        .filter((url): url is string => url !== undefined)
    : [];
  if (pages.length === 0) return `${what} Run \`cairn check\` locally to see it all.`;
  const labels = new Map(report.entities.map((entity) => [entity.ref, entity.metadata.name]));
  const links = report.entities
    .slice(0, PAGES_NAMED)
    .map((entity, index) => `[${markdownText(labels.get(entity.ref) ?? entity.ref)}](${pages[index]})`);
  const more = report.entities.length > PAGES_NAMED ? ` and ${report.entities.length - PAGES_NAMED} more entities` : '';
  return `${what} See it all on the portal: ${links.join(', ')}${more}, or run \`cairn check\` locally.`;
}

/** The whole report could not fit (a verdict line beyond any measure): the head, shortened, and the cut line. */
function lastResort(sections: Sections, report: CheckReport): string {
  const head = sections.head.map((line) => (line.length > 2_000 ? `${line.slice(0, 2_000)}…` : line));
  const cut = cutParts(sections, { settled: false, groupDetails: false, suggestions: false, fixes: false, rows: 0, problems: 0 });
  const text = `${[...head, '', cutLine(cut.length > 0 ? cut : ['the details'], report)].join('\n')}\n`;
  return text.length < MARKDOWN_LIMIT ? text : `${text.slice(0, MARKDOWN_LIMIT - 2)}…\n`;
}

/**
 * An entity's page on the portal, `${portalUrl}catalog/<namespace>/<kind>/<name>/`, as the site
 * names its folders (kind and namespace lowercase, names a Windows disk cannot hold renamed).
 */
export function entityPageUrl(
  portalUrl: string,
  entityRef: string,
  entity?: { kind: string; metadata: { name: string; namespace?: string | undefined } },
): string {
  const parts = splitEntityRef(entityRef);
  const kind = (entity?.kind ?? parts.kind).toLowerCase();
  const namespace = windowsSafeSegment((entity?.metadata.namespace ?? parts.namespace).toLowerCase());
  const name = windowsSafeSegment(entity?.metadata.name ?? parts.name);
  return `${portalUrl}catalog/${[namespace, kind, name].map(encodeURIComponent).join('/')}/`;
}

/** An http(s) URL as a Markdown link destination that nothing in it can end early (nor a table cell); else undefined. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(
    /[\s()<>"'`\\|[\]]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Each distinct fix text, numbered in the order the failing checks need it, and the checks that need it. */
function numberFixes(failing: readonly FailingCheck[]): Map<string, { number: number; checkIds: string[] }> {
  const numbers = new Map<string, { number: number; checkIds: string[] }>();
  for (const check of failing) {
    if (!check.fix) continue;
    const known = numbers.get(check.fix);
    if (known) known.checkIds.push(check.checkId);
    else numbers.set(check.fix, { number: numbers.size + 1, checkIds: [check.checkId] });
  }
  return numbers;
}

/**
 * The rows of what fails: one per check and entity, or one per check failing on more than
 * GROUP_ABOVE entities (240 services missing one file are one row, not 240), whose findings are
 * then folded below the table.
 */
function failingRows(
  report: CheckReport,
  verdict: Verdict,
  failing: readonly FailingCheck[],
  fixNumbers: Map<string, { number: number }>,
): { rows: Sections['rows']; groupDetails: string[] } {
  const labels = verdict.entities.length > 1 ? new Map(verdict.entities.map((entity) => [entity.entityRef, entity.label])) : undefined;
  const context: RowContext = { report, labels, manyScorecards: hasManyScorecards(report) };
  const columns = ['Check', ...(labels ? ['Entity'] : []), 'Effort', 'Needed for', 'Finding', 'Where'];
  const header = (withFixes: boolean) => {
    const names = withFixes ? [...columns, 'Fix'] : columns;
    return [`| ${names.join(' | ')} |`, `|${names.map(() => '---').join('|')}|`];
  };
  const withFixes: string[] = [];
  const withoutFixes: string[] = [];
  const groupDetails: string[] = [];
  for (const check of failing) {
    const page = safeUrl(checkPageUrl(report, check.checkId));
    const title = page ? `[${markdownText(check.title)}](${page})` : markdownText(check.title);
    const fix = check.fix ? `Fix ${fixNumbers.get(check.fix)!.number}` : '–';
    const grouped = new Set(check.findings.map((finding) => finding.entityRef)).size > GROUP_ABOVE;
    const rows = grouped
      ? [groupCells(check, title, context)]
      : check.findings.map((finding) => findingCells(check, finding, title, context));
    if (grouped) groupDetails.push(...groupDetailsSection(check, context));
    for (const cells of rows) {
      withoutFixes.push(`| ${cells.join(' | ')} |`);
      withFixes.push(`| ${[...cells, fix].join(' | ')} |`);
    }
  }
  return { rows: { withFixes, withoutFixes, header: { withFixes: header(true), withoutFixes: header(false) } }, groupDetails };
}

interface RowContext {
  report: CheckReport;
  /** Entity labels, when the report has several entities. */
  labels: Map<string, string> | undefined;
  manyScorecards: boolean;
}

/** The cells of one check's failure on one entity. */
function findingCells(check: FailingCheck, finding: Finding, title: string, { report, labels, manyScorecards }: RowContext): string[] {
  return [
    `${finding.newlyFailing ? '🆕 ' : ''}${OUTCOME_MARK[finding.outcome]} ${title}`,
    ...(labels ? [markdownText(labels.get(finding.entityRef) ?? finding.entityRef)] : []),
    check.effort ?? '–',
    markdownText(neededForText(finding.neededFor, report.scorecards, manyScorecards)),
    findingText(finding),
    whereCell(finding.evidence),
  ];
}

/** The cells of a check failing on many entities: a few named, the rest counted, a finding as an example. */
function groupCells(check: FailingCheck, title: string, { report, labels, manyScorecards }: RowContext): string[] {
  const entityRefs = [...new Set(check.findings.map((finding) => finding.entityRef))];
  const named = entityRefs.slice(0, ENTITIES_NAMED).map((entityRef) => markdownText(labels?.get(entityRef) ?? entityRef));
  const messages = new Set(check.findings.map((finding) => finding.message));
  const first = check.findings[0]!;
  const example =
    messages.size === 1
      ? findingText(first)
      : `${markdownText(`${labels?.get(first.entityRef) ?? first.entityRef}: `)}${findingText(first)} (+${messages.size - 1} other findings)`;
  const mark = check.findings.every((finding) => finding.outcome === 'error') ? OUTCOME_MARK.error : OUTCOME_MARK.fail;
  return [
    `${check.newlyFailing ? '🆕 ' : ''}${mark} ${title}`,
    ...(labels ? [`${entityRefs.length} entities: ${named.join(', ')} … (+${entityRefs.length - named.length})`] : []),
    check.effort ?? '–',
    markdownText(
      neededForText(
        check.findings.flatMap((finding) => finding.neededFor),
        report.scorecards,
        manyScorecards,
      ),
    ),
    example,
    whereCell(check.findings.flatMap((finding) => finding.evidence)),
  ];
}

/** A grouped check's findings, one row per finding, folded. */
function groupDetailsSection(check: FailingCheck, { report, labels, manyScorecards }: RowContext): string[] {
  const entities = new Set(check.findings.map((finding) => finding.entityRef)).size;
  const rows = check.findings.map((finding) => {
    const entity = `${finding.newlyFailing ? '🆕 ' : ''}${markdownText(labels?.get(finding.entityRef) ?? finding.entityRef)}`;
    return `| ${entity} | ${markdownText(neededForText(finding.neededFor, report.scorecards, manyScorecards))} | ${findingText(finding)} | ${whereCell(finding.evidence)} |`;
  });
  return [
    `<details><summary>${htmlText(check.title)}: ${entities} entities</summary>`,
    '',
    '| Entity | Needed for | Finding | Where |',
    '|---|---|---|---|',
    ...rows,
    '',
    '</details>',
  ];
}

/** What a finding says, as a table cell: an expired exemption first, then the check's message. */
function findingText(finding: Finding): string {
  const exemption = finding.exemption
    ? markdownText(`exemption expired ${finding.exemption.expires} (${shorten(finding.exemption.reason, 120)}): `)
    : '';
  return `${exemption}${markdownMessage(shorten(finding.message), 'cell')}`;
}

/** The places of some evidence as a table cell: each file and line once, a few named and the rest counted. */
function whereCell(evidence: readonly Evidence[]): string {
  const places = [...new Set(evidence.map((place) => `${place.path}${place.line ? `:${place.line}` : ''}`))];
  if (places.length === 0) return '–';
  const named = places.slice(0, PLACES_SHOWN).map((place) => markdownCode(shorten(place), 'cell'));
  return places.length > PLACES_SHOWN ? `${named.join(', ')}, +${places.length - PLACES_SHOWN} more` : named.join(', ');
}

/**
 * The problems the report lists: each once, and none that repeats word for word what a failing
 * check says on the same entity (a problem naming no entity is taken to concern any entity of the
 * repository). Only the exact message counts: a problem that says more, or says it of another
 * file, stays.
 */
function problemsShown(report: CheckReport, failing: readonly FailingCheck[]): Problem[] {
  const said = new Set(failing.flatMap((check) => check.findings.map((finding) => `${finding.entityRef}\u0000${finding.message.trim()}`)));
  const entityRefs = report.entities.map((entity) => entity.ref);
  const seen = new Set<string>();
  return report.problems.filter((problem) => {
    const key = JSON.stringify([problem.severity, problem.file, problem.line, problem.entityRef, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    const concerned = problem.entityRef ? [problem.entityRef] : entityRefs;
    return !concerned.some((entityRef) => said.has(`${entityRef}\u0000${problem.message.trim()}`));
  });
}

/** Whether the `--fail-on` gate passes, right under the verdict; why it fails as a short list. */
function gateSection(gate: CheckReport['gate']): string[] {
  if (!gate) return [];
  const name = `Gate (${markdownCode(`--fail-on ${gate.name}`)})`;
  if (gate.failures.length === 0) return ['', `✅ ${name}: passes`];
  const more = gate.failures.length > GATE_REASONS_SHOWN ? [`- … and ${gate.failures.length - GATE_REASONS_SHOWN} more`] : [];
  return [
    '',
    `❌ ${name} fails:`,
    '',
    ...gate.failures.slice(0, GATE_REASONS_SHOWN).map((failure) => `- ${markdownText(shorten(failure))}`),
    ...more,
  ];
}

/** Whether the repository's own problems fail the run (`--fail-on-problems`), under the gate: the comment says why a job failed. */
function problemGateSection(report: CheckReport): string[] {
  const text = report.problemGate ? problemGateText(report.problemGate) : '';
  if (!text) return [];
  return ['', `${report.problemGate!.failing > 0 ? '❌' : '✅'} ${markdownText(text)}`];
}

/** Each fix once, folded, named by its first line and the checks that need it. */
function fixesSection(fixNumbers: Map<string, { number: number; checkIds: string[] }>): string[] {
  if (fixNumbers.size === 0) return [];
  const lines = ['### How to fix'];
  for (const [fix, { number, checkIds }] of fixNumbers) {
    const needs = checkIds.map((checkId) => `<code>${htmlText(checkId)}</code>`).join(', ');
    // The fix is the standards' own Markdown (built-in or the portal's content/checks), shown as written.
    lines.push('', `<details><summary>Fix ${number}: ${fixHeadline(fix)} — needed by ${needs}</summary>`, '', fix, '', '</details>');
  }
  return lines;
}

/**
 * A fix's first line as the HTML of a `<summary>` (which GitHub does not read as Markdown): code
 * spans become `<code>`, a link or an image becomes its text (no link is made, so nothing in a
 * summary leads anywhere), the rest is escaped, and a long line is shortened.
 */
export function fixHeadline(fix: string): string {
  const first = fix.split('\n').find((line) => line.trim()) ?? '';
  const unlinked = first
    .trim()
    .replace(/^(?:#+|[-*+]|\d+\.)\s+/, '')
    .replace(/:$/, '')
    // Inline links and images, `[text](url "title")`, then reference links, `[text][id]`, then autolinks, `<https://…>`.
    .replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^<>\s]*)>/gi, '$1');
  return splitCodeSpans(shorten(unlinked, 120))
    .map((part) => (part.code ? `<code>${htmlText(part.text)}</code>` : htmlText(part.text.replace(/\*\*|__/g, ''))))
    .join('');
}

/** Text inside raw HTML (a `<summary>`): escaped for HTML, on one line. */
function htmlText(text: string): string {
  return terminalSafe(text)
    .replace(/\r?\n/g, ' ')
    .replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** `text` cut to `limit` characters at most, with an ellipsis when cut. */
function shorten(text: string, limit = CELL_LIMIT): string {
  return shortened(text, limit);
}

/** Files Cairn would write, each folded in a fenced block no line of the file can close. */
function suggestionsSection(suggestions: readonly Suggestion[]): string[] {
  if (suggestions.length === 0) return [];
  const lines = ['### Files Cairn can write'];
  for (const suggestion of suggestions) {
    const commands = suggestion.checkIds.map((checkId) => markdownCode(`cairn fix ${checkId}`));
    const run = commands.length > 0 ? ` Run ${commands.join(' or ')} to write it.` : '';
    lines.push(
      '',
      `<details><summary><code>${htmlText(suggestion.path)}</code></summary>`,
      '',
      `${markdownMessage(suggestion.summary)}${run}`,
      '',
      ...fencedBlock(suggestion.text, infoString(suggestion.path)),
      '',
      '</details>',
    );
  }
  return lines;
}

/** A fenced code block holding `text` as it is: the fence is longer than any run of backticks in it. */
export function fencedBlock(text: string, info: string): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...text.replace(/\n+$/, '').split('\n'), fence];
}

function infoString(path: string): string {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'text';
}

/** With many entities the verdict line counts level moves: the moves, folded. */
function levelChangesSection(verdict: Verdict): string[] {
  const rows = verdict.entities.flatMap((entity) =>
    entity.scorecards.filter(moved).map((standing) => `| ${markdownText(entity.label)} | ${markdownText(standingText(standing))} |`),
  );
  if (rows.length === 0) return [];
  return [
    `<details><summary>${plural(rows.length, 'level')} moved against <code>${htmlText(verdict.comparison!.ref)}</code></summary>`,
    '',
    '| Entity | Level |',
    '|---|---|',
    ...rows,
    '',
    '</details>',
  ];
}

/** The checks that pass or do not apply: one folded table, or open with `verbose`. */
function settledSection(verdict: Verdict, settled: { passing: SettledCheck[]; notApplicable: SettledCheck[] }, verbose: boolean): string[] {
  const summary = settledSummary(settled);
  if (!summary) return [];
  const labels = verdict.entities.length > 1 ? new Map(verdict.entities.map((entity) => [entity.entityRef, entity.label])) : undefined;
  const table = [
    `| Check |${labels ? ' Entity |' : ''} Outcome | Finding |`,
    `|---|${labels ? '---|' : ''}---|---|`,
    ...[...settled.passing, ...settled.notApplicable].map((check) => {
      const passed = check.exemption
        ? `⚑ exempt until ${markdownText(check.exemption.expires)}: ${markdownText(shorten(check.exemption.reason))}`
        : '✅ pass';
      const outcome = check.outcome === 'notApplicable' ? '➖ n/a' : `${check.newlyPassing ? '🆕 ' : ''}${passed}`;
      const entity = labels ? ` ${markdownText(labels.get(check.entityRef) ?? check.entityRef)} |` : '';
      return `| ${markdownText(check.title)} |${entity} ${outcome} | ${markdownMessage(shorten(check.message), 'cell')} |`;
    }),
  ];
  if (verbose) return [`### ${summary}`, '', ...table];
  return ['<details>', `<summary>${htmlText(summary)}</summary>`, '', ...table, '', '</details>'];
}
