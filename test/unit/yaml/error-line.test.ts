import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { lineOfError } from '../../../collectors/yaml/lines.ts';

function firstErrorLine(text: string): number {
  const lineCounter = new LineCounter();
  const [error] = parseDocument(text, { lineCounter, prettyErrors: false }).errors;
  expect(error).toBeDefined();
  return lineOfError(error!, text, lineCounter);
}

describe('lineOfError', () => {
  it.each([
    {
      name: 'an unclosed double quote: the line it opens on, not the end of the text',
      text: 'kind: Component\nmetadata:\n  name: svc\n  description: "broken\nspec:\n  owner: team\n',
      line: 4,
    },
    { name: 'an unclosed single quote', text: "a: 1\nb: 'open\nc: 3\nd: 4\n", line: 2 },
    {
      name: 'an unclosed quote deep in a descriptor (the lexer’s own marks are no text)',
      text: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n  description: "broken\nspec:\n  owner: team\n',
      line: 5,
    },
    { name: 'a quoted value before the unclosed one is passed over', text: 'a: "fine"\nb: "open\nc: 3\n', line: 2 },
    {
      name: 'another error stays where yaml reports it (an unclosed flow sequence, seen on the next line)',
      text: 'a: 1\nb: [1, 2\nc: 3\n',
      line: 3,
    },
    { name: 'a tab indentation error', text: 'a:\n\tb: 1\n', line: 2 },
  ])('$name', ({ text, line }) => {
    expect(firstErrorLine(text)).toBe(line);
  });
});
