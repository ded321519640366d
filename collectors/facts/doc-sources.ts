import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { RepoReader } from '../repo/reader.ts';
import { dirnameOf, isInside, joinPath } from '../support/repo-paths.ts';
import { compareCodeUnits } from '../support/order.ts';
import { readImages } from './docs-site/images.ts';
import { resolveIncludes } from './docs-site/includes.ts';
import { parseMkdocs } from './docs-site/mkdocs.ts';
import { DOC_LIMITS, docImageSchema, docRootSchema, type DocRoot } from './docs-site/schema.ts';
import { defineRetriever, type FactContext } from './retriever.ts';

const MARKDOWN = /\.(md|markdown)$/i;
const MKDOCS = /(^|\/)mkdocs\.ya?ml$/;
const README = /^readme\.(md|markdown)$/i;
const SPHINX_CONF = /(^|\/)docs\/conf\.py$/;
/** Folders whose `docs/` belongs to someone else's code, not to the repository's own documentation. */
const FOREIGN = /(^|\/)(node_modules|vendor|third_party)\//;

const docSourcesSchema = z.object({
  roots: z.array(docRootSchema),
  /**
   * Docs sites that roots `!include` but that are no root themselves (an included file not named
   * mkdocs.yml), found by their `mkdocs.path`.
   */
  included: z.array(docRootSchema).optional(),
  /** Images the pages reference by relative path, tracked in the repository. */
  images: z.array(docImageSchema),
  /** A digest of the above, for the key of the rendered docs' cache: a warm run need not hash megabytes of Markdown. */
  digest: z.string(),
});

export type DocSources = z.infer<typeof docSourcesSchema>;

/**
 * The Markdown sources of every docs site in the repository, for rendering under the entities that
 * own them. Not published: the rendered pages are, once.
 */
export const docSources = defineRetriever({
  id: 'docSources',
  version: 13,
  description:
    'Markdown, mkdocs navigation (with mkdocs-monorepo-plugin includes) and referenced images of every docs folder in the repository, for rendering.',
  publish: false,
  schema: docSourcesSchema,
  async collect(context) {
    const { repo } = context;
    const budget = { pages: DOC_LIMITS.pages, bytes: DOC_LIMITS.pageBytes, warned: false };
    const roots: DocRoot[] = [];
    const { found: foundRoots, sphinx } = await findRoots(repo);
    for (const docsDir of sphinx) {
      context.problem({
        severity: 'warning',
        file: joinPath(docsDir, 'conf.py')!,
        message: `The ${docsDir}/ folder is a Sphinx project: the portal renders mkdocs sites and plain Markdown, not reStructuredText or MyST's directives, so its pages are not published. A mkdocs.yml beside it would publish them.`,
      });
    }
    for (const found of foundRoots) {
      const pages = await readPages(repo, found.docsDir, budget, context);
      const readme = await readReadme(repo, found.base);
      roots.push({
        base: found.base,
        docsDir: found.docsDir,
        ...(found.mkdocs ? { mkdocs: found.mkdocs } : {}),
        pages,
        ...(readme ? { readme } : {}),
      });
    }
    const included = await resolveIncludes(roots, (path) => readIncluded(repo, path, budget, context), context);
    const texts = [...roots, ...included].flatMap((root) => [...root.pages, ...(root.readme ? [root.readme] : [])]);
    return withDigest({ roots, ...(included.length > 0 ? { included } : {}), images: await readImages(repo, texts, context) });
  },
});

/** The docs sources with the digest of what they hold. */
export function withDigest(sources: Omit<DocSources, 'digest'>): DocSources {
  return { ...sources, digest: createHash('sha256').update(JSON.stringify(sources)).digest('base64url') };
}

/** An included mkdocs.yml that no root is, read as a docs site of its own; `undefined` when unreadable. */
async function readIncluded(
  repo: RepoReader,
  path: string,
  budget: { pages: number; bytes: number; warned: boolean },
  context: FactContext,
): Promise<DocRoot | undefined> {
  // Undefined for a symlink leaving the repository, a binary or an oversized file.
  const text = await repo.readText(path);
  if (text === undefined) return undefined;
  const base = dirnameOf(path);
  const parsed = parseMkdocs(text, path, base);
  return {
    base,
    docsDir: parsed.docsDir,
    mkdocs: parsed.mkdocs,
    pages: parsed.mkdocs.error ? [] : await readPages(repo, parsed.docsDir, budget, context),
  };
}

interface FoundRoot {
  base: string;
  docsDir: string;
  mkdocs?: NonNullable<DocRoot['mkdocs']>;
}

/**
 * Each folder with mkdocs.yml, plus each `docs/` folder with Markdown that no mkdocs.yml claims; and
 * apart, the `docs/` folders no mkdocs.yml claims that are Sphinx projects (`conf.py`), whose
 * Markdown is MyST, full of directives the portal would show as text.
 */
async function findRoots(repo: RepoReader): Promise<{ found: FoundRoot[]; sphinx: string[] }> {
  const roots: FoundRoot[] = [];
  const mkdocsFiles = repo.files().filter((path) => MKDOCS.test(path) && !FOREIGN.test(path));
  const bases = new Set<string>();
  for (const path of mkdocsFiles) {
    const base = dirnameOf(path);
    // mkdocs.yml and mkdocs.yaml side by side: mkdocs reads the first.
    if (bases.has(base)) continue;
    bases.add(base);
    const text = await repo.readText(path);
    // Undefined for a symlink leaving the repository, a binary or an oversized file: never read as empty.
    const unreadable = {
      docsDir: joinPath(base, 'docs')!,
      mkdocs: { path, error: { message: `Could not read ${path}: it is a symlink leaving the repository, binary, or too large` } },
    };
    roots.push({ base, ...(text === undefined ? unreadable : parseMkdocs(text, path, base)) });
  }
  const markdown = repo.files().filter((path) => MARKDOWN.test(path) && !FOREIGN.test(path));
  const claimed = roots.map((root) => root.docsDir);
  const docsFolders = new Set<string>();
  for (const path of markdown) {
    const segments = path.split('/');
    // The outermost `docs` folder on the path; `docs/api/docs/` belongs to `docs/`.
    const index = segments.indexOf('docs');
    if (index === -1 || index === segments.length - 1) continue;
    docsFolders.add(segments.slice(0, index + 1).join('/'));
  }
  const unclaimed = (docsDir: string) => !bases.has(dirnameOf(docsDir)) && !claimed.some((dir) => isInside(docsDir, dir));
  const sphinx = repo
    .files()
    .filter((path) => SPHINX_CONF.test(path) && !FOREIGN.test(path))
    .map((path) => dirnameOf(path))
    .filter(unclaimed)
    .sort(compareCodeUnits);
  for (const docsDir of [...docsFolders].sort()) {
    if (unclaimed(docsDir) && !sphinx.includes(docsDir)) roots.push({ base: dirnameOf(docsDir), docsDir });
  }
  return { found: roots.sort((a, b) => compareCodeUnits(a.base, b.base)), sphinx };
}

/** The Markdown pages under `docsDir`, within the repository's page and byte budget. */
async function readPages(
  repo: RepoReader,
  docsDir: string,
  budget: { pages: number; bytes: number; warned: boolean },
  context: FactContext,
): Promise<DocRoot['pages']> {
  const pages: DocRoot['pages'] = [];
  const prefix = docsDir === '.' ? '' : `${docsDir}/`;
  for (const path of repo.files().filter((file) => file.startsWith(prefix) && MARKDOWN.test(file))) {
    const size = (await repo.size(path)) ?? 0;
    if (budget.pages === 0 || size > budget.bytes) {
      if (!budget.warned) {
        context.problem({
          severity: 'warning',
          file: path,
          message: `Docs are limited to ${DOC_LIMITS.pages} pages and ${DOC_LIMITS.pageBytes / 1024 / 1024} MB per repository; ${path} and the pages after it are not rendered.`,
        });
        budget.warned = true;
      }
      continue;
    }
    const text = await repo.readText(path, { maxBytes: budget.bytes });
    if (text === undefined) continue;
    budget.pages -= 1;
    budget.bytes -= size;
    pages.push({ path, text });
  }
  return pages;
}

/** The README beside the docs (in `base`), else the repository's root README. */
async function readReadme(repo: RepoReader, base: string): Promise<DocRoot['readme']> {
  for (const folder of base === '.' ? ['.'] : [base, '.']) {
    const path = repo.files().find((file) => dirnameOf(file) === folder && README.test(file.slice(folder === '.' ? 0 : folder.length + 1)));
    if (!path) continue;
    const text = await repo.readText(path, { maxBytes: DOC_LIMITS.pageBytes });
    if (text !== undefined) return { path, text };
  }
  return undefined;
}
