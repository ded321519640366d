import { createRequire } from 'node:module';
import parseSpdx from 'spdx-expression-parse';
import { z } from 'zod';
import { describeRefusal, reportedByFiles } from '../repo/reader.ts';
import { partTexts } from '../support/license-parts.ts';
import { rememberedByText } from '../support/remembered-by-text.ts';
import { formats, loadFormats } from './formats/index.ts';
import { record } from './formats/record.ts';
import { defineRetriever } from './retriever.ts';
import { shortened } from '../support/text.ts';

const require = createRequire(import.meta.url);

/** `LICENSE`, `LICENCE.md`, `LICENSE-MIT`, `LICENSE.writing.txt`, `UNLICENSE`, `COPYING.LESSER`, `MIT-LICENSE`. */
const LICENSE_FILE = /^((un)?licen[sc]e|copying)([-._][a-z0-9.-]+)?$|^[a-z0-9]+[-_]licen[sc]e(\.(md|txt|rst))?$/i;

/**
 * Qualifiers in a license file's name that still license the code: the license's own short name
 * (`LICENSE-APACHE`, `COPYING.LESSER`) or the word for code. Any other qualifier names a scope.
 */
const CODE_QUALIFIERS =
  /^(code|source|software|lesser|library|apache|mit|bsd|isc|mpl|[al]?gpl|unlicen[sc]e|cc0|zlib|boost|bsl|epl|0bsd|wtfpl|artistic)([-._ ]?v?[\d.]+)?$/i;

/** Licenses whose full text Cairn compares a LICENSE file against (the ones repositories really use). */
const COMMON = [
  'MIT',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'ISC',
  'MPL-2.0',
  'GPL-2.0-only',
  'GPL-3.0-only',
  'LGPL-2.1-only',
  'LGPL-3.0-only',
  'AGPL-3.0-only',
  'Unlicense',
  '0BSD',
  'EPL-2.0',
  'CC0-1.0',
  'BSL-1.0',
];

/** Titles that name a license in a file's first lines, for files too short or too edited to compare. */
const TITLES: Array<[RegExp, string]> = [
  [/\bMIT License\b|^[ \t]*The MIT License/im, 'MIT'],
  [/Apache License,?\s+Version 2\.0/i, 'Apache-2.0'],
  [/Mozilla Public License,?\s+(v\.|Version)\s*2\.0/i, 'MPL-2.0'],
  [/GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/i, 'AGPL-3.0-only'],
  [/GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/i, 'LGPL-3.0-only'],
  [/GNU LESSER GENERAL PUBLIC LICENSE\s+Version 2\.1/i, 'LGPL-2.1-only'],
  [/GNU GENERAL PUBLIC LICENSE\s+Version 3/i, 'GPL-3.0-only'],
  [/GNU GENERAL PUBLIC LICENSE\s+Version 2/i, 'GPL-2.0-only'],
  [/BSD 3-Clause License/i, 'BSD-3-Clause'],
  [/BSD 2-Clause License/i, 'BSD-2-Clause'],
  [/^[ \t]*ISC License/im, 'ISC'],
  [/This is free and unencumbered software released into the public domain/i, 'Unlicense'],
  [/Eclipse Public License - v 2\.0/i, 'EPL-2.0'],
  [/Boost Software License - Version 1\.0/i, 'BSL-1.0'],
  [/^[ \t]*CC0 1\.0 Universal/im, 'CC0-1.0'],
  [/^[ \t]*Creative Commons Attribution 4\.0 International/im, 'CC-BY-4.0'],
  [/^[ \t]*Creative Commons Attribution-ShareAlike 4\.0 International/im, 'CC-BY-SA-4.0'],
];

/**
 * Licenses named in prose (a COPYING that points elsewhere, a README's License section, a free-text
 * manifest field). Order matters only for overlaps: the Lesser and Affero GPLs before the GPL.
 */
const NAMED_LICENSES: Array<[RegExp, string]> = [
  [
    /\bApache(?:\s+(?:Software\s+)?License)?,?\s*(?:Version\s*|v\.?\s*)?2(?:\.0)?\b|\bApache-2\.0\b|apache\.org\/licenses\/LICENSE-2\.0/gi,
    'Apache-2.0',
  ],
  [/\bMIT\b/g, 'MIT'],
  [/\bunlicen[sc]e\b/gi, 'Unlicense'],
  [/\bBSD[- ]3[- ]Clause\b|\b(?:new|revised|modified) BSD\b/gi, 'BSD-3-Clause'],
  [/\bBSD[- ]2[- ]Clause\b|\bsimplified BSD\b/gi, 'BSD-2-Clause'],
  [/\b0BSD\b/g, '0BSD'],
  [/\bISC\b/g, 'ISC'],
  [/\bMozilla Public License,?\s*(?:v\.?|version)?\s*2(?:\.0)?\b|\bMPL[- ]?2(?:\.0)?\b/gi, 'MPL-2.0'],
  [/\bzlib\b/gi, 'Zlib'],
  [/\bBoost Software License\b|\bBSL-1\.0\b/g, 'BSL-1.0'],
  [/\bCC0\b/g, 'CC0-1.0'],
  [/\bAGPL-?v?3|GNU Affero General Public License,? v(?:ersion)?\s?3/gi, 'AGPL-3.0-only'],
  [/\bLGPL-?v?3|GNU Lesser General Public License,? v(?:ersion)?\s?3/gi, 'LGPL-3.0-only'],
  [/\bLGPL-?v?2\.1|GNU Lesser General Public License,? v(?:ersion)?\s?2\.1/gi, 'LGPL-2.1-only'],
  [/\bGPL-?v?3|(?<!Lesser |Affero |Library )General Public License,? v(?:ersion)?\s?3/gi, 'GPL-3.0-only'],
  [/\bGPL-?v?2|(?<!Lesser |Affero |Library )General Public License,? v(?:ersion)?\s?2/gi, 'GPL-2.0-only'],
  [/\bEclipse Public License,?\s*(?:v\.?|version|-\s*v)?\s*2(?:\.0)?\b|\bEPL-2\.0\b/gi, 'EPL-2.0'],
];

/** Creative Commons licenses named by their deed URL: `creativecommons.org/licenses/by-nd/3.0/` → `CC-BY-ND-3.0`. */
const CREATIVE_COMMONS_URL = /creativecommons\.org\/licenses\/(by(?:-nc)?(?:-sa|-nd)?)\/(\d\.\d)/gi;

/** Words that make a statement naming several licenses a choice between them, not all at once. */
const CHOICE = /\beither\b|\bdual[- ]licen[sc]ed\b|\bat your (?:option|choice)\b|\byour choice of\b|\bchoose\b/i;

/** Whether prose offers a choice of the licenses it names: in words, or SPDX's `OR` (upper case, as SPDX writes it). */
function offersChoice(text: string): boolean {
  return CHOICE.test(text) || /(?:^|\s)OR(?:\s|$)/.test(text);
}

/** PyPI trove classifiers and the SPDX id each one means; ambiguous ones ("BSD License") are left out. */
const CLASSIFIERS: Record<string, string> = {
  'MIT License': 'MIT',
  'MIT No Attribution License (MIT-0)': 'MIT-0',
  'Apache Software License': 'Apache-2.0',
  'ISC License (ISCL)': 'ISC',
  'Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
  'The Unlicense (Unlicense)': 'Unlicense',
  'Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
  'Eclipse Public License 2.0 (EPL-2.0)': 'EPL-2.0',
  'zlib/libpng License': 'Zlib',
  'GNU General Public License v2 (GPLv2)': 'GPL-2.0-only',
  'GNU General Public License v2 or later (GPLv2+)': 'GPL-2.0-or-later',
  'GNU General Public License v3 (GPLv3)': 'GPL-3.0-only',
  'GNU General Public License v3 or later (GPLv3+)': 'GPL-3.0-or-later',
  'GNU Lesser General Public License v2 or later (LGPLv2+)': 'LGPL-2.0-or-later',
  'GNU Lesser General Public License v3 (LGPLv3)': 'LGPL-3.0-only',
  'GNU Lesser General Public License v3 or later (LGPLv3+)': 'LGPL-3.0-or-later',
  'GNU Affero General Public License v3': 'AGPL-3.0-only',
  'GNU Affero General Public License v3 or later (AGPLv3+)': 'AGPL-3.0-or-later',
};

/** A license file that is a short note rather than a license text is at most this long. */
const MAX_POINTER_CHARS = 1000;
/** A license file this short holds names alone (`MIT`, `Apache-2.0 OR MIT`). */
const BARE_NAMES_CHARS = 80;
/** Words of a notice that grants no license: GitHub shows such a file as "Other". */
const PROPRIETARY = /\b(?:proprietary|confidential)\b|\bunauthori[sz]ed\b|\bmay not be (?:copied|used|distributed|reproduced|modified)\b/i;
/** A sentence granting the licenses it names: "licensed under", "released under the terms of", "at your option". */
const GRANT =
  /\b(?:licen[sc]ed|released|distributed|available|offered|provided|covered|governed)\b[^.]{0,80}?\b(?:under|by)\b|\bunder the terms\b|\bat your (?:option|choice)\b|\bsee\b|\blicen[sc]e(?:s|d)?:/i;

/**
 * Licensee's threshold: word sets must overlap this much to call two texts the same license. Lower
 * lets look-alikes through (JSON's "Good, not Evil" clause reads as MIT at 0.97; BSD-4 as BSD-3).
 */
const SIMILARITY_THRESHOLD = 0.98;

export const licenseFileSchema = z.object({
  path: z.string(),
  /** SPDX identifier of the text, absent when it matches no known license (or the file is a pointer). */
  spdxId: z.string().optional(),
  /** A short note that points to the license files rather than being one (`COPYING`: "dual-licensed under …"). */
  pointer: z.boolean().optional(),
  /** The part the file covers when its name says so (`LICENSE.writing.txt` → `writing`) rather than the code. */
  scope: z.string().optional(),
});

export const licenseSourceSchema = z.object({
  path: z.string(),
  line: z.number().int().positive().optional(),
  /** A package manifest's license field, a pointer file, or the README's License section. */
  kind: z.enum(['manifest', 'pointer', 'readme']),
  /** What the source says, as written (shortened): `Unlicense/MIT`, `Apache License, Version 2.0`. */
  declared: z.string(),
  /** The same as an SPDX expression, when it can be read as one. */
  expression: z.string().optional(),
});

export const licenseSchema = z
  .object({
    /** The repository's license as an SPDX expression (`MIT`, `MIT OR Apache-2.0`), when it could be told. */
    expression: z.string().optional(),
    /** Paths the expression was read from. */
    expressionFrom: z.array(z.string()),
    /** License files at the root, each named with what it says. */
    files: z.array(licenseFileSchema),
    /** Statements about the license outside the license texts, each with its own reading. */
    sources: z.array(licenseSourceSchema),
  })
  .nullable();

export type LicenseFact = NonNullable<z.infer<typeof licenseSchema>>;
export type LicenseFile = z.infer<typeof licenseFileSchema>;
export type LicenseSource = z.infer<typeof licenseSourceSchema>;

/** Root manifests whose license field Cairn reads. */
const MANIFESTS = ['Cargo.toml', 'package.json', 'pyproject.toml', 'setup.cfg', 'setup.py', 'pom.xml'] as const;
const READMES = /^readme(\.(md|markdown|rst|txt|adoc))?$/i;

export const license = defineRetriever({
  id: 'license',
  version: 8,
  description:
    "The repository's license as an SPDX expression, from every license file at the root (each named with what it says), pointer notes, the README's License section and the root manifests' license fields.",
  schema: licenseSchema,
  async collect({ repo, problem }) {
    await loadFormats();
    const rootFiles = repo.files().filter((file) => !file.includes('/'));
    const files: LicenseFile[] = [];
    const texts = new Map<string, string>();
    const licenseFiles: string[] = [];
    for (const path of rootFiles.filter((file) => LICENSE_FILE.test(file))) {
      const read = await repo.read(path);
      if (read.ok) {
        texts.set(path, read.text);
        licenseFiles.push(path);
      } else {
        // A file the reader refuses (a symlink out of the repository, binary, too large) is no license text: it is not counted.
        if (!reportedByFiles(read))
          problem({ severity: 'error', file: path, message: `${describeRefusal(path, read)} It is not counted as a license file.` });
      }
    }
    const known = new Map<string, string>();
    for (const [path, text] of texts) {
      const spdxId = identifyLicense(text);
      if (spdxId) known.set(path, spdxId);
    }
    const sources: LicenseSource[] = [];
    for (const path of licenseFiles) {
      const text = texts.get(path)!;
      const read = readLicenseFile(text, known);
      const scope = scopeOf(path);
      files.push({
        path,
        ...(read.kind === 'license' ? { spdxId: read.spdxId } : {}),
        ...(read.kind === 'pointer' ? { pointer: true } : {}),
        ...(scope ? { scope } : {}),
      });
      if (read.kind === 'pointer')
        sources.push({ path, kind: 'pointer', declared: shorten(text), ...(read.expression ? { expression: read.expression } : {}) });
    }
    const readme = rootFiles.find((file) => READMES.test(file));
    const readmeText = readme ? await repo.readText(readme) : undefined;
    const statement = readme && readmeText !== undefined ? readmeLicenseStatement(readmeText, known) : undefined;
    if (readme && statement)
      sources.push({
        path: readme,
        kind: 'readme',
        line: statement.line,
        declared: statement.declared,
        ...(statement.expression ? { expression: statement.expression } : {}),
      });
    for (const name of MANIFESTS) {
      if (!rootFiles.includes(name)) continue;
      const text = await repo.readText(name);
      if (text === undefined) continue;
      sources.push(...manifestLicenses(name, text));
    }
    if (files.length === 0 && sources.every((source) => source.kind !== 'manifest')) return null;
    const chosen = chooseExpression(files, sources);
    for (const conflict of licenseConflicts(chosen, files, sources)) problem(conflict);
    return { ...chosen, files, sources };
  },
});

/** What a root license file is: a license text, a pointer to others (with the expression it states), or unknown. */
export function readLicenseFile(
  text: string,
  known: ReadonlyMap<string, string> = new Map(),
): { kind: 'license'; spdxId: string } | { kind: 'pointer'; expression?: string } | { kind: 'unknown' } {
  const exact = identifyLicense(text, { titles: false });
  if (exact) return { kind: 'license', spdxId: exact };
  const short = text.trim().length <= MAX_POINTER_CHARS;
  // A short notice that keeps every right (proprietary, confidential) names licenses only to set them apart: it grants none.
  if (short && PROPRIETARY.test(text)) return { kind: 'unknown' };
  // Names alone ("MIT OR Apache-2.0"), or a sentence granting them: a license merely mentioned is none.
  const stated = text.trim().length <= BARE_NAMES_CHARS || GRANT.test(text.replace(/\s+/g, ' '));
  const named = short && stated ? licensesNamedIn(text, known) : [];
  if (named.length >= 2) return { kind: 'pointer', expression: named.join(offersChoice(text) ? ' OR ' : ' AND ') };
  const titled = identifyLicense(text);
  if (titled) return { kind: 'license', spdxId: titled };
  if (named.length === 1)
    return mentionsFile(text, known) ? { kind: 'pointer', expression: named[0]! } : { kind: 'license', spdxId: named[0]! };
  return { kind: 'unknown' };
}

/** The SPDX id of a license text: an explicit identifier, a close full-text match, or (unless `titles` is false) a known title. */
export function identifyLicense(text: string, options: { titles?: boolean } = {}): string | undefined {
  const declared = text.match(/SPDX-License-Identifier:\s*([A-Za-z0-9.+-]+)/)?.[1];
  if (declared && declared in formats().spdxLicenses) return declared;
  const matched = closestLicense(text);
  if (matched) return matched;
  if (options.titles === false) return undefined;
  const head = text.split('\n').slice(0, 12).join('\n');
  return TITLES.find(([pattern]) => pattern.test(head))?.[1];
}

/**
 * SPDX ids a piece of prose names, in the order it names them: license names (`Apache License,
 * Version 2.0`, `MIT`), Creative Commons deed URLs, and the names of license files whose text is known.
 */
export function licensesNamedIn(prose: string, known: ReadonlyMap<string, string> = new Map()): string[] {
  // Each run of spaces one space: the names' expressions allow spaces in several places side by
  // side, which over a long run took time quadratic in it. Positions only order what is found.
  const text = prose.replace(/\s+/g, ' ');
  const found: Array<{ at: number; id: string }> = [];
  for (const [pattern, id] of NAMED_LICENSES) for (const match of text.matchAll(pattern)) found.push({ at: match.index, id });
  for (const match of text.matchAll(CREATIVE_COMMONS_URL)) found.push({ at: match.index, id: `CC-${match[1]!.toUpperCase()}-${match[2]}` });
  for (const [path, id] of known) {
    const at = text.search(new RegExp(`(^|[^\\w.-])${escapeRegExp(path)}(?![\\w-])`));
    if (at !== -1) found.push({ at, id });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((entry) => entry.id))];
}

function mentionsFile(text: string, known: ReadonlyMap<string, string>): boolean {
  return [...known.keys()].some((path) => new RegExp(`(^|[^\\w.-])${escapeRegExp(path)}(?![\\w-])`).test(text));
}

/** `LICENSE.writing.txt` → `writing`; `LICENSE-MIT`, `LICENSE.md`, `COPYING.LESSER` → undefined (they license the code). */
export function scopeOf(path: string): string | undefined {
  const match = path.match(/^(?:un)?licen[sc]e[-._](.+)$|^copying[-._](.+)$/i);
  const qualifier = (match?.[1] ?? match?.[2])?.replace(/\.(md|txt|rst|markdown)$/i, '');
  if (!qualifier || /^(md|txt|rst|markdown)$/i.test(qualifier) || CODE_QUALIFIERS.test(qualifier) || canonicalId(qualifier))
    return undefined;
  return qualifier.toLowerCase();
}

/** A Markdown link reference definition: `[badge-url]: https://…`. */
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;

/** The License section of a README, read for a statement naming the licenses (json's "Licensed under either of …"). */
export function readmeLicenseStatement(
  text: string,
  known: ReadonlyMap<string, string> = new Map(),
): { line: number; declared: string; expression?: string } | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex(
    (line, index) =>
      // One way to split each run of spaces: two `\s*` side by side took time quadratic in a long run.
      /^\s*(?:(?:#{1,6}|=+)\s*)?licen[sc](?:e|ing)(?:\s*(?:#+|=+))?\s*$/i.test(line) &&
      (/^\s*[#=]/.test(line) || /^[=~^-]{3,}\s*$/.test(lines[index + 1] ?? '')),
  );
  if (start === -1) return undefined;
  const depth = lines[start]!.match(/^\s*(#+)/)?.[1]?.length;
  let end = start + 1;
  while (
    end < lines.length &&
    !(depth ? new RegExp(`^\\s*#{1,${depth}}\\s`).test(lines[end]!) : /^[=~^-]{3,}\s*$/.test(lines[end + 1] ?? ''))
  )
    end++;
  // Link reference definitions (`[badge-url]: https://…`), which READMEs gather at their end, are no statement.
  const section = lines
    .slice(start + 1, end)
    .filter((line) => !LINK_DEFINITION.test(line))
    .join('\n');
  const named = licensesNamedIn(section, known);
  if (named.length === 0) return undefined;
  // Quoted as text: tags, badges and links give their words, not their markup and URLs.
  const declared = shorten(
    section
      .replace(/<[^>]+>/g, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'),
  );
  return { line: start + 1, declared, expression: named.join(offersChoice(section) ? ' OR ' : ' AND ') };
}

/** License declarations of a root manifest: its license field(s) and, for Python, its trove classifiers. */
export function manifestLicenses(path: string, text: string): LicenseSource[] {
  const found: Array<{ declared: string; pattern: RegExp; expression?: string }> = [];
  const add = (declared: string | undefined, pattern: RegExp, expression = declared === undefined ? undefined : toExpression(declared)) => {
    if (declared?.trim()) found.push({ declared: declared.trim(), pattern, ...(expression ? { expression } : {}) });
  };
  try {
    if (path === 'Cargo.toml') add(string(record(record(formats().parseToml(text)).package).license), /^[ \t]*license\s*=/m);
    else if (path === 'package.json') {
      const json = record(JSON.parse(text));
      const field = string(json.license) ?? string(record(json.license).type);
      if (field) add(field, /"license"\s*:/);
      else if (Array.isArray(json.licenses)) {
        // npm's old `licenses` array listed the licenses one may choose from.
        const types = json.licenses.map((entry) => string(record(entry).type) ?? string(entry)).filter((type): type is string => !!type);
        add(types.join(' OR '), /"licenses"\s*:/);
      }
    } else if (path === 'pyproject.toml') {
      const toml = record(formats().parseToml(text));
      const project = record(toml.project);
      add(
        string(project.license) ?? string(record(project.license).text) ?? string(record(record(toml.tool).poetry).license),
        /^[ \t]*license\s*=/m,
      );
      classifierLicenses(Array.isArray(project.classifiers) ? project.classifiers.map(String) : [], add);
    } else if (path === 'setup.cfg') {
      const metadata = iniSection(text, 'metadata');
      add(metadata.license, /^[ \t]*license\s*=/m);
      classifierLicenses((metadata.classifiers ?? '').split('\n'), add);
    } else if (path === 'setup.py') {
      add(text.match(/\blicense\s*=\s*['"]([^'"]*)['"]/)?.[1], /\blicense\s*=/);
      classifierLicenses(
        [...text.matchAll(/['"](License ::[^'"]+)['"]/g)].map((match) => match[1]!),
        add,
      );
    } else if (path === 'pom.xml') {
      const project = record(
        record(
          new (formats().XMLParser)({ ignoreAttributes: true, processEntities: false, isArray: (name) => name === 'license' }).parse(text),
        ).project,
      );
      const names = ((record(project.licenses).license as unknown[] | undefined) ?? [])
        .map((entry) => string(record(entry).name))
        .filter((name): name is string => !!name);
      // Maven: "If multiple licenses are listed, it is assumed that the user can select any of them."
      const expressions = names.map(toExpression);
      if (names.length > 0)
        add(
          names.join('; '),
          /<licenses>/,
          expressions.every(Boolean)
            ? expressions
                .map((expression) => (names.length > 1 && / (AND|OR) /.test(expression!) ? `(${expression})` : expression))
                .join(' OR ')
            : undefined,
        );
    }
  } catch {
    // A manifest that does not parse declares nothing here; the manifests fact reports it as a problem.
    return [];
  }
  return found.map(({ declared, pattern, expression }) => ({
    path,
    kind: 'manifest' as const,
    ...lineOf(text, pattern),
    declared: shorten(declared),
    ...(expression ? { expression } : {}),
  }));
}

function classifierLicenses(
  classifiers: readonly string[],
  add: (declared: string | undefined, pattern: RegExp, expression?: string) => void,
): void {
  const licenses = classifiers.map((line) => line.trim()).filter((line) => line.startsWith('License ::'));
  if (licenses.length === 0) return;
  const ids = licenses.map((line) => CLASSIFIERS[line.split('::').at(-1)!.trim()]);
  // Classifiers list the licenses a package is offered under: several mean a choice.
  add(licenses.join('; '), /License ::/, ids.every(Boolean) ? [...new Set(ids)].join(' OR ') : '');
}

/**
 * A declared license as a normalised SPDX expression: a valid expression as is (ids in their
 * canonical case), Cargo's old `MIT/Apache-2.0` as `MIT OR Apache-2.0`, and a license's name
 * (`Apache License, Version 2.0`) as its id. Undefined for `UNLICENSED`, `SEE LICENSE IN …`, and
 * names that cannot be told apart (`BSD`).
 */
const MAX_EXPRESSION = 1000;

export function toExpression(declared: string): string | undefined {
  const text = declared.trim();
  // No license expression is this long: a manifest's text is not parsed further.
  if (text.length > MAX_EXPRESSION) return undefined;
  if (!text || /^(UNLICENSED|proprietary|none|other)$|^SEE LICEN[SC]E IN\b/i.test(text)) return undefined;
  const candidates = [text, text.replace(/\s*\/\s*/g, ' OR '), canonicalCase(text.replace(/\s*\/\s*/g, ' OR '))];
  for (const candidate of candidates) {
    const parsed = tryParse(candidate);
    if (parsed) return formatExpression(parsed);
  }
  const parts = text.split(/\s*\/\s*|\s+(?:or)\s+/i);
  if (parts.length > 1) {
    const ids = parts.map(nameToId);
    return ids.every(Boolean) ? ids.join(' OR ') : undefined;
  }
  return nameToId(text);
}

/** One license's name or id → its SPDX id, if it names exactly one. */
function nameToId(name: string): string | undefined {
  const exact = canonicalId(name.trim());
  if (exact) return exact;
  const named = licensesNamedIn(name);
  if (named.length === 1) return named[0];
  if (named.length > 1) return undefined;
  const corrected = spdxCorrect()(name);
  // spdx-correct guesses versions ("BSD" → BSD-2-Clause, "Eclipse Public License - v 2.0" → EPL-1.0):
  // keep its answer only when every version number in it was in the name.
  if (!corrected || /unlicensed/i.test(name)) return undefined;
  const versions = corrected.match(/\d+/g) ?? [];
  const given = new Set(name.match(/\d+/g) ?? []);
  return versions.every((version) => given.has(version)) ? corrected : undefined;
}

/**
 * spdx-correct, loaded the first time a name is neither an SPDX id nor a license's full name:
 * building its tables cost every command about 10 ms of start-up.
 */
function spdxCorrect(): typeof import('spdx-correct') {
  return require('spdx-correct') as typeof import('spdx-correct');
}

let idsByLowerCase: Map<string, string> | undefined;

/** `mit` → `MIT`, `apache-2.0` → `Apache-2.0`; undefined for a string that is no SPDX id. */
function canonicalId(id: string): string | undefined {
  idsByLowerCase ??= new Map(Object.keys(formats().spdxLicenses).map((key) => [key.toLowerCase(), key]));
  return idsByLowerCase.get(id.toLowerCase());
}

function canonicalCase(expression: string): string {
  return expression
    .split(/(\s+|\(|\))/)
    .map((token) =>
      /^(and|or|with)$/i.test(token)
        ? token.toUpperCase()
        : (canonicalId(token.replace(/\+$/, '')) ?? token.replace(/\+$/, '')) + (token.endsWith('+') ? '+' : ''),
    )
    .join('');
}

function tryParse(expression: string): parseSpdx.Info | undefined {
  try {
    return parseSpdx(expression);
  } catch {
    return undefined;
  }
}

/** An expression's tree back to text, with parentheses only where the operators change. */
export function formatExpression(node: parseSpdx.Info, parent?: 'and' | 'or'): string {
  if ('license' in node) return `${node.license}${node.plus ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
  const text = `${formatExpression(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${formatExpression(node.right, node.conjunction)}`;
  return parent && parent !== node.conjunction ? `(${text})` : text;
}

/** The license ids an expression mentions (without `+` and exceptions), or undefined when it does not parse. */
export function expressionIds(expression: string): Set<string> | undefined {
  const parsed = tryParse(expression);
  if (!parsed) return undefined;
  const ids = new Set<string>();
  const visit = (node: parseSpdx.Info): void => {
    if ('license' in node) ids.add(node.license);
    else {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(parsed);
  return ids;
}

/**
 * The repository's expression. The license texts decide which licenses there are; a statement
 * naming exactly those licenses (a manifest first, then a pointer file, then the README) decides how
 * they combine and in which order. Several texts with no such statement all apply (`AND`), and so
 * does a text for one part (`LICENSE.writing.txt`): `Apache-2.0 AND CC-BY-ND-3.0`. Without a
 * recognised text, the first manifest that declares an expression speaks for the repository.
 */
export function chooseExpression(
  files: readonly LicenseFile[],
  sources: readonly LicenseSource[],
): { expression?: string; expressionFrom: string[] } {
  const licensing = files.filter((file) => !file.scope && !file.pointer);
  const ids = [...new Set(licensing.flatMap((file) => (file.spdxId ? [file.spdxId] : [])))];
  const parts = partTexts(files);
  const ranked = ['manifest', 'pointer', 'readme'].flatMap((kind) => sources.filter((source) => source.kind === kind && source.expression));
  let main: { expression?: string; expressionFrom: string[] };
  if (ids.length === 0) {
    const declared = ranked.find((source) => source.kind === 'manifest') ?? (licensing.length === 0 ? ranked[0] : undefined);
    main = declared ? { expression: declared.expression!, expressionFrom: [declared.path] } : { expressionFrom: [] };
  } else {
    const texts = licensing.filter((file) => file.spdxId).map((file) => file.path);
    const agreeing = ranked.find((source) => sameSet(expressionIds(source.expression!), ids));
    main = agreeing
      ? { expression: agreeing.expression!, expressionFrom: [...texts, agreeing.path] }
      : { expression: ids.join(' AND '), expressionFrom: texts };
  }
  if (!main.expression || parts.length === 0) return main;
  const whole = / OR /.test(main.expression) ? `(${main.expression})` : main.expression;
  return {
    expression: [whole, ...new Set(parts.map((file) => file.spdxId!))].join(' AND '),
    expressionFrom: [...main.expressionFrom, ...parts.map((file) => file.path)],
  };
}

/**
 * A manifest that declares other licenses than the license texts give: registries and tools read
 * the manifest, readers the text, so the two must agree. The texts win in the expression.
 */
export function licenseConflicts(
  chosen: { expression?: string; expressionFrom: string[] },
  files: readonly LicenseFile[],
  sources: readonly LicenseSource[],
): Array<{ severity: 'warning'; file: string; line?: number; message: string }> {
  const texts = files.filter((file) => file.spdxId && !file.scope && !file.pointer);
  const ids = [...new Set(texts.map((file) => file.spdxId!))];
  if (ids.length === 0) return [];
  return sources
    .filter((source) => source.kind === 'manifest' && source.expression && !sameSet(expressionIds(source.expression), ids))
    .map((source) => ({
      severity: 'warning' as const,
      file: source.path,
      ...(source.line ? { line: source.line } : {}),
      message: `${source.path} declares the license ${source.expression}, but ${texts.map((file) => `${file.path} is ${file.spdxId}`).join(' and ')}; Cairn takes ${chosen.expression} from the license text${texts.length === 1 ? '' : 's'}. Make them agree.`,
    }));
}

function sameSet(a: Set<string> | undefined, b: readonly string[]): boolean {
  return !!a && a.size === new Set(b).size && b.every((id) => a.has(id));
}

let references: Map<string, Set<string>> | undefined;

function referenceWordSets(): Map<string, Set<string>> {
  const { spdxLicenses } = formats();
  references ??= new Map(COMMON.filter((id) => id in spdxLicenses).map((id) => [id, wordSet(licenseWords(spdxLicenses[id]!.licenseText))]));
  return references;
}

/**
 * The reference license whose words (`licenseWords`) are close enough, when one is; once per set of
 * words: an organisation's repositories mostly carry the same few license texts, differing in
 * holder and year, which the words leave out.
 */
const closestLicenseByWords = rememberedByText((key) => {
  const words = wordSet(key);
  let best: { id: string; score: number } | undefined;
  for (const [id, reference] of referenceWordSets()) {
    const score = dice(words, reference);
    if (!best || score > best.score) best = { id, score };
  }
  return best && best.score >= SIMILARITY_THRESHOLD ? best.id : undefined;
}, 4_000_000);

/** The reference license whose words are close enough to the text's, when one is; once per text, as many repositories carry the very same one. */
const closestLicense = rememberedByText((text) => closestLicenseByWords(licenseWords(text)), 4_000_000);

/** The set of words of `licenseWords`' result. */
function wordSet(words: string): Set<string> {
  return new Set(words.split(' ').filter((word) => word.length > 1));
}

/** Words of a license text without the parts that vary per project (holder, year, placeholders). */
function licenseWords(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/^[ \t]*(copyright|\(c\)|©).*$/gm, ' ')
      // A bracket's content stops at the next opening one too: a run of `<` without `>` is read once, not once per `<`.
      .replace(/<[^<>]*>|\[[^[\]]*\]/g, ' ')
      .replace(/[^a-z0-9']+/g, ' ')
  );
}

/** Sørensen–Dice coefficient of two word sets, 0–1. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Keys of one `[section]` of an INI file (setup.cfg), continuation lines joined with newlines. */
function iniSection(text: string, name: string): Record<string, string> {
  const values: Record<string, string> = {};
  let inSection = false;
  let key: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const header = line.match(/^\s*\[([^\]]+)\]/);
    if (header) {
      inSection = header[1]!.trim() === name;
      key = undefined;
    } else if (inSection && /^\s+\S/.test(line) && key) values[key] += `\n${line.trim()}`;
    else if (inSection) {
      const pair = line.match(/^([\w-]+)\s*[=:]\s*(.*)$/);
      key = pair?.[1];
      if (pair) values[pair[1]!] = pair[2]!.trim();
    }
  }
  return values;
}

function lineOf(text: string, pattern: RegExp): { line?: number } {
  const index = text.search(pattern);
  return index === -1 ? {} : { line: text.slice(0, index).split('\n').length };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return shortened(flat, 200);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
