import { builtinChecks } from './checks/builtin/index.ts';
import type { CheckDefinition, CheckMetadata } from './checks/check.ts';
import { taughtSections } from './guides/links.ts';
import type { GuideSource } from './guides/load.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from './config/config-error.ts';
import { loadPortalContent, type ContentOptions } from './config/load-content.ts';
import type { FileTemplates, Standards } from './collect.ts';

/** The content folder's folder of file templates. */
export const TEMPLATES_DIR = 'templates';

/**
 * The portal's standards: the built-in checks plus the content folder's custom checks, scorecards,
 * exemptions and guides; without a content folder, or with one that defines no scorecard, the
 * scorecards of `defaults` (Cairn's defaults). Each check's metadata names the guide that teaches
 * it. The command line, the bench and the demo all load standards here.
 */
export async function loadStandards(contentDir: string | undefined, defaults: ContentOptions): Promise<Standards> {
  const content = await loadPortalContent(contentDir, builtinChecks, defaults);
  const teaching = teachingGuides(content.guides);
  const metadata = [...builtinChecks.map(builtinMetadata), ...content.customChecks.map((check) => check.metadata)];
  return {
    checks: [...builtinChecks, ...content.customChecks.map((check) => check.definition)],
    // A check names its guide itself (custom checks may), or the guide that teaches it does.
    metadata: metadata.map((check) => (check.guide || !teaching.has(check.id) ? check : { ...check, guide: teaching.get(check.id)! })),
    scorecards: content.scorecards,
    exemptions: content.exemptions,
    contentGlobs: content.contentGlobs,
    guides: content.guides,
    initiatives: content.initiatives,
    scorecardsFrom: content.scorecardsFrom,
    customChecks: content.customChecks.map((check) => check.spec),
    templates: await fileTemplates(contentDir),
    owners: content.owners,
  };
}

/** The portal's file templates (`templates/SECURITY.md` of its content folder), those it has. */
async function fileTemplates(contentDir: string | undefined): Promise<FileTemplates> {
  if (!contentDir) return {};
  const path = join(contentDir, TEMPLATES_DIR, 'SECURITY.md');
  const securityPolicy = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ConfigError(`${path}: could not read the security policy template (${error.code ?? error.message}).`);
  });
  return securityPolicy === undefined ? {} : { securityPolicy };
}

const STATUS_ORDER = { recommended: 0, draft: 1, deprecated: 2 } as const;

/**
 * For each check some guide teaches: `<guide id>#<section>` of the guide to send readers to, a
 * recommended one before drafts and deprecated ones, then by id.
 */
export function teachingGuides(guides: readonly GuideSource[]): Map<string, string> {
  const teaching = new Map<string, string>();
  const ordered = guides.toSorted(
    (a, b) => STATUS_ORDER[a.frontmatter.status] - STATUS_ORDER[b.frontmatter.status] || (a.id < b.id ? -1 : 1),
  );
  for (const guide of ordered) {
    for (const [checkId, section] of taughtSections(guide)) {
      if (!teaching.has(checkId)) teaching.set(checkId, section ? `${guide.id}#${section}` : guide.id);
    }
  }
  return teaching;
}

/** A built-in check's metadata as the snapshot lists it. */
export function builtinMetadata({
  id,
  title,
  category,
  description,
  why,
  fix,
  effort,
  severity,
  guide,
  options,
}: CheckDefinition): CheckMetadata {
  // The defaults are what `options.parse({})` gives: every check's options schema guarantees it.
  return {
    id,
    title,
    category,
    description,
    why,
    fix,
    effort,
    severity,
    ...(guide ? { guide } : {}),
    source: 'builtin',
    options: options.parse({}) as Record<string, unknown>,
  };
}
