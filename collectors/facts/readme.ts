import { z } from 'zod';
import { describeRefusal, reportedByFiles } from '../repo/reader.ts';
import { defineRetriever } from './retriever.ts';

const README = /^readme(\.(md|markdown|mdown|mdx|rst|txt|adoc|asciidoc|asc))?$/i;
/** When several READMEs sit at the root, the richer formats speak first. */
const FORMAT_PREFERENCE = ['md', 'markdown', 'mdown', 'mdx', 'adoc', 'asciidoc', 'asc', 'rst', 'txt', ''];

export const readmeSchema = z
  .object({
    path: z.string(),
    /** Text of the first top-level heading, when there is one. */
    title: z.string().optional(),
    /**
     * What the README says the repository is: its first prose paragraph as plain text. Front matter,
     * badges, images, HTML blocks, headings, link definitions, admonitions, lists, quotes, release
     * announcements, lead-ins ending in a colon and paragraphs that are only links are never it.
     */
    summary: z.string().optional(),
    /** Headings of level 1–3 in order, with their line. */
    headings: z.array(z.object({ depth: z.number().int().min(1).max(6), text: z.string(), line: z.number().int().positive() })),
    /** A Markdown README's first image, when it comes before any heading (many open-source READMEs open with a logo): its alt text. */
    logo: z.object({ alt: z.string(), line: z.number().int().positive() }).optional(),
    words: z.number().int().nonnegative(),
  })
  .nullable();

export type Readme = NonNullable<z.infer<typeof readmeSchema>>;
type Outline = Omit<Readme, 'path'>;

/** Bytes of a README outlined; a longer one is outlined from its start, with a warning. */
export const MAX_README_BYTES = 1024 * 1024;

/** The repository's root README, outlined. */
export const readme = defineRetriever({
  id: 'readme',
  version: 7,
  description:
    'The root README (Markdown, reStructuredText, AsciiDoc or text): its title, description paragraph, headings, opening logo and length.',
  schema: readmeSchema,
  async collect({ repo, problem }) {
    const candidates = repo.files().filter((file) => !file.includes('/') && README.test(file));
    const path = candidates.sort((a, b) => FORMAT_PREFERENCE.indexOf(extensionOf(a)) - FORMAT_PREFERENCE.indexOf(extensionOf(b)))[0];
    if (!path) return null;
    const read = await repo.read(path, { maxBytes: MAX_README_BYTES, truncate: true });
    if (!read.ok) {
      // Present but unreadable is not the same as missing: the page says why through the problem.
      if (!reportedByFiles(read))
        problem({ severity: 'error', file: path, message: `${describeRefusal(path, read)} The README is not read.` });
      return null;
    }
    if (read.truncated) {
      problem({
        severity: 'warning',
        file: path,
        message: `${describeRefusal(path, { reason: 'too-large', size: read.size, maxBytes: MAX_README_BYTES })} Only its first ${MAX_README_BYTES} bytes are read.`,
      });
    }
    return { path, ...outlineReadme(path, read.text) };
  },
});

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? '' : path.slice(dot + 1).toLowerCase();
}

/** Outlines a README by its format: reStructuredText, AsciiDoc, or Markdown (also for `.txt` and no extension). */
export function outlineReadme(path: string, text: string): Outline {
  const extension = extensionOf(path);
  if (extension === 'rst') return outlineRst(text);
  if (extension === 'adoc' || extension === 'asciidoc' || extension === 'asc') return outlineAsciidoc(text);
  return outlineMarkdown(text);
}

/** A heading, or a paragraph's lines, as the format-specific readers find them. */
type Block = { kind: 'heading'; depth: number; text: string; line: number } | { kind: 'paragraph'; lines: string[]; skip?: boolean };

/** Collects lines into paragraphs and headings; readers call `line`, `heading` and `end` as they go. */
class Blocks {
  readonly list: Block[] = [];
  #current: string[] = [];
  #skipNext = false;
  line(text: string): void {
    this.#current.push(text.trim());
  }
  heading(depth: number, text: string, line: number): void {
    this.end();
    this.list.push({ kind: 'heading', depth, text, line });
  }
  /** The next paragraph is not prose (it follows an admonition marker such as AsciiDoc's `[NOTE]`). */
  skipNext(): void {
    this.end();
    this.#skipNext = true;
  }
  end(): void {
    if (this.#current.length === 0) return;
    this.list.push({ kind: 'paragraph', lines: this.#current, ...(this.#skipNext ? { skip: true } : {}) });
    this.#current = [];
    this.#skipNext = false;
  }
  get open(): boolean {
    return this.#current.length > 0;
  }
  /** Removes the open paragraph's last line (a setext heading's text) and returns it. */
  takeLast(): string | undefined {
    return this.#current.pop();
  }
  get openLength(): number {
    return this.#current.length;
  }
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const LINK_DEFINITION = /^\s{0,3}\[([^\]]+)\]:\s*(\S+)/;
/**
 * CommonMark HTML blocks are markup, not prose: a line opening with a block-level tag (`<p align=…>`,
 * `<div>`, `<h1>`), or holding nothing but one complete tag (`<a href=…>`, `<img …>`), starts one.
 */
const HTML_BLOCK_TAG =
  /^\s{0,3}<\/?(address|article|aside|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|html|iframe|legend|li|main|menu|nav|ol|p|picture|pre|script|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|tr|ul)(\s|\/?>|$)/i;
const HTML_BLOCK_LONE_TAG =
  /^\s{0,3}(<[a-zA-Z][\w-]*(\s+[\w:-]+(\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<\/[a-zA-Z][\w-]*\s*>)\s*$/;
const MKDOCS_ADMONITION = /^(!!!|\?\?\?\+?)\s*\w/;

/** Headings, title and description paragraph of a Markdown text, ignoring code, HTML blocks and front matter. */
export function outlineMarkdown(text: string): Outline {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = new Blocks();
  const bodyStart = frontMatterEnd(lines);
  const references = new Set<string>();
  let fence: string | undefined;
  let htmlComment = false;
  let htmlBlock = false;
  let indentedBlock = false;
  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index]!;
    const fenceMark = line.match(FENCE)?.[1];
    if (fence) {
      if (fenceMark && fenceMark.startsWith(fence)) fence = undefined;
      continue;
    }
    if (htmlComment) {
      if (line.includes('-->')) htmlComment = false;
      continue;
    }
    if (indentedBlock) {
      if (!line.trim() || /^\s/.test(line)) continue;
      indentedBlock = false;
    }
    if (htmlBlock) {
      if (!line.trim()) htmlBlock = false;
      continue;
    }
    if (fenceMark) {
      blocks.end();
      fence = fenceMark;
      continue;
    }
    if (!line.trim()) {
      blocks.end();
      continue;
    }
    if (!blocks.open && /^\s*<!--/.test(line)) {
      if (!line.includes('-->')) htmlComment = true;
      continue;
    }
    if (HTML_BLOCK_TAG.test(line) || (!blocks.open && HTML_BLOCK_LONE_TAG.test(line))) {
      blocks.end();
      const heading = htmlHeading(lines, index);
      if (heading) blocks.heading(heading.depth, heading.text, index + 1);
      htmlBlock = true;
      continue;
    }
    if (!blocks.open && MKDOCS_ADMONITION.test(line)) {
      indentedBlock = true;
      continue;
    }
    const definition = line.match(LINK_DEFINITION);
    if (definition) {
      references.add(definition[1]!.toLowerCase());
      blocks.end();
      continue;
    }
    const atx = atxHeading(line);
    if (atx) {
      blocks.heading(atx.depth, plain(atx.text, references), index + 1);
      continue;
    }
    const setext = line.match(/^\s{0,3}(=+|-+)\s*$/);
    if (setext && blocks.openLength === 1) {
      blocks.heading(setext[1]!.startsWith('=') ? 1 : 2, plain(blocks.takeLast()!, references), index);
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      blocks.end();
      continue;
    }
    // Four spaces after a blank line start an indented code block.
    if (!blocks.open && /^( {4}|\t)/.test(line)) {
      indentedBlock = true;
      continue;
    }
    blocks.line(line);
  }
  blocks.end();
  const outlined = outline(blocks.list, text, (paragraph) => markdownProse(paragraph, references));
  const logo = openingImage(lines, bodyStart, outlined.headings[0]?.line);
  return { ...outlined, ...(logo ? { logo } : {}) };
}

/** Lines read for an opening logo: it is at the top, above the badges and the introduction. */
const LOGO_LINES = 20;
const IMAGE_ALT = /!\[([^\]]*)\]|<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** The first image with alt text above the first heading, within the README's first lines. */
function openingImage(lines: readonly string[], start: number, headingLine = Infinity): { alt: string; line: number } | undefined {
  const end = Math.min(lines.length, start + LOGO_LINES, headingLine - 1);
  for (let index = start; index < end; index++) {
    // Images are short: a long line is cut before it is matched.
    const match = IMAGE_ALT.exec(lines[index]!.slice(0, 2000));
    const alt = match && collapse(match[1] ?? match[2] ?? match[3] ?? '');
    if (alt) return { alt, line: index + 1 };
  }
  return undefined;
}

/**
 * An HTML block that opens with a heading (`<h1 align="center">` around a logo, as many READMEs
 * start): its depth, and its text, or else its images' alt text, which names what the logo shows.
 * Read up to the heading's closing tag, within the block (which ends at a blank line).
 */
function htmlHeading(lines: readonly string[], start: number): { depth: number; text: string } | undefined {
  const depth = Number(lines[start]!.match(/^\s{0,3}<h([1-6])\b/i)?.[1]);
  if (!depth) return undefined;
  const block: string[] = [];
  for (let index = start; index < lines.length && lines[index]!.trim(); index++) block.push(lines[index]!);
  const inner = block.join(' ').match(new RegExp(`^\\s*<h${depth}\\b[^>]*>([\\s\\S]*?)</h${depth}\\s*>`, 'i'))?.[1];
  if (inner === undefined) return undefined;
  const text =
    plain(inner) ||
    collapse([...inner.matchAll(/<img\b[^>]*?\balt\s*=\s*("([^"]*)"|'([^']*)')/gi)].map((alt) => alt[2] ?? alt[3]).join(' '));
  return text ? { depth, text } : undefined;
}

/**
 * A CommonMark ATX heading (`## Title ##`): its depth and text, without the closing hashes. Parsed
 * by hand, as a regular expression of it backtracks on a long run of spaces (cubic: 8,000 spaces
 * in one README took a minute).
 */
export function atxHeading(line: string): { depth: number; text: string } | undefined {
  const open = /^\s{0,3}(#{1,6})(?:\s|$)/.exec(line);
  if (!open) return undefined;
  let text = line.slice(open[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  // A closing sequence is hashes alone, or after whitespace; `C#` keeps its hash.
  if (end === 0 || /\s/.test(text[end - 1]!)) text = text.slice(0, end).trimEnd();
  return { depth: open[1]!.length, text };
}

/** The line after YAML front matter (`---` … `---` on the first lines): page metadata for a site generator, not prose. */
function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return close === -1 ? 0 : close + 1;
}

/** Plain text of a Markdown paragraph, or undefined when the paragraph is not prose (a list, a quote, a table). */
function markdownProse(lines: readonly string[], references: ReadonlySet<string>): Prose | undefined {
  if (/^([|>]|[-*+]\s|\d+[.)]\s)/.test(lines[0]!)) return undefined;
  const joined = clipped(lines.join(' '));
  return { text: plain(joined, references), withoutLinks: plain(withoutMarkdownLinks(joined, references), references) };
}

/** The paragraph without its links, images and URLs: what the author wrote around them. */
function withoutMarkdownLinks(markdown: string, references: ReadonlySet<string>): string {
  return markdown
    .replace(/!\[[^\]]*\](\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])?/g, '')
    .replace(/\[([^\]]*)\](\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])/g, '')
    .replace(/\[([^\]]+)\](?!:)/g, (whole, label: string) => (references.has(label.toLowerCase()) ? '' : whole))
    .replace(/<a\b[^>]*>[\s\S]*?<\/a>/gi, '')
    .replace(/<?\b(https?:\/\/|www\.)[^\s>)]+>?/gi, '');
}

const EMPHASIS = /(^|[^\w*])([*_]{1,3})(\S(?:.{0,200}?\S)?)\2(?![\w*])/g;

/** Markdown inline syntax to plain text: images and HTML tags dropped, links (inline, reference, autolinks) to their text. */
function plain(markdown: string, references: ReadonlySet<string> = new Set()): string {
  return collapse(
    clipped(markdown)
      .replace(/!\[[^\]]*\](\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])?/g, '')
      .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/\[([^\]]+)\](?!:)/g, (whole, label: string) => (references.has(label.toLowerCase()) ? label : whole))
      .replace(/<((?:https?|mailto):[^<>\s]+)>/gi, '$1')
      .replace(/<[^<>]+>/g, ' ')
      .replace(/`([^`]+)`/g, '$1')
      // Emphasis only where its markers stand at word edges: `MY_ENV_VAR` and `2 * 3` stay as written. Twice, for emphasis inside emphasis.
      .replace(EMPHASIS, '$1$3')
      .replace(EMPHASIS, '$1$3')
      // Asterisks may also emphasise inside a word (`*ser*ializing`); underscores may not.
      .replace(
        /(\w)\*{1,3}([^*\s]+)\*{1,3}|\*{1,3}([^*\s]+)\*{1,3}(\w)/g,
        (_whole, before = '', inner = '', innerAfter = '', after = '') => `${before}${inner}${innerAfter}${after}`,
      )
      .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  );
}

/** A paragraph as text, and as the text its author wrote around links, URLs and images. */
interface Prose {
  text: string;
  withoutLinks: string;
}

const ADMONITION =
  /^\W*(\[!\w+\]|(note|notes|important|warning|caution|tip|hint|attention|danger|info|notice|heads[- ]up|disclaimer|deprecated|update)\b\s*[:!]|(note|important|warning|caution|tip)\W*$)/i;

/**
 * News, not a description: "We're excited to announce the release of X 1.12.0", "X 2.0 is now
 * available". A description says what something is; an announcement says what just happened to it.
 */
const ANNOUNCEMENT = new RegExp(
  [
    String.raw`\bwe(?:'re|’re| are)\s+(?:very\s+)?(?:excited|happy|pleased|proud|thrilled|delighted|glad)\s+to\s+(?:announce|share|introduce|release|present)`,
    String.raw`\bannounc(?:e|es|ed|ing)\s+(?:the\s+)?(?:release|availability|launch|general availability)\b`,
    String.raw`\b(?:announcing|introducing)\b[^.!?]{0,60}\bv?\d+\.\d+`,
    String.raw`\bv?\d+(?:\.\d+)+\b[^.!?]{0,40}\b(?:is|are|has been|have been)\s+(?:now\s+|finally\s+)?(?:out|available|released|here|live)\b`,
    String.raw`\b(?:just|now)\s+released\b`,
  ].join('|'),
  'i',
);

/** Whether a paragraph can describe the repository: prose with words of its own, not a note, a lead-in or news. */
export function isDescriptive(prose: Prose): boolean {
  const own = prose.withoutLinks.replace(/[\s|·•—–\-,;()[\]]+/g, ' ').trim();
  if ((own.match(/\p{L}{2,}/gu) ?? []).length < 2) return false;
  if (/:$/.test(own)) return false;
  if (ADMONITION.test(prose.text)) return false;
  return !ANNOUNCEMENT.test(prose.text);
}

function outline(blocks: readonly Block[], text: string, prose: (lines: readonly string[]) => Prose | undefined): Outline {
  const headings = blocks.flatMap((block) =>
    block.kind === 'heading' && block.text ? [{ depth: block.depth, text: block.text, line: block.line }] : [],
  );
  let summary: string | undefined;
  for (const block of blocks) {
    if (summary) break;
    if (block.kind !== 'paragraph' || block.skip) continue;
    const candidate = prose(block.lines);
    if (candidate && isDescriptive(candidate)) summary = candidate.text;
  }
  const title = headings.find((heading) => heading.depth === 1)?.text;
  const words = text.split(/\s+/).filter(Boolean).length;
  return { ...(title ? { title } : {}), ...(summary ? { summary } : {}), headings, words };
}

/**
 * Characters of a paragraph or heading turned into plain text: a description is a sentence or
 * three, and the inline patterns cost more than linearly on a hostile megabyte of one paragraph.
 */
const MAX_PLAIN_CHARACTERS = 2_000;

function clipped(text: string): string {
  if (text.length <= MAX_PLAIN_CHARACTERS) return text;
  const cut = text.slice(0, MAX_PLAIN_CHARACTERS);
  const space = cut.lastIndexOf(' ');
  return space > MAX_PLAIN_CHARACTERS / 2 ? cut.slice(0, space) : cut;
}

function collapse(text: string): string {
  return text
    .replace(/&(nbsp|ensp|emsp|thinsp);/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const ADOC_DELIMITER = /^(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|\/{4,}|\|={3,})\s*$/;
const ADOC_ADMONITION_STYLE = /^\[(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\b/;

/** Headings, title and description paragraph of an AsciiDoc text: attributes, block titles, macros and delimited blocks skipped. */
export function outlineAsciidoc(text: string): Outline {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = new Blocks();
  const attributes = new Map<string, string>();
  let delimiter: string | undefined;
  let inHeader = false;
  for (const [index, line] of lines.entries()) {
    if (delimiter) {
      if (line.trim() === delimiter) delimiter = undefined;
      continue;
    }
    if (ADOC_DELIMITER.test(line)) {
      blocks.end();
      delimiter = line.trim();
      continue;
    }
    if (!line.trim()) {
      inHeader = false;
      blocks.end();
      continue;
    }
    const attribute = line.match(/^:(!?[\w][\w-]*!?):\s*(.*)$/);
    if (attribute) {
      attributes.set(attribute[1]!.replace(/!/g, ''), attribute[2]!.trim());
      blocks.end();
      continue;
    }
    // The author and revision lines directly under the document title.
    if (inHeader) continue;
    if (/^\/\//.test(line)) continue;
    // Trimmed first: `(\S.*?)\s*$` backtracks on a long run of spaces.
    const heading = line.trimEnd().match(/^(={1,6}|#{1,6})\s+(\S.*)$/);
    if (heading) {
      blocks.heading(heading[1]!.length, asciidocPlain(heading[2]!, attributes), index + 1);
      inHeader = heading[1] === '=' && index < 5;
      continue;
    }
    if (/^\[.*\]\s*$/.test(line)) {
      if (ADOC_ADMONITION_STYLE.test(line)) blocks.skipNext();
      else blocks.end();
      continue;
    }
    // Block titles (`.Java`) and block macros (`include::…[]`, `image::…[]`, `toc::[]`).
    if (/^\.[^\s.]/.test(line) || /^[a-z]+::[^\s[]*\[.*\]\s*$/.test(line) || /^(ifdef|ifndef|ifeval|endif)::/.test(line)) {
      blocks.end();
      continue;
    }
    blocks.line(line);
  }
  blocks.end();
  return outline(blocks.list, text, (paragraph) => {
    if (/^\s*(\*+|-|\.+|\d+\.|[a-z]\.)\s/.test(paragraph[0]!) || /^(\||>)/.test(paragraph[0]!)) return undefined;
    const joined = clipped(paragraph.join(' '));
    return {
      text: asciidocPlain(joined, attributes),
      withoutLinks: asciidocPlain(
        joined
          .replace(/\b(link:)?(https?:\/\/|mailto:)[^\s[]+(\[[^\]]*\])?/g, '')
          .replace(/\b(xref|link):[^\s[]+\[[^\]]*\]|<<[^>]*>>/g, ''),
        attributes,
      ),
    };
  });
}

/** AsciiDoc inline syntax to plain text: attribute references resolved, links and cross references to their text, images dropped. */
function asciidocPlain(text: string, attributes: ReadonlyMap<string, string>): string {
  return collapse(
    clipped(text)
      .replace(/\{([\w-]+)\}/g, (whole, name: string) => attributes.get(name) ?? whole)
      .replace(/\bimage:[^\s[]*\[[^\]]*\]/g, '')
      .replace(
        /\b(?:link:)?((?:https?:\/\/|mailto:)[^\s[]+)\[([^\]]*)\]/g,
        (_whole, url: string, label: string) => label.replace(/\^$/, '') || url,
      )
      .replace(/\b(?:xref|link):[^\s[]+\[([^\]]*)\]/g, '$1')
      .replace(/<<[^,>]*,\s*([^>]*)>>/g, '$1')
      .replace(/<<([^>]*)>>/g, '$1')
      .replace(/(^|[^\w*`+])([*_`+]{1,2})(\S(?:.*?\S)?)\2(?![\w*`+])/g, '$1$3'),
  );
}

/** Headings, title and description paragraph of a reStructuredText text: directives, comments, substitutions and field lists skipped. */
export function outlineRst(text: string): Outline {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = new Blocks();
  const adornments: string[] = [];
  const depthOf = (style: string) => {
    if (!adornments.includes(style)) adornments.push(style);
    return Math.min(adornments.indexOf(style) + 1, 6);
  };
  const adornment = (line: string | undefined) => /^([=\-`:'"~^_*+#<>.!$%&,;?@\\/|])\1{2,}\s*$/.test(line ?? '');
  let explicit = false;
  let literal = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (explicit || literal) {
      if (!line.trim() || /^\s/.test(line)) continue;
      explicit = literal = false;
    }
    if (!line.trim()) {
      blocks.end();
      continue;
    }
    // Directives, comments, hyperlink targets, substitution definitions and field lists, with their indented bodies.
    if (!blocks.open && (/^\.\.(\s|$)/.test(line) || /^:[^:\s][^:]*:(\s|$)/.test(line))) {
      explicit = true;
      continue;
    }
    const next = lines[index + 1];
    // Overlined title: adornment, text, adornment.
    if (!blocks.open && adornment(line) && next?.trim() && adornment(lines[index + 2]) && lines[index + 2]!.trim()[0] === line.trim()[0]) {
      blocks.heading(depthOf(`over${line.trim()[0]}`), rstPlain(next.trim()), index + 2);
      index += 2;
      continue;
    }
    if (!blocks.open && adornment(next) && next!.trim().length >= Math.min(line.trim().length, 3) && !/^\s/.test(line)) {
      blocks.heading(depthOf(next!.trim()[0]!), rstPlain(line.trim()), index + 1);
      index += 1;
      continue;
    }
    if (adornment(line)) {
      blocks.end();
      continue;
    }
    // Indented text after a blank line is a quote or a literal block.
    if (!blocks.open && /^\s/.test(line)) {
      literal = true;
      continue;
    }
    blocks.line(line);
    if (/::\s*$/.test(line)) {
      blocks.end();
      literal = true;
    }
  }
  blocks.end();
  return outline(blocks.list, text, (paragraph) => {
    if (/^([-*+•]|\d+[.)]|#\.|\|)\s/.test(paragraph[0]!)) return undefined;
    const joined = clipped(paragraph.join(' ').replace(/::$/, ':'));
    return { text: rstPlain(joined), withoutLinks: rstPlain(joined.replace(/`[^`<]*<[^>]+>`__?/g, '').replace(/\bhttps?:\/\/\S+/g, '')) };
  });
}

/** reStructuredText inline syntax to plain text: hyperlinks to their text, roles and substitutions dropped. */
function rstPlain(text: string): string {
  return collapse(
    clipped(text)
      .replace(/`([^`<]*?)\s*<[^>]+>`__?/g, '$1')
      .replace(/:[\w.+-]+:`([^`]*)`/g, '$1')
      .replace(/``([^`]+)``/g, '$1')
      .replace(/`([^`]+)`__?/g, '$1')
      .replace(/\|[^|\s][^|]*\|_{0,2}/g, '')
      .replace(/(^|[^\w*])(\*{1,2})(\S(?:.*?\S)?)\2(?![\w*])/g, '$1$3')
      .replace(/(\w)_(?=[\s.,;:!?)]|$)/g, '$1'),
  );
}
