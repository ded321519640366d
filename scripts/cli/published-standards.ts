import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { builtinChecks } from '../../collectors/checks/builtin/index.ts';
import { contentGlobsFor, customCheckMetadata, toCheckDefinition } from '../../collectors/checks/custom.ts';
import type { Standards } from '../../collectors/collect.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { optionIssues } from '../../collectors/config/load-content.ts';
import { fetchPublished, refuseCredentials } from './published-catalog.ts';
import { STANDARDS_FORMAT, standardsFileSchema, type CatalogEntity, type StandardsFile } from '../../collectors/contract/snapshot.ts';
import { builtinMetadata } from '../../collectors/standards.ts';

/** A portal's published standards, ready to judge a repository with. */
export interface PortalStandards {
  standards: Standards;
  /** The portal's Groups and Users, so owners resolve as they do in the portal. */
  teams: CatalogEntity[];
  activityWindowDays?: number;
  descriptorPaths?: string[];
  generatedAt: string;
}

/**
 * Reads a portal's `standards.json` from a file (relative to `cwd`) or an http(s) URL the user passed
 * (never one a repository names) and turns it into the standards `cairn check` judges with.
 */
export async function readPublishedStandards(location: string, cwd: string): Promise<PortalStandards> {
  refuseCredentials('--standards', location);
  const json = await fetchText(location, cwd).then(parseJson(location));
  const file = standardsFileSchema.safeParse(json);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    const fault = `${issue.path.join('.') || 'root'}: ${issue.message.replace(/^Invalid input: /, '')}`;
    // Cairn's format, another shape: a portal built by another version, which this one reads differently.
    const ours = (json as { format?: unknown } | null)?.format === STANDARDS_FORMAT;
    throw new ConfigError(
      ours
        ? `--standards ${location}: a standards.json this Cairn cannot use (${fault}). The portal was probably built by another version of Cairn: build it again with this one, or check with the version it was built with.`
        : `--standards ${location}: not a Cairn standards.json (${fault}).`,
    );
  }
  const published = standardsOf(file.data, location);
  const known = new Set(published.standards.checks.map((check) => check.id));
  const unknown = [
    ...new Set(
      published.standards.scorecards.flatMap((scorecard) => scorecard.levels.flatMap((level) => level.checks.map((entry) => entry.id))),
    ),
  ].filter((id) => !known.has(id));
  // A portal built by another Cairn: judging without those checks would pass what the portal fails.
  if (unknown.length)
    throw new ConfigError(
      `--standards ${location}: its scorecards use ${unknown.length === 1 ? 'a check' : 'checks'} this Cairn does not have (${unknown.join(', ')}). The portal is built by another version of Cairn: run the cairn-portal version it is built with.`,
    );
  // Options a check rejects would only show as an error result on every entity: they are bad input, as in portal.yaml.
  const checks = new Map(published.standards.checks.map((check) => [check.id, check]));
  for (const scorecard of published.standards.scorecards)
    for (const level of scorecard.levels)
      for (const entry of level.checks) {
        const [issue] = entry.options ? optionIssues(checks.get(entry.id)!, entry.options) : [];
        if (issue)
          throw new ConfigError(
            `--standards ${location}: scorecard ${scorecard.id}, level ${level.id}, check ${entry.id}: options${issue.path.map((key) => `.${String(key)}`).join('')}: ${issue.message}.`,
          );
      }
  return published;
}

/** A parsed `standards.json` (read from `location`) as the standards to judge with. */
export function standardsOf(file: StandardsFile, location: string): PortalStandards {
  const custom = file.customChecks;
  return {
    standards: {
      checks: [...builtinChecks, ...custom.map(toCheckDefinition)],
      metadata: [...builtinChecks.map(builtinMetadata), ...custom.map(customCheckMetadata)],
      scorecards: file.scorecards,
      exemptions: file.exemptions.map((exemption) => ({ ...exemption, source: 'central' as const, declaredAt: { file: location } })),
      contentGlobs: contentGlobsFor(custom),
      guides: [],
      initiatives: [],
      scorecardsFrom: file.scorecardsFrom,
      customChecks: custom,
      templates: file.templates ?? {},
    },
    teams: file.teams,
    ...(file.activityWindowDays ? { activityWindowDays: file.activityWindowDays } : {}),
    ...(file.descriptorPaths ? { descriptorPaths: file.descriptorPaths } : {}),
    generatedAt: file.generatedAt,
  };
}

async function fetchText(location: string, cwd: string): Promise<string> {
  if (/^https?:\/\//i.test(location))
    return fetchPublished(location).catch((error: unknown) => {
      throw new ConfigError(`--standards ${location}: ${(error as Error).message}.`);
    });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) throw new ConfigError(`--standards ${location}: expected a file or an http(s) URL.`);
  try {
    return await readFile(resolve(cwd, location), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? "a folder; expected a portal's standards.json (e.g. dist/standards.json)"
          : (error as Error).message;
    throw new ConfigError(`--standards ${location}: ${reason}.`);
  }
}

function parseJson(location: string): (text: string) => unknown {
  return (text) => {
    try {
      return JSON.parse(text);
    } catch (error) {
      const hint = /\.ya?ml$/i.test(location) ? ' A portal.yaml goes with --config.' : '';
      throw new ConfigError(`--standards ${location}: not JSON (${(error as Error).message}).${hint}`);
    }
  };
}
