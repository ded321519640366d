import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';

export const readmeTitle = defineCheck({
  id: 'readme-title',
  title: 'README has a title',
  category: 'docs',
  description:
    'The README has a title: a top-level heading, or a logo above its first heading whose alt text names the project (as many open-source READMEs open).',
  why: 'A top-level heading tells a reader at a glance which repository they are in, and gives search results and rendered pages a name instead of "README".',
  fix: 'Start the README with one `#` heading naming the project, e.g. `# Payments service`, followed by a sentence on what it does.',
  effort: 'low',
  severity: 'note',
  options: z.object({}),
  needs: ['readme'],
  run(context) {
    const { readme } = context.facts;
    if (!readme) return fail('No readable README at the repository root, so there is no title.');
    const title = readme.headings.find((heading) => heading.depth === 1);
    if (title) return pass(`${readme.path} is titled "${title.text}".`, [{ path: readme.path, line: title.line, note: title.text }]);
    const { logo } = readme;
    if (logo && namesProject(logo.alt, [context.entity.metadata.name, context.entity.metadata.title, context.entity.source.repo]))
      return pass(`${readme.path} opens with a logo naming the project ("${logo.alt}").`, [
        { path: readme.path, line: logo.line, note: logo.alt },
      ]);
    const first = readme.headings[0];
    const topLevel = `top-level ${titleMarker(readme.path)}`;
    return fail(
      first
        ? `${readme.path} has no ${topLevel}heading; its first heading, "${first.text}", is level ${first.depth}.`
        : `${readme.path} has no headings at all; expected a ${topLevel}title.`,
      [{ path: readme.path, line: first?.line ?? 1 }],
    );
  },
});

/** How the README's format marks a title, for the messages: `=` in AsciiDoc, `#` in Markdown; reST has no one mark. */
function titleMarker(path: string): string {
  if (/\.(adoc|asciidoc)$/i.test(path)) return '(=) ';
  if (/\.(rst|txt)$/i.test(path) || !/\.\w+$/.test(path)) return '';
  return '(#) ';
}

/** Whether `alt` names the project: holds one of its names, compared without case, spaces or punctuation. */
function namesProject(alt: string, names: ReadonlyArray<string | undefined>): boolean {
  const squeezed = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const text = squeezed(alt);
  return names.some((name) => name !== undefined && squeezed(name).length > 0 && text.includes(squeezed(name)));
}
