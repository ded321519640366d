import { ConfigError } from '../config/config-error.ts';
import { didYouMean } from '../scorecards/suggest.ts';
import type { GuideSource } from './load.ts';

/** What guide links may point at, besides the guides themselves. */
export interface LinkTargets {
  checkIds: ReadonlySet<string>;
  scorecardIds: ReadonlySet<string>;
}

/** A check's explicit `guide` (custom checks), with the file and line it is declared at. */
export interface CheckGuideReference {
  checkId: string;
  guide: string;
  file: string;
  line?: number;
}

/**
 * Verifies every link between guides and checks, both ways: a guide's links to `/guides/<id>/#section`,
 * `/checks/<id>/`, `/scorecards/<id>/` and `#section`, its `<CheckList>` ids, and each check's
 * `guide: <id>#section`. Catalog links are not verified here: the catalog does not exist yet.
 * All faults are thrown together, each naming file and line.
 */
export function verifyGuideLinks(guides: readonly GuideSource[], targets: LinkTargets, checkGuides: readonly CheckGuideReference[]): void {
  const byId = new Map(guides.map((guide) => [guide.id, guide]));
  const faults: string[] = [];
  for (const guide of guides) {
    for (const link of guide.links) {
      const fault = linkFault(link.href, guide, byId, targets);
      if (fault) faults.push(`${guide.file}:${link.line}: link ${link.href}: ${fault}`);
    }
    for (const mention of guide.checkMentions) {
      if (!targets.checkIds.has(mention.checkId))
        faults.push(
          `${guide.file}:${mention.line}: <CheckList> checks: unknown check "${mention.checkId}"${didYouMean(mention.checkId, targets.checkIds)}`,
        );
    }
  }
  for (const reference of checkGuides) {
    if (/^https?:\/\//i.test(reference.guide)) continue;
    const [id = '', section] = reference.guide.split('#', 2);
    const fault = guideFault(id, section, byId);
    if (fault) faults.push(`${reference.file}${reference.line ? `:${reference.line}` : ''}: guide: ${fault}`);
  }
  if (faults.length) throw new ConfigError(faults.join('\n'));
}

function linkFault(href: string, guide: GuideSource, byId: ReadonlyMap<string, GuideSource>, targets: LinkTargets): string | undefined {
  const [path = '', hash] = href.split('#', 2);
  let section: string | undefined;
  try {
    section = hash === undefined ? undefined : decodeURIComponent(hash);
  } catch {
    return `malformed %-escape in "#${hash}"`;
  }
  if (path === '' && section !== undefined) return sectionFault(section, guide);
  const guideMatch = /^\/guides\/(.+?)\/?$/.exec(path);
  if (guideMatch) return guideFault(guideMatch[1]!, section, byId);
  const checkMatch = /^\/checks\/([^/]+)\/?$/.exec(path);
  if (checkMatch)
    return targets.checkIds.has(checkMatch[1]!) ? undefined : `no check "${checkMatch[1]}"${didYouMean(checkMatch[1]!, targets.checkIds)}`;
  const scorecardMatch = /^\/scorecards\/([^/]+)\/?$/.exec(path);
  if (scorecardMatch)
    return targets.scorecardIds.has(scorecardMatch[1]!)
      ? undefined
      : `no scorecard "${scorecardMatch[1]}"${didYouMean(scorecardMatch[1]!, targets.scorecardIds)}`;
  return undefined;
}

function guideFault(id: string, section: string | undefined, byId: ReadonlyMap<string, GuideSource>): string | undefined {
  const target = byId.get(id);
  if (!target) return `no guide "${id}"${didYouMean(id, byId.keys())}`;
  return section === undefined || section === '' ? undefined : sectionFault(section, target);
}

function sectionFault(section: string, guide: GuideSource): string | undefined {
  const slugs = guide.headings.map((heading) => heading.slug);
  return slugs.includes(section) ? undefined : `guide "${guide.id}" has no section "${section}"${didYouMean(section, slugs)}`;
}

/**
 * Where a guide teaches each of its checks: the section holding its first link to the check's page
 * (`/checks/<id>/`) or its first `<CheckList>` mention, else the guide as a whole.
 */
export function taughtSections(guide: GuideSource): Map<string, string | undefined> {
  const mentions = [
    ...guide.links.flatMap((link) => {
      const match = /^\/checks\/([^/#]+)\/?(#.*)?$/.exec(link.href);
      return match ? [{ checkId: match[1]!, line: link.line }] : [];
    }),
    ...guide.checkMentions,
  ].sort((a, b) => a.line - b.line);
  const sections = new Map<string, string | undefined>();
  for (const checkId of guide.frontmatter.checks) {
    const first = mentions.find((mention) => mention.checkId === checkId);
    const heading = first ? guide.headings.findLast((candidate) => candidate.line < first.line) : undefined;
    sections.set(checkId, heading?.slug);
  }
  return sections;
}
