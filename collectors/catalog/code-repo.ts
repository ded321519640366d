import type { Problem } from '../contract/problems.ts';
import type { CatalogEntity } from './schema.ts';

/** Where Backstage says an entity's code is, when its catalog file is not ingested from that repository. */
export const SOURCE_LOCATION = 'backstage.io/source-location';
const GITHUB_SLUG = 'github.com/project-slug';
const GITLAB_SLUG = 'gitlab.com/project-slug';
const GITLAB_INSTANCE = 'gitlab.com/instance';

/** Path segments a repository's web address has at most after its host (GitLab nests groups). */
const MAX_REPO_SEGMENTS = 6;

/** `host/owner/name` of a web address, lowercase, without `.git` or a trailing slash; undefined for anything but http(s). */
function addressKey(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const segments = parsed.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => decodeURIComponentSafe(segment).toLowerCase());
  if (segments.length > 0) segments[segments.length - 1] = segments.at(-1)!.replace(/\.git$/, '');
  return [parsed.host.toLowerCase(), ...segments].join('/');
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The address an entity's annotations give for its code: `source-location` (`url:` only), else
 * GitHub's project slug, else GitLab's (on `gitlab.com/instance` when it names a host).
 */
function codeAddress(entity: Pick<CatalogEntity, 'metadata'>): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const location = /^url:(.+)$/.exec(annotations[SOURCE_LOCATION]?.trim() ?? '')?.[1];
  if (location) return location;
  const github = annotations[GITHUB_SLUG]?.trim();
  if (github && /^[^/\s]+\/[^/\s]+$/.test(github)) return `https://github.com/${github}`;
  const gitlab = annotations[GITLAB_SLUG]?.trim();
  const instance = annotations[GITLAB_INSTANCE]?.trim() || 'gitlab.com';
  return gitlab && /^[^/\s]+(\/[^/\s]+)+$/.test(gitlab) && /^[a-z0-9.-]+(:\d+)?$/i.test(instance)
    ? `https://${instance}/${gitlab}`
    : undefined;
}

/**
 * The repository an entity's code is in, when its annotations (`backstage.io/source-location`,
 * `github.com/project-slug`, `gitlab.com/project-slug`) name another of the portal's repositories than the one that declares
 * it: a central catalog repository's entities are judged on their code, as Backstage's Tech
 * Insights reads the repository the annotations name. Returns each such entity's code repository by
 * ref, and a warning for an address of no repository the run reads, whose files then judge
 * the entity where it is declared.
 */
export function codeRepositories(
  entities: ReadonlyArray<Pick<CatalogEntity, 'ref' | 'metadata' | 'source' | 'inferred'>>,
  repos: ReadonlyArray<{ name: string; webUrl?: string | undefined }>,
): { codeRepos: Map<string, string>; problems: Problem[] } {
  const byAddress = new Map<string, string>();
  for (const repo of repos) {
    const key = repo.webUrl === undefined ? undefined : addressKey(repo.webUrl);
    if (key) byAddress.set(key, repo.name);
  }
  const webUrls = new Map(repos.map((repo) => [repo.name, repo.webUrl]));
  const codeRepos = new Map<string, string>();
  const problems: Problem[] = [];
  for (const entity of entities) {
    const declaredIn = entity.source.repo;
    const address = declaredIn === undefined || entity.inferred ? undefined : codeAddress(entity);
    const key = address && addressKey(address);
    if (!key) continue;
    const found = repositoryAt(key, byAddress);
    if (found !== undefined) {
      if (found !== declaredIn) codeRepos.set(entity.ref, found);
      continue;
    }
    // An address on the declaring repository's forge, outside it: the entity's code is in a repository the portal does not read.
    const own = webUrls.get(declaredIn!);
    const ownKey = own === undefined ? undefined : addressKey(own);
    if (!ownKey || key.split('/')[0] !== ownKey.split('/')[0] || key === ownKey || key.startsWith(`${ownKey}/`)) continue;
    problems.push({
      severity: 'warning',
      repo: declaredIn!,
      entityRef: entity.ref,
      file: entity.source.file,
      line: entity.source.line,
      message: `${entity.ref} says its code is at ${address}, which is not among the repositories this run reads, so its checks read the files of ${declaredIn}, where it is declared. In a portal, add that repository as a source to judge it on its code.`,
    });
  }
  return { codeRepos, problems };
}

/** The repository whose address `key` is, or is inside (`…/tree/main/src`). */
function repositoryAt(key: string, byAddress: ReadonlyMap<string, string>): string | undefined {
  const segments = key.split('/');
  for (let length = Math.min(segments.length, MAX_REPO_SEGMENTS + 1); length >= 3; length--) {
    const found = byAddress.get(segments.slice(0, length).join('/'));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The facts that judge an entity: its repository's, or with a code repository, that one's, with the
 * descriptors of the repository declaring it (its descriptor's checks look there).
 */
export function entityFacts<F extends { descriptors?: unknown }>(
  entity: Pick<CatalogEntity, 'source' | 'codeRepo'>,
  factsByRepo: ReadonlyMap<string, F>,
): F | undefined {
  const declared = entity.source.repo === undefined ? undefined : factsByRepo.get(entity.source.repo);
  const code = entity.codeRepo === undefined ? undefined : factsByRepo.get(entity.codeRepo);
  if (!code) return declared;
  const { descriptors: _, ...codeFacts } = code;
  return { ...codeFacts, ...(declared?.descriptors === undefined ? {} : { descriptors: declared.descriptors }) } as F;
}
