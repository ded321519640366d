import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { checkMetadataSchema, type CheckDefinition, type CheckMetadata } from '../checks/check.ts';
import { factPathProblem } from './fact-path.ts';
import {
  contentGlobsFor,
  customCheckFileSchema,
  customCheckMetadata,
  parsePath,
  toCheckDefinition,
  type CustomCheckFile,
} from '../checks/custom.ts';
import { ConfigError } from './config-error.ts';
import { retrievers } from '../facts/index.ts';
import { verifyGuideLinks } from '../guides/links.ts';
import { loadGuides, type GuideSource } from '../guides/load.ts';
import type { InitiativeSource } from '../initiatives/evaluate.ts';
import { initiativeFileSchema } from '../initiatives/schema.ts';
import { exemptionsFileSchema, scorecardDefinitionSchema, type ScorecardDefinition } from '../scorecards/definition.ts';
import { centralExemptions, type Exemption } from '../scorecards/exemptions.ts';
import type { ContentOwner } from '../scorecards/owners.ts';
import { didYouMean } from '../scorecards/suggest.ts';
import { parseYamlConfig } from '../yaml/config.ts';
import { contentPaths } from './content-paths.ts';

/** A custom check as loaded from `content/checks/`. */
export interface CustomCheck {
  /** Where it is defined, e.g. `content/checks/node-engines-set.yaml`. */
  file: string;
  spec: CustomCheckFile;
  /** The line of its `guide:`, for a guide link that turns out broken. */
  guideLine?: number;
  definition: CheckDefinition;
  metadata: CheckMetadata;
}

/** The platform team's standards, from the content folder beside portal.yaml. */
export interface PortalContent {
  /** `scorecards/*.yaml`, in file order. */
  scorecards: ScorecardDefinition[];
  /** `checks/*.yaml`, in file order. */
  customChecks: CustomCheck[];
  /** `exemptions.yaml` (optional), with entity refs resolved and each entry's line. */
  exemptions: Exemption[];
  /** What the `contentFiles` fact must read for the custom checks (`FactSettings.contentGlobs`). */
  contentGlobs: string[];
  /** `guides/**\/*.mdx`, sorted by id, links verified. */
  guides: GuideSource[];
  /** `initiatives/*.yaml`, in file order. */
  initiatives: InitiativeSource[];
  /** Whether the scorecards are the portal's own or Cairn's defaults (the portal defines none). */
  scorecardsFrom: 'content' | 'defaults';
  /** The owners the portal's scorecards and initiatives name, with where: checked against the catalog once it is built. */
  owners: ContentOwner[];
}

/** Where Cairn's built-in standards are: a content folder of their own (`defaults/` in the package). */
export interface ContentOptions {
  /** Used for the scorecards when the portal's content folder defines none, or there is no content folder. */
  defaultsDir?: string;
  /** The scorecards of `defaultsDir`, when they have been read before (the compiled command line's). */
  defaultScorecards?: readonly ScorecardDefinition[];
}

/**
 * Reads `scorecards/*.yaml`, `checks/*.yaml`, `exemptions.yaml` and `guides/**\/*.mdx` from `contentDir` and checks
 * every cross-reference: unknown check ids (with "did you mean"), options a check rejects, unknown
 * fact ids in custom checks, duplicate scorecard or check ids (a custom check may not reuse a
 * built-in id), exemptions naming unknown checks or scorecards, guide links to missing guides,
 * sections, checks or scorecards. Every fault is a ConfigError naming
 * file, line and field; all faults of a kind of file are reported together. When the content
 * folder defines no scorecard (or there is none), the scorecards of `options.defaultsDir` apply, so
 * a portal judges its repositories from the first run.
 */
export async function loadPortalContent(
  contentDir: string | undefined,
  builtinChecks: readonly CheckDefinition[],
  options: ContentOptions = {},
): Promise<PortalContent> {
  const builtinById = new Map(builtinChecks.map((check) => [check.id, check]));
  const defaultScorecards = async () =>
    options.defaultScorecards
      ? [...options.defaultScorecards]
      : options.defaultsDir
        ? loadScorecards(options.defaultsDir, (path) => join('(defaults)', path), builtinById)
        : [];
  if (!contentDir) {
    const scorecards = await defaultScorecards();
    return {
      scorecards,
      customChecks: [],
      exemptions: [],
      contentGlobs: [],
      guides: [],
      initiatives: [],
      scorecardsFrom: scorecards.length ? 'defaults' : 'content',
      owners: [],
    };
  }
  const displayPath = contentPaths(contentDir).shown;

  const customChecks = await loadCustomChecks(contentDir, displayPath, builtinChecks);
  const checks = new Map<string, CheckDefinition>(
    [...builtinChecks, ...customChecks.map((check) => check.definition)].map((check) => [check.id, check]),
  );
  const owners: ContentOwner[] = [];
  const ownScorecards = await loadScorecards(contentDir, displayPath, checks, owners);
  const scorecards = ownScorecards.length ? ownScorecards : await defaultScorecards();
  const exemptions = await loadExemptions(contentDir, displayPath, checks, scorecards);
  const checkIds = new Set(checks.keys());
  const guides = await loadGuides(contentDir, displayPath, checkIds);
  verifyGuideLinks(
    guides,
    { checkIds, scorecardIds: new Set(scorecards.map((scorecard) => scorecard.id)) },
    customChecks.flatMap((check) =>
      check.spec.guide
        ? [{ checkId: check.spec.id, guide: check.spec.guide, file: check.file, ...(check.guideLine ? { line: check.guideLine } : {}) }]
        : [],
    ),
  );
  const initiatives = await loadInitiatives(contentDir, displayPath, checks, scorecards, owners);
  const scorecardsFrom = ownScorecards.length || !scorecards.length ? 'content' : 'defaults';
  return {
    scorecards,
    customChecks,
    exemptions,
    contentGlobs: contentGlobsFor(customChecks.map((check) => check.spec)),
    guides,
    initiatives,
    scorecardsFrom,
    owners,
  };
}

async function loadInitiatives(
  contentDir: string,
  displayPath: DisplayPath,
  checks: ReadonlyMap<string, CheckDefinition>,
  scorecards: readonly ScorecardDefinition[],
  owners: ContentOwner[],
): Promise<InitiativeSource[]> {
  const seen = new Map<string, string>();
  return collectingErrors(await yamlFiles(contentDir, 'initiatives'), async (path) => {
    const file = displayPath(path);
    const schema = initiativeFileSchema.superRefine((initiative, context) => {
      const other = seen.get(initiative.id);
      if (other)
        context.addIssue({ code: 'custom', path: ['id'], message: `duplicate initiative id "${initiative.id}" (also in ${other})` });
      if (initiative.start && initiative.start >= initiative.deadline)
        context.addIssue({
          code: 'custom',
          path: ['start'],
          message: `starts on ${initiative.start}, not before its deadline ${initiative.deadline}`,
        });
      const { goal } = initiative;
      if ('scorecard' in goal) {
        const scorecard = scorecards.find((candidate) => candidate.id === goal.scorecard);
        const ids = scorecards.map((candidate) => candidate.id);
        if (!scorecard)
          context.addIssue({
            code: 'custom',
            path: ['goal', 'scorecard'],
            message: `unknown scorecard "${goal.scorecard}"${didYouMean(goal.scorecard, ids) || (ids.length ? `; scorecards are ${ids.join(', ')}` : '')}`,
          });
        else if (!scorecard.levels.some((level) => level.id === goal.level)) {
          context.addIssue({
            code: 'custom',
            path: ['goal', 'level'],
            message: `scorecard "${scorecard.id}" has no level "${goal.level}"; its levels are ${scorecard.levels.map((level) => level.id).join(', ')}`,
          });
        }
      } else {
        goal.checks.forEach((id, index) => {
          if (!checks.has(id))
            context.addIssue({
              code: 'custom',
              path: ['goal', 'checks', index],
              message: `unknown check "${id}"${didYouMean(id, checks.keys())}`,
            });
        });
      }
    });
    const text = await readFile(join(contentDir, path), 'utf8');
    const spec = parseYamlConfig(text, file, schema);
    seen.set(spec.id, file);
    owners.push(ownerOf('Initiative', spec.owner, file, text));
    return { file, spec };
  });
}

type DisplayPath = (path: string) => string;

function ownerOf(what: string, owner: string, file: string, text: string): ContentOwner {
  const line = yamlLines(text)(['owner']);
  return { owner, what, file, ...(line ? { line } : {}) };
}

const FACT_IDS: readonly string[] = retrievers.map((retriever) => retriever.id);

async function loadCustomChecks(
  contentDir: string,
  displayPath: DisplayPath,
  builtinChecks: readonly CheckDefinition[],
): Promise<CustomCheck[]> {
  const builtinIds = new Set(builtinChecks.map((check) => check.id));
  const seen = new Map<string, string>();
  return collectingErrors(await yamlFiles(contentDir, 'checks'), async (path) => {
    const file = displayPath(path);
    const schema = customCheckFileSchema.superRefine((check, context) => {
      if (builtinIds.has(check.id))
        context.addIssue({ code: 'custom', path: ['id'], message: `"${check.id}" is a built-in check; choose another id` });
      // A scorecard names a check by id, and its author looks for checks/<id>.yaml: a file named otherwise hides it.
      const named = basename(path).replace(/\.ya?ml$/, '');
      if (check.id !== named)
        context.addIssue({
          code: 'custom',
          path: ['id'],
          message: `"${check.id}" differs from the file's name: a check is checks/<id>.yaml, so name the file ${check.id}.yaml${
            checkMetadataSchema.shape.id.safeParse(named).success ? ` or the check ${named}` : ''
          }`,
        });
      const other = seen.get(check.id);
      if (other) context.addIssue({ code: 'custom', path: ['id'], message: `duplicate check id "${check.id}" (also in ${other})` });
      if (check.rule.type === 'fact') {
        const { rule } = check;
        const [factId, ...below] = parsePath(rule.fact) ?? [];
        const retriever = retrievers.find((candidate) => candidate.id === String(factId));
        const scalar = [rule.matches, rule.semver, rule.gte, rule.lte].some((condition) => condition !== undefined);
        const problem = retriever
          ? factPathProblem(retriever.id, retriever.schema, below, scalar)
          : `unknown fact "${String(factId)}"${didYouMean(String(factId), FACT_IDS) || `; facts are ${FACT_IDS.join(', ')}`}`;
        if (problem) context.addIssue({ code: 'custom', path: ['rule', 'fact'], message: problem });
      }
    });
    const text = await readFile(join(contentDir, path), 'utf8');
    const spec = parseYamlConfig(text, file, schema);
    seen.set(spec.id, file);
    const guideLine = spec.guide ? yamlLines(text)(['guide']) : undefined;
    return { file, spec, ...(guideLine ? { guideLine } : {}), definition: toCheckDefinition(spec), metadata: customCheckMetadata(spec) };
  });
}

async function loadScorecards(
  contentDir: string,
  displayPath: DisplayPath,
  checks: ReadonlyMap<string, CheckDefinition>,
  owners?: ContentOwner[],
): Promise<ScorecardDefinition[]> {
  const seen = new Map<string, string>();
  return collectingErrors(await yamlFiles(contentDir, 'scorecards'), async (path) => {
    const file = displayPath(path);
    const schema = scorecardDefinitionSchema.superRefine((scorecard, context) => {
      const other = seen.get(scorecard.id);
      if (other) context.addIssue({ code: 'custom', path: ['id'], message: `duplicate scorecard id "${scorecard.id}" (also in ${other})` });
      scorecard.levels.forEach((level, levelIndex) => {
        const inLevel = new Set<string>();
        level.checks.forEach((entry, checkIndex) => {
          const path = ['levels', levelIndex, 'checks', checkIndex];
          // The same check may sit in two levels with different options (30 days for gold, 180 for bronze), but not twice in one.
          if (inLevel.has(entry.id))
            context.addIssue({ code: 'custom', path, message: `check "${entry.id}" is already in level ${level.id}` });
          inLevel.add(entry.id);
          const check = checks.get(entry.id);
          if (!check) {
            context.addIssue({ code: 'custom', path, message: `unknown check "${entry.id}"${didYouMean(entry.id, checks.keys())}` });
            return;
          }
          for (const issue of optionIssues(check, entry.options)) {
            context.addIssue({
              code: 'custom',
              path: [...path, 'options', ...issue.path],
              message: `check "${entry.id}": ${issue.message}`,
            });
          }
        });
      });
    });
    const text = await readFile(join(contentDir, path), 'utf8');
    const scorecard = parseYamlConfig(text, file, schema);
    seen.set(scorecard.id, file);
    if (owners && scorecard.owner !== undefined) owners.push(ownerOf('Scorecard', scorecard.owner, file, text));
    return scorecard;
  });
}

async function loadExemptions(
  contentDir: string,
  displayPath: DisplayPath,
  checks: ReadonlyMap<string, CheckDefinition>,
  scorecards: readonly ScorecardDefinition[],
): Promise<Exemption[]> {
  const file = displayPath('exemptions.yaml');
  let text: string;
  try {
    text = await readFile(join(contentDir, 'exemptions.yaml'), 'utf8');
  } catch (error) {
    // The file is optional: a portal without exemptions has none to declare.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError(`${file}: ${(error as Error).message}`);
  }
  const scorecardIds = scorecards.map((scorecard) => scorecard.id);
  const schema = exemptionsFileSchema.superRefine((parsed, context) => {
    parsed.exemptions.forEach((entry, index) => {
      if (!checks.has(entry.check))
        context.addIssue({
          code: 'custom',
          path: ['exemptions', index, 'check'],
          message: `unknown check "${entry.check}"${didYouMean(entry.check, checks.keys())}`,
        });
      if (entry.scorecard !== undefined && !scorecardIds.includes(entry.scorecard)) {
        context.addIssue({
          code: 'custom',
          path: ['exemptions', index, 'scorecard'],
          message: `unknown scorecard "${entry.scorecard}"${didYouMean(entry.scorecard, scorecardIds)}`,
        });
      }
    });
  });
  const parsed = parseYamlConfig(text, file, schema);
  return centralExemptions(parsed, file, entryLines(text, parsed.exemptions.length));
}

/** The line of the node at a path of a YAML text, for faults found after it was parsed. */
function yamlLines(text: string): (path: ReadonlyArray<string | number>) => number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return (path) => {
    const node = document.getIn(path, true);
    return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
}

/** The line of each `exemptions[i]` entry, so problems about an entry (an unknown entity) point at it. */
function entryLines(text: string, count: number): Array<number | undefined> {
  const lineOf = yamlLines(text);
  return Array.from({ length: count }, (_, index) => lineOf(['exemptions', index]));
}

/**
 * `<folder>/*.yaml` and `*.yml` in the content folder, sorted, as paths relative to it: files and
 * links to files, not hidden ones; none when the folder is missing. Read with one readdir, as
 * what a glob matches here is one folder's names.
 */
async function yamlFiles(contentDir: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(contentDir, folder), { withFileTypes: true }).catch(() => []);
  const named = entries.filter((entry) => !entry.name.startsWith('.') && /\.ya?ml$/.test(entry.name));
  const isFile = await Promise.all(named.map((entry) => isFileOrLinkToOne(entry)));
  return named
    .filter((_, index) => isFile[index])
    .map((entry) => `${folder}/${entry.name}`)
    .sort();
}

async function isFileOrLinkToOne(entry: Dirent): Promise<boolean> {
  if (!entry.isSymbolicLink()) return entry.isFile();
  return (await stat(join(entry.parentPath, entry.name)).catch(() => undefined))?.isFile() === true;
}

/** Loads every file in order, then throws one ConfigError with every file's faults, or returns all results. */
async function collectingErrors<T>(paths: readonly string[], load: (path: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    try {
      results.push(await load(path));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      errors.push(error.message);
    }
  }
  if (errors.length) throw new ConfigError(errors.join('\n'));
  return results;
}

/**
 * What is wrong with the options a scorecard gives a check, by path under `options`. Unknown keys
 * are named even when the check's options object is not strict, since zod would drop a misspelt
 * option silently and the check would run with its default.
 */
export function optionIssues(check: CheckDefinition, options: Record<string, unknown>): Array<{ path: PropertyKey[]; message: string }> {
  const issues: Array<{ path: PropertyKey[]; message: string }> = [];
  const isObject = check.options instanceof z.ZodObject;
  if (check.options instanceof z.ZodObject) {
    const known = Object.keys(check.options.shape);
    for (const key of Object.keys(options).filter((key) => !known.includes(key))) {
      const hint = didYouMean(key, known) || (known.length ? `; its options are ${known.join(', ')}` : '; it takes no options');
      issues.push({ path: [key], message: `unknown option "${key}"${hint}` });
    }
  }
  const parsed = check.options.safeParse(options);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (isObject && issue.code === 'unrecognized_keys' && issue.path.length === 0) continue;
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`
        : issue.message.replace(/^Invalid input: /, '');
    issues.push({ path: issue.path, message });
  }
  return issues;
}
