import type { RepoReader } from '../../repo/reader.ts';
import { joinPath } from '../../support/repo-paths.ts';
import type { FactContext } from '../retriever.ts';
import type { DocRoot, MkdocsNavEntry } from './schema.ts';

/**
 * Resolves mkdocs-monorepo-plugin's `!include` nav entries of every site, in place: each becomes
 * the repository path of the included mkdocs.yml, or is dropped with a problem at its line when
 * the path is absolute, leaves the repository, is no YAML file, is not tracked, cannot be read
 * (a symlink leaving the repository reads as nothing), has no `site_name`, or would close a loop
 * of includes. Returns the included sites that are no root.
 */
export async function resolveIncludes(
  roots: readonly DocRoot[],
  read: (path: string) => Promise<DocRoot | undefined>,
  context: Pick<FactContext, 'problem'> & { repo: Pick<RepoReader, 'has'> },
): Promise<DocRoot[]> {
  const sites = new Map<string, DocRoot>();
  for (const root of roots) if (root.mkdocs) sites.set(root.mkdocs.path, root);
  const included: DocRoot[] = [];
  const unreadable = new Set<string>();
  const queue = [...sites.values()];
  for (let site = queue.shift(); site; site = queue.shift()) {
    const { mkdocs } = site;
    if (!mkdocs?.nav || mkdocs.error) continue;
    for (const entry of includeEntries(mkdocs.nav)) {
      const where = { file: mkdocs.path, line: entry.line };
      const written = entry.include!;
      const path = includePath(written, site.base);
      if (typeof path !== 'string') {
        context.problem({
          severity: 'error',
          ...where,
          message: `The nav entry "${entry.title ?? written}" includes ${JSON.stringify(written)}, which ${path.reason}; it is not followed.`,
        });
        entry.include = undefined;
        continue;
      }
      if (!sites.has(path) && !unreadable.has(path)) {
        const target = context.repo.has(path) ? await read(path) : undefined;
        if (target) {
          sites.set(path, target);
          included.push(target);
          queue.push(target);
        } else unreadable.add(path);
      }
      const target = sites.get(path);
      const problem = !target
        ? `${path} is not a file tracked in the repository, or cannot be read (a symlink leaving the repository is never followed)`
        : target.mkdocs?.error
          ? `${path} cannot be used: ${target.mkdocs.error.message.replace(/\.$/, '')}`
          : !target.mkdocs?.siteName
            ? `${path} has no site_name, which mkdocs-monorepo-plugin needs to place its pages`
            : undefined;
      if (problem) {
        context.problem({
          severity: 'error',
          ...where,
          message: `The nav entry "${entry.title ?? written}" includes ${JSON.stringify(written)}: ${problem}. It is not followed.`,
        });
        entry.include = undefined;
        continue;
      }
      entry.include = path;
    }
  }
  for (const site of sites.values()) {
    if (site.mkdocs?.nav) site.mkdocs.nav = withoutDroppedIncludes(site.mkdocs.nav);
  }
  breakLoops(roots, sites, context);
  return included;
}

/** Every `!include` entry of a nav, sections included, in order. */
function includeEntries(entries: readonly MkdocsNavEntry[]): MkdocsNavEntry[] {
  return entries.flatMap((entry) => (entry.children ? includeEntries(entry.children) : entry.include !== undefined ? [entry] : []));
}

/** The repository path an include names, relative to the including file's folder, or why it is refused. */
function includePath(written: string, base: string): string | { reason: string } {
  const path = written.trim().replaceAll('\\', '/');
  if (/^[a-z][a-z\d+.-]*:/i.test(path) || path.startsWith('/') || path.startsWith('~'))
    return { reason: 'is an absolute path or a URL; only paths inside the repository are read' };
  const resolved = joinPath(base, path);
  if (resolved === undefined || resolved === '..' || resolved.startsWith('../')) return { reason: 'leaves the repository' };
  if (!/\.ya?ml$/i.test(resolved)) return { reason: 'is not a .yml or .yaml file' };
  return resolved;
}

/** A nav without the include entries that were refused (their `include` cleared), and without emptied sections. */
function withoutDroppedIncludes(entries: readonly MkdocsNavEntry[]): MkdocsNavEntry[] {
  return entries.flatMap((entry): MkdocsNavEntry[] => {
    if (entry.children) return [{ ...entry, children: withoutDroppedIncludes(entry.children) }];
    if ('include' in entry && entry.include === undefined) return [];
    return [entry];
  });
}

/**
 * Drops each include that leads back to a site already on the way to it (a loop: a site including
 * itself, or A → B → A), with a problem at its line, so that following includes always ends.
 */
function breakLoops(roots: readonly DocRoot[], sites: ReadonlyMap<string, DocRoot>, context: Pick<FactContext, 'problem'>): void {
  const done = new Set<string>();
  const visit = (path: string, trail: string[]): void => {
    const site = sites.get(path);
    if (!site?.mkdocs?.nav || done.has(path)) return;
    const closing = new Set<MkdocsNavEntry>();
    for (const entry of includeEntries(site.mkdocs.nav)) {
      const target = entry.include!;
      if (target === path || trail.includes(target)) {
        const loop = [...trail.slice(trail.indexOf(target)), path, target].join(' → ');
        context.problem({
          severity: 'error',
          file: path,
          line: entry.line,
          message: `The nav entry "${entry.title ?? target}" includes ${target}, which closes a loop of includes (${loop}); it is not followed.`,
        });
        closing.add(entry);
        continue;
      }
      visit(target, [...trail, path]);
    }
    if (closing.size > 0) site.mkdocs.nav = withoutEntries(site.mkdocs.nav, closing);
    done.add(path);
  };
  for (const root of roots) if (root.mkdocs) visit(root.mkdocs.path, []);
}

function withoutEntries(entries: readonly MkdocsNavEntry[], drop: ReadonlySet<MkdocsNavEntry>): MkdocsNavEntry[] {
  return entries.flatMap((entry): MkdocsNavEntry[] =>
    drop.has(entry) ? [] : entry.children ? [{ ...entry, children: withoutEntries(entry.children, drop) }] : [entry],
  );
}
