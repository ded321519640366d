import { createHash } from 'node:crypto';
import type { Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { CheckMetadata, Evidence } from '../../../collectors/checks/check.ts';
import type { Problem } from '../../../collectors/contract/problems.ts';
import type { AppliedExemption, ScoredCheck } from '../../../collectors/scorecards/result.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { checkPageUrl, orderedResults, type CheckReport } from './model.ts';
import { cleanReport } from './text.ts';
import { gateOutcome, neededForText, type Need } from './verdict.ts';

/*
 * What GitHub code scanning does with SARIF, and so what this file does ("SARIF support for code
 * scanning", https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 *
 * - A result needs a location: "At least one location is required for code scanning to display a
 *   result", and in practice one result without any makes the upload fail as a whole
 *   ("locationFromSarifResult: expected at least one location", github/codeql-action#1738 and #2459).
 *   So a finding with no existing file to point at is not a result: it is a run-level
 *   `invocations[0].toolExecutionNotifications` entry (GitHub ignores those, other SARIF viewers show
 *   them, and `cairn check` prints every problem on stderr), and no fake path is ever invented.
 * - Code scanning "only uses the `primaryLocationLineHash`" of `partialFingerprints`, and the
 *   upload-sarif action keeps a value it finds there. Cairn's findings concern entities, not lines of
 *   code, so that key carries Cairn's own identity of the finding (see `fingerprints`): an alert survives
 *   edits of the file it points at and moves with its evidence. The action logs a warning that its own
 *   line hash differs; that is expected.
 * - Of a rule, GitHub shows shortDescription, fullDescription (1,024 characters each), name (255),
 *   help.markdown, tags, precision, problem.severity and security-severity; `helpUri` is not among
 *   them, so the check's page is linked from help.markdown as well.
 */

/** Where a problem is shown: `exists` says which repository paths are there to point at (all, when not given). */
export interface SarifOptions {
  version: string;
  informationUri?: string;
  exists?: (path: string) => boolean;
}

/** Says whether a repository-relative path is a regular file of the working tree. */
export type Exists = (path: string) => boolean;

/** A file of the repository a finding points at, with a line when known. */
export interface Place {
  path: string;
  line?: number | undefined;
}

type Level = CheckMetadata['severity'];

/**
 * A failing check of one entity (once, however many scorecards count it), or a problem of the
 * repository: what every code-scanning format needs to show it.
 */
export interface Finding {
  source: 'check' | 'problem';
  /** The check's id, or the rule problems of its kind are reported under. */
  ruleId: string;
  /** The check's severity (`warning` for a check that could not run), or the problem's. */
  level: Level;
  /** The check's title; none for a problem, whose message says it all. */
  title?: string | undefined;
  /** Plain text: what is wrong, and for a check the entity and every scorecard and level it counts for. */
  message: string;
  /** Files of the repository that are there, best first; empty when none can be named. */
  places: Place[];
  /** What stays the same while the finding does (see `fingerprints`). */
  identity: string[];
  /** The check's page on the portal, when its URL is known. */
  helpUrl?: string | undefined;
  /** An exemption that still applies: SARIF reports the finding as suppressed, Code Quality leaves it out. */
  exemption?: AppliedExemption | undefined;
}

/** GitHub uses the first location only and takes at most 10 ("SARIF support for code scanning", `result` object). */
const MAX_LOCATIONS = 10;
/** Beyond this many results a run is rejected ("SARIF support for code scanning", "Validating your SARIF file"). */
const MAX_RESULTS = 25_000;

const PROBLEM_SEVERITY: Record<Level, 'error' | 'warning' | 'recommendation'> = {
  error: 'error',
  warning: 'warning',
  note: 'recommendation',
};
/** Scores GitHub reads as high (7.0–8.9), medium (4.0–6.9) and low (0.1–3.9). */
const SECURITY_SEVERITY: Record<Level, string> = { error: '7.5', warning: '5.0', note: '2.0' };

/** The rules problems are reported under: a descriptor that does not load, and everything else Cairn could not read. */
const PROBLEM_RULES: Record<string, ReportingDescriptor> = {
  'cairn/descriptor-problem': {
    id: 'cairn/descriptor-problem',
    name: 'DescriptorProblem',
    shortDescription: { text: 'A catalog descriptor is broken or invalid' },
    fullDescription: {
      text: 'A catalog descriptor could not be parsed or holds an invalid entity; what it declares is missing from the catalog and from every scorecard.',
    },
    defaultConfiguration: { level: 'error' },
    help: { text: 'Fix the descriptor at the line shown; Cairn validates entities as Backstage does.' },
    properties: { tags: ['catalog'], precision: 'very-high', 'problem.severity': 'error' },
  },
  'cairn/configuration-problem': {
    id: 'cairn/configuration-problem',
    name: 'ConfigurationProblem',
    shortDescription: { text: 'A file Cairn reads is broken, ignored or incomplete' },
    fullDescription: {
      text: 'A file of the repository that Cairn reads (CODEOWNERS, workflows, manifests, docs configuration, exemption annotations) could not be read as intended, so some facts or checks are missing.',
    },
    defaultConfiguration: { level: 'warning' },
    help: { text: 'Fix the file at the line shown; the message says what was expected.' },
    properties: { tags: ['configuration'], precision: 'very-high', 'problem.severity': 'warning' },
  },
};

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per check, one result per failing (or exempt,
 * then suppressed) check and entity, naming every scorecard and level it counts for, and one per
 * problem of the repository (a descriptor that does not parse, an invalid entity, a broken file
 * Cairn reads), each at an existing file and line. What has no such file is a tool notification
 * instead (see the top of this file). The run's properties say which standards judged and, when
 * there is one, whether the `--fail-on` gate passes and why not.
 */
export function formatSarif(dirty: CheckReport, tool: SarifOptions): string {
  const report = cleanReport(dirty);
  const all = findings(report, tool.exists);
  const rules = ruleDescriptors(report, all);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const prints = fingerprints(all.map((finding) => finding.identity));
  const located = all.flatMap((finding, index) => (finding.places.length > 0 ? [sarifResult(finding, ruleIndex, prints[index]!)] : []));
  const results = located.slice(0, MAX_RESULTS);
  const notifications = [
    ...all
      .filter((finding) => finding.places.length === 0 && !finding.exemption)
      .map((finding) => unlocatedNotification(finding, ruleIndex)),
    ...(located.length > MAX_RESULTS
      ? [
          {
            level: 'warning' as const,
            message: {
              text: `${located.length - MAX_RESULTS} more results are left out: code scanning rejects a run of more than ${MAX_RESULTS}.`,
            },
          },
        ]
      : []),
  ];
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'Cairn', version: tool.version, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), rules },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the repository Cairn checked.' } } },
        results,
        properties: { standards: report.standards, ...(report.gate ? { gate: gateOutcome(report.gate) } : {}) },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * Every failing check (exempt or not) once per entity, in reading order, then every problem in the
 * report's order, each with the existing files it can point at.
 */
export function findings(report: CheckReport, given: Exists | undefined): Finding[] {
  // Without word of which files exist, every named file is taken to be there, but no README is guessed.
  const exists = given ?? (() => true);
  const readme = given ? readmePlace(given) : undefined;
  const checks = failingVerdicts(report).map((verdicts) => {
    const entity = report.entities.find((candidate) => candidate.ref === verdicts.entityRef);
    return checkFinding(report, verdicts, entity, exists, readme);
  });
  return [...checks, ...report.problems.map((problem) => problemFinding(report, problem, exists))];
}

/** One check's failing verdicts on one entity, one per scorecard that runs it. */
interface EntityCheck {
  entityRef: string;
  checkId: string;
  verdicts: Array<{ scorecard: string; check: ScoredCheck }>;
}

/**
 * The failing checks (exempt or not) of each entity, each once with its verdict in every scorecard
 * that runs it: scorecards share checks (an owner, CODEOWNERS, dependency updates), and one problem
 * in the repository is one alert, not one per scorecard at the same line.
 */
function failingVerdicts(report: CheckReport): EntityCheck[] {
  const byKey = new Map<string, EntityCheck>();
  for (const result of orderedResults(report)) {
    for (const check of result.checks.filter((candidate) => candidate.outcome === 'fail' || candidate.outcome === 'error')) {
      const key = `${result.entityRef}\u0000${check.checkId}`;
      const known = byKey.get(key) ?? { entityRef: result.entityRef, checkId: check.checkId, verdicts: [] };
      known.verdicts.push({ scorecard: result.scorecard, check });
      byKey.set(key, known);
    }
  }
  return [...byKey.values()];
}

function checkFinding(
  report: CheckReport,
  { entityRef, checkId, verdicts }: EntityCheck,
  entity: CatalogEntity | undefined,
  exists: Exists,
  readme: Place | undefined,
): Finding {
  const metadata = report.checks.get(checkId);
  const exemptions = verdicts.map(({ check }) => (check.exemption && !check.exemption.expired ? check.exemption : undefined));
  return {
    source: 'check',
    ruleId: checkId,
    level: verdicts.every(({ check }) => check.outcome === 'error') ? 'warning' : (metadata?.severity ?? 'warning'),
    title: metadata?.title ?? checkId,
    message: aboutEntity(entityRef, verdictText(verdicts, report)),
    places: checkPlaces(
      verdicts.flatMap(({ check }) => check.evidence),
      entity,
      exists,
      readme,
    ),
    identity: ['check', entityRef, checkId],
    helpUrl: checkPageUrl(report, checkId),
    // Suppressed only when no scorecard counts it as failing.
    exemption: exemptions.every(Boolean) ? exemptions[0] : undefined,
  };
}

/**
 * What a check says on one entity and what it is needed for: `<message> Needed for Catalog Listed,
 * Service maturity Bronze.`; when scorecards run it with options that make it say different
 * things, each message with what it is needed for.
 */
function verdictText(verdicts: EntityCheck['verdicts'], report: CheckReport): string {
  const byText = new Map<string, Need[]>();
  for (const { scorecard, check } of verdicts) {
    const text = sentence(`${check.outcome === 'error' ? 'the check could not run: ' : ''}${check.message}`);
    byText.set(text, [...(byText.get(text) ?? []), { scorecard, level: check.level }]);
  }
  const needed = (needs: readonly Need[]) => neededForText(needs, report.scorecards, true);
  if (byText.size === 1) {
    const [[text, needs]] = [...byText] as [[string, Need[]]];
    return `${text} Needed for ${needed(needs)}.`;
  }
  return [...byText].map(([text, needs]) => `For ${needed(needs)}: ${text}`).join(' ');
}

/** A finding's text, led by the entity it is about unless it names it first itself ("component:default/x is inferred …"). */
function aboutEntity(entityRef: string, text: string): string {
  return text.startsWith(`${entityRef} `) ? text : `${entityRef}: ${text}`;
}

/** Text ending as a sentence does. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function problemFinding(report: CheckReport, problem: Problem, exists: Exists): Finding {
  const ruleId = problemRule(problem, report);
  return {
    source: 'problem',
    ruleId,
    level: problem.severity,
    message: problem.message,
    places: problemPlaces(problem, report, exists),
    // Digits go: a line number or a count in the message changes with unrelated edits.
    identity: ['problem', ruleId, problem.file ?? '', problem.entityRef ?? '', problem.message.replace(/\d+/g, '#')],
  };
}

/**
 * Files a finding about the repository as a whole is shown at, first found first: the README is
 * what a reader of the repository opens first. `cairn check` must say whether these exist.
 */
export const README_FILES = [
  'README.md',
  'Readme.md',
  'readme.md',
  'README',
  'README.rst',
  'README.adoc',
  'README.txt',
  'README.markdown',
] as const;

/** The README at line 1, when one is there. */
export function readmePlace(exists: Exists): Place | undefined {
  const path = README_FILES.find((candidate) => exists(candidate));
  return path ? { path, line: 1 } : undefined;
}

/**
 * Where a failing check is: the files of its evidence that are there, else its entity's descriptor
 * when that is there, else (a check about the repository as a whole, on an entity Cairn inferred)
 * the README; nothing when none is there.
 */
export function checkPlaces(
  evidenceOfCheck: readonly Evidence[],
  entity: CatalogEntity | undefined,
  exists: Exists,
  readme?: Place,
): Place[] {
  const seen = new Set<string>();
  const evidence = evidenceOfCheck.filter((place) => {
    const key = `${place.path}\u0000${place.line ?? ''}`;
    if (seen.has(key) || !present(place.path, exists)) return false;
    seen.add(key);
    return true;
  });
  if (evidence.length > 0) return evidence.map(({ path, line }) => ({ path, line }));
  const descriptor = descriptorPlaces(entity, exists);
  if (descriptor.length > 0) return descriptor;
  return readme ? [readme] : [];
}

/** A problem at its file when that is there, else at its entity's descriptor when that is there. */
export function problemPlaces(problem: Problem, report: CheckReport, exists: Exists): Place[] {
  if (problem.file !== undefined && present(problem.file, exists)) return [{ path: problem.file, line: problem.line }];
  const entity = problem.entityRef ? report.entities.find((candidate) => candidate.ref === problem.entityRef) : undefined;
  return descriptorPlaces(entity, exists);
}

/** An entity's descriptor, when it has one (`.` means the entity was inferred) and it is there. */
function descriptorPlaces(entity: CatalogEntity | undefined, exists: Exists): Place[] {
  return entity && present(entity.source.file, exists) ? [{ path: entity.source.file, line: entity.source.line }] : [];
}

function present(path: string, exists: Exists): boolean {
  return isRepositoryPath(path) && exists(path);
}

/**
 * A path code scanning resolves against the repository root: relative, inside the repository, not a
 * URL. Paths are repository text, so one that is absolute or climbs out with `..` is never pointed at.
 */
export function isRepositoryPath(path: string): boolean {
  return (
    path !== '' &&
    path !== '.' &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !/^[a-z][a-z0-9+.-]*:/i.test(path) &&
    !path.split('/').includes('..')
  );
}

/**
 * Identities that survive unrelated commits, one per finding: a check is known by its entity ref
 * and check id (never its message or line, which change, nor its scorecards: one alert however many
 * scorecards count it); a problem by its rule, file, entity ref and message with every run of digits made `#`. Each is the SHA-256 of its parts (hex,
 * first 32 characters), so it is short and publishes no repository text. The second finding with
 * the same identity hashes its occurrence number too, so no two findings share one.
 */
export function fingerprints(identities: readonly (readonly string[])[]): string[] {
  const occurrences = new Map<string, number>();
  return identities.map((parts) => {
    const first = sha256Prefix(parts);
    const count = (occurrences.get(first) ?? 0) + 1;
    occurrences.set(first, count);
    return count === 1 ? first : sha256Prefix([...parts, String(count)]);
  });
}

function sha256Prefix(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** A descriptor's problem: in a file an entity of the repository comes from, or one named like a descriptor. */
export function problemRule(problem: Problem, report: CheckReport): string {
  const descriptor =
    problem.file !== undefined &&
    (/(^|\/)catalog-info\.ya?ml$/i.test(problem.file) || report.entities.some((entity) => entity.source.file === problem.file));
  return descriptor ? 'cairn/descriptor-problem' : 'cairn/configuration-problem';
}

/** A rule for every check any result ran (passing ones too, so the tool status page lists them), then the problem rules in use. */
function ruleDescriptors(report: CheckReport, all: readonly Finding[]): ReportingDescriptor[] {
  const checkIds = [...new Set(report.results.flatMap((result) => result.checks.map((check) => check.checkId)))].sort();
  const problemIds = [...new Set(all.filter((finding) => finding.source === 'problem').map((finding) => finding.ruleId))].sort();
  return [...checkIds.map((id) => checkRule(report, id)), ...problemIds.map((id) => PROBLEM_RULES[id]!)];
}

function checkRule(report: CheckReport, id: string): ReportingDescriptor {
  const metadata = report.checks.get(id);
  const severity = metadata?.severity ?? 'warning';
  const title = metadata?.title ?? id;
  const url = checkPageUrl(report, id);
  const security = metadata?.category === 'security';
  return {
    id,
    name: limit(pascalCase(id), 255),
    shortDescription: { text: limit(title, 1024) },
    fullDescription: { text: limit(metadata?.description ?? title, 1024) },
    defaultConfiguration: { level: severity },
    ...(url ? { helpUri: url } : {}),
    help: { text: metadata?.fix ?? title, markdown: helpMarkdown(metadata, title, url) },
    properties: {
      tags: metadata ? [metadata.category] : [],
      // Checks read files and decide; a standard met in a way a check does not look for is the false positive left.
      precision: 'high',
      // GitHub ranks security results by `security-severity` and the others by `problem.severity`.
      ...(security ? { 'security-severity': SECURITY_SEVERITY[severity] } : { 'problem.severity': PROBLEM_SEVERITY[severity] }),
    },
  };
}

function helpMarkdown(metadata: CheckMetadata | undefined, title: string, url: string | undefined): string {
  const body = metadata ? `**Why it matters**\n\n${metadata.why}\n\n**How to fix**\n\n${metadata.fix}` : title;
  return url ? `${body}\n\n[The check on the portal](${markdownDestination(url)})` : body;
}

/** A URL as a Markdown link destination: the characters that would end or split it are percent-encoded. */
function markdownDestination(url: string): string {
  return url.replace(/[()<>\s]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function sarifResult(finding: Finding, ruleIndex: ReadonlyMap<string, number>, fingerprint: string): Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId)!,
    level: finding.level,
    message: { text: finding.message },
    locations: finding.places.slice(0, MAX_LOCATIONS).map(sarifLocation),
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    ...(finding.exemption
      ? {
          suppressions: [
            {
              kind: finding.exemption.source === 'annotation' ? ('inSource' as const) : ('external' as const),
              justification: `${finding.exemption.reason} (until ${finding.exemption.expires})`,
            },
          ],
        }
      : {}),
  };
}

/** A file and line relative to the repository root; a file without a line is pointed at from its first. */
function sarifLocation(place: Place): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: place.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
      region: { startLine: place.line ?? 1 },
    },
  };
}

function unlocatedNotification(finding: Finding, ruleIndex: ReadonlyMap<string, number>): Notification {
  return {
    level: finding.level,
    message: { text: finding.message },
    associatedRule: { id: finding.ruleId, index: ruleIndex.get(finding.ruleId)! },
  };
}

/** Text within a length GitHub displays, cut with an ellipsis. */
function limit(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
