import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinChecks } from '../../../collectors/checks/builtin/index.ts';
import { assemble, NO_STANDARDS, type Standards } from '../../../collectors/collect.ts';
import { portalConfigSchema } from '../../../collectors/config/schema.ts';
import { retrievers, type Facts } from '../../../collectors/facts/index.ts';
import { planFiles, suggestedFiles, type SuggestedFile, type SuggestInput } from '../../../collectors/fixes/index.ts';
import { scorecardDefinitionSchema } from '../../../collectors/scorecards/definition.ts';
import { builtinMetadata } from '../../../collectors/standards.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

/**
 * The fixes through the real pipeline, without disk: a file tree → every fact retriever (on an
 * in-memory reader) → catalog, checks, scorecards → suggestions; then the suggested files added to
 * the tree and the whole judged again, so "makes the check pass" is what the checks say.
 */

const NOW = new Date('2026-06-01T00:00:00Z');
const REPO = 'payments';

/** Every check a fix answers, and those a declared descriptor changes, on one scorecard. */
const STANDARDS: Standards = {
  ...NO_STANDARDS,
  checks: [...builtinChecks],
  metadata: builtinChecks.map(builtinMetadata),
  scorecards: [
    scorecardDefinitionSchema.parse({
      id: 'all',
      title: 'All',
      appliesTo: { kind: ['Component', 'API'] },
      levels: [
        {
          id: 'one',
          checks: [
            'descriptor-valid',
            'owner-known-group',
            'codeowners-present',
            'codeowners-catch-all',
            'dependency-updates',
            'security-policy',
            'lifecycle-set',
          ],
        },
      ],
    }),
  ],
};

type Tree = Record<string, string>;

async function factsOf(tree: Tree): Promise<Facts> {
  const context = memoryContext(tree, REPO);
  const facts: Record<string, unknown> = {};
  for (const retriever of retrievers) facts[retriever.id] = await retriever.collect(context as never);
  return facts as Facts;
}

/** The repository judged as `cairn check` judges it, as the fixes' input. */
/** The portal's teams: the Group payments-team, as its teams/ folder declares it. */
const TEAMS = [
  {
    file: 'teams/payments-team.yaml',
    line: 1,
    data: { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'payments-team' }, spec: { type: 'team', children: [] } },
  },
];

async function judge(tree: Tree, options: { webUrl?: string; templates?: SuggestInput['templates'] } = {}): Promise<SuggestInput> {
  const facts = await factsOf(tree);
  const snapshot = await assemble({
    repos: [{ name: REPO, source: 'test', facts, problems: [], ...(options.webUrl ? { webUrl: options.webUrl } : {}) }],
    content: TEAMS,
    standards: STANDARDS,
    now: NOW,
    title: 'Test',
    guideSettings: portalConfigSchema.parse({}).guides,
    problems: [],
  });
  const entities = snapshot.entities.filter((entity) => entity.source.repo === REPO);
  const refs = new Set(entities.map((entity) => entity.ref));
  return {
    entities,
    results: snapshot.results.filter((result) => refs.has(result.entityRef)),
    facts,
    files: facts.files ?? [],
    ...(options.templates ? { templates: options.templates } : {}),
    knownRefs: new Set(snapshot.entities.map((entity) => entity.ref)),
  };
}

/** Each check's effective outcomes over the repository's entities. */
function outcomes(input: SuggestInput, checkId: string): string[] {
  return input.results.flatMap((result) => result.checks.filter((check) => check.checkId === checkId).map((check) => check.effective));
}

function withSuggestions(tree: Tree, suggestions: readonly SuggestedFile[]): Tree {
  return { ...tree, ...Object.fromEntries(suggestions.map((suggestion) => [suggestion.path, suggestion.text])) };
}

const README = `# Payments\n\nTakes card payments for the web shop and reconciles them nightly.\n`;
const PACKAGE = JSON.stringify({
  name: 'payments',
  description: 'Takes card payments for the web shop.',
  private: true,
  dependencies: { express: '^5.0.0' },
});
const WORKFLOW = 'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
const DOCKERFILE = 'FROM node:22\nEXPOSE 8080\nCMD ["node", "server.js"]\n';

/** A service without descriptor, policy or bot, owned in CODEOWNERS. */
const SERVICE: Tree = {
  'README.md': README,
  'package.json': PACKAGE,
  'package-lock.json': '{}',
  'server.js': 'console.log(1);\n',
  Dockerfile: DOCKERFILE,
  '.github/workflows/ci.yml': WORKFLOW,
  '.github/CODEOWNERS': '* @acme/payments-team\n',
};

describe('suggestedFiles through the pipeline', () => {
  it('suggests a file for each failing check with a fix, in registry order, and nothing for a file that exists', async () => {
    const input = await judge(SERVICE);
    const suggestions = suggestedFiles(input);
    expect(suggestions.map(({ path, checkIds }) => ({ path, checkIds }))).toEqual([
      { path: 'catalog-info.yaml', checkIds: ['descriptor-valid'] },
      { path: '.github/dependabot.yml', checkIds: ['dependency-updates'] },
      { path: 'SECURITY.md', checkIds: ['security-policy'] },
    ]);
  });

  // The checks read these places too: a second file beside the first would leave the repository with two.
  it.each<{ name: string; tree: Tree; unwritten: unknown }>([
    {
      name: 'a dependabot.yaml without the npm entry',
      tree: { ...SERVICE, '.github/dependabot.yaml': 'version: 2\nupdates: []\n' },
      unwritten: { path: '.github/dependabot.yml', checkIds: ['dependency-updates'], existing: '.github/dependabot.yaml' },
    },
    {
      name: 'a policy without a contact in docs/, in lower case',
      tree: { ...SERVICE, 'docs/security.md': '# Security\n\nWe take it seriously.\n' },
      unwritten: { path: 'SECURITY.md', checkIds: ['security-policy'], existing: 'docs/security.md' },
    },
    {
      name: 'a CODEOWNERS without a catch-all at the root',
      tree: {
        ...Object.fromEntries(Object.entries(SERVICE).filter(([path]) => path !== '.github/CODEOWNERS')),
        CODEOWNERS: '/src/ @acme/payments-team\n',
      },
      unwritten: { path: '.github/CODEOWNERS', checkIds: ['codeowners-catch-all'], existing: 'CODEOWNERS' },
    },
    {
      // GitHub reads CODEOWNERS and dependabot.yml only so spelt; a case-insensitive disk holds one of the two names.
      name: 'a dependabot.yml in the wrong case',
      tree: { ...SERVICE, '.github/Dependabot.yml': 'version: 2\nupdates: []\n' },
      unwritten: {
        path: '.github/dependabot.yml',
        checkIds: ['dependency-updates'],
        misnamed: { tracked: '.github/Dependabot.yml', read: '.github/dependabot.yml', readBy: 'GitHub' },
      },
    },
  ])('writes nothing beside $name, and says which file to edit', async ({ tree, unwritten }) => {
    const plan = planFiles(await judge(tree));
    expect(plan.unwritten).toContainEqual(unwritten);
    expect(plan.files.map((file) => file.path)).not.toContain((unwritten as { path: string }).path);
  });

  it('every suggested file makes the checks it names pass, and the entity it declares is the one inferred', async () => {
    const before = await judge(SERVICE);
    const suggestions = suggestedFiles(before);
    for (const checkId of suggestions.flatMap((suggestion) => suggestion.checkIds))
      expect(outcomes(before, checkId), checkId).toEqual(['fail']);
    const after = await judge(withSuggestions(SERVICE, suggestions));
    for (const checkId of suggestions.flatMap((suggestion) => suggestion.checkIds))
      expect(outcomes(after, checkId), checkId).toEqual(['pass']);
    const [declared] = after.entities;
    expect(after.entities).toHaveLength(1);
    const descriptorLine = suggestions[0]!.text.split('\n').indexOf('apiVersion: backstage.io/v1alpha1') + 1;
    expect(declared).toMatchObject({
      ref: before.entities[0]!.ref,
      inferred: false,
      source: { file: 'catalog-info.yaml', line: descriptorLine },
    });
    expect(declared!.spec).toEqual({ type: 'service', lifecycle: 'unknown', owner: 'payments-team' });
    expect(declared!.relations).toContainEqual({ type: 'ownedBy', targetRef: 'group:default/payments-team' });
    expect(declared!.metadata.annotations ?? {}).toEqual({});
    // What the descriptor leaves for people: the lifecycle, which no file tells.
    expect(outcomes(after, 'lifecycle-set')).toEqual(['fail']);
    expect(suggestedFiles(after)).toEqual([]);
  });

  it('a CODEOWNERS naming the owner makes codeowners-present and codeowners-catch-all pass', async () => {
    const descriptor =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments\n  description: Takes card payments.\n  annotations:\n    github.com/project-slug: acme/payments\nspec:\n  type: service\n  lifecycle: production\n  owner: payments-team\n';
    const tree = { 'catalog-info.yaml': descriptor, 'README.md': README };
    const before = await judge(tree);
    const [codeowners] = suggestedFiles(before).filter((suggestion) => suggestion.path === '.github/CODEOWNERS');
    expect(codeowners).toMatchObject({ checkIds: ['codeowners-present', 'codeowners-catch-all'] });
    expect(codeowners!.text).toMatch(/^\* @acme\/payments-team$/m);
    const after = await judge(withSuggestions(tree, [codeowners!]));
    expect([...outcomes(after, 'codeowners-present'), ...outcomes(after, 'codeowners-catch-all')]).toEqual(['pass', 'pass']);
  });

  it('a CODEOWNERS stub when the owner is no team the catalog knows, rather than a rule that would make it look confirmed', async () => {
    const descriptor =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments\n  annotations:\n    github.com/project-slug: acme/payments\nspec:\n  type: service\n  lifecycle: production\n  owner: maintainers\n';
    const [codeowners] = suggestedFiles(await judge({ 'catalog-info.yaml': descriptor, 'README.md': README })).filter(
      (suggestion) => suggestion.path === '.github/CODEOWNERS',
    );
    expect(codeowners!.text).not.toMatch(/^\* @/m);
    expect(codeowners!.summary).toMatch(/commented placeholder/);
  });

  it('a CODEOWNERS stub without a known owner says so, and leaves its checks failing rather than invent a team', async () => {
    const tree = { 'README.md': README };
    const [codeowners] = suggestedFiles(await judge(tree)).filter((suggestion) => suggestion.path === '.github/CODEOWNERS');
    expect(codeowners!.summary).toMatch(/commented placeholder/);
    const after = await judge(withSuggestions(tree, [codeowners!]));
    expect(outcomes(after, 'codeowners-present')).toEqual(['fail']);
  });

  it('the project slug comes from a GitHub web URL, and names the owner team and the reporting form', async () => {
    const tree = { 'README.md': README, 'mkdocs.yml': 'site_name: Payments\n', 'docs/index.md': '# Payments\n' };
    const input = await judge(tree, { webUrl: 'https://github.com/acme/payments' });
    const byPath = new Map(suggestedFiles(input).map((suggestion) => [suggestion.path, suggestion]));
    expect(parse(byPath.get('catalog-info.yaml')!.text).metadata.annotations).toEqual({
      'backstage.io/techdocs-ref': 'dir:.',
      'github.com/project-slug': 'acme/payments',
    });
    expect(byPath.get('SECURITY.md')!.text).toContain('(https://github.com/acme/payments/security/advisories/new)');
    const after = await judge(withSuggestions(tree, [...byPath.values()]), { webUrl: 'https://github.com/acme/payments' });
    expect(outcomes(after, 'security-policy')).toEqual(['pass']);
    expect(outcomes(after, 'descriptor-valid')).toEqual(['pass']);
  });

  it.each([
    ['with a contact', '# Security\n\nWrite to security@acme.dev.\n', 'pass', /^The portal's security policy template\.$/],
    ['without a contact', '# Security\n\nAsk the platform team.', 'fail', /names no way to report/],
  ])("the portal's security template %s is written as it is", async (_, template, outcome, summary) => {
    const input = await judge({ 'README.md': README }, { templates: { securityPolicy: template } });
    const [policy] = suggestedFiles(input).filter((suggestion) => suggestion.path === 'SECURITY.md');
    expect(policy!.text).toBe(template.endsWith('\n') ? template : `${template}\n`);
    expect(policy!.summary).toMatch(summary);
    expect(outcomes(await judge(withSuggestions({ 'README.md': README }, [policy!])), 'security-policy')).toEqual([outcome]);
  });

  it.each([
    [
      'a descriptor of its own',
      {
        'catalog-info.yaml':
          'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments\nspec:\n  type: service\n  lifecycle: production\n  owner: payments-team\n',
      },
      'catalog-info.yaml',
    ],
    ['a CODEOWNERS without a catch-all', { CODEOWNERS: '/docs/ @acme/writers\n' }, '.github/CODEOWNERS'],
    ['a security policy without a contact', { 'docs/SECURITY.md': '# Security\n\nAsk us.\n' }, 'SECURITY.md'],
    ['Renovate', { 'renovate.json': '{}' }, '.github/dependabot.yml'],
  ])('a repository with %s gets no second file', async (_, extra, path) => {
    const suggestions = suggestedFiles(await judge({ ...SERVICE, ...extra }));
    expect(suggestions.map((suggestion) => suggestion.path)).not.toContain(path);
  });

  it('is deterministic', async () => {
    const input = await judge(SERVICE);
    expect(suggestedFiles(input)).toEqual(suggestedFiles(structuredClone(input)));
  });
});
