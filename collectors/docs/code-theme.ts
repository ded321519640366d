import type { ShikiTransformer } from 'shiki';

/**
 * How highlighted code is coloured, in repository docs (`highlight.ts`) and in guides (Astro's
 * Shiki, astro.config.mjs): Shiki's CSS-variables theme, each token coloured by a variable of its
 * kind (`--shiki-token-keyword`, `--shiki-token-string` …), which site/styles/cairn.css sets for
 * light and dark. One tokenization colours both schemes: with a light and a dark theme, Shiki
 * tokenized every block once per theme and then aligned the two, which took 2.6 times as long and
 * was a third of rendering code-heavy docs.
 */
export const CODE_THEME = { name: 'cairn-code', variablePrefix: '--shiki-', fontStyle: true } as const;

/** Shiki's font style bits (vscode-textmate's `FontStyle`) and the class each becomes. */
const FONT_STYLE_CLASSES = [
  [1, 'code-italic'],
  [2, 'code-bold'],
  [4, 'code-underline'],
  [8, 'code-strike'],
] as const;

/**
 * Each token's colour and font style as classes (`code-keyword`, `code-italic` …) instead of a
 * `style` attribute, and none for the plain text colour, the block's own: a code-heavy page was
 * half style attributes (Gin's docs, 510 KB of HTML for 69 KB of Markdown). The stylesheet gives
 * each class its variable. Any other colour is left to the text colour: the `ansi` language's,
 * which Shiki cannot derive from a variable, came out nearly transparent.
 */
export const tokenClasses: ShikiTransformer = {
  name: 'cairn-token-classes',
  pre(node) {
    delete node.properties.style;
  },
  span(node, _line, _column, _lineElement, token) {
    const kind = /^var\(--shiki-token-([a-z-]+)\)$/.exec(token.color ?? '')?.[1];
    const fontStyle = token.fontStyle ?? 0;
    const classes = [
      ...(kind ? [`code-${kind}`] : []),
      ...(fontStyle > 0 ? FONT_STYLE_CLASSES.filter(([bit]) => fontStyle & bit).map(([, name]) => name) : []),
    ];
    delete node.properties.style;
    if (classes.length > 0) node.properties.class = classes.join(' ');
  },
};
