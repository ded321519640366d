import { isMap, isScalar, isSeq, type LineCounter } from 'yaml';
import { joinPath } from '../../support/repo-paths.ts';
import { MAX_ALIAS_COUNT, parseYamlFile } from '../../yaml/documents.ts';
import { lineOfNode } from '../../yaml/lines.ts';
import type { DocRoot, MkdocsNavEntry } from './schema.ts';

/** The prefix of mkdocs-monorepo-plugin's nav values that pull in another mkdocs.yml. */
const INCLUDE_STATEMENT = '!include ';

/** Parsed mkdocs.yml settings; an error keeps the defaults and says why. */
export function parseMkdocs(text: string, path: string, base: string): { docsDir: string; mkdocs: NonNullable<DocRoot['mkdocs']> } {
  const defaultDocsDir = joinPath(base, 'docs')!;
  // `!!python/name:` tags are kept as plain values (strict: false), never resolved.
  const parsed = parseYamlFile(text, { uniqueKeys: false, strict: false });
  if ('error' in parsed)
    return { docsDir: defaultDocsDir, mkdocs: { path, error: { message: `Could not parse ${path}: ${parsed.error}`, line: parsed.line } } };
  const { document, lineCounter } = parsed;
  let config: unknown;
  try {
    config = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    return {
      docsDir: defaultDocsDir,
      mkdocs: { path, error: { message: `Could not read ${path}: ${(cause as Error).message.split('\n')[0]}` } },
    };
  }
  const settings = (config && typeof config === 'object' ? config : {}) as Record<string, unknown>;
  const siteName = typeof settings.site_name === 'string' && settings.site_name.trim() ? settings.site_name.trim() : undefined;
  const docsDirSetting = typeof settings.docs_dir === 'string' ? settings.docs_dir : 'docs';
  const docsDir = joinPath(base, docsDirSetting);
  if (docsDir === undefined || docsDir === '..' || docsDir.startsWith('../')) {
    const line = lineOfKey(document.contents, 'docs_dir', lineCounter);
    return {
      docsDir: defaultDocsDir,
      mkdocs: {
        path,
        ...(siteName ? { siteName } : {}),
        error: { message: `${path}: docs_dir "${docsDirSetting}" leaves the repository.`, ...(line ? { line } : {}) },
      },
    };
  }
  const navNode = isMap(document.contents) ? document.contents.get('nav', true) : undefined;
  const nav = isSeq(navNode) ? navEntries(navNode.items as unknown[], lineCounter) : undefined;
  const unrendered = unrenderedExtensions(document.contents, lineCounter);
  const literateNavFile = literateNav(document.contents);
  return {
    docsDir,
    mkdocs: {
      path,
      ...(siteName ? { siteName } : {}),
      ...(nav ? { nav } : {}),
      ...(literateNavFile ? { literateNavFile } : {}),
      ...(unrendered ? { unrendered } : {}),
    },
  };
}

/** The `nav_file` of mkdocs-literate-nav (`- literate-nav: { nav_file: README.md }`, default SUMMARY.md), when it is a plugin. */
function literateNav(contents: unknown): string | undefined {
  const plugins = isMap(contents) ? contents.get('plugins', true) : undefined;
  const entries = isSeq(plugins) ? plugins.items : isMap(plugins) ? [plugins] : [];
  for (const entry of entries) {
    if (isScalar(entry) && entry.value === 'literate-nav') return 'SUMMARY.md';
    if (!isMap(entry)) continue;
    const settings = entry.get('literate-nav', true);
    if (settings === undefined && !entry.has('literate-nav')) continue;
    const navFile = isMap(settings) ? settings.get('nav_file') : undefined;
    return typeof navFile === 'string' && /^[^/\\]+\.md$/i.test(navFile) ? navFile : 'SUMMARY.md';
  }
  return undefined;
}

/**
 * Python-Markdown extensions whose syntax the portal renders: GitHub Flavored Markdown covers
 * tables, footnotes, task lists, strikethrough and bare links; code is highlighted, headings get
 * ids, attribute lists are read for ids (attribute-lists.ts). Not `meta` (its `Key: value` lines
 * without `---` show as text) nor `pymdownx.tilde` (its `~sub~` is GitHub's strikethrough here).
 */
const RENDERED_EXTENSIONS = new Set([
  'attr_list',
  'codehilite',
  'fenced_code',
  'footnotes',
  'md_in_html',
  'sane_lists',
  'smarty',
  'tables',
  'toc',
  'pymdownx.betterem',
  'pymdownx.highlight',
  'pymdownx.magiclink',
  'pymdownx.superfences',
  'pymdownx.tasklist',
]);

/**
 * The extensions Backstage's `techdocs-core` plugin turns on (mkdocs-techdocs-core), which a
 * Backstage app's mkdocs.yml does not list: `plugins: [techdocs-core]` is all it says.
 */
const TECHDOCS_CORE_EXTENSIONS = [
  'admonition',
  'toc',
  'pymdownx.caret',
  'pymdownx.critic',
  'pymdownx.details',
  'pymdownx.emoji',
  'pymdownx.inlinehilite',
  'pymdownx.magiclink',
  'pymdownx.mark',
  'pymdownx.smartsymbols',
  'pymdownx.highlight',
  'pymdownx.extra',
  'pymdownx.tabbed',
  'pymdownx.tasklist',
  'pymdownx.tilde',
  'pymdownx.superfences',
  'markdown_inline_graphviz',
  'plantuml_markdown',
  'mdx_truly_sane_lists',
];

/**
 * The Markdown extensions the portal leaves as written, in order: `markdown_extensions` (a list of
 * names or one-key maps of settings, or a map of names to settings: MkDocs takes both), then those
 * the `techdocs-core` plugin turns on. The line is the setting's that turns the first one on.
 */
function unrenderedExtensions(contents: unknown, lineCounter: LineCounter): { names: string[]; line?: number } | undefined {
  const setting = (key: string) => (isMap(contents) ? contents.get(key, true) : undefined);
  const keysOf = (map: unknown) => (isMap(map) ? map.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : [])) : []);
  const namesOf = (list: unknown) =>
    isSeq(list) ? list.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : keysOf(item))) : keysOf(list);
  const listed = namesOf(setting('markdown_extensions')).map((name) => name.replace(/^markdown\.extensions\./, ''));
  const techdocs = namesOf(setting('plugins')).includes('techdocs-core') ? TECHDOCS_CORE_EXTENSIONS : [];
  const unrendered = (names: readonly string[]) => names.filter((name) => !RENDERED_EXTENSIONS.has(name));
  const names = [...new Set([...unrendered(listed), ...unrendered(techdocs)])];
  if (names.length === 0) return undefined;
  const line = lineOfKey(contents, unrendered(listed).length > 0 ? 'markdown_extensions' : 'plugins', lineCounter);
  return { names, ...(line ? { line } : {}) };
}

/** mkdocs nav items: `page.md`, `Title: page.md`, `Title: https://…`, `Section: [items]`. */
function navEntries(items: unknown[], lineCounter: LineCounter): MkdocsNavEntry[] {
  return items.flatMap((item): MkdocsNavEntry[] => {
    const line = lineOf(item, lineCounter);
    if (isScalar(item) && typeof item.value === 'string') return [navTarget(undefined, item.value, line)];
    if (!isMap(item)) return [];
    return item.items.flatMap((pair): MkdocsNavEntry[] => {
      const title = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (title === undefined) return [];
      const entryLine = lineOf(pair.key, lineCounter);
      if (isScalar(pair.value) && typeof pair.value.value === 'string') return [navTarget(title, pair.value.value, entryLine)];
      if (isSeq(pair.value)) return [{ title, children: navEntries(pair.value.items as unknown[], lineCounter), line: entryLine }];
      return [];
    });
  });
}

/** A page entry, or an include when the value starts with `!include ` (mkdocs-monorepo-plugin). */
function navTarget(title: string | undefined, value: string, line: number): MkdocsNavEntry {
  const titled = title === undefined ? {} : { title };
  return value.startsWith(INCLUDE_STATEMENT)
    ? { ...titled, include: value.slice(INCLUDE_STATEMENT.length), line }
    : { ...titled, target: value, line };
}

function lineOf(node: unknown, lineCounter: LineCounter): number {
  return lineOfNode(node, lineCounter) ?? 1;
}

function lineOfKey(contents: unknown, key: string, lineCounter: LineCounter): number | undefined {
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair ? lineOf(pair.key, lineCounter) : undefined;
}
