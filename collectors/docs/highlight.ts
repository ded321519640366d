import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { BundledLanguage, Highlighter } from 'shiki';
import { visit } from 'unist-util-visit';
import { CODE_THEME, tokenClasses } from './code-theme.ts';

/**
 * Highlighting must not depend on how busy the machine is, so Shiki's per-line time limit is off;
 * what bounds its cost on untrusted code instead is size: lines longer than this stay plain, and
 * so do blocks larger than `MAX_HIGHLIGHTED_CHARACTERS`.
 */
const MAX_HIGHLIGHTED_LINE = 1000;
const MAX_HIGHLIGHTED_CHARACTERS = 100_000;

let shikiModule: Promise<typeof import('shiki')> | undefined;
let highlighter: Promise<Highlighter> | undefined;
const loadedLanguages = new Map<string, Promise<void>>();

/** Shiki, loaded for the first block that names a language: most runs highlight nothing. */
function loadShiki(): Promise<typeof import('shiki')> {
  shikiModule ??= import('shiki');
  return shikiModule;
}

/** One highlighter for the whole run, created on first use, with each language loaded once. */
async function highlighterFor(language: BundledLanguage): Promise<Highlighter> {
  highlighter ??= loadShiki().then(({ createHighlighter, createCssVariablesTheme }) =>
    createHighlighter({ themes: [createCssVariablesTheme(CODE_THEME)], langs: [] }),
  );
  const ready = await highlighter;
  let loading = loadedLanguages.get(language);
  if (!loading) {
    loading = ready.loadLanguage(language);
    loadedLanguages.set(language, loading);
  }
  await loading;
  return ready;
}

function isBundled(language: string, bundledLanguages: object): language is BundledLanguage {
  return Object.hasOwn(bundledLanguages, language);
}

/**
 * Highlights fenced code blocks whose language Shiki knows, each token given the class of its kind
 * (`code-theme.ts`), whose colour the stylesheet sets per colour scheme.
 * Runs after sanitizing and reads only the code's text, so its markup is Cairn's own. Other blocks
 * stay plain `<pre><code>`; every block is focusable, so a keyboard can scroll it.
 */
export async function highlightCode(tree: Root): Promise<void> {
  const blocks: Array<{ pre: Element; code: Element }> = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'pre') return;
    const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
    if (code) blocks.push({ pre: node, code });
    node.properties = { ...node.properties, tabIndex: 0 };
    return 'skip';
  });
  for (const { pre, code } of blocks) {
    const classes = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
    const language = classes
      .find((name) => name.startsWith('language-'))
      ?.slice('language-'.length)
      .toLowerCase();
    if (!language || !isBundled(language, (await loadShiki()).bundledLanguages)) continue;
    const text = toString(code).replace(/\n$/, '');
    if (text.length > MAX_HIGHLIGHTED_CHARACTERS) continue;
    const shiki = await highlighterFor(language);
    const highlighted = shiki.codeToHast(text, {
      lang: language,
      theme: CODE_THEME.name,
      transformers: [tokenClasses],
      tokenizeTimeLimit: 0,
      tokenizeMaxLineLength: MAX_HIGHLIGHTED_LINE,
    });
    const highlightedPre = highlighted.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
    if (!highlightedPre) continue;
    const { tabindex: _, ...properties } = highlightedPre.properties;
    pre.properties = { ...properties, tabIndex: 0, dataLanguage: language };
    pre.children = highlightedPre.children as ElementContent[];
  }
}
