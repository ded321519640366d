import { codeownersCatchAll } from '../../../collectors/checks/builtin/codeowners-catch-all.ts';
import { codeownersNamesOwner } from '../../../collectors/checks/builtin/codeowners-names-owner.ts';
import { codeownersOwnersKnown } from '../../../collectors/checks/builtin/codeowners-owners-known.ts';
import { codeownersPatternsMatch } from '../../../collectors/checks/builtin/codeowners-patterns-match.ts';
import { codeownersPresent } from '../../../collectors/checks/builtin/codeowners-present.ts';
import { codeownersValidSyntax } from '../../../collectors/checks/builtin/codeowners-valid-syntax.ts';
import { descriptorValid } from '../../../collectors/checks/builtin/descriptor-valid.ts';
import { ownerKnownGroup } from '../../../collectors/checks/builtin/owner-known-group.ts';
import type { Facts } from '../../../collectors/facts/index.ts';
import { describeCheck, entity, repoFacts, withFiles } from '../../helpers/check-context.ts';

type Rule = { pattern: string; owners: string[]; line: number; section?: string };

function codeowners(rules: Rule[], catchAll?: string[]): Facts['codeowners'] {
  return { path: '.github/CODEOWNERS', rules, ...(catchAll ? { catchAll } : {}) };
}

function gitlabCodeowners(rules: Rule[]): Facts['codeowners'] {
  return { path: '.gitlab/CODEOWNERS', rules, gitlab: true };
}

const rule = (line: number, pattern: string, ...owners: string[]): Rule => ({ pattern, owners, line });
const group = (name: string) =>
  entity({ kind: 'Group', name, spec: { type: 'team', children: [] }, repo: null, file: 'content/teams/teams.yaml' });
const user = (name: string) => entity({ kind: 'User', name, spec: {}, repo: null, file: 'content/teams/teams.yaml' });
/** A message matched whole, not as a pattern. */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
/** A Group or User as the catalog infers it from the CODEOWNERS handles that name it. */
const fromCodeowners = (kind: 'Group' | 'User', name: string, handles: string) =>
  entity({
    kind,
    name,
    spec: kind === 'Group' ? { type: 'team', children: [] } : { memberOf: [] },
    metadata: {
      annotations: { 'cairn.dev/inferred': 'true', 'cairn.dev/inferred-from': 'CODEOWNERS', 'cairn.dev/codeowners-handles': handles },
    },
    inferred: true,
    repo: null,
  });
/** A Group read from the organisation's GitHub teams. */
const githubTeam = (name: string) =>
  entity({
    kind: 'Group',
    name,
    spec: { type: 'team', children: [], members: ['alice'] },
    metadata: {
      annotations: {
        'github.com/team-slug': `acme/${name}`,
        'backstage.io/managed-by-location': `url:https://github.example.com/orgs/acme/teams/${name}`,
      },
    },
    repo: null,
    file: `orgs/acme/teams/${name}`,
  });
const system = (name: string) => entity({ kind: 'System', name, spec: { owner: 'payments-team' } });
const noRepository = { entity: entity({ repo: null, file: 'content/teams/platform.yaml' }), facts: null };

const document = (file: string, line: number, data: unknown) => ({ file, line, data });
const component = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'payments' }, spec: {} };

describeCheck(descriptorValid, [
  {
    name: 'declared and every descriptor loads',
    input: {
      facts: repoFacts({ descriptors: { files: ['catalog-info.yaml'], documents: [document('catalog-info.yaml', 1, component)] } }),
    },
    outcome: 'pass',
    message: /declared in catalog-info\.yaml line 1/,
    evidence: [{ path: 'catalog-info.yaml', line: 1 }],
  },
  {
    name: 'inferred',
    input: { entity: entity({ inferred: true }) },
    outcome: 'fail',
    message: /inferred by Cairn: repository payments has no catalog-info\.yaml/,
  },
  {
    name: 'inferred because its descriptor does not load',
    input: { entity: entity({ inferred: true }), facts: repoFacts({ descriptors: { files: ['catalog-info.yaml'], documents: [] } }) },
    outcome: 'fail',
    message: exactly(
      "component:default/payments is inferred by Cairn: no entity of repository payments could be read from catalog-info.yaml (the repository's problems name each error), so its owner, lifecycle and system are guesses.",
    ),
    evidence: [{ path: 'catalog-info.yaml', note: 'no entity was read from this file' }],
  },
  {
    name: 'inferred because its descriptor is only a Location whose target gives nothing',
    input: {
      entity: entity({ inferred: true }),
      facts: repoFacts({
        descriptors: {
          files: ['catalog-info.yaml'],
          documents: [
            document('catalog-info.yaml', 1, {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Location',
              metadata: { name: 'pointer' },
              spec: { targets: ['./catalog/missing.yaml'] },
            }),
          ],
        },
      }),
    },
    outcome: 'fail',
    message: exactly(
      "component:default/payments is inferred by Cairn: in repository payments, catalog-info.yaml holds only a Location, whose targets (./catalog/missing.yaml) give no entity (the repository's problems name any that is missing), so its owner, lifecycle and system are guesses. Declare the repository's entity in one of them, or in place of the Location.",
    ),
    evidence: [{ path: 'catalog-info.yaml', line: 1, note: 'Location: ./catalog/missing.yaml' }],
  },
  {
    name: 'a Location target that yields nothing',
    input: {
      facts: repoFacts({
        descriptors: { files: ['catalog-info.yaml', 'services/broken.yaml'], documents: [document('catalog-info.yaml', 1, component)] },
      }),
    },
    outcome: 'fail',
    evidence: [
      { path: 'catalog-info.yaml', line: 1 },
      { path: 'services/broken.yaml', note: 'no entity could be read from this file (empty, or invalid YAML)' },
    ],
  },
  {
    name: 'a document that is no entity',
    input: {
      facts: repoFacts({
        descriptors: {
          files: ['catalog-info.yaml'],
          documents: [
            document('catalog-info.yaml', 1, component),
            document('catalog-info.yaml', 9, { kind: 'Component', metadata: {} }),
            document('catalog-info.yaml', 14, 'text'),
          ],
        },
      }),
    },
    outcome: 'fail',
    message: /2 problems in catalog-info\.yaml/,
  },
  {
    name: 'a document that is not valid YAML, beside one that loads',
    input: {
      facts: repoFacts({
        descriptors: {
          files: ['catalog-info.yaml'],
          documents: [document('catalog-info.yaml', 1, component)],
          invalid: [{ file: 'catalog-info.yaml', line: 14 }],
        },
      }),
    },
    outcome: 'fail',
    evidence: [
      { path: 'catalog-info.yaml', line: 1 },
      { path: 'catalog-info.yaml', line: 14, note: 'a document that is not valid YAML' },
    ],
  },
  { name: 'declared in the portal content', input: noRepository, outcome: 'notApplicable', message: /portal's content/ },
  { name: 'descriptors fact missing', input: { facts: {} }, outcome: 'error' },
]);

const owned = (owner: string, target = `group:default/${owner}`) =>
  entity({ spec: { type: 'service', lifecycle: 'production', owner }, relations: [{ type: 'ownedBy', targetRef: target }] });

describeCheck(ownerKnownGroup, [
  {
    name: 'a declared Group',
    input: { entity: owned('payments-team'), catalog: [group('payments-team')] },
    outcome: 'pass',
    message: exactly('Owned by Group group:default/payments-team, declared in content/teams/teams.yaml line 1.'),
    evidence: [{ path: 'catalog-info.yaml', line: 1, note: 'owner: payments-team' }],
  },
  {
    name: 'a Group inferred from CODEOWNERS counts, and says so',
    input: { entity: owned('payments-team'), catalog: [fromCodeowners('Group', 'payments-team', '@acme/payments-team')] },
    outcome: 'pass',
    message:
      /^Owned by Group group:default\/payments-team, inferred from CODEOWNERS \(@acme\/payments-team\); declare it in the portal's teams\/ folder, or read the organisation's teams \(`teams: true`\), to give it members\.$/,
  },
  {
    name: 'a GitHub team',
    input: { entity: owned('payments-team'), catalog: [githubTeam('payments-team')] },
    outcome: 'pass',
    message: exactly('Owned by Group group:default/payments-team, read from https://github.example.com/orgs/acme/teams/payments-team.'),
  },
  {
    name: 'an inferred Component owned through its CODEOWNERS catch-all',
    input: {
      entity: entity({
        inferred: true,
        spec: { type: 'service', lifecycle: 'unknown', owner: 'user:default/alice' },
        relations: [{ type: 'ownedBy', targetRef: 'user:default/alice' }],
      }),
      catalog: [fromCodeowners('User', 'alice', '@Alice')],
    },
    outcome: 'pass',
    message: /User user:default\/alice, inferred from CODEOWNERS \(@Alice\)/,
    evidence: [],
  },
  { name: 'a known User', input: { entity: owned('user:alice', 'user:default/alice'), catalog: [user('alice')] }, outcome: 'pass' },
  {
    name: 'not in the catalog',
    input: { entity: owned('ghosts') },
    outcome: 'fail',
    message:
      /^The owner group:default\/ghosts is not in the catalog: no Group or User with that ref is declared, read from the GitHub organisation's teams, or named in a CODEOWNERS file\.$/,
  },
  {
    name: 'namespace/name written like a GitHub team',
    input: {
      entity: owned('backstage/maintainers', 'group:backstage/maintainers'),
      catalog: [fromCodeowners('Group', 'maintainers', '@backstage/maintainers')],
    },
    outcome: 'fail',
    message:
      /group:backstage\/maintainers is not in the catalog.* Backstage reads "backstage\/maintainers" as the Group "maintainers" of namespace "backstage"; a CODEOWNERS team @backstage\/maintainers is the catalog's group:default\/maintainers\.$/,
  },
  {
    name: 'a ref Backstage cannot read',
    input: { entity: entity({ spec: { owner: 'group:' } }) },
    outcome: 'fail',
    message: /"group:" is not an entity ref Backstage can read/,
  },
  {
    name: 'a System as owner',
    input: { entity: owned('system:checkout', 'system:default/checkout'), catalog: [system('checkout')] },
    outcome: 'fail',
    message: /is a System/,
  },
  {
    name: 'resolved without relations, Backstage defaults',
    input: {
      entity: entity({ namespace: 'shop', spec: { owner: 'Payments-Team' } }),
      catalog: [entity({ kind: 'Group', name: 'payments-team', namespace: 'shop', spec: {} })],
    },
    outcome: 'pass',
  },
  {
    name: 'inferred placeholder owner',
    input: { entity: entity({ inferred: true, spec: { type: 'service', lifecycle: 'unknown', owner: 'group:default/unknown' } }) },
    outcome: 'fail',
    message: /^No owner is known: .*no CODEOWNERS catch-all rule/,
    evidence: [],
  },
  {
    name: 'the placeholder is never a Group, even if one were named so',
    input: {
      entity: entity({ inferred: true, spec: { type: 'service', lifecycle: 'unknown', owner: 'group:default/unknown' } }),
      catalog: [group('unknown')],
    },
    outcome: 'fail',
    message: /^No owner is known/,
  },
  { name: 'a Group has no owner', input: { entity: group('payments-team') }, outcome: 'notApplicable' },
]);

describeCheck(codeownersPresent, [
  {
    name: 'with rules',
    input: { facts: repoFacts({ codeowners: codeowners([rule(2, '*', '@acme/payments-team')]) }) },
    outcome: 'pass',
    evidence: [{ path: '.github/CODEOWNERS', line: 2 }],
  },
  { name: 'an empty file', input: { facts: repoFacts({ codeowners: codeowners([]) }) }, outcome: 'fail', message: /has no rules/ },
  { name: 'none', input: { facts: repoFacts() }, outcome: 'fail', message: /No CODEOWNERS/ },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'codeowners fact missing', input: { facts: {} }, outcome: 'error' },
]);

describeCheck(codeownersCatchAll, [
  {
    name: 'a catch-all',
    input: {
      facts: repoFacts({
        codeowners: codeowners([rule(1, '*', '@acme/payments-team'), rule(3, '/docs/', '@acme/writers')], ['@acme/payments-team']),
      }),
    },
    outcome: 'pass',
    evidence: [{ path: '.github/CODEOWNERS', line: 1, note: '* @acme/payments-team' }],
  },
  {
    name: 'a catch-all without owners',
    input: { facts: repoFacts({ codeowners: codeowners([rule(4, '*')]) }) },
    outcome: 'fail',
    message: /names no owner/,
    evidence: [{ path: '.github/CODEOWNERS', line: 4 }],
  },
  {
    name: 'only specific rules',
    input: { facts: repoFacts({ codeowners: codeowners([rule(1, '/src/', '@acme/a')]) }) },
    outcome: 'fail',
    message: /no catch-all/,
  },
  { name: 'no CODEOWNERS', input: { facts: repoFacts() }, outcome: 'fail' },
]);

const ownedBy = (owner: string) => entity({ relations: [['ownedBy', owner]] });
const teamWith = (name: string, ...members: string[]) =>
  entity({
    kind: 'Group',
    name,
    spec: { type: 'team', children: [] },
    relations: members.map((member) => ['hasMember', `user:default/${member}`] as [string, string]),
    repo: null,
  });

describeCheck(codeownersNamesOwner, [
  {
    name: 'the catch-all names the owning team, in any letter case',
    input: {
      entity: ownedBy('group:default/payments-team'),
      facts: repoFacts({ codeowners: codeowners([rule(2, '*', '@acme/Payments-Team'), rule(5, '/docs/', '@acme/writers')]) }),
    },
    outcome: 'pass',
    message: exactly('.github/CODEOWNERS line 2 (`*`), the rule for catalog-info.yaml, names the owner.'),
    evidence: [{ path: '.github/CODEOWNERS', line: 2, note: '* @acme/Payments-Team' }],
  },
  {
    name: 'a member of the owning team reviews',
    input: {
      entity: ownedBy('group:default/payments-team'),
      facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@alice')]) }),
      catalog: [teamWith('payments-team', 'alice')],
    },
    outcome: 'pass',
    message: exactly('.github/CODEOWNERS line 1 (`*`), the rule for catalog-info.yaml, names a member of the owning team.'),
  },
  {
    name: 'the descriptor and CODEOWNERS disagree: reviews go to another team',
    input: {
      entity: ownedBy('group:default/team-jvm'),
      facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@acme/team-python', '@bob'), rule(4, '/docs/', '@acme/team-jvm')]) }),
      catalog: [teamWith('team-jvm', 'alice')],
    },
    outcome: 'fail',
    message: exactly(
      '.github/CODEOWNERS line 1 (`*`), the rule for catalog-info.yaml, asks @acme/team-python and @bob to review, not group:default/team-jvm, the owner, or one of its members.',
    ),
    evidence: [{ path: '.github/CODEOWNERS', line: 1, note: '* @acme/team-python @bob' }],
  },
  {
    name: 'a later rule overrides the one naming the owner, as GitHub reads CODEOWNERS',
    input: {
      entity: ownedBy('group:default/platform'),
      facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@acme/platform'), rule(2, '*', '@acme/web')]) }),
    },
    outcome: 'fail',
  },
  {
    name: 'the rule for its own folder decides, in a monorepo',
    input: {
      entity: entity({ relations: [['ownedBy', 'group:default/payments-team']], file: 'services/payments/catalog-info.yaml' }),
      facts: repoFacts({
        codeowners: codeowners([
          rule(1, '*', '@acme/platform'),
          rule(2, '/services/payments/', '@acme/payments-team'),
          rule(3, '/services/web/', '@acme/web'),
        ]),
      }),
    },
    outcome: 'pass',
    evidence: [{ path: '.github/CODEOWNERS', line: 2, note: '/services/payments/ @acme/payments-team' }],
  },
  {
    name: 'a rule for another folder does not count',
    input: {
      entity: ownedBy('group:default/platform'),
      facts: repoFacts({ codeowners: codeowners([rule(1, '/docs/', '@acme/platform'), rule(2, '*', '@acme/web')]) }),
    },
    outcome: 'fail',
  },
  {
    name: 'GitLab asks every section: a section naming the owner passes though a later section names another team',
    input: {
      entity: ownedBy('group:default/payments-team'),
      facts: repoFacts({
        codeowners: gitlabCodeowners([rule(2, '*', '@acme/payments-team'), { ...rule(4, '*', '@acme/security'), section: 'Security' }]),
      }),
    },
    outcome: 'pass',
    message: exactly('.gitlab/CODEOWNERS line 2 (`*`), the rule for catalog-info.yaml, names the owner.'),
  },
  {
    name: 'GitLab: the last rule of each section decides, and the failure names every section’s rule',
    input: {
      entity: ownedBy('group:default/payments-team'),
      facts: repoFacts({
        codeowners: gitlabCodeowners([
          { ...rule(2, '*', '@acme/payments-team'), section: 'Backend' },
          { ...rule(3, '*.yaml', '@acme/platform'), section: 'Backend' },
          { ...rule(5, '*', '@acme/security'), section: 'security' },
          { ...rule(7, '*', '@acme/payments-team'), section: 'Docs' },
          { ...rule(8, '!catalog-info.yaml'), section: 'Docs' },
        ]),
      }),
    },
    outcome: 'fail',
    message: exactly(
      '.gitlab/CODEOWNERS lines 3 and 5, the rules for catalog-info.yaml in their sections, ask @acme/platform and @acme/security to review, not group:default/payments-team, the owner, or one of its members.',
    ),
    evidence: [
      { path: '.gitlab/CODEOWNERS', line: 3, note: '*.yaml @acme/platform' },
      { path: '.gitlab/CODEOWNERS', line: 5, note: '* @acme/security' },
    ],
  },
  {
    name: 'GitLab: a section whose exclusion matches the descriptor has no say, wherever the exclusion is',
    input: {
      entity: ownedBy('group:default/platform'),
      facts: repoFacts({
        codeowners: gitlabCodeowners([
          { ...rule(2, '!catalog-info.yaml'), section: 'Docs' },
          { ...rule(3, '*', '@acme/platform'), section: 'Docs' },
        ]),
      }),
    },
    outcome: 'fail',
    message: exactly('No rule of .gitlab/CODEOWNERS covers catalog-info.yaml: nobody is asked to review it.'),
  },
  {
    name: 'no rule covers the descriptor',
    input: {
      entity: ownedBy('group:default/platform'),
      facts: repoFacts({ codeowners: codeowners([rule(1, '/docs/', '@acme/platform')]) }),
    },
    outcome: 'fail',
    message: exactly('No rule of .github/CODEOWNERS covers catalog-info.yaml: nobody is asked to review it.'),
  },
  {
    name: 'inferred from the repository: its owner comes from CODEOWNERS itself',
    input: {
      entity: entity({ inferred: true, relations: [['ownedBy', 'group:default/web']] }),
      facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@Acme/Web')]) }),
    },
    outcome: 'notApplicable',
  },
  {
    name: 'no CODEOWNERS rules',
    input: { entity: ownedBy('group:default/payments-team'), facts: repoFacts({ codeowners: null }) },
    outcome: 'notApplicable',
  },
]);

describeCheck(codeownersOwnersKnown, [
  {
    name: 'teams and users known; emails skipped',
    input: {
      facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@acme/Payments-Team', 'ops@acme.dev'), rule(2, '/docs/', '@alice')]) }),
      catalog: [group('payments-team'), user('alice')],
    },
    outcome: 'pass',
    message: /Every owner named in \.github\/CODEOWNERS is in the catalog \(2 owners\)/,
  },
  {
    name: 'unknown team and user, each line as evidence',
    input: {
      facts: repoFacts({
        codeowners: codeowners([rule(1, '*', '@acme/payments-team', '@acme/ghosts'), rule(5, '/ops/', '@bob', '@acme/ghosts')]),
      }),
      catalog: [group('payments-team')],
    },
    outcome: 'fail',
    message: exactly(
      "2 owners in .github/CODEOWNERS cannot be matched to the organisation's teams: @acme/ghosts and @bob are not in the catalog.",
    ),
    evidence: [
      { path: '.github/CODEOWNERS', line: 1, note: '@acme/ghosts → group:default/ghosts is not in the catalog' },
      { path: '.github/CODEOWNERS', line: 5, note: '@bob → user:default/bob is not in the catalog' },
      { path: '.github/CODEOWNERS', line: 5, note: '@acme/ghosts → group:default/ghosts is not in the catalog' },
    ],
  },
  {
    name: 'a team name that is a User in the catalog does not count',
    input: { facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@acme/alice')]) }), catalog: [user('alice')] },
    outcome: 'fail',
  },
  {
    name: 'owners read from GitHub teams count',
    input: { facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@acme/payments-team')]) }), catalog: [githubTeam('payments-team')] },
    outcome: 'pass',
  },
  {
    name: 'owners only inferred from CODEOWNERS confirm nothing',
    input: {
      facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@acme/payments-team', '@acme/old-team'), rule(3, '/docs/', '@alice')]) }),
      catalog: [
        githubTeam('payments-team'),
        fromCodeowners('Group', 'old-team', '@acme/old-team'),
        fromCodeowners('User', 'alice', '@alice'),
      ],
    },
    outcome: 'fail',
    message: exactly(
      "2 owners in .github/CODEOWNERS cannot be matched to the organisation's teams: @acme/old-team and @alice are known only from CODEOWNERS files, with no declared Group or User or GitHub team to confirm them.",
    ),
    evidence: [
      { path: '.github/CODEOWNERS', line: 1, note: '@acme/old-team → group:default/old-team is only inferred from CODEOWNERS' },
      { path: '.github/CODEOWNERS', line: 3, note: '@alice → user:default/alice is only inferred from CODEOWNERS' },
    ],
  },
  {
    name: 'missing and only inferred, both named',
    input: {
      facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@acme/ghosts', '@bob')]) }),
      catalog: [fromCodeowners('User', 'bob', '@bob')],
    },
    outcome: 'fail',
    message: exactly(
      "2 owners in .github/CODEOWNERS cannot be matched to the organisation's teams: @acme/ghosts is not in the catalog; @bob is known only from CODEOWNERS files, with no declared Group or User or GitHub team to confirm it.",
    ),
  },
  {
    name: 'only emails',
    input: { facts: repoFacts({ codeowners: codeowners([rule(1, '*', 'ops@acme.dev')]) }) },
    outcome: 'notApplicable',
    message: /only email owners/,
  },
  { name: 'no CODEOWNERS', input: { facts: repoFacts() }, outcome: 'notApplicable' },
]);

describeCheck(codeownersValidSyntax, [
  {
    name: 'valid owners of every form',
    input: {
      facts: repoFacts({ codeowners: codeowners([rule(1, '*', '@acme/payments-team', '@alice', 'ops@acme.dev'), rule(2, '/docs/')]) }),
    },
    outcome: 'pass',
  },
  {
    name: 'owner without @, negation and ranges',
    input: {
      facts: repoFacts({ codeowners: codeowners([rule(1, '*', 'payments-team'), rule(2, '!/vendor/', '@a'), rule(3, '*.[ch]', '@b')]) }),
    },
    outcome: 'fail',
    message: /3 errors/,
    evidence: [
      { path: '.github/CODEOWNERS', line: 1, note: '"payments-team" is not @user, @org/team or an email' },
      { path: '.github/CODEOWNERS', line: 2, note: '!/vendor/: negation (!) is not supported' },
      { path: '.github/CODEOWNERS', line: 3, note: '*.[ch]: character ranges ([ ]) are not supported' },
    ],
  },
  {
    name: "GitLab's exclusions, ranges and nested groups",
    input: {
      facts: repoFacts({
        codeowners: {
          path: '.gitlab/CODEOWNERS',
          rules: [rule(1, '!/vendor/', '@a'), rule(2, '*.[ch]', '@acme/platform/backend')],
          gitlab: true,
        },
      }),
    },
    outcome: 'pass',
  },
  { name: 'no CODEOWNERS', input: { facts: repoFacts() }, outcome: 'notApplicable' },
  { name: 'no rules', input: { facts: repoFacts({ codeowners: codeowners([]) }) }, outcome: 'notApplicable' },
]);

const tree = [
  'README.md',
  'src/api/handler.ts',
  'src/api/README.md',
  'docs/guide/intro.md',
  'docs/index.md',
  'build/Makefile',
  'services/a/go.mod',
];

describeCheck(codeownersPatternsMatch, [
  {
    name: 'every kind of pattern matches',
    input: {
      facts: withFiles(tree, {
        codeowners: codeowners([
          rule(1, '*', '@a'),
          rule(2, '/src/api/', '@a'),
          rule(3, 'docs/', '@a'),
          rule(4, '*.md', '@a'),
          rule(5, 'Makefile', '@a'),
          rule(6, 'api', '@a'),
          rule(7, '/docs/*', '@a'),
          rule(8, '**/go.mod', '@a'),
          rule(9, 'src/**/handler.ts', '@a'),
        ]),
      }),
    },
    outcome: 'pass',
    message: /\(9 patterns\)/,
  },
  {
    name: 'stale patterns',
    input: {
      facts: withFiles(tree, {
        codeowners: codeowners([
          rule(1, '/old-service/', '@a'),
          rule(2, 'api/', '@a'),
          rule(3, '/handler.ts', '@a'),
          rule(4, '*.py', '@a'),
          rule(5, 'README.md/', '@a'),
          rule(6, '/docs/guide', '@a'),
        ]),
      }),
    },
    outcome: 'fail',
    message: /4 patterns in \.github\/CODEOWNERS match no tracked file/,
    evidence: [
      { path: '.github/CODEOWNERS', line: 1, note: '/old-service/ matches no tracked file' },
      { path: '.github/CODEOWNERS', line: 3, note: '/handler.ts matches no tracked file' },
      { path: '.github/CODEOWNERS', line: 4, note: '*.py matches no tracked file' },
      { path: '.github/CODEOWNERS', line: 5, note: 'README.md/ matches no tracked file' },
    ],
  },
  {
    name: '/docs/* matches only direct files',
    input: { facts: withFiles(['docs/guide/intro.md'], { codeowners: codeowners([rule(1, '/docs/*', '@a')]) }) },
    outcome: 'fail',
  },
  { name: 'no CODEOWNERS', input: { facts: withFiles(tree) }, outcome: 'notApplicable' },
  {
    name: 'files fact missing',
    input: { facts: { codeowners: codeowners([rule(1, '*', '@a')]) } },
    outcome: 'error',
    message: /"files" fact/,
  },
]);
