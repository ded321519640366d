import { z } from 'zod';
import { formats, loadFormats } from './formats/index.ts';
import { record } from './formats/record.ts';
import { defineRetriever } from './retriever.ts';
import { parseYamlFile } from '../yaml/documents.ts';

/** golangci-lint's configuration files, in the order it looks for them. */
const GOLANGCI_FILES = ['.golangci.yml', '.golangci.yaml', '.golangci.toml', '.golangci.json'];
/** ruff's own configuration files, before pyproject.toml, as ruff reads them. */
const RUFF_FILES = ['.ruff.toml', 'ruff.toml', 'pyproject.toml'];

export const securityLinterSchema = z.object({
  /** The linter, as CI runs it: its action or its command. */
  tool: z.enum(['golangci-lint', 'ruff']),
  /** Its configuration file. */
  path: z.string(),
  /** What in it finds security flaws: `gosec`, or ruff's flake8-bandit rules (`S`). */
  rules: z.string(),
  line: z.number().int().positive().optional(),
});

export type SecurityLinter = z.infer<typeof securityLinterSchema>;

export const securityLinters = defineRetriever({
  id: 'securityLinters',
  version: 2,
  description:
    "Linters whose configuration enables security rules, which CI may run as static analysis: golangci-lint with gosec, ruff with flake8-bandit's S rules.",
  schema: z.array(securityLinterSchema),
  async collect({ repo }) {
    const found: SecurityLinter[] = [];
    const golangci = GOLANGCI_FILES.find((path) => repo.has(path));
    const ruff = RUFF_FILES.filter((path) => repo.has(path));
    if (!golangci && ruff.length === 0) return found;
    await loadFormats();
    if (golangci) {
      const text = await repo.readText(golangci);
      if (text !== undefined && golangciEnablesGosec(parseConfig(golangci, text)))
        found.push({ tool: 'golangci-lint', path: golangci, rules: 'gosec', ...lineOf(text, /\bgosec\b/, /enable-all|\bdefault\b/) });
    }
    for (const path of ruff) {
      const text = await repo.readText(path);
      if (text === undefined) continue;
      const config = parseConfig(path, text);
      const settings = path === 'pyproject.toml' ? record(record(config).tool).ruff : config;
      // pyproject.toml without [tool.ruff] leaves ruff to the next file up, or its defaults.
      if (settings === undefined) continue;
      if (ruffSelectsBandit(settings)) found.push({ tool: 'ruff', path, rules: 'S', ...lineOf(text, /["'](S\d*|ALL)["']/) });
      break;
    }
    return found;
  },
});

function parseConfig(path: string, text: string): unknown {
  try {
    if (path.endsWith('.toml')) return formats().parseToml(text);
    // JSON is YAML. Parsed as every YAML file Cairn reads is: nesting bounded, and errors without
    // the context `yaml`'s parse() prettifies them with, which took time quadratic in a long line.
    const parsed = parseYamlFile(text);
    return 'error' in parsed ? undefined : parsed.document.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').map((item) => item.toLowerCase()) : [];
}

/**
 * Whether golangci-lint runs gosec: named in `linters.enable`, or every linter on (`enable-all: true`
 * in version 1, `default: all` in version 2) and gosec not disabled.
 */
export function golangciEnablesGosec(config: unknown): boolean {
  const linters = record(record(config).linters);
  if (names(linters.enable).includes('gosec')) return true;
  const all = linters['enable-all'] === true || linters.default === 'all';
  return all && !names(linters.disable).includes('gosec');
}

/** Whether ruff's `select` or `extend-select` (top-level or under `lint`) picks flake8-bandit's rules: `S`, `S1…`, or `ALL`. */
export function ruffSelectsBandit(settings: unknown): boolean {
  const selected = [record(settings), record(record(settings).lint)].flatMap((table) => [
    ...names(table.select),
    ...names(table['extend-select']),
  ]);
  return selected.some((code) => code === 'all' || /^s\d*$/.test(code));
}

/** The first line outside a comment that matches the first pattern that any line matches, for the evidence. */
function lineOf(text: string, ...patterns: RegExp[]): { line?: number } {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/#.*/, ''));
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index !== -1) return { line: index + 1 };
  }
  return {};
}
