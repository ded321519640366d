import type { DocRoot } from '../facts/docs-site/schema.ts';
import { dirnameOf, joinPath } from '../support/repo-paths.ts';
import type { Problem } from '../contract/problems.ts';
import type { CatalogEntity } from '../catalog/schema.ts';

export const TECHDOCS_REF = 'backstage.io/techdocs-ref';

/** The docs root an entity shows, and why. */
export interface EntityDocsRoot {
  root: DocRoot;
  origin: 'annotation' | 'docs-folder';
}

/**
 * Which docs root belongs to an entity: the one its `backstage.io/techdocs-ref: dir:<path>`
 * annotation names (relative to its descriptor's folder), else, for a Component, the docs folder
 * beside its descriptor (or at the root of its code's repository, `docsRepo`, when it is declared
 * elsewhere) unless another entity of the repository claims it by annotation. `url:` refs are never
 * fetched. Returns problems for annotations that cannot be honoured.
 */
export function docsRootOf(
  entity: CatalogEntity,
  roots: readonly DocRoot[],
  claimedByAnnotation: ReadonlySet<string>,
): { found?: EntityDocsRoot; problems: Problem[] } {
  const { file, line } = entity.source;
  const repo = docsRepo(entity);
  if (repo === undefined) return { problems: [] };
  const at = { repo, entityRef: entity.ref, ...(entity.inferred ? {} : { file, line }) };
  const ref = entity.metadata.annotations?.[TECHDOCS_REF];
  if (ref !== undefined) {
    const base = annotatedBase(entity, ref);
    if (base.kind === 'not-dir')
      return {
        problems: [
          {
            severity: 'warning',
            ...at,
            message: `${TECHDOCS_REF} is "${ref}": only dir: refs are rendered; documentation is never fetched.`,
          },
        ],
      };
    if (base.kind === 'escapes')
      return {
        problems: [{ severity: 'error', ...at, message: `${TECHDOCS_REF} "${ref}" leaves the repository; its docs are not rendered.` }],
      };
    const root = roots.find((candidate) => candidate.base === base.path);
    if (!root)
      return {
        problems: [
          {
            severity: 'error',
            ...at,
            message: `${TECHDOCS_REF} "${ref}" points at ${base.path}, which has no mkdocs.yml and no docs/ folder with Markdown.`,
          },
        ],
      };
    return { found: { root, origin: 'annotation' }, problems: unrenderedSyntax(root, repo, entity.ref) };
  }
  if (entity.kind.toLowerCase() !== 'component') return { problems: [] };
  const base = entity.inferred || repo !== entity.source.repo ? '.' : dirnameOf(file);
  const root = roots.find((candidate) => candidate.base === base && candidate.pages.length > 0);
  if (root)
    return !claimedByAnnotation.has(root.base)
      ? { found: { root, origin: 'docs-folder' }, problems: unrenderedSyntax(root, repo, entity.ref) }
      : { problems: [] };
  // An mkdocs.yml that could not be used (its docs_dir leaves the repository …) leaves no page to
  // render: said here, since no rendering will say it.
  const broken = roots.find((candidate) => candidate.base === base && candidate.mkdocs?.error);
  const error = broken?.mkdocs?.error;
  if (!broken?.mkdocs || !error) return { problems: [] };
  return {
    problems: [
      {
        severity: 'warning',
        repo,
        entityRef: entity.ref,
        file: broken.mkdocs.path,
        ...(error.line ? { line: error.line } : {}),
        message: `${error.message.replace(/\.?$/, '.')} No docs are rendered.`,
      },
    ],
  };
}

/**
 * The repository whose docs an entity shows: its code's, when it is declared elsewhere and names no
 * docs of its own (a techdocs-ref is relative to its descriptor, as in Backstage), else its own.
 */
export function docsRepo(entity: Pick<CatalogEntity, 'source' | 'codeRepo' | 'metadata'>): string | undefined {
  return entity.codeRepo !== undefined && entity.metadata.annotations?.[TECHDOCS_REF] === undefined ? entity.codeRepo : entity.source.repo;
}

/** A warning, at mkdocs.yml, naming the Markdown extensions it turns on whose syntax the pages show as written. */
function unrenderedSyntax(root: DocRoot, repo: string, entityRef: string): Problem[] {
  const unrendered = root.mkdocs?.unrendered;
  if (!root.mkdocs || !unrendered) return [];
  return [
    {
      severity: 'warning',
      repo,
      entityRef,
      file: root.mkdocs.path,
      ...(unrendered.line ? { line: unrendered.line } : {}),
      message: `${root.mkdocs.path} turns on Markdown extensions the portal does not render (${unrendered.names.join(', ')}): their syntax shows on the pages as written.`,
    },
  ];
}

/** Repository folders that entities of one repository name in their techdocs-ref annotations. */
export function annotatedBases(entities: readonly CatalogEntity[]): Set<string> {
  const bases = new Set<string>();
  for (const entity of entities) {
    const ref = entity.metadata.annotations?.[TECHDOCS_REF];
    if (ref === undefined) continue;
    const base = annotatedBase(entity, ref);
    if (base.kind === 'dir') bases.add(base.path);
  }
  return bases;
}

function annotatedBase(entity: CatalogEntity, ref: string): { kind: 'dir'; path: string } | { kind: 'not-dir' } | { kind: 'escapes' } {
  const match = /^dir:(.*)$/s.exec(ref.trim());
  if (!match) return { kind: 'not-dir' };
  const target = match[1]!.trim() || '.';
  const path = joinPath(entity.inferred ? '.' : dirnameOf(entity.source.file), target.replaceAll('\\', '/'));
  if (path === undefined || path === '..' || path.startsWith('../')) return { kind: 'escapes' };
  return { kind: 'dir', path };
}
