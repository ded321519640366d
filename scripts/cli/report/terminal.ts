import { checkPageUrl, type CheckReport, type Suggestion } from './model.ts';
import { cleanReport, problemLine, terminalSafe } from './text.ts';
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
  standingText,
  verdictOf,
  type FailingCheck,
  type Finding,
  type SettledCheck,
  type Verdict,
} from './verdict.ts';

/** What `cairn check` asks of the terminal report. */
export interface TerminalOptions {
  /** ANSI colours: only when the output is a terminal. */
  color: boolean;
  /** List passing and not-applicable checks, and every score, instead of counting them. */
  verbose?: boolean;
  /** End with each file Cairn can write, in full. */
  suggest?: boolean;
  /**
   * List the repository's own problems, and whether they fail the run: for a report written to a
   * file (`--output`), which would otherwise lack what `cairn check` prints on stderr.
   */
  problems?: boolean;
}

type Style = ReturnType<typeof palette>;

/** ANSI styles, or none when the output is not a terminal. */
function palette(color: boolean) {
  const wrap = (code: string) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), green: wrap('32'), yellow: wrap('33'), cyan: wrap('36') };
}

/** Evidence lines shown per finding; the rest are counted. */
const EVIDENCE_SHOWN = 5;

/**
 * The readable report `cairn check` prints by default: the verdict in one line, the standards that
 * judged, what fails (cheapest fix first, each fix in full), and a count of what passes.
 */
export function formatTerminal(dirty: CheckReport, options: TerminalOptions): string {
  const report = cleanReport(dirty, '?');
  const style = palette(options.color);
  const verdict = verdictOf(report);
  const lines: string[] = [
    style.bold(terminalSafe(verdict.line)),
    ...gateLines(report, style),
    style.dim(`Judged with ${terminalSafe(report.standards)}.`),
  ];
  if (verdict.entities.length > MAX_ENTITIES_NAMED) lines.push(...levelChangeLines(verdict, style));
  const failing = failingChecks(report);
  if (failing.length > 0) {
    lines.push('', style.bold(`${plural(failing.length, 'check')} ${failing.length === 1 ? 'fails' : 'fail'}, cheapest fix first:`));
    const context: FailingContext = {
      report,
      style,
      labels: entityLabelsOf(verdict),
      manyScorecards: hasManyScorecards(report),
      fixShownFor: new Map(),
    };
    for (const check of failing) lines.push(...failingLines(check, context));
  } else if (report.results.length > 0) lines.push('', style.green('No check fails.'));
  lines.push(...nextLevelLines(verdict, style));
  const settled = settledChecks(report);
  if (options.verbose) lines.push(...verboseLines(report, verdict, settled, style));
  else {
    const summary = settledSummary(settled);
    const count = settled.passing.length + settled.notApplicable.length;
    if (summary) lines.push('', style.dim(`${summary}; --verbose lists ${count === 1 ? 'it' : 'them'}.`));
  }
  if (options.problems) lines.push(...problemLines(report, style));
  if (options.suggest) lines.push('', ...suggestionLines(report.suggestions, style));
  else if (report.suggestions.length > 0)
    lines.push('', style.cyan(`cairn check --suggest shows ${plural(report.suggestions.length, 'file')} Cairn can write.`));
  return `${lines.join('\n')}\n`;
}

/** The repository's own problems, each with its place, then whether they fail the run. */
function problemLines(report: CheckReport, style: Style): string[] {
  if (report.problems.length === 0) return [];
  const { problemGate } = report;
  return [
    '',
    style.bold(`${plural(report.problems.length, 'problem')} in ${terminalSafe(report.repo.name)}:`),
    ...report.problems.map((problem) => `  ${problemLine(problem)}`),
    ...problemGateLines(problemGate, style),
  ];
}

function problemGateLines(gate: CheckReport['problemGate'], style: Style): string[] {
  const text = gate ? problemGateText(gate) : '';
  if (!text) return [];
  return [gate!.failing > 0 ? style.red(`✘ ${text}`) : style.green(`✔ ${text}`)];
}

/** Gate reasons printed; the rest are counted (`cairn check` also prints each on stderr). */
const GATE_REASONS_SHOWN = 10;

/** Whether the `--fail-on` gate passes, and why it fails. */
function gateLines(report: CheckReport, style: Style): string[] {
  if (!report.gate) return [];
  const name = `Gate (--fail-on ${report.gate.name})`;
  const { failures } = report.gate;
  if (failures.length === 0) return [style.green(`✔ ${name}: passes`)];
  const more = failures.length > GATE_REASONS_SHOWN ? [`    … and ${failures.length - GATE_REASONS_SHOWN} more`] : [];
  return [
    style.red(`✘ ${name} fails:`),
    ...failures.slice(0, GATE_REASONS_SHOWN).map((failure) => `    ${terminalSafe(failure)}`),
    ...more,
  ];
}

function entityLabelsOf(verdict: Verdict): Map<string, string> | undefined {
  return verdict.entities.length > 1 ? new Map(verdict.entities.map((entity) => [entity.entityRef, entity.label])) : undefined;
}

/** With many entities the verdict line only counts level moves: name them here. */
function levelChangeLines(verdict: Verdict, style: Style): string[] {
  const changes = verdict.entities.flatMap((entity) =>
    entity.scorecards.filter(moved).map((standing) => `  ${terminalSafe(entity.label)} · ${terminalSafe(standingText(standing))}`),
  );
  return changes.length > 0 ? ['', style.bold(`Level changes against ${terminalSafe(verdict.comparison!.ref)}:`), ...changes] : [];
}

interface FailingContext {
  report: CheckReport;
  style: Style;
  /** Entity labels, when the report has several entities. */
  labels: Map<string, string> | undefined;
  manyScorecards: boolean;
  /** Fix texts already printed, and the check they were printed under. */
  fixShownFor: Map<string, string>;
}

function failingLines(check: FailingCheck, context: FailingContext): string[] {
  const { style, report } = context;
  const mark = check.findings.every((finding) => finding.outcome === 'error') ? style.yellow('!') : style.red('✘');
  const fresh = check.newlyFailing ? `${style.bold(style.red('new'))} ` : '';
  const traits = [check.effort ? `${check.effort} effort` : '', check.severity ?? ''].filter(Boolean).join(' · ');
  const neededFor = neededForText(
    check.findings.flatMap((finding) => finding.neededFor),
    report.scorecards,
    context.manyScorecards,
  );
  const lines = [
    `  ${mark} ${fresh}${terminalSafe(check.title)} ${style.dim(`[${terminalSafe(check.checkId)}]${traits ? ` · ${traits}` : ''}`)}${neededFor ? ` · needed for ${terminalSafe(neededFor)}` : ''}`,
  ];
  for (const finding of check.findings) lines.push(...findingLines(finding, context));
  lines.push(...fixLines(check, context));
  const page = checkPageUrl(report, check.checkId);
  if (page) lines.push(style.dim(`      more: ${terminalSafe(page)}`));
  return lines;
}

function findingLines(finding: Finding, { style, labels }: FailingContext): string[] {
  const label = labels?.get(finding.entityRef);
  const who = label ? `${style.bold(terminalSafe(label))}${finding.newlyFailing ? style.red(' (new)') : ''}: ` : '';
  const lines = [`      ${who}${terminalSafe(finding.message)}`];
  if (finding.exemption)
    lines.push(
      `        ${style.red(`exemption expired ${terminalSafe(finding.exemption.expires)}`)}: ${terminalSafe(finding.exemption.reason)}`,
    );
  for (const evidence of finding.evidence.slice(0, EVIDENCE_SHOWN))
    lines.push(
      style.dim(
        terminalSafe(`        at ${evidence.path}${evidence.line ? `:${evidence.line}` : ''}${evidence.note ? `  ${evidence.note}` : ''}`),
      ),
    );
  if (finding.evidence.length > EVIDENCE_SHOWN) lines.push(style.dim(`        … and ${finding.evidence.length - EVIDENCE_SHOWN} more`));
  return lines;
}

/**
 * The fix in full, every line indented as written, so Markdown fences and lists read as they do in
 * the source; never styled inside, so it can be copied. A fix shared with a check above is named, not repeated.
 */
function fixLines(check: FailingCheck, { style, fixShownFor }: FailingContext): string[] {
  if (!check.fix) return [];
  const shownFor = fixShownFor.get(check.fix);
  if (shownFor) return [`      ${style.cyan('fix:')} as for ${terminalSafe(shownFor)} above`];
  fixShownFor.set(check.fix, check.checkId);
  return [`      ${style.cyan('fix:')}`, ...indent(terminalSafe(check.fix), 8)];
}

/** Each line of `text` indented by `width` spaces; empty lines stay empty. */
function indent(text: string, width: number): string[] {
  const pad = ' '.repeat(width);
  return text.split('\n').map((line) => (line.trim() ? `${pad}${line.trimEnd()}` : ''));
}

function nextLevelLines(verdict: Verdict, style: Style): string[] {
  const many = verdict.entities.length > 1;
  const lines = verdict.entities.flatMap((entity) =>
    entity.scorecards.flatMap((standing) =>
      standing.next
        ? [
            `  ${many ? `${terminalSafe(entity.label)} · ` : ''}${terminalSafe(standing.title)} ${terminalSafe(standing.next.levelTitle)} needs ${terminalSafe(standing.next.checks.join(', '))}`,
          ]
        : [],
    ),
  );
  return lines.length > 0 ? ['', style.cyan('Next level:'), ...lines] : [];
}

/** Everything `--verbose` adds: each score, and each check that passes or does not apply. */
function verboseLines(
  report: CheckReport,
  verdict: Verdict,
  settled: { passing: SettledCheck[]; notApplicable: SettledCheck[] },
  style: Style,
): string[] {
  const many = verdict.entities.length > 1;
  const lines: string[] = [];
  const scores = verdict.entities.flatMap((entity) =>
    entity.scorecards.flatMap((standing) =>
      standing.score === undefined
        ? []
        : [
            `  ${many ? `${terminalSafe(entity.label)} · ` : ''}${terminalSafe(standing.title)}: ${style.bold(terminalSafe(standing.levelTitle))} ${style.dim(`(score ${Math.floor(standing.score * 100)}%)`)}`,
          ],
    ),
  );
  if (scores.length > 0) lines.push('', style.bold('Scores:'), ...scores);
  const labels = new Map(verdict.entities.map((entity) => [entity.entityRef, entity.label]));
  const checkLine = (check: SettledCheck) => {
    const mark = check.outcome === 'pass' ? style.green(check.exemption ? '⚑' : '✔') : style.dim('–');
    const who = many ? `${terminalSafe(labels.get(check.entityRef) ?? check.entityRef)} · ` : '';
    const fresh = check.newlyPassing ? `${style.bold(style.green('new'))} ` : '';
    const line = [
      `  ${mark} ${fresh}${who}${terminalSafe(check.title)} ${style.dim(`[${terminalSafe(check.checkId)}]`)}: ${terminalSafe(check.message)}`,
    ];
    if (check.exemption) line.push(`      exempt until ${terminalSafe(check.exemption.expires)}: ${terminalSafe(check.exemption.reason)}`);
    return line;
  };
  if (settled.passing.length > 0)
    lines.push(
      '',
      style.bold(`${settledSummary({ passing: settled.passing, notApplicable: [] })}:`),
      ...settled.passing.flatMap(checkLine),
    );
  if (settled.notApplicable.length > 0)
    lines.push(
      '',
      style.bold(`${settledSummary({ passing: [], notApplicable: settled.notApplicable })}:`),
      ...settled.notApplicable.flatMap(checkLine),
    );
  if (report.results.length === 0) lines.push('', 'No scorecard applies to the entities of this repository.');
  return lines;
}

/** `--suggest`: each file Cairn would write, in full, and the command that writes it. */
function suggestionLines(suggestions: readonly Suggestion[], style: Style): string[] {
  if (suggestions.length === 0) return [style.dim('Cairn has no file to suggest.')];
  const lines = [style.bold(`${suggestions.length === 1 ? 'A file' : `${suggestions.length} files`} Cairn can write:`)];
  for (const suggestion of suggestions) {
    lines.push(
      '',
      `  ${style.bold(terminalSafe(suggestion.path))}: ${terminalSafe(suggestion.summary)}`,
      '',
      ...indent(terminalSafe(suggestion.text.replace(/\n+$/, '')), 6),
      '',
    );
    const commands = suggestion.checkIds.map((checkId) => `cairn fix ${terminalSafe(checkId)}`);
    if (commands.length > 0) lines.push(`  ${style.cyan(commands.join(' or '))} writes it.`);
  }
  return lines;
}
