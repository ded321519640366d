import { withoutCode } from '../support/markdown-nesting.ts';

/**
 * MkDocs syntax beyond GitHub's Markdown that the portal does not render, by what it looks like at
 * the start of a line outside fenced code: what a reader of the page should be told shows as written.
 */
const SYNTAXES: ReadonlyArray<{ name: string; line: RegExp }> = [
  { name: 'admonitions (!!! note)', line: /^ {0,3}!!!\s+\w/ },
  { name: 'collapsible blocks (??? note)', line: /^ {0,3}\?\?\?\+?\s+\w/ },
  { name: 'blocks (/// note)', line: /^ {0,3}\/{3,}\s*[a-z]/i },
  { name: 'content tabs (=== "Tab")', line: /^ {0,3}===\+?\s+["']/ },
  { name: 'snippets (--8<--)', line: /^\s*-{1,2}8<-{1,2}/ },
  { name: 'code includes ({* … *})', line: /^\s*\{\*\s.*\*\}\s*$/ },
  { name: 'API references (::: module)', line: /^:::\s+\S/ },
];

/** The unrendered syntaxes a page's Markdown uses, outside code and HTML comments, in the order of SYNTAXES. */
export function unrenderedSyntax(markdown: string): string[] {
  const found = new Set<string>();
  let comment = false;
  for (const line of withoutCode(markdown).split('\n')) {
    if (comment) {
      comment = !line.includes('-->');
      continue;
    }
    if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) {
      comment = true;
      continue;
    }
    for (const syntax of SYNTAXES) if (syntax.line.test(line)) found.add(syntax.name);
  }
  return SYNTAXES.map((syntax) => syntax.name).filter((name) => found.has(name));
}
