import type { CheckMetadata } from '../../collectors/checks/check.ts';
import type { ScorecardDefinition } from '../../collectors/scorecards/definition.ts';
import { loadPortalConfig } from '../../collectors/config/load-config.ts';
import { defaultConfigPath } from './collection-options.ts';
import { loadStandards } from './standards.ts';

/** `cairn checks`: every check's metadata, as text for people or JSON for tools; `config` is relative to `cwd`. */
export async function listChecks(config: string | undefined, format: 'text' | 'json', cwd: string): Promise<string> {
  const path = config ?? defaultConfigPath(cwd);
  const contentDir = path ? (await loadPortalConfig(path, cwd)).contentDir : undefined;
  const standards = await loadStandards(contentDir);
  const checks = standards.metadata.toSorted((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  if (format === 'text') return formatText(checks, optionsSet(standards.scorecards));
  // A custom check's rule and ignore, so what it tests can be reviewed where it is listed.
  const custom = new Map(standards.customChecks.map((check) => [check.id, check]));
  const listed = checks.map((check) => {
    const file = custom.get(check.id);
    return file ? { ...check, rule: file.rule, ...(file.ignore ? { ignore: file.ignore } : {}) } : check;
  });
  return `${JSON.stringify(listed, null, 2)}\n`;
}

/** Per check, the options the scorecards in use set for it, and which scorecards: `days=180 (Service maturity)`. */
function optionsSet(scorecards: readonly ScorecardDefinition[]): Map<string, string[]> {
  const set = new Map<string, Map<string, string[]>>();
  for (const scorecard of scorecards)
    for (const level of scorecard.levels)
      for (const check of level.checks) {
        const options = Object.entries(check.options);
        if (options.length === 0) continue;
        const text = options.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(', ');
        const byText = set.get(check.id) ?? new Map<string, string[]>();
        byText.set(text, [...(byText.get(text) ?? []), scorecard.title]);
        set.set(check.id, byText);
      }
  return new Map([...set].map(([id, byText]) => [id, [...byText].map(([text, titles]) => `${text} (${[...new Set(titles)].join(', ')})`)]));
}

function formatText(checks: CheckMetadata[], set: ReadonlyMap<string, string[]>): string {
  const lines: string[] = [];
  let category = '';
  for (const check of checks) {
    if (check.category !== category) {
      category = check.category;
      lines.push('', `${category}`);
    }
    lines.push(
      `  ${check.id.padEnd(34)} ${check.title}${check.source === 'custom' ? ' (custom)' : ''}`,
      `  ${''.padEnd(34)} ${check.description} Effort: ${check.effort}.`,
    );
    const options = Object.entries(check.options);
    if (options.length > 0)
      lines.push(`  ${''.padEnd(34)} Options (defaults): ${options.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(', ')}`);
    const used = set.get(check.id);
    if (used) lines.push(`  ${''.padEnd(34)} Set by the scorecards: ${used.join('; ')}`);
  }
  lines.push('', `${checks.length} checks. Details and how to fix each: the portal's /checks/ pages, or --format json.`);
  return `${lines.join('\n').trimStart()}\n`;
}
