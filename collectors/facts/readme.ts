import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

const README = /^readme(\.(md|markdown|mdx|rst|txt|adoc))?$/i;

export const readmeSchema = z
  .object({
    path: z.string(),
    /** Text of the first top-level heading, when there is one. */
    title: z.string().optional(),
    /** The first prose paragraph as plain text (badges, HTML and headings skipped). */
    summary: z.string().optional(),
    /** Headings of level 1–3 in order, with their line. */
    headings: z.array(z.object({ depth: z.number().int().min(1).max(6), text: z.string(), line: z.number().int().positive() })),
    words: z.number().int().nonnegative(),
  })
  .nullable();

export type Readme = NonNullable<z.infer<typeof readmeSchema>>;

/** The repository's root README, outlined. */
export const readme = defineRetriever({
  id: 'readme',
  version: 1,
  description: 'The root README: its title, first paragraph, headings and length.',
  schema: readmeSchema,
  async collect({ repo }) {
    const path = repo.files().find((file) => !file.includes('/') && README.test(file));
    if (!path) return null;
    const text = await repo.readText(path);
    return text === undefined ? null : { path, ...outlineMarkdown(text) };
  },
});

/** Headings, title and first paragraph of a Markdown text, ignoring fenced code blocks. */
export function outlineMarkdown(text: string): Omit<Readme, 'path'> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headings: Readme['headings'] = [];
  const paragraphs: string[][] = [[]];
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const fenceMark = line.match(/^\s{0,3}(`{3,}|~{3,})/)?.[1];
    if (fenceMark && (!fence || fenceMark.startsWith(fence))) {
      fence = fence ? undefined : fenceMark;
      paragraphs.push([]);
      return;
    }
    if (fence) return;
    const atx = line.match(/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/);
    const setext = index > 0 && /^\s{0,3}(=+|-+)\s*$/.test(line) && (lines[index - 1] ?? '').trim() && paragraphs.at(-1)?.length === 1;
    if (atx) {
      headings.push({ depth: atx[1]!.length, text: plain(atx[2]!), line: index + 1 });
      paragraphs.push([]);
    } else if (setext) {
      const text = paragraphs.at(-1)!.pop()!;
      headings.push({ depth: line.trim().startsWith('=') ? 1 : 2, text: plain(text), line: index });
      paragraphs.push([]);
    } else if (!line.trim()) paragraphs.push([]);
    else paragraphs.at(-1)!.push(line.trim());
  });
  const summary = paragraphs
    .map((paragraph) => plain(paragraph.join(' ')))
    .find((paragraph) => paragraph.length > 0 && !/^([|>]|[-*+] |\d+[.)] )/.test(paragraph));
  const title = headings.find((heading) => heading.depth === 1)?.text;
  const words = text.split(/\s+/).filter(Boolean).length;
  return { ...(title ? { title } : {}), ...(summary ? { summary } : {}), headings, words };
}

/** Markdown inline syntax to plain text: images and HTML dropped, links to their text. */
function plain(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]+)`/g, '$1')
    // Emphasis only where its markers stand at word edges: `MY_ENV_VAR` and `2 * 3` stay as written.
    .replace(/(^|[^\w*])([*_]{1,3})(\S(?:.*?\S)?)\2(?![\w*])/g, '$1$3')
    .replace(/\s+/g, ' ')
    .trim();
}
