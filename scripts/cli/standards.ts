import type { CheckDefinition, CheckMetadata } from '../../collectors/checks/check.ts';
import { builtinChecks } from '../../collectors/checks/builtin/index.ts';
import type { Standards } from '../../collectors/collect.ts';
import { loadPortalContent } from '../../collectors/load-content.ts';

/**
 * The portal's standards: the built-in checks plus the content folder's custom checks, scorecards
 * and exemptions. Without a content folder, the built-in checks and no scorecard.
 */
export async function loadStandards(contentDir: string | undefined): Promise<Standards> {
  const content = await loadPortalContent(contentDir, builtinChecks);
  return {
    checks: [...builtinChecks, ...content.customChecks.map((check) => check.definition)],
    metadata: [...builtinChecks.map(builtinMetadata), ...content.customChecks.map((check) => check.metadata)],
    scorecards: content.scorecards,
    exemptions: content.exemptions,
    contentGlobs: content.contentGlobs,
  };
}

function builtinMetadata({ id, title, category, description, why, fix, effort, guide, options }: CheckDefinition): CheckMetadata {
  // The defaults are what `options.parse({})` gives: every check's options schema guarantees it.
  return { id, title, category, description, why, fix, effort, ...(guide ? { guide } : {}), source: 'builtin', options: options.parse({}) as Record<string, unknown> };
}
