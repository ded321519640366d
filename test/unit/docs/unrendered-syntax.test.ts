import { describe, expect, it } from 'vitest';
import { unrenderedSyntax } from '../../../collectors/docs/unrendered-syntax.ts';

describe('unrenderedSyntax', () => {
  it.each<[string, string, string[]]>([
    ['plain Markdown', '# Title\n\nText with `code` and a [link](x.md).\n', []],
    ['an admonition', '!!! note "Heads up"\n    Indented body.\n', ['admonitions (!!! note)']],
    ['a collapsible block', '???+ tip\n    Body.\n', ['collapsible blocks (??? note)']],
    [
      "typer's blocks and code includes",
      '/// tip\nText\n///\n\n{* docs_src/first.py hl[3] *}\n',
      ['blocks (/// note)', 'code includes ({* … *})'],
    ],
    ['content tabs', '=== "Python"\n    ```py\n    x = 1\n    ```\n', ['content tabs (=== "Tab")']],
    ["mkdocs' snippets", '--8<-- "CONTRIBUTING.md"\n', ['snippets (--8<--)']],
    ['an API reference', '::: mkdocs.plugins.BasePlugin\n', ['API references (::: module)']],
    ['inside a fenced block, nothing', '```markdown\n!!! note\n--8<-- "x"\n```\n', []],
    ['after a fence that closes, again', '~~~\n!!! note\n~~~\n!!! warning\n    Body.\n', ['admonitions (!!! note)']],
    ['a horizontal rule is no block', 'Text\n\n---\n\n***\n', []],
    ['inside an HTML comment, nothing', 'Text\n<!--\n!!! note\n    Hidden.\n-->\nMore.\n', []],
    ['after an HTML comment that closes, again', '<!-- a comment -->\n!!! note\n    Shown.\n', ['admonitions (!!! note)']],
  ])('%s', (_name, markdown, found) => {
    expect(unrenderedSyntax(markdown)).toEqual(found);
  });
});
