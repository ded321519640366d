import { makeValidator } from '@backstage/catalog-model';
import type { Facts } from '../facts/index.ts';
import type { Problem } from '../problems.ts';

/** Set on every inferred entity, so readers (and Backstage, if the YAML is exported) can tell. */
export const INFERRED_ANNOTATION = 'cairn.dev/inferred';

/**
 * The owner of an inferred Component when no CODEOWNERS catch-all names one. `spec.owner` is
 * required by Backstage's Component schema, so the entity needs some owner to exist at all.
 */
export const UNKNOWN_OWNER = 'group:default/unknown';

const validators = makeValidator();

/** A repository, as far as inference needs it. */
export interface InferenceInput {
  name: string;
  facts: Facts;
}

/**
 * A Component descriptor for a repository that has none, built from its facts: name from the
 * repository name, description from the README or a manifest, owner from CODEOWNERS' catch-all,
 * type from what is built (a Dockerfile means a service), tag from the main language. The result is
 * plain descriptor data: it goes through the same validation as a hand-written one.
 */
export function inferComponent(repo: InferenceInput): { data: Record<string, unknown>; problems: Array<Omit<Problem, 'repo'>> } {
  const problems: Array<Omit<Problem, 'repo'>> = [];
  const description = repo.facts.readme?.summary ?? manifestsRootFirst(repo.facts).find((manifest) => manifest.description)?.description;
  const owner = ownerFromCodeowners(repo.facts.codeowners?.catchAll ?? []);
  if (!owner) {
    problems.push({
      severity: 'warning',
      ...(repo.facts.codeowners ? { file: repo.facts.codeowners.path } : {}),
      message: `No owner is known for ${repo.name}: it has no catalog-info.yaml and no CODEOWNERS catch-all rule (\`* @org/team\`) naming a team or user. Add either to give it an owner.`,
    });
  }
  const tag = repo.facts.languages?.[0] ? toTag(repo.facts.languages[0].name) : undefined;
  return {
    data: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: toEntityName(repo.name),
        ...(description ? { description } : {}),
        ...(tag ? { tags: [tag] } : {}),
        annotations: { [INFERRED_ANNOTATION]: 'true' },
      },
      spec: { type: inferType(repo.facts), lifecycle: 'unknown', owner: owner ?? UNKNOWN_OWNER },
    },
    problems,
  };
}

/**
 * A valid Backstage entity name from any string: lowercase, runs of other characters (and hyphens) turned into one
 * `-`, starting and ending with a letter or digit, at most 63 characters.
 */
export function toEntityName(value: string): string {
  const name = value
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 63)
    .replace(/[^a-z0-9]+$/, '');
  return name || 'unnamed';
}

/** A Linguist language name as a Backstage tag (`C++` → `c++`, `Vim Script` → `vim-script`), when it can be one. */
export function toTag(language: string): string | undefined {
  const tag = language
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return validators.isValidTag(tag) ? tag : undefined;
}

/**
 * The first CODEOWNERS owner that maps to an entity: `@org/team` → the Group `team`, `@user` → the
 * User `user`. Email owners are skipped: an address says nothing about the catalog's names.
 */
export function ownerFromCodeowners(owners: readonly string[]): string | undefined {
  for (const owner of owners) {
    const team = owner.match(/^@[^/\s]+\/([^/\s]+)$/)?.[1];
    if (team && validators.isValidEntityName(team)) return `group:default/${team.toLowerCase()}`;
    const user = owner.match(/^@([^/\s@]+)$/)?.[1];
    if (user && validators.isValidEntityName(user)) return `user:default/${user.toLowerCase()}`;
  }
  return undefined;
}

/** `service` when something builds an image, `library` when only package manifests exist, else `other`. */
function inferType(facts: Facts): string {
  if ((facts.dockerfiles?.length ?? 0) > 0) return 'service';
  if ((facts.manifests?.length ?? 0) > 0) return 'library';
  return 'other';
}

/** Manifests with the shallowest first, so the root package speaks for the repository. */
function manifestsRootFirst(facts: Facts): NonNullable<Facts['manifests']> {
  const depth = (path: string) => path.split('/').length;
  return [...(facts.manifests ?? [])].sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
