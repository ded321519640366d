import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The internal links and assets of a built site's pages that nothing answers, as `page → href`: a
 * path with no file (a folder's `index.html` for a path ending in `/`), or a `#fragment` with no
 * element of that id on the target page. External links, `mailto:` and `data:` are not followed.
 */
export async function brokenLinks(outDir: string, base: string): Promise<string[]> {
  const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  const ids = new Map<string, Promise<Set<string> | undefined>>();
  const idsOf = (file: string) => {
    if (!ids.has(file))
      ids.set(
        file,
        readFile(join(outDir, file), 'utf8').then(
          (html) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!)),
          () => undefined,
        ),
      );
    return ids.get(file)!;
  };
  const exists = (file: string) =>
    stat(join(outDir, file)).then(
      (stats) => stats.isFile(),
      () => false,
    );
  const broken: string[] = [];
  for (const page of pages) {
    const html = await readFile(join(outDir, page), 'utf8');
    for (const [, raw] of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
      const href = raw!.replaceAll('&amp;', '&');
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      // Relative links (repository docs have them) resolve against the page's own URL.
      const url = new URL(href, `http://site${base}${page.replace(/index\.html$/, '')}`);
      const path = url.pathname;
      const fragment = url.hash.slice(1);
      const file = decodeURIComponent(path.slice(base.length)) + (path.endsWith('/') ? 'index.html' : '');
      if (!path.startsWith(base)) broken.push(`${page} → ${href} (not under ${base})`);
      else if (!(await exists(file))) broken.push(`${page} → ${href}`);
      else if (fragment && file.endsWith('.html') && !(await idsOf(file))?.has(decodeURIComponent(fragment)))
        broken.push(`${page} → ${href} (no #${fragment})`);
    }
  }
  return broken;
}
