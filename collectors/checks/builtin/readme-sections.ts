import { z } from 'zod';
import { defineCheck, fail, pass, type Evidence } from '../check.ts';
import { listOf } from './support/facts.ts';
import { quotedAlternatives } from '../../support/text.ts';

/** Lowercase words only, so `## 🚀 Getting started!` matches `Getting Started`. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A heading names a section when it holds that name as whole words (`Usage examples`, `Basic usage`, `A simple example`). */
function names(heading: string, section: string): boolean {
  const name = normalize(section);
  return name.length > 0 && ` ${normalize(heading)} `.includes(` ${name} `);
}

export const readmeSections = defineCheck({
  id: 'readme-sections',
  title: 'README has the expected sections',
  category: 'docs',
  description:
    'The README has a heading for each required section (by default one on usage or examples), matched as whole words, case-insensitively.',
  why: 'Readers scan a README for the same few things: how to use it, how to run it locally. A heading for each makes them findable in seconds, and makes READMEs across the organisation look alike.',
  fix: [
    'Add the missing heading to the README, with a few lines under it:',
    '',
    '```markdown',
    '## Usage',
    '',
    'Call `POST /payments` with an idempotency key; see docs/api.md for the fields.',
    '```',
    '',
    'A scorecard can change which sections are required with the `sections` option; each entry is a heading or a list of headings that are accepted for it.',
  ].join('\n'),
  effort: 'low',
  severity: 'note',
  options: z.object({
    sections: z
      .array(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]))
      .default([['Usage', 'Getting started', 'Get started', 'Quick start', 'Quickstart', 'How to use', 'Example', 'Examples']])
      .describe('Required sections: each a heading, or a list of alternative headings of which one must exist.'),
  }),
  needs: ['readme'],
  run(context) {
    const { readme } = context.facts;
    if (!readme) return fail('No readable README at the repository root, so none of the required sections exist.');
    const found: Evidence[] = [];
    const missing: string[][] = [];
    // The title names the project, not a section: a README titled "Getting started" has no such section.
    const title = readme.headings[0]?.depth === 1 ? readme.headings[0] : undefined;
    const sections = title ? readme.headings.slice(1) : readme.headings;
    for (const section of context.options.sections) {
      const alternatives = typeof section === 'string' ? [section] : section;
      const heading = sections.find((candidate) => alternatives.some((name) => names(candidate.text, name)));
      if (heading) found.push({ path: readme.path, line: heading.line, note: heading.text });
      else missing.push(alternatives);
    }
    if (missing.length === 0)
      return pass(
        `${readme.path} has ${listOf(
          found.map((item) => `"${item.note}"`),
          10,
        )}.`,
        found,
      );
    const evidence: Evidence[] = missing.map((alternatives) => ({
      path: readme.path,
      note: `missing a heading ${quotedAlternatives(alternatives)}`,
    }));
    const titled = title && missing.some((alternatives) => alternatives.some((name) => names(title.text, name)));
    return fail(
      `${readme.path} has no heading ${missing.map(quotedAlternatives).join(', nor ')}${titled ? ` besides its title, "${title.text}"` : ''}.`,
      evidence,
    );
  },
});
