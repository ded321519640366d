import type { Facts } from '../facts/index.ts';
import { INFERRED_ANNOTATION, ownerFromCodeowners, UNKNOWN_OWNER } from './infer.ts';
import { compareCodeUnits } from '../support/order.ts';

/** Where an inferred entity's data came from, beside `cairn.dev/inferred`: `CODEOWNERS` for owners named there. */
export const INFERRED_FROM_ANNOTATION = 'cairn.dev/inferred-from';

/** The CODEOWNERS handles an inferred owner was named by (`@acme/payments`), comma-separated, as written. */
export const CODEOWNERS_HANDLES_ANNOTATION = 'cairn.dev/codeowners-handles';

/** The repositories whose CODEOWNERS name an inferred owner, comma-separated. */
export const CODEOWNERS_REPOSITORIES_ANNOTATION = 'cairn.dev/codeowners-repositories';

export const FROM_CODEOWNERS = 'CODEOWNERS';

/**
 * The catalog ref one CODEOWNERS owner stands for, with the mapping inferred Components use for
 * their owner: `@org/team` → `group:default/team`, `@user` → `user:default/user`. Emails, and names
 * Backstage cannot take, have none.
 */
export function codeownersRef(owner: string): string | undefined {
  return ownerFromCodeowners([owner]);
}

/**
 * A hint for a `spec.owner` written `a/b`: it reads like the GitHub team `@a/b`, but Backstage takes
 * it as namespace `a`, name `b`, while a CODEOWNERS team `@a/b` is the Group `b` of the default
 * namespace. Empty for any other spelling.
 */
export function ownerNamespaceHint(owner: string): string {
  const written = owner.match(/^([^:/]+)\/([^:/]+)$/);
  if (!written) return '';
  const [, namespace, name] = written;
  return ` Backstage reads "${owner}" as the Group "${name}" of namespace "${namespace}"; a CODEOWNERS team @${namespace}/${name} is the catalog's group:default/${name}.`;
}

/** True for a Group or User that exists only because some CODEOWNERS file names it. */
export function isFromCodeowners(entity: { metadata: { annotations?: Record<string, string> } }): boolean {
  return entity.metadata.annotations?.[INFERRED_FROM_ANNOTATION] === FROM_CODEOWNERS;
}

/**
 * A Group for every `@org/team` and a User for every `@user` named in any repository's CODEOWNERS
 * (any rule, not only the catch-all), sorted by ref. They are plain descriptor data, validated like
 * any other; the catalog admits them last, and drops one silently when an entity with the same ref
 * is declared (in a repository or content/teams) or read from GitHub's teams.
 *
 * Why only CODEOWNERS, and not every `spec.owner` nobody defines: a CODEOWNERS handle is checked by
 * the forge (GitHub requests reviews from it, and flags names it does not know), so it is evidence
 * that the team or person exists. A `spec.owner` such as `backstage/maintainers` that no entity
 * defines is only a name someone typed; Backstage shows it as an unresolved ref, and so does Cairn:
 * the catalog warns about the dangling reference and owner-known-group fails, instead of a page
 * being invented for it.
 *
 * The organisation is dropped from team handles (`@acme/payments` and `@other/payments` are one
 * Group `payments`), as for inferred Components. The placeholder owner `group:default/unknown` is
 * never inferred, even from a team named `unknown`: it means "no owner", and gets no page.
 */
export function inferOwners(repos: readonly { name: string; facts: Facts }[]): Record<string, unknown>[] {
  const handles = new Map<string, Set<string>>();
  const namedIn = new Map<string, Set<string>>();
  for (const repo of repos) {
    for (const rule of repo.facts.codeowners?.rules ?? []) {
      for (const owner of rule.owners) {
        const ref = codeownersRef(owner);
        if (!ref || ref === UNKNOWN_OWNER) continue;
        let named = handles.get(ref);
        if (!named) handles.set(ref, (named = new Set()));
        named.add(owner);
        let repositories = namedIn.get(ref);
        if (!repositories) namedIn.set(ref, (repositories = new Set()));
        repositories.add(repo.name);
      }
    }
  }
  return [...handles.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([ref, named]) => {
      const kind = ref.startsWith('group:') ? 'Group' : 'User';
      const metadata = {
        name: ref.slice(ref.indexOf('/') + 1),
        annotations: {
          [INFERRED_ANNOTATION]: 'true',
          [INFERRED_FROM_ANNOTATION]: FROM_CODEOWNERS,
          [CODEOWNERS_HANDLES_ANNOTATION]: [...named].sort().join(', '),
          [CODEOWNERS_REPOSITORIES_ANNOTATION]: [...namedIn.get(ref)!].sort().join(', '),
        },
      };
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata,
        spec: kind === 'Group' ? { type: 'team', children: [] } : { memberOf: [] },
      };
    });
}

/** The fields of a catalog entity `ownerOrigin` reads. */
interface OriginInput {
  metadata: { annotations?: Record<string, string> };
  source: { repo?: string; file: string; line: number };
}

/**
 * Where an owner entity comes from, as a phrase for messages: `inferred from CODEOWNERS (@acme/payments)`,
 * `read from https://github.com/orgs/acme/teams/payments` (a forge's team or member, which carries the
 * location annotation Backstage gives provider entities), or `declared in content/teams/a.yaml line 3`.
 */
export function ownerOrigin(entity: OriginInput): string {
  const annotations = entity.metadata.annotations ?? {};
  if (isFromCodeowners(entity)) {
    const handles = annotations[CODEOWNERS_HANDLES_ANNOTATION];
    return `inferred from CODEOWNERS${handles ? ` (${handles})` : ''}`;
  }
  const location = annotations['backstage.io/managed-by-location'];
  if (!entity.source.repo && location?.startsWith('url:')) return `read from ${location.slice('url:'.length)}`;
  const where = `${entity.source.file} line ${entity.source.line}`;
  return `declared in ${entity.source.repo ? `repository ${entity.source.repo}, ${where}` : where}`;
}
