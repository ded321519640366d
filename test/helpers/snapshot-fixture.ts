import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { snapshotSchema, type CatalogEntity, type Snapshot } from '../../collectors/contract/snapshot.ts';
import { entity } from './entity.ts';

/** What the hostile entity (`component:default/hostile`) tries to inject into its page. */
export const HOSTILE = {
  description: '<script>alert(1)</script>',
  link: 'javascript:alert(1)',
  annotation: '"><img src=x onerror=alert(1)>',
  checkMessage: 'README.md is missing <script>alert("check")</script>',
  evidenceNote: '<img src=x onerror=alert(4)>',
} as const;

const inRepo = (repo: string, line = 1) => ({
  repo,
  file: 'catalog-info.yaml',
  line,
  url: `https://git.example.com/acme/${repo}/blob/main/catalog-info.yaml#L${line}`,
});
const teamsFile = (line: number) => ({ repo: null, file: 'content/teams/org.yaml', line });

const entities: CatalogEntity[] = [
  entity({
    kind: 'Domain',
    name: 'payments',
    metadata: { title: 'Payments', description: 'Taking money from customers.' },
    spec: { owner: 'payments-team' },
    relations: [
      ['ownedBy', 'group:default/payments-team'],
      ['hasPart', 'system:default/checkout'],
    ],
    ...teamsFile(40),
  }),
  entity({
    kind: 'System',
    name: 'checkout',
    metadata: { title: 'Checkout', description: 'Everything between the basket and the receipt.' },
    spec: { owner: 'payments-team', domain: 'payments' },
    relations: [
      ['ownedBy', 'group:default/payments-team'],
      ['partOf', 'domain:default/payments'],
      ['hasPart', 'component:default/checkout-web'],
      ['hasPart', 'component:default/payments-service'],
      ['hasPart', 'api:default/payments-api'],
      ['hasPart', 'resource:default/payments-db'],
    ],
    ...teamsFile(50),
  }),
  entity({
    kind: 'Component',
    name: 'payments-service',
    metadata: {
      title: 'Payments Service',
      description: 'Charges cards and issues refunds.',
      tags: ['go', 'pci'],
      links: [{ url: 'https://runbooks.example.com/payments', title: 'Runbook' }],
      annotations: { 'github.com/project-slug': 'acme/payments-service' },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'payments-team',
      system: 'checkout',
      providesApis: ['payments-api'],
      dependsOn: ['resource:payments-db'],
    },
    relations: [
      ['ownedBy', 'group:default/payments-team'],
      ['partOf', 'system:default/checkout'],
      ['providesApi', 'api:default/payments-api'],
      ['dependsOn', 'resource:default/payments-db'],
    ],
    ...inRepo('payments-service'),
  }),
  entity({
    kind: 'Component',
    name: 'checkout-web',
    metadata: { title: 'Checkout Web', description: 'The checkout pages.', tags: ['frontend'] },
    spec: {
      type: 'website',
      lifecycle: 'production',
      owner: 'payments-team',
      system: 'checkout',
      consumesApis: ['payments-api'],
      dependsOn: ['component:legacy-ledger'],
    },
    relations: [
      ['ownedBy', 'group:default/payments-team'],
      ['partOf', 'system:default/checkout'],
      ['consumesApi', 'api:default/payments-api'],
      ['dependsOn', 'component:default/legacy-ledger'],
    ],
    ...inRepo('checkout-web'),
  }),
  entity({
    kind: 'Component',
    name: 'billing-scripts',
    metadata: { description: 'Nightly billing jobs.' },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'group:default/platform' },
    relations: [['ownedBy', 'group:default/platform']],
    repo: 'billing-scripts',
    file: 'CODEOWNERS',
    inferred: true,
  }),
  entity({
    kind: 'API',
    name: 'payments-api',
    metadata: { title: 'Payments API', description: 'Charge and refund over HTTP.' },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'payments-team',
      system: 'checkout',
      definition:
        'openapi: 3.0.0\ninfo:\n  title: Payments <script>alert(1)</script>\npaths:\n  /charges:\n    post:\n      summary: Charge a card\n',
    },
    relations: [
      ['ownedBy', 'group:default/payments-team'],
      ['partOf', 'system:default/checkout'],
      ['apiProvidedBy', 'component:default/payments-service'],
      ['apiConsumedBy', 'component:default/checkout-web'],
    ],
    ...inRepo('payments-service', 30),
  }),
  entity({
    kind: 'Resource',
    name: 'payments-db',
    metadata: { title: 'Payments database' },
    spec: { type: 'database', owner: 'platform', system: 'checkout' },
    relations: [
      ['ownedBy', 'group:default/platform'],
      ['partOf', 'system:default/checkout'],
      ['dependencyOf', 'component:default/payments-service'],
    ],
    ...inRepo('payments-service', 50),
  }),
  entity({
    kind: 'Component',
    name: 'hostile',
    metadata: {
      title: 'Hostile <b>component</b>',
      description: HOSTILE.description,
      links: [
        { url: HOSTILE.link, title: 'Click me' },
        { url: 'https://example.com/docs', title: 'Docs' },
      ],
      annotations: { 'example.com/evil': HOSTILE.annotation },
      tags: ['<img src=x>'],
    },
    spec: { type: '<i>service</i>', lifecycle: 'production', owner: 'platform' },
    relations: [['ownedBy', 'group:default/platform']],
    repo: 'hostile',
    url: 'javascript:alert(2)',
  }),
  entity({
    kind: 'Group',
    name: 'engineering',
    metadata: { title: 'Engineering' },
    spec: { type: 'department', children: ['payments-team', 'platform'] },
    relations: [
      ['parentOf', 'group:default/payments-team'],
      ['parentOf', 'group:default/platform'],
    ],
    ...teamsFile(1),
  }),
  entity({
    kind: 'Group',
    name: 'payments-team',
    metadata: { title: 'Payments Team', description: 'We move the money.' },
    spec: { type: 'team', parent: 'engineering', children: [], profile: { email: 'payments@example.com' } },
    relations: [
      ['childOf', 'group:default/engineering'],
      ['hasMember', 'user:default/alice'],
      ['hasMember', 'user:default/bob'],
      ['ownerOf', 'domain:default/payments'],
      ['ownerOf', 'system:default/checkout'],
      ['ownerOf', 'component:default/payments-service'],
      ['ownerOf', 'component:default/checkout-web'],
      ['ownerOf', 'api:default/payments-api'],
    ],
    ...teamsFile(10),
  }),
  entity({
    kind: 'Group',
    name: 'platform',
    metadata: { title: 'Platform' },
    spec: { type: 'team', parent: 'engineering', children: [] },
    relations: [
      ['childOf', 'group:default/engineering'],
      ['hasMember', 'user:default/carol'],
      ['ownerOf', 'component:default/billing-scripts'],
      ['ownerOf', 'resource:default/payments-db'],
      ['ownerOf', 'component:default/hostile'],
    ],
    ...teamsFile(20),
  }),
  ...(['alice', 'bob', 'carol'] as const).map((name, index) =>
    entity({
      kind: 'User',
      name,
      spec: {
        profile: { displayName: name[0]!.toUpperCase() + name.slice(1), email: `${name}@example.com` },
        memberOf: [index < 2 ? 'payments-team' : 'platform'],
      },
      relations: [['memberOf', index < 2 ? 'group:default/payments-team' : 'group:default/platform']],
      ...teamsFile(60 + index * 10),
    }),
  ),
];

const head = (commit: string, date: string) => ({ commit, date, branch: 'main' });

/** Built-in checks and one custom check; `owner-is-group` is in no scorecard. */
const checks = [
  {
    id: 'has-readme',
    title: 'Has a README',
    category: 'docs',
    description: 'The repository has a README at its root.',
    why: 'A README is the first thing a newcomer opens.\n\n- what it does\n- how to run it',
    fix: 'Add a `README.md` at the root of the repository:\n\n```md\n# My service\n```',
    effort: 'low',
    guide: 'service-basics#readme',
    source: 'builtin',
    options: { minWords: 50 },
  },
  {
    id: 'has-codeowners',
    title: 'Has CODEOWNERS',
    category: 'ownership',
    description: 'The repository has a CODEOWNERS file with a catch-all rule.',
    why: 'Reviews go to the people who know the code.',
    fix: 'Add `.github/CODEOWNERS` with a line `* @acme/your-team`.',
    effort: 'low',
    source: 'builtin',
  },
  {
    id: 'has-license',
    title: 'Has a licence',
    category: 'hygiene',
    description: 'The repository has a LICENSE file.',
    why: 'Legal asks for one in every repository.',
    fix: 'Add a `LICENSE` file.',
    effort: 'low',
    source: 'builtin',
  },
  {
    id: 'has-ci',
    title: 'Runs CI',
    category: 'build',
    description: 'A CI workflow builds and tests the repository.',
    why: 'Every change is built and tested before it is merged.',
    fix: 'Add a workflow under `.github/workflows/`.',
    effort: 'medium',
    source: 'builtin',
  },
  {
    id: 'dockerfile-non-root',
    title: 'Container runs as non-root',
    category: 'containers',
    description: 'Every Dockerfile switches to a non-root user.',
    why: 'A process that escapes its container should not be root on the host.',
    fix: 'Add `USER 10001` after the last `RUN` of the final stage.',
    effort: 'medium',
    source: 'builtin',
  },
  {
    id: 'pinned-base-image',
    title: 'Base images are pinned',
    category: 'containers',
    description: 'Every FROM names an image by digest.',
    why: 'Builds are reproducible and cannot pull a tampered tag.',
    fix: 'Write `FROM image@sha256:…`.',
    effort: 'high',
    source: 'builtin',
  },
  {
    id: 'has-runbook',
    title: 'Has a runbook link',
    category: 'docs',
    description: 'The entity links to its runbook.',
    why: 'Whoever is on call finds the runbook from the portal.',
    fix: 'Add a link titled `Runbook` to `metadata.links`.',
    effort: 'medium',
    source: 'custom',
  },
  {
    id: 'owner-is-group',
    title: 'Owned by a group',
    category: 'catalog',
    description: 'The owner is a Group in the catalog.',
    why: 'People leave; teams stay.',
    fix: 'Set `spec.owner` to a group.',
    effort: 'low',
    source: 'builtin',
  },
];

const scorecards = [
  {
    id: 'production-readiness',
    title: 'Production readiness',
    description: 'What every production service needs.',
    owner: 'group:platform',
    appliesTo: { kind: 'Component' },
    levels: [
      { id: 'bronze', checks: ['has-readme', 'has-codeowners'] },
      { id: 'silver', title: 'Silver', checks: ['has-license', { id: 'has-ci', weight: 2 }] },
      { id: 'gold', title: 'Gold', checks: ['dockerfile-non-root', 'has-runbook'] },
    ],
  },
  {
    id: 'security-basics',
    title: 'Security basics',
    appliesTo: { kind: 'Component', type: 'service' },
    levels: [{ id: 'baseline', checks: ['dockerfile-non-root', 'pinned-base-image'] }],
  },
];

type Status = 'pass' | 'fail' | 'notApplicable' | 'error';
type EvidenceInput = { path: string; line?: number; note?: string };
type ScoredInput = [
  checkId: string,
  level: string,
  outcome: Status,
  message: string,
  evidence?: EvidenceInput[],
  extra?: Record<string, unknown>,
];

function scored([checkId, level, outcome, message, evidence = [], extra = {}]: ScoredInput) {
  const exemption = extra.exemption as { expired: boolean } | undefined;
  const effective = exemption ? (exemption.expired ? 'fail' : 'pass') : outcome;
  return { checkId, level, weight: checkId === 'has-ci' ? 2 : 1, outcome, effective, message, evidence, ...extra };
}

const result = (
  scorecard: string,
  entity: string,
  level: string | null,
  score: number,
  checks: ScoredInput[],
  next?: { level: string; checks: string[] },
) => ({
  scorecard,
  entityRef: `component:default/${entity}`,
  level,
  score,
  checks: checks.map(scored),
  ...(next ? { next } : {}),
});

const nonRootFailure = (level: string): ScoredInput => [
  'dockerfile-non-root',
  level,
  'fail',
  'The final stage runs as root.',
  [{ path: 'Dockerfile', line: 12, note: 'USER root' }],
];

const results = [
  result(
    'production-readiness',
    'payments-service',
    'silver',
    6 / 7,
    [
      ['has-readme', 'bronze', 'pass', 'README.md is there.', [{ path: 'README.md' }]],
      ['has-codeowners', 'bronze', 'pass', 'CODEOWNERS has a catch-all rule.', [{ path: '.github/CODEOWNERS', line: 1 }]],
      ['has-license', 'silver', 'pass', 'LICENSE is MIT.', [{ path: 'LICENSE' }]],
      ['has-ci', 'silver', 'pass', 'GitHub Actions runs on every push.', [{ path: '.github/workflows/ci.yml', line: 3 }]],
      nonRootFailure('gold'),
      [
        'has-runbook',
        'gold',
        'fail',
        'No link titled Runbook.',
        [],
        { exemption: { reason: 'The runbook lives in the wiki until Q1.', expires: '2027-03-31', expired: false, source: 'annotation' } },
      ],
    ],
    { level: 'gold', checks: ['dockerfile-non-root'] },
  ),
  result(
    'production-readiness',
    'checkout-web',
    null,
    1 / 6,
    [
      ['has-readme', 'bronze', 'pass', 'README.md is there.', [{ path: 'README.md' }]],
      ['has-codeowners', 'bronze', 'fail', 'No CODEOWNERS file.'],
      ['has-license', 'silver', 'fail', 'No LICENSE file.'],
      ['has-ci', 'silver', 'error', 'Could not read .github/workflows: permission denied.'],
      ['dockerfile-non-root', 'gold', 'notApplicable', 'No Dockerfile.'],
      ['has-runbook', 'gold', 'fail', 'No link titled Runbook.'],
    ],
    { level: 'bronze', checks: ['has-codeowners'] },
  ),
  result(
    'production-readiness',
    'billing-scripts',
    null,
    1 / 6,
    [
      [
        'has-readme',
        'bronze',
        'fail',
        'No README.',
        [],
        { exemption: { reason: 'Scripts are documented in the wiki.', expires: '2026-06-30', expired: true, source: 'central' } },
      ],
      ['has-codeowners', 'bronze', 'pass', 'CODEOWNERS has a catch-all rule.', [{ path: 'CODEOWNERS', line: 1 }]],
      ['has-license', 'silver', 'fail', 'No LICENSE file.'],
      ['has-ci', 'silver', 'fail', 'No CI configuration.'],
      ['dockerfile-non-root', 'gold', 'notApplicable', 'No Dockerfile.'],
      ['has-runbook', 'gold', 'fail', 'No link titled Runbook.'],
    ],
    { level: 'bronze', checks: ['has-readme'] },
  ),
  result(
    'production-readiness',
    'hostile',
    null,
    0,
    [
      ['has-readme', 'bronze', 'fail', HOSTILE.checkMessage, [{ path: 'docs/<b>README</b>.md', line: 3, note: HOSTILE.evidenceNote }]],
      ['has-codeowners', 'bronze', 'fail', 'No CODEOWNERS file.'],
      ['has-license', 'silver', 'fail', 'No LICENSE file.'],
      ['has-ci', 'silver', 'fail', 'No CI configuration.'],
      ['dockerfile-non-root', 'gold', 'notApplicable', 'No Dockerfile.'],
      ['has-runbook', 'gold', 'fail', 'No link titled Runbook.'],
    ],
    { level: 'bronze', checks: ['has-codeowners', 'has-readme'] },
  ),
  result(
    'security-basics',
    'payments-service',
    null,
    0.5,
    [
      nonRootFailure('baseline'),
      ['pinned-base-image', 'baseline', 'pass', 'Every FROM is pinned by digest.', [{ path: 'Dockerfile', line: 1 }]],
    ],
    { level: 'baseline', checks: ['dockerfile-non-root'] },
  ),
  result('security-basics', 'billing-scripts', 'baseline', 1, [
    ['dockerfile-non-root', 'baseline', 'notApplicable', 'No Dockerfile.'],
    ['pinned-base-image', 'baseline', 'notApplicable', 'No Dockerfile.'],
  ]),
];

const snapshot = {
  schemaVersion: 2,
  generatedAt: '2026-11-20T03:00:00.000Z',
  portal: { title: 'Acme Portal', guides: { staleAfterDays: 180 } },
  entities,
  repos: [
    {
      name: 'payments-service',
      source: 'directory',
      webUrl: 'https://git.example.com/acme/payments-service',
      facts: {
        head: head('0123456789abcdef0123456789abcdef01234567', '2026-11-19T16:20:00+01:00'),
        languages: [
          { name: 'Go', bytes: 9000, share: 0.9 },
          { name: 'Shell', bytes: 996, share: 0.0996 },
          { name: 'Makefile', bytes: 4, share: 0.0004 },
        ],
        readme: { path: 'README.md', title: 'Payments Service', headings: [], words: 120 },
        license: { expression: 'MIT', expressionFrom: ['LICENSE'], files: [{ path: 'LICENSE', spdxId: 'MIT' }], sources: [] },
        codeowners: {
          path: '.github/CODEOWNERS',
          rules: [{ pattern: '*', owners: ['@acme/payments-team'], line: 1 }],
          catchAll: ['@acme/payments-team'],
        },
        ci: [{ system: 'github-actions', files: ['.github/workflows/ci.yml'] }],
        dockerfiles: [{ path: 'Dockerfile', from: [], users: [], adds: [] }],
      },
      problems: [],
    },
    {
      name: 'checkout-web',
      source: 'directory',
      webUrl: 'https://git.example.com/acme/checkout-web',
      facts: {
        head: head('89abcdef0123456789abcdef0123456789abcdef', '2026-11-18T09:00:00Z'),
        languages: [{ name: 'TypeScript', bytes: 5000, share: 1 }],
        readme: { path: 'README.md', headings: [], words: 40 },
        license: null,
        codeowners: null,
        ci: [],
        dockerfiles: [],
      },
      problems: [],
    },
    {
      name: 'billing-scripts',
      source: 'directory',
      facts: {
        head: head('fedcba9876543210fedcba9876543210fedcba98', '2026-10-01T12:00:00Z'),
        languages: [{ name: 'Python', bytes: 2000, share: 1 }],
        readme: null,
        codeowners: { path: 'CODEOWNERS', rules: [{ pattern: '*', owners: ['@acme/platform'], line: 1 }], catchAll: ['@acme/platform'] },
      },
      problems: [],
    },
    {
      name: 'hostile',
      source: 'directory',
      webUrl: 'javascript:alert(3)',
      facts: { head: null, languages: [] },
      problems: [],
    },
  ],
  problems: [
    {
      severity: 'error',
      repo: 'payments-service',
      file: 'catalog-info.yaml',
      line: 12,
      entityRef: 'component:default/payments-service',
      message: 'spec.lifecycle "prod" is not one of the lifecycles this portal knows.',
    },
    {
      severity: 'warning',
      repo: 'checkout-web',
      file: 'catalog-info.yaml',
      line: 9,
      entityRef: 'component:default/checkout-web',
      message: 'dependsOn component:default/legacy-ledger is not in the catalog.',
    },
    { severity: 'warning', repo: 'billing-scripts', file: 'package.json', message: 'Could not parse package.json: Unexpected token.' },
    {
      severity: 'error',
      repo: 'hostile',
      file: 'catalog-info.yaml',
      line: 3,
      entityRef: 'component:default/hostile',
      message: `Bad value ${HOSTILE.description}`,
    },
    { severity: 'warning', file: 'content/teams/org.yaml', line: 70, message: 'User carol has no e-mail domain this portal knows.' },
  ],
  checks,
  scorecards,
  results,
  guides: [],
  initiatives: [],
  docs: [],
};

/**
 * A small organisation as the collectors would snapshot it, for site tests: a domain, a system,
 * components (one inferred), an API, a resource, groups with a parent and children, users, a
 * dangling relation, problems, repositories with facts, and one hostile entity; eight checks, two
 * scorecards and their results, with an exemption, an expired one, an error, evidence with lines and
 * a hostile message. Validated by the snapshot schema, so it cannot drift from the contract.
 */
export const snapshotFixture: Snapshot = snapshotSchema.parse(snapshot);

/** Writes the fixture snapshot as `snapshot.json` into `dir` and returns the file's path. */
export async function writeSnapshotFixture(dir: string): Promise<string> {
  const file = join(dir, 'snapshot.json');
  await writeFile(file, JSON.stringify(snapshotFixture, null, 2));
  return file;
}

/**
 * The fixture organisation with 230 more components like billing-scripts: 130 owned by Platform,
 * 100 without an owner, all failing the same checks — enough for every long list to need pages.
 */
export function largerOrganisation(): Snapshot {
  const template = snapshotFixture.entities.find((entity) => entity.ref === 'component:default/billing-scripts')!;
  const results = snapshotFixture.results.filter(
    (result) => result.entityRef === template.ref && result.scorecard === 'production-readiness',
  );
  const added = Array.from({ length: 230 }, (_, index) => {
    const name = `extra-${String(index).padStart(3, '0')}`;
    const owned = index < 130;
    return {
      ...template,
      ref: `component:default/${name}`,
      metadata: { ...template.metadata, name },
      spec: { ...template.spec, ...(owned ? {} : { owner: undefined }) },
      relations: owned ? template.relations : [],
    };
  });
  return {
    ...snapshotFixture,
    entities: snapshotFixture.entities
      .map((entity) =>
        entity.ref === 'group:default/platform'
          ? {
              ...entity,
              relations: [...entity.relations, ...added.slice(0, 130).map((extra) => ({ type: 'ownerOf', targetRef: extra.ref }))],
            }
          : entity,
      )
      .concat(added),
    results: [...snapshotFixture.results, ...added.flatMap((extra) => results.map((result) => ({ ...result, entityRef: extra.ref })))],
  };
}
