/**
 * How highlighted code is coloured, in repository docs (`highlight.ts`) and in guides (Astro's
 * Shiki, astro.config.mjs): Shiki's CSS-variables theme, each token coloured by a variable of its
 * kind (`--shiki-token-keyword`, `--shiki-token-string` …), which site/styles/cairn.css sets for
 * light and dark. One tokenization colours both schemes: with a light and a dark theme, Shiki
 * tokenized every block once per theme and then aligned the two, which took 2.6 times as long and
 * was a third of rendering code-heavy docs.
 */
export const CODE_THEME = { name: 'cairn-code', variablePrefix: '--shiki-', fontStyle: true } as const;
