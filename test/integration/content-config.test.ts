import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinChecks } from '../../collectors/checks/builtin/index.ts';
import type { CheckDefinition } from '../../collectors/checks/check.ts';
import { ConfigError } from '../../collectors/config/config-error.ts';
import { loadPortalContent } from '../../collectors/config/load-content.ts';
import { readPortalTeams } from '../../collectors/config/teams.ts';

/** Built-in checks as the loader sees them: ids, and options with defaults. */
function builtin(id: string, options: z.ZodType = z.strictObject({})): CheckDefinition {
  return {
    id,
    title: id,
    category: 'docs',
    description: 'd',
    why: 'w',
    fix: 'f',
    effort: 'low',
    severity: 'warning',
    needs: [],
    options,
    run: () => ({ outcome: 'pass', message: '', evidence: [] }),
  };
}
const BUILTINS = [
  builtin('readme-present'),
  builtin('readme-sections', z.strictObject({ sections: z.array(z.string()).default(['Usage']) })),
  // Not strict, as many checks' options are: a misspelt option must still be caught.
  builtin('recent-commit', z.object({ days: z.number().int().positive().default(90) })),
  builtin('ci-configured'),
];

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A temporary `content/` folder holding `tree`; returns its path. */
async function contentFolder(tree: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'cairn-content-'));
  folders.push(root);
  const content = join(root, 'content');
  await mkdir(content);
  for (const [path, text] of Object.entries(tree)) {
    await mkdir(dirname(join(content, path)), { recursive: true });
    await writeFile(join(content, path), text);
  }
  return content;
}

/** The ConfigError message `loadPortalContent` throws for `tree`. */
async function errorFor(tree: Record<string, string>): Promise<string> {
  const error = await loadPortalContent(await contentFolder(tree), BUILTINS).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

const READINESS = `# yaml-language-server: $schema=../../schemas/scorecard.schema.json
id: readiness
title: Readiness
appliesTo:
  kind: Component
  type: [service, website]
levels:
  - id: bronze
    checks: [readme-present, has-makefile-test]
  - id: silver
    checks:
      - id: recent-commit
        weight: 2
        options: { days: 30 }
      - readme-sections
`;

const MAKEFILE_CHECK = `id: has-makefile-test
title: Makefile has a test target
description: The Makefile defines a test target.
why: One command runs the tests everywhere.
fix: Add a \`test:\` target.
effort: low
rule:
  type: file-contains
  files: Makefile
  pattern: '^test:'
  flags: m
`;

describe('loadPortalContent', () => {
  it('loads scorecards, custom checks and exemptions, with the globs the custom checks read', async () => {
    const content = await contentFolder({
      'scorecards/readiness.yaml': READINESS,
      'checks/has-makefile-test.yaml': MAKEFILE_CHECK,
      'exemptions.yaml': `exemptions:\n  - entity: legacy-billing\n    check: readme-present\n    reason: Frozen until the migration\n    expires: 2026-12-31\n\n  - entity: group:payments\n    check: has-makefile-test\n    scorecard: readiness\n    reason: No Makefile by design\n    expires: "2027-01-31"\n`,
    });
    const loaded = await loadPortalContent(content, BUILTINS);
    expect(loaded.scorecards.map((scorecard) => scorecard.id)).toEqual(['readiness']);
    expect(loaded.scorecards[0]!.levels[1]!.checks).toEqual([
      { id: 'recent-commit', weight: 2, options: { days: 30 } },
      { id: 'readme-sections', weight: 1, options: {} },
    ]);
    expect(loaded.customChecks.map(({ file, metadata }) => [file, metadata.id, metadata.category, metadata.source])).toEqual([
      ['content/checks/has-makefile-test.yaml', 'has-makefile-test', 'custom', 'custom'],
    ]);
    expect(loaded.customChecks[0]!.definition.id).toBe('has-makefile-test');
    expect(loaded.contentGlobs).toEqual(['Makefile']);
    expect(loaded.exemptions).toEqual([
      {
        entityRef: 'component:default/legacy-billing',
        checkId: 'readme-present',
        reason: 'Frozen until the migration',
        expires: '2026-12-31',
        source: 'central',
        declaredAt: { file: 'content/exemptions.yaml', line: 2 },
      },
      {
        entityRef: 'group:default/payments',
        checkId: 'has-makefile-test',
        scorecard: 'readiness',
        reason: 'No Makefile by design',
        expires: '2027-01-31',
        source: 'central',
        declaredAt: { file: 'content/exemptions.yaml', line: 7 },
      },
    ]);
  });

  it('keeps the owners the scorecards and initiatives name, with their lines, to check against the catalog', async () => {
    const content = await contentFolder({
      'scorecards/readiness.yaml': READINESS.replace('title: Readiness\n', 'title: Readiness\nowner: group:platfrom\n'),
      'checks/has-makefile-test.yaml': MAKEFILE_CHECK,
      'initiatives/x.yaml': 'id: x\ntitle: X\nowner: platform\ndeadline: 2027-01-01\ngoal:\n  checks: [readme-present]\n',
    });
    expect((await loadPortalContent(content, BUILTINS)).owners).toEqual([
      { owner: 'group:platfrom', what: 'Scorecard', file: 'content/scorecards/readiness.yaml', line: 4 },
      { owner: 'platform', what: 'Initiative', file: 'content/initiatives/x.yaml', line: 3 },
    ]);
  });

  it('reads .yaml and .yml files of a folder and links to files, by name, but not hidden files, folders or broken links', async () => {
    const scorecard = (id: string) => `id: ${id}\ntitle: ${id}\nlevels:\n  - id: bronze\n    checks: [readme-present]\n`;
    const content = await contentFolder({
      'scorecards/b.yml': scorecard('b'),
      'scorecards/a.yaml': scorecard('a'),
      'scorecards/.hidden.yaml': scorecard('hidden'),
      'scorecards/notes.txt': 'not a scorecard',
      'scorecards/folder.yaml/c.yaml': scorecard('in-a-folder'),
      'elsewhere/linked.yaml': scorecard('linked'),
    });
    await symlink(join(content, 'elsewhere/linked.yaml'), join(content, 'scorecards/linked.yaml'));
    await symlink(join(content, 'nowhere.yaml'), join(content, 'scorecards/broken.yaml'));
    const loaded = await loadPortalContent(content, BUILTINS);
    expect(loaded.scorecards.map((definition) => definition.id)).toEqual(['a', 'b', 'linked']);
  });

  it('has nothing to load without a content folder, or with an empty one, and no defaults given', async () => {
    const empty = {
      scorecards: [],
      customChecks: [],
      exemptions: [],
      contentGlobs: [],
      guides: [],
      initiatives: [],
      scorecardsFrom: 'content',
      owners: [],
    };
    expect(await loadPortalContent(undefined, BUILTINS)).toEqual(empty);
    expect(await loadPortalContent(await contentFolder({ 'teams/a.yaml': 'x: 1\n' }), BUILTINS)).toEqual(empty);
  });

  it("takes the defaults' scorecards when the content folder defines none, and only then", async () => {
    const defaultsDir = await contentFolder({
      'scorecards/basics.yaml': 'id: basics\ntitle: Basics\nlevels:\n  - id: bronze\n    checks: [readme-present]\n',
    });
    const withoutContent = await loadPortalContent(undefined, BUILTINS, { defaultsDir });
    expect([withoutContent.scorecardsFrom, withoutContent.scorecards.map((scorecard) => scorecard.id)]).toEqual(['defaults', ['basics']]);
    // An exemption may name a default scorecard: the defaults stand in for the content's own.
    const noScorecards = await contentFolder({
      'exemptions.yaml':
        'exemptions:\n  - entity: a\n    check: readme-present\n    scorecard: basics\n    reason: soon\n    expires: 2099-01-01\n',
    });
    const defaulted = await loadPortalContent(noScorecards, BUILTINS, { defaultsDir });
    expect([defaulted.scorecardsFrom, defaulted.scorecards.map((scorecard) => scorecard.id), defaulted.exemptions.length]).toEqual([
      'defaults',
      ['basics'],
      1,
    ]);
    const own = await loadPortalContent(
      await contentFolder({ 'scorecards/mine.yaml': 'id: mine\ntitle: Mine\nlevels:\n  - id: bronze\n    checks: [ci-configured]\n' }),
      BUILTINS,
      { defaultsDir },
    );
    expect([own.scorecardsFrom, own.scorecards.map((scorecard) => scorecard.id)]).toEqual(['content', ['mine']]);
  });

  it.each<{ name: string; tree: Record<string, string>; message: string }>([
    {
      name: 'an unknown check id, with the closest ids',
      tree: {
        'scorecards/x.yaml':
          'id: x\ntitle: X\nlevels:\n  - id: bronze\n    checks: [ci-configured]\n  - id: silver\n    checks:\n      - ci-configured\n      - recent-commit\n      - readme-presnt\n',
      },
      message: 'content/scorecards/x.yaml:10: levels[1].checks[2]: unknown check "readme-presnt"; did you mean "readme-present"?',
    },
    {
      name: 'an initiative for an unknown scorecard',
      tree: {
        'scorecards/ready.yaml': 'id: ready\ntitle: Ready\nlevels:\n  - id: bronze\n    checks: [ci-configured]\n',
        'initiatives/x.yaml': 'id: x\ntitle: X\nowner: platform\ndeadline: 2027-01-01\ngoal:\n  scorecard: redy\n  level: bronze\n',
      },
      message: 'content/initiatives/x.yaml:6: goal.scorecard: unknown scorecard "redy"; did you mean "ready"?',
    },
    {
      name: 'an initiative for a level its scorecard lacks',
      tree: {
        'scorecards/ready.yaml': 'id: ready\ntitle: Ready\nlevels:\n  - id: bronze\n    checks: [ci-configured]\n',
        'initiatives/x.yaml': 'id: x\ntitle: X\nowner: platform\ndeadline: 2027-01-01\ngoal:\n  scorecard: ready\n  level: gold\n',
      },
      message: 'content/initiatives/x.yaml:7: goal.level: scorecard "ready" has no level "gold"; its levels are bronze',
    },
    {
      name: 'an initiative that starts on its deadline',
      tree: {
        'initiatives/x.yaml':
          'id: x\ntitle: X\nowner: platform\nstart: 2027-01-01\ndeadline: 2027-01-01\ngoal:\n  checks: [ci-configured]\n',
      },
      message: 'content/initiatives/x.yaml:4: start: starts on 2027-01-01, not before its deadline 2027-01-01',
    },
    {
      name: 'an initiative for an unknown check, and a bad deadline',
      tree: { 'initiatives/x.yaml': 'id: x\ntitle: X\nowner: platform\ndeadline: next spring\ngoal:\n  checks: [actions-pined]\n' },
      message: 'content/initiatives/x.yaml:4: deadline:',
    },
    {
      name: 'an unknown check id with nothing close',
      tree: { 'scorecards/x.yaml': 'id: x\ntitle: X\nlevels:\n  - id: bronze\n    checks: [has-pager-duty]\n' },
      message: 'content/scorecards/x.yaml:5: levels[0].checks[0]: unknown check "has-pager-duty"',
    },
    {
      name: 'options of the wrong type',
      tree: {
        'scorecards/x.yaml':
          'id: x\ntitle: X\nlevels:\n  - id: bronze\n    checks:\n      - id: recent-commit\n        options:\n          days: ninety\n',
      },
      message: 'content/scorecards/x.yaml:8: levels[0].checks[0].options.days: check "recent-commit": expected number, received string',
    },
    {
      name: 'an option the check does not have',
      tree: {
        'scorecards/x.yaml':
          'id: x\ntitle: X\nlevels:\n  - id: bronze\n    checks:\n      - id: readme-present\n        options: { strict: true }\n',
      },
      message:
        'content/scorecards/x.yaml:7: levels[0].checks[0].options.strict: check "readme-present": unknown option "strict"; it takes no options',
    },
    {
      name: 'a misspelt option of a check whose options are not strict',
      tree: {
        'scorecards/x.yaml':
          'id: x\ntitle: X\nlevels:\n  - id: bronze\n    checks:\n      - id: recent-commit\n        options:\n          dayz: 30\n',
      },
      message:
        'content/scorecards/x.yaml:8: levels[0].checks[0].options.dayz: check "recent-commit": unknown option "dayz"; did you mean "days"?',
    },
    {
      name: 'a check twice in one level',
      tree: { 'scorecards/x.yaml': 'id: x\ntitle: X\nlevels:\n  - id: bronze\n    checks: [ci-configured, ci-configured]\n' },
      message: 'content/scorecards/x.yaml:5: levels[0].checks[1]: check "ci-configured" is already in level bronze',
    },
    {
      name: 'two levels with one id',
      tree: {
        'scorecards/x.yaml':
          'id: x\ntitle: X\nlevels:\n  - id: bronze\n    checks: [ci-configured]\n  - id: bronze\n    checks: [readme-present]\n',
      },
      message: 'content/scorecards/x.yaml:6: levels[1].id: duplicate level id "bronze"',
    },
    {
      name: 'a duplicate scorecard id',
      tree: {
        'scorecards/a.yaml': 'id: same\ntitle: A\nlevels: [{ id: bronze, checks: [ci-configured] }]\n',
        'scorecards/b.yaml': 'title: B\nid: same\nlevels: [{ id: bronze, checks: [ci-configured] }]\n',
      },
      message: 'content/scorecards/b.yaml:2: id: duplicate scorecard id "same" (also in content/scorecards/a.yaml)',
    },
    {
      name: 'a scorecard field of the wrong type',
      tree: {
        'scorecards/x.yaml':
          'id: x\ntitle: X\nappliesTo:\n  kind: Component\n  owner: "group:"\nlevels: [{ id: bronze, checks: [ci-configured] }]\n',
      },
      message: 'content/scorecards/x.yaml:5: appliesTo.owner: expected an entity ref like [kind:][namespace/]name',
    },
    {
      name: 'invalid YAML',
      tree: { 'scorecards/x.yaml': 'id: x\ntitle: [X\n' },
      message: 'content/scorecards/x.yaml:',
    },
    {
      name: 'a custom check reusing a built-in id',
      tree: { 'checks/readme.yaml': MAKEFILE_CHECK.replace('id: has-makefile-test', 'id: readme-present') },
      message: 'content/checks/readme.yaml:1: id: "readme-present" is a built-in check; choose another id',
    },
    {
      name: 'two custom checks with one id',
      tree: { 'checks/has-makefile-test.yaml': MAKEFILE_CHECK, 'checks/has-makefile-test.yml': MAKEFILE_CHECK },
      message:
        'content/checks/has-makefile-test.yml:1: id: duplicate check id "has-makefile-test" (also in content/checks/has-makefile-test.yaml)',
    },
    {
      name: 'a custom check in a file whose name is no check id',
      tree: { 'checks/Makefile_Test.yaml': MAKEFILE_CHECK },
      message:
        'content/checks/Makefile_Test.yaml:1: id: "has-makefile-test" differs from the file\'s name: a check is checks/<id>.yaml, so name the file has-makefile-test.yaml',
    },
    {
      name: 'a custom check in a file named otherwise',
      tree: { 'checks/makefile.yaml': MAKEFILE_CHECK },
      message:
        'content/checks/makefile.yaml:1: id: "has-makefile-test" differs from the file\'s name: a check is checks/<id>.yaml, so name the file has-makefile-test.yaml or the check makefile',
    },
    {
      name: 'a custom check whose glob never closes a bracket',
      tree: { 'checks/has-makefile-test.yaml': MAKEFILE_CHECK.replace('files: Makefile', 'files: ["[Makefile", "docs/**/{a,b"]') },
      message:
        'content/checks/has-makefile-test.yaml:9: rule.files[0]: glob "[Makefile": "[" at character 1 is never closed; write \\[ or \\{ for the character itself\ncontent/checks/has-makefile-test.yaml:9: rule.files[1]: glob "docs/**/{a,b": a "{" is never closed; write \\[ or \\{ for the character itself',
    },
    {
      name: 'a custom check on an unknown fact',
      tree: {
        'checks/has-makefile-test.yaml': MAKEFILE_CHECK.replace(
          /rule:[\s\S]*/,
          'rule:\n  type: fact\n  fact: manifest[0].runtime\n  semver: ">=20"\n',
        ),
      },
      message: 'content/checks/has-makefile-test.yaml:9: rule.fact: unknown fact "manifest"; did you mean "manifests"?',
    },
    {
      name: 'a custom check on a field its fact does not have',
      tree: {
        'checks/has-makefile-test.yaml': MAKEFILE_CHECK.replace(
          /rule:[\s\S]*/,
          'rule:\n  type: fact\n  fact: license.expresion\n  matches: "^MIT$"\n',
        ),
      },
      message: 'content/checks/has-makefile-test.yaml:9: rule.fact: license has no field "expresion"; did you mean "expression"?',
    },
    {
      name: 'a custom check whose guide does not exist',
      tree: { 'checks/has-makefile-test.yaml': MAKEFILE_CHECK.replace('effort: low\n', 'effort: low\nguide: build/nowhere#tests\n') },
      message: 'content/checks/has-makefile-test.yaml:7: guide: no guide "build/nowhere"',
    },
    {
      name: 'an exemption for an unknown check',
      tree: { 'exemptions.yaml': 'exemptions:\n  - entity: a\n    check: readme-presnt\n    reason: r\n    expires: 2026-12-31\n' },
      message: 'content/exemptions.yaml:3: exemptions[0].check: unknown check "readme-presnt"; did you mean "readme-present"?',
    },
    {
      name: 'an exemption for an unknown scorecard',
      tree: {
        'exemptions.yaml':
          'exemptions:\n  - entity: a\n    check: ci-configured\n    scorecard: security\n    reason: r\n    expires: 2026-12-31\n',
      },
      message: 'content/exemptions.yaml:4: exemptions[0].scorecard: unknown scorecard "security"',
    },
    {
      name: 'an exemption with an impossible date',
      tree: { 'exemptions.yaml': 'exemptions:\n  - entity: a\n    check: ci-configured\n    reason: r\n    expires: 2026-02-30\n' },
      message: 'content/exemptions.yaml:5: exemptions[0].expires:',
    },
    {
      name: 'an exemption without a reason',
      tree: { 'exemptions.yaml': 'exemptions:\n  - entity: a\n    check: ci-configured\n    expires: 2026-12-31\n' },
      message: 'content/exemptions.yaml:2: exemptions[0].reason:',
    },
  ])('rejects $name, naming file, line and field', async ({ tree, message }) => {
    expect(await errorFor(tree)).toContain(message);
  });

  it('reports the faults of every file together', async () => {
    const message = await errorFor({
      'scorecards/a.yaml': 'id: a\ntitle: A\nlevels: [{ id: bronze, checks: [nope-one] }]\n',
      'scorecards/b.yaml': 'id: b\ntitle: B\nlevels: [{ id: bronze, checks: [nope-two] }]\n',
    });
    expect(message.split('\n')).toEqual([
      'content/scorecards/a.yaml:3: levels[0].checks[0]: unknown check "nope-one"',
      'content/scorecards/b.yaml:3: levels[0].checks[0]: unknown check "nope-two"',
    ]);
  });

  it("loads the portal's own content against the built-in library", async () => {
    const loaded = await loadPortalContent(fileURLToPath(new URL('../../content', import.meta.url)), builtinChecks);
    expect(loaded.scorecards.map((scorecard) => scorecard.id).sort()).toEqual(['catalog-hygiene', 'production-readiness', 'security']);
    expect(loaded.customChecks.map((check) => check.metadata.id).sort()).toEqual([
      'has-makefile-test-target',
      'no-todo-in-readme',
      'node-engines-set',
    ]);
    expect(loaded.exemptions.map((exemption) => exemption.entityRef)).toEqual([
      'component:default/legacy-billing',
      'component:default/ml-recommender',
    ]);
  });

  it('accepts a custom check in a scorecard and an exemption for it', async () => {
    const content = await contentFolder({
      'checks/has-makefile-test.yml': MAKEFILE_CHECK,
      'scorecards/readiness.yaml': READINESS,
      'exemptions.yaml': '# nothing exempted yet\n',
    });
    const loaded = await loadPortalContent(content, BUILTINS);
    expect(loaded.scorecards[0]!.levels[0]!.checks.map((check) => check.id)).toEqual(['readme-present', 'has-makefile-test']);
    expect(loaded.exemptions).toEqual([]);
  });
});

describe('the portal’s teams', () => {
  const group = (spec: string) => `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: web-team\nspec:\n${spec}`;
  const failure = async (tree: Record<string, string>) => {
    const error = await readPortalTeams(await contentFolder(tree)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  };

  it('reads every Group and User of teams/, with its file and line', async () => {
    const content = await contentFolder({
      'teams/web.yaml': `${group('  type: team\n  children: []\n  members: [alice]\n')}---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: alice\nspec:\n  memberOf: []\n`,
    });
    const documents = await readPortalTeams(content);
    expect(documents.map(({ file, line }) => `${file}:${line}`)).toEqual(['content/teams/web.yaml:1', 'content/teams/web.yaml:10']);
  });

  it.each([
    [
      'a member that is not a name',
      group('  type: team\n  children: []\n  members: [alice, 42]\n'),
      /^content\/teams\/web\.yaml:8: spec\.members\[1\]: group:default\/web-team is not a valid entity; Backstage rejects it: \/spec\/members\/1 must be string - type: string\. Expected a Group or User/,
    ],
    [
      'members that are not a list',
      group('  type: team\n  children: []\n  members: alice\n'),
      /^content\/teams\/web\.yaml:8: spec\.members: group:default\/web-team is not a valid entity; Backstage rejects it: \/spec\/members must be array/,
    ],
    [
      'no children',
      group('  type: team\n'),
      /^content\/teams\/web\.yaml:5: spec: group:default\/web-team is not a valid entity; Backstage rejects it: \/spec must have required property 'children'/,
    ],
    [
      'no kind',
      'apiVersion: backstage.io/v1alpha1\nmetadata:\n  name: web-team\n',
      /^content\/teams\/web\.yaml:1: this document is not a valid entity; Backstage rejects it: .*kind/,
    ],
    ['YAML that does not parse', 'name: "web\n', /^content\/teams\/web\.yaml:1: invalid YAML: /],
    [
      'a misspelt kind',
      group('  type: team\n  children: []\n').replace('kind: Group', 'kind: Grop'),
      /^content\/teams\/web\.yaml:2: kind: "Grop" is not a kind Backstage knows; did you mean "Group"\? Expected API, /,
    ],
  ])('stops the run at %s, naming the file, line and field', async (_name, text, message) => {
    expect(await failure({ 'teams/web.yaml': text })).toMatch(message);
  });

  it('leaves a kind Backstage does not know to the catalog, which warns of it', async () => {
    const content = await contentFolder({
      'teams/plugin.yaml': 'apiVersion: example.com/v1\nkind: AiResource\nmetadata:\n  name: model\n',
    });
    expect(await readPortalTeams(content)).toHaveLength(1);
  });
});
