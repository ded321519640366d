/**
 * The floors: what the same job costs at least, with nothing of Cairn in it. Reading repositories:
 * one `git ls-files` and one `git log -1` each, two at a time. Starting a command: `node -e 0`.
 * Building a site: Astro 7 alone on as many trivial pages.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NODE, ROOT, shellQuote, type Command } from './processes.ts';

/** Reading every repository of the organisation in `orgDir` at least once. */
export function gitFloor(orgDir: string): Command {
  return {
    line: `ls -d ${shellQuote(orgDir)}/*/ | xargs -P2 -I{} sh -c 'git -C "$1" ls-files -z >/dev/null && git -C "$1" log -1 >/dev/null' _ {}`,
    cwd: orgDir,
  };
}

/** Starting Node and doing nothing: the floor of any command written in Node. */
export function nodeFloor(): Command {
  return { line: `${shellQuote(NODE)} -e 0`, cwd: ROOT };
}

/** Astro's own command line, from the project's node_modules (the file its package.json names as `bin`). */
export const ASTRO_BIN = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

/** Building the bare Astro site in `dir`. */
export function bareAstroBuild(dir: string): Command {
  return { line: `${shellQuote(NODE)} ${shellQuote(ASTRO_BIN)} build --root ${shellQuote(dir)}`, cwd: dir };
}

/**
 * A minimal Astro project of `pages` trivial pages in `dir`, every other one `.astro` and `.md`, with
 * no integration; remade only when the page count changes. It lives inside the project, so Astro is
 * resolved from the same node_modules as Cairn's.
 */
export async function prepareBareAstro(dir: string, pages: number): Promise<void> {
  const marker = join(dir, '.pages');
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === String(pages)) return;
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', 'pages', 'p'), { recursive: true });
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-astro', private: true, type: 'module' }, null, 2)}\n`);
  await writeFile(join(dir, 'astro.config.mjs'), 'export default {};\n');
  for (let page = 0; page < pages; page++) {
    const [file, text] = bareAstroPage(page);
    await writeFile(join(dir, 'src', 'pages', 'p', file), text);
  }
  await writeFile(marker, String(pages));
}

/** The `index`-th page of the bare site: its file name and text. */
export function bareAstroPage(index: number): [string, string] {
  if (index % 2 === 1) return [`${index}.md`, `---\ntitle: Page ${index}\n---\n\n# Page ${index}\n\nA trivial page.\n`];
  return [
    `${index}.astro`,
    `---\nconst title = 'Page ${index}';\n---\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body><h1>{title}</h1><p>A trivial page.</p></body></html>\n`,
  ];
}
