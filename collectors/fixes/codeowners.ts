import { parseEntityRef } from '@backstage/catalog-model';
import { UNKNOWN_OWNER } from '../catalog/infer.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import { RELATION, relationTarget } from '../catalog/relations.ts';
import { CODEOWNERS_PATHS } from '../support/codeowners-paths.ts';
import { defineFix, githubSlug } from './fix.ts';
import { compareCodeUnits } from '../support/order.ts';

/** A GitHub login: letters, digits and single hyphens, at most 39 characters. */
const GITHUB_LOGIN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/i;
/** A GitHub team slug. */
const GITHUB_TEAM = /^[a-z0-9][a-z0-9_-]*$/i;

const INTRO = [
  '# Who reviews changes here: GitHub requests a review from the owners of the last pattern that',
  '# matches a changed file, so the catch-all `*` comes first and narrower rules follow it, e.g.',
  '#   /docs/  @acme/payments-team @acme/tech-writers',
];

/**
 * `.github/CODEOWNERS` with a catch-all rule naming the repository's owner as GitHub knows it: the
 * owner of its entities, when the catalog knows it and it is a User (`@login`) or a Group of a
 * repository whose GitHub organisation is known (`@org/team`). Cairn never invents a handle: when
 * it knows none, or the entities have different owners, the rule is a commented placeholder to fill in.
 */
export const codeownersFix = defineFix({
  id: 'codeowners',
  path: '.github/CODEOWNERS',
  readBy: 'GitHub',
  // Where GitHub looks for CODEOWNERS (the codeowners fact's places).
  alsoAt: CODEOWNERS_PATHS,
  checkIds: ['codeowners-present', 'codeowners-catch-all'],
  suggest({ entities, knownRefs }) {
    const owners = ownerHandles(entities, knownRefs);
    if (owners.length === 1) {
      const [{ handle, ref }] = owners as [OwnerHandle];
      return {
        summary: `CODEOWNERS making ${handle} (the catalog's ${ref}) the owner of every file.`,
        text: [...INTRO, `# Written by Cairn from the catalog's owner of this repository, ${ref}.`, `* ${handle}`, ''].join('\n'),
      };
    }
    const why =
      owners.length === 0
        ? [
            '# Cairn knows no GitHub team or user that owns this repository. Uncomment the rule below and name',
            '# the owning team, for GitHub to request its reviews:',
          ]
        : [
            '# The entities of this repository have different owners:',
            ...owners.map(({ handle, ref }) => `#   ${handle} (${ref})`),
            '# Uncomment the rule below and name the team that owns the repository as a whole:',
          ];
    return {
      summary: `A CODEOWNERS stub: ${owners.length === 0 ? 'Cairn knows no GitHub owner of this repository' : 'its entities have different owners'}, so the catch-all rule is a commented placeholder; its checks pass once it names the owning team (\`* @org/team\`).`,
      text: [...INTRO, ...why, '# *  @your-org/your-team', ''].join('\n'),
    };
  },
});

interface OwnerHandle {
  /** As CODEOWNERS writes it: `@org/team` or `@login`. */
  handle: string;
  /** The catalog's owner ref it stands for. */
  ref: string;
}

/**
 * The distinct GitHub handles of the entities' owners, sorted; owners the catalog does not know
 * (a `spec.owner` naming no declared team) or without a handle are left out: a rule naming a team
 * that may not exist would make the owner look confirmed.
 */
function ownerHandles(entities: readonly CatalogEntity[], knownRefs: ReadonlySet<string>): OwnerHandle[] {
  const handles = new Map<string, string>();
  for (const entity of entities) {
    const ref = relationTarget(entity, RELATION.ownedBy);
    if (!ref || ref === UNKNOWN_OWNER || !knownRefs.has(ref)) continue;
    const handle = githubHandle(ref, githubSlug(entity));
    if (handle && !handles.has(handle)) handles.set(handle, ref);
  }
  return [...handles].sort(([a], [b]) => compareCodeUnits(a, b)).map(([handle, ref]) => ({ handle, ref }));
}

/** `user:default/jdoe` → `@jdoe`; `group:default/payments` → `@acme/payments` when the repository is `acme/…` on GitHub. */
function githubHandle(ref: string, slug: string | undefined): string | undefined {
  const { kind, namespace, name } = parseEntityRef(ref);
  if (namespace !== 'default') return undefined;
  if (kind === 'user') return GITHUB_LOGIN.test(name) ? `@${name}` : undefined;
  const org = slug?.split('/')[0];
  if (kind === 'group' && org && GITHUB_TEAM.test(name)) return `@${org}/${name}`;
  return undefined;
}
