import linguist from './paths/linguist-languages.ts';
import { z } from 'zod';
import {
  CONTENT_RULE_EXTENSIONS,
  DOCUMENTATION_PATHS,
  GENERATED_CONTENT_RULES,
  GENERATED_PATHS,
  VENDORED_PATHS,
} from './paths/linguist.ts';
import { defineRetriever, readAll } from './retriever.ts';
import { anyPattern } from '../support/patterns.ts';
import { rememberedByText } from '../support/remembered-by-text.ts';
import { compareCodeUnits } from '../support/order.ts';
import { untrustedGlobMatcher } from '../support/untrusted-glob.ts';

/** Linguist counts only these types towards a repository's languages, as GitHub does. */
const COUNTED_TYPES = new Set(['programming', 'markup']);

/** Files read to apply content rules (minified, generated) or a shebang; larger ones are judged by path only. */
const MAX_CONTENT_BYTES = 512 * 1024;

/** `.gitattributes` files read; a repository with more keeps the shallowest. */
const MAX_ATTRIBUTE_FILES = 50;

/** The fields Cairn reads of a Linguist language entry. */
interface LinguistLanguage {
  name: string;
  type: string;
  group?: string;
  aliases?: readonly string[];
  extensions?: readonly string[];
  filenames?: readonly string[];
  interpreters?: readonly string[];
}

interface LanguageTables {
  byFilename: Map<string, LinguistLanguage>;
  byExtension: Map<string, LinguistLanguage>;
  byInterpreter: Map<string, LinguistLanguage>;
  /** Lower-case names and aliases, for `linguist-language=` overrides. */
  byName: Map<string, LinguistLanguage>;
}

let tables: LanguageTables | undefined;

/** Extension, filename and interpreter tables from Linguist's data, built once. The first declared wins on ties. */
function languageTables(): LanguageTables {
  if (tables) return tables;
  const byFilename = new Map<string, LinguistLanguage>();
  const byExtension = new Map<string, LinguistLanguage>();
  const byInterpreter = new Map<string, LinguistLanguage>();
  const byName = new Map<string, LinguistLanguage>();
  const languages: LinguistLanguage[] = Object.values(linguist);
  // Popular languages claim shared extensions first: `.ts` is TypeScript, `.md` Markdown and `.sql`
  // plain SQL, not a niche claimant (Linguist decides such ties with content heuristics, and its
  // fallback for `.sql` is SQL, which is data and not counted).
  const preferred = [
    'TypeScript',
    'JavaScript',
    'Go',
    'Python',
    'Java',
    'Rust',
    'C',
    'C++',
    'C#',
    'Ruby',
    'PHP',
    'Kotlin',
    'Markdown',
    'JSON',
    'YAML',
    'Text',
    'HTML',
    'Shell',
    'SQL',
    'Perl',
    'Objective-C',
  ];
  const rank = (name: string) => {
    const index = preferred.indexOf(name);
    return index === -1 ? preferred.length : index;
  };
  // Interpreters shared by several languages go to the first in Linguist's alphabetical order
  // (`node` runs JavaScript and TypeScript: an extensionless script is JavaScript).
  for (const language of languages)
    for (const interpreter of language.interpreters ?? []) if (!byInterpreter.has(interpreter)) byInterpreter.set(interpreter, language);
  languages.sort((a, b) => rank(a.name) - rank(b.name));
  for (const language of languages) {
    for (const filename of language.filenames ?? []) if (!byFilename.has(filename)) byFilename.set(filename, language);
    for (const extension of language.extensions ?? []) {
      const key = extension.toLowerCase();
      if (!byExtension.has(key)) byExtension.set(key, language);
    }
    for (const name of [language.name, ...(language.aliases ?? [])])
      if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), language);
  }
  tables = { byFilename, byExtension, byInterpreter, byName };
  return tables;
}

/**
 * The Linguist language a path counts towards, from its file name or its longest matching
 * extension; undefined for data and prose (JSON, Markdown …), which GitHub does not count either.
 * Languages are reported by their Linguist group (TSX counts as TypeScript), as GitHub's bar does.
 */
export function languageOf(path: string): string | undefined {
  const language = detectLanguage(path);
  return language && COUNTED_TYPES.has(language.type) ? (language.group ?? language.name) : undefined;
}

function detectLanguage(path: string, firstLine?: string): LinguistLanguage | undefined {
  const { byFilename, byExtension } = languageTables();
  const filename = basename(path);
  const byName = byFilename.get(filename);
  if (byName) return byName;
  const fromShebang = firstLine === undefined ? undefined : shebangLanguage(firstLine);
  if (fromShebang) return fromShebang;
  const lower = filename.toLowerCase();
  for (let dot = lower.indexOf('.'); dot !== -1; dot = lower.indexOf('.', dot + 1)) {
    const language = byExtension.get(lower.slice(dot));
    if (language) return language;
  }
  return undefined;
}

/** `#!/usr/bin/env python3` → Python, `#!/bin/bash` → Shell (Linguist's shebang strategy, version suffixes dropped). */
export function shebangLanguage(firstLine: string): LinguistLanguage | undefined {
  const match = firstLine.match(/^#!\s*(\S+)(?:\s+(.*))?/);
  if (!match) return undefined;
  let interpreter = basename(match[1]!);
  if (interpreter === 'env') {
    const args = (match[2] ?? '').split(/\s+/).filter((arg) => arg && !arg.startsWith('-') && !arg.includes('='));
    interpreter = args[0] ?? '';
  }
  const { byInterpreter } = languageTables();
  return byInterpreter.get(interpreter) ?? byInterpreter.get(interpreter.replace(/[\d.]+$/, ''));
}

/** The `linguist-*` attributes of one path, as `.gitattributes` set them. `undefined`: not set. */
export interface LinguistAttributes {
  vendored?: boolean;
  generated?: boolean;
  documentation?: boolean;
  detectable?: boolean;
  /** `linguist-language=X`: the language the file counts as. */
  language?: string;
}

/** One `.gitattributes` line that sets a linguist attribute. */
export interface AttributeRule {
  matches(path: string): boolean;
  attributes: LinguistAttributes;
}

const BOOLEAN_ATTRIBUTES = {
  'linguist-vendored': 'vendored',
  'linguist-generated': 'generated',
  'linguist-documentation': 'documentation',
  'linguist-detectable': 'detectable',
} as const;

/** The longest `.gitattributes` line git reads (its attr.c's ATTR_MAX_LINE_LENGTH). */
const MAX_ATTRIBUTES_LINE = 2048;

/**
 * The linguist rules of a `.gitattributes` file found in folder `dir` (`` for the root), with git's
 * matching: a pattern without a slash matches a name at any depth below `dir`, one with a slash is
 * anchored to `dir`; `attr`, `attr=true` set, `-attr`, `attr=false` unset, `!attr` back to default.
 */
export function parseGitattributes(text: string, dir = ''): AttributeRule[] {
  const rules: AttributeRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    // Git ignores a line this long ("ignoring overly long attributes line"), and so does Cairn.
    if (!line || line.startsWith('#') || raw.length > MAX_ATTRIBUTES_LINE) continue;
    const [pattern, ...settings] = line.split(/\s+/);
    if (!pattern || pattern.startsWith('!') || pattern.startsWith('[attr]')) continue;
    const attributes: LinguistAttributes = {};
    let linguistSetting = false;
    for (const setting of settings) {
      const state = setting.startsWith('-') ? false : setting.startsWith('!') ? undefined : true;
      const [name, value] = setting.replace(/^[-!]/, '').split('=', 2) as [string, string | undefined];
      if (name === 'linguist-language' && state === true && value) {
        attributes.language = value;
        linguistSetting = true;
      } else if (name in BOOLEAN_ATTRIBUTES) {
        const key = BOOLEAN_ATTRIBUTES[name as keyof typeof BOOLEAN_ATTRIBUTES];
        attributes[key] = state === true && value !== undefined ? !/^(false|0)$/i.test(value) : state;
        linguistSetting = true;
      }
    }
    if (linguistSetting) rules.push({ matches: attributeMatcher(pattern, dir), attributes });
  }
  return rules;
}

/** A `.gitattributes` pattern: the repository's text, matched in linear time (`untrustedGlobMatcher`). */
function attributeMatcher(pattern: string, dir: string): (path: string) => boolean {
  const anchored = pattern.replace(/\/$/, '').includes('/');
  const glob = pattern.replace(/^\//, '');
  if (!anchored) {
    const matchName = untrustedGlobMatcher([glob]);
    return (path) => (dir === '' || path.startsWith(`${dir}/`)) && matchName(basename(path));
  }
  return untrustedGlobMatcher([dir ? `${dir}/${glob}` : glob]);
}

/** The attributes a path ends with: for each one, the last rule that mentions it wins (deeper files' rules come later). */
export function attributesFor(path: string, rules: readonly AttributeRule[]): LinguistAttributes {
  const result: LinguistAttributes = {};
  for (const rule of rules) {
    if (!rule.matches(path)) continue;
    for (const [key, value] of Object.entries(rule.attributes) as Array<[keyof LinguistAttributes, boolean | string | undefined]>) {
      if (value === undefined) delete result[key];
      else (result as Record<string, unknown>)[key] = value;
    }
  }
  return result;
}

// Linguist's rules run for every file of every repository: each list is tried as one expression.
const isVendored = anyPattern(VENDORED_PATHS);
const isGenerated = anyPattern(GENERATED_PATHS);
const isDocumentation = anyPattern(DOCUMENTATION_PATHS);

const VENDORED = 1;
const GENERATED = 2;
const DOCUMENTATION = 4;
/**
 * Which of Linguist's path rules a path matches, as VENDORED | GENERATED | DOCUMENTATION, once per
 * path: an organisation's repositories repeat their paths (README.md, src/index.ts,
 * .github/workflows/ci.yml), and the three lists cost microseconds a path, most of a large
 * organisation's language counting.
 */
const pathRules = rememberedByText(
  (path) => (isVendored(path) ? VENDORED : 0) | (isGenerated(path) ? GENERATED : 0) | (isDocumentation(path) ? DOCUMENTATION : 0),
  2_000_000,
);

/** Why Linguist leaves a path out of the language bar, by its path and attributes alone; undefined when it counts. */
export function excludedByPath(path: string, attributes: LinguistAttributes = {}): 'vendored' | 'generated' | 'documentation' | undefined {
  const rules = pathRules(path);
  if (attributes.vendored ?? (rules & VENDORED) !== 0) return 'vendored';
  if (attributes.generated ?? (rules & GENERATED) !== 0) return 'generated';
  if (attributes.documentation ?? (rules & DOCUMENTATION) !== 0) return 'documentation';
  return undefined;
}

/** The generated.rb content rule a text matches, if any (minified bundles, source-mapped CSS, `// Code generated` Go …). */
export function generatedByContent(path: string, text: string): string | undefined {
  const extension = extensionOf(path);
  const lines = text.split('\n');
  return GENERATED_CONTENT_RULES.find((rule) => rule.extensions.includes(extension) && rule.test(lines))?.rule;
}

/** Languages by bytes of tracked source, largest first, as GitHub's language bar shows them. */
export const languages = defineRetriever({
  id: 'languages',
  version: 4,
  description:
    'Languages by bytes of tracked source (Linguist data and rules: vendored, generated and documentation files left out, .gitattributes honoured), largest first.',
  schema: z.array(
    z.object({
      name: z.string(),
      bytes: z.number().int().nonnegative(),
      /** Share of all counted bytes, 0–1, rounded to three decimals. */
      share: z.number().min(0).max(1),
    }),
  ),
  async collect({ repo }) {
    const rules: AttributeRule[] = [];
    const attributeFiles = repo
      .files()
      .filter((path) => basename(path) === '.gitattributes')
      .sort((a, b) => a.split('/').length - b.split('/').length || compareCodeUnits(a, b))
      .slice(0, MAX_ATTRIBUTE_FILES);
    for (const path of attributeFiles) {
      const text = await repo.readText(path);
      if (text !== undefined) rules.push(...parseGitattributes(text, path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''));
    }
    const totals = new Map<string, number>();
    const entries = await readAll(repo.files(), async (path) => {
      const attributes = attributesFor(path, rules);
      if (excludedByPath(path, attributes)) return undefined;
      const language = await countedLanguage(path, attributes, (options) => repo.readText(path, options));
      return language ? { language, bytes: (await repo.size(path)) ?? 0 } : undefined;
    });
    for (const entry of entries) if (entry) totals.set(entry.language, (totals.get(entry.language) ?? 0) + entry.bytes);
    const all = [...totals.values()].reduce((sum, bytes) => sum + bytes, 0);
    return [...totals]
      .filter(([, bytes]) => bytes > 0)
      .sort(([nameA, a], [nameB, b]) => b - a || compareCodeUnits(nameA, nameB))
      .map(([name, bytes]) => ({ name, bytes, share: Math.round((bytes / all) * 1000) / 1000 }));
  },
});

/**
 * The language a non-excluded file counts as, or undefined: an override from `linguist-language`,
 * else filename, shebang (extensionless files only) and extension; then the content rules for
 * generated files, unless `.gitattributes` says `-linguist-generated`.
 */
async function countedLanguage(
  path: string,
  attributes: LinguistAttributes,
  read: (options: { maxBytes: number }) => Promise<string | undefined>,
): Promise<string | undefined> {
  const overridden = attributes.language ? languageTables().byName.get(attributes.language.toLowerCase()) : undefined;
  const extensionless = !basename(path).includes('.') && !languageTables().byFilename.has(basename(path));
  const needsContent =
    (attributes.generated === undefined && CONTENT_RULE_EXTENSIONS.has(extensionOf(path))) || (!overridden && extensionless);
  const text = needsContent ? await read({ maxBytes: MAX_CONTENT_BYTES }) : undefined;
  const language = overridden ?? detectLanguage(path, extensionless ? text?.slice(0, 200).split('\n', 1)[0] : undefined);
  if (!language) return undefined;
  const counted = attributes.detectable ?? COUNTED_TYPES.has(language.type);
  if (!counted) return undefined;
  if (text !== undefined && attributes.generated === undefined && generatedByContent(path, text)) return undefined;
  return language.group ?? language.name;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extensionOf(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}
