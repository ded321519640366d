import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../collectors/catalog/index.ts';
import { validateEntity } from '../../../collectors/catalog/validate.ts';
import { parseYamlDocuments } from '../../../collectors/yaml/documents.ts';
import { templateView } from '../../../site/lib/template.ts';

const template = (spec: string, head = 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: new-service\n') =>
  `${head}spec:\n${spec}`;
const MINIMAL = '  type: service\n  owner: team-a\n  steps: []\n';

/**
 * Each rule of the v1beta3 Template schema (from @backstage/plugin-scaffolder-common) with the
 * verdict Backstage gives, read by hand from that schema and its validator.
 */
const RULES: Array<{ rule: string; yaml: string; accepted: boolean }> = [
  { rule: 'type and steps are enough', yaml: template('  type: service\n  steps: []\n'), accepted: true },
  { rule: 'type is required', yaml: template('  owner: team-a\n  steps: []\n'), accepted: false },
  { rule: 'type must not be empty', yaml: template('  type: ""\n  steps: []\n'), accepted: false },
  { rule: 'steps are required', yaml: template('  type: service\n  owner: team-a\n'), accepted: false },
  {
    rule: 'spec is required',
    yaml: 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: x\n',
    accepted: false,
  },
  { rule: 'owner must not be empty', yaml: template('  type: service\n  owner: ""\n  steps: []\n'), accepted: false },
  { rule: 'owner must be a string', yaml: template('  type: service\n  owner: [team-a]\n  steps: []\n'), accepted: false },
  {
    rule: 'a step needs an action',
    yaml: template(`${MINIMAL.replace('steps: []', 'steps:\n    - id: fetch\n      name: Fetch')}`),
    accepted: false,
  },
  {
    rule: 'a step with id, name, action, input and a condition',
    yaml: template(
      MINIMAL.replace(
        'steps: []',
        'steps:\n    - id: fetch\n      name: Fetch\n      action: fetch:template\n      if: ${{ parameters.go }}\n      input:\n        url: ./skeleton\n',
      ),
    ),
    accepted: true,
  },
  {
    rule: "a step's condition is a string or a boolean",
    yaml: template(MINIMAL.replace('steps: []', 'steps:\n    - action: debug:log\n      if: 3\n')),
    accepted: false,
  },
  {
    rule: 'step input must be an object',
    yaml: template(MINIMAL.replace('steps: []', 'steps:\n    - action: debug:log\n      input: hello\n')),
    accepted: false,
  },
  {
    rule: 'parameters as one form',
    yaml: template(`${MINIMAL}  parameters:\n    required: [name]\n    properties:\n      name:\n        type: string\n`),
    accepted: true,
  },
  {
    rule: 'parameters as a list of forms',
    yaml: template(`${MINIMAL}  parameters:\n    - title: First\n      properties: {}\n    - title: Second\n      when: true\n`),
    accepted: true,
  },
  { rule: 'parameters must be a form or a list of forms', yaml: template(`${MINIMAL}  parameters: name\n`), accepted: false },
  {
    rule: 'output links and text',
    yaml: template(
      `${MINIMAL}  output:\n    links:\n      - title: Repository\n        url: https://git.example.com/x\n    text:\n      - title: Next\n        content: Done\n`,
    ),
    accepted: true,
  },
  { rule: 'fields the schema does not name are allowed in spec', yaml: template(`${MINIMAL}  x-acme: anything\n`), accepted: true },
  {
    rule: 'metadata is still checked by the entity policies',
    yaml: template(MINIMAL, 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: New Service\n'),
    accepted: false,
  },
  { rule: 'foreign root fields are still rejected', yaml: `${template(MINIMAL)}status: {}\n`, accepted: false },
  {
    rule: 'v1beta2 Templates are no longer recognised',
    yaml: template(MINIMAL, 'apiVersion: backstage.io/v1beta2\nkind: Template\nmetadata:\n  name: new-service\n'),
    accepted: false,
  },
  {
    rule: 'the scaffolder apiVersion is only for Templates',
    yaml: template(MINIMAL, 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Component\nmetadata:\n  name: new-service\n'),
    accepted: false,
  },
];

describe('Template validation', () => {
  it.each(RULES)('$rule', async ({ yaml, accepted }) => {
    const [document] = parseYamlDocuments(yaml).documents;
    const validation = await validateEntity(document!.data);
    expect(validation.ok).toBe(accepted);
    const catalog = await buildCatalog({
      repos: [
        {
          name: 'templates',
          facts: {
            descriptors: { files: ['catalog-info.yaml'], documents: [{ file: 'catalog-info.yaml', line: 1, data: document!.data }] },
          },
        },
      ],
      content: [],
    });
    // A rejected Template leaves its repository in the catalog as an inferred entity.
    expect(catalog.entities.map((entity) => entity.inferred ?? false)).toEqual([!accepted]);
    if (!accepted) expect(catalog.problems).toContainEqual(expect.objectContaining({ file: 'catalog-info.yaml', line: 1 }));
  });

  it("quotes Backstage's reason for a broken Template", async () => {
    const [document] = parseYamlDocuments(template('  owner: team-a\n  steps: []\n')).documents;
    expect(await validateEntity(document!.data)).toEqual({
      ok: false,
      ref: 'template:default/new-service',
      reason: expect.stringContaining("must have required property 'type'"),
    });
  });

  it('keeps a valid Template as written, with its namespace defaulted', async () => {
    const [document] = parseYamlDocuments(template(MINIMAL)).documents;
    const validation = await validateEntity(document!.data);
    expect(validation).toMatchObject({
      ok: true,
      ref: 'template:default/new-service',
      entity: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { namespace: 'default' },
        spec: { type: 'service', owner: 'team-a', steps: [] },
      },
    });
  });
});

/** backstage/demo, a real Backstage organisation's repository (see shared/real-world/MANIFEST.tsv). */
const DEMO_ARCHIVE = resolve(import.meta.dirname, '../../../../shared/real-world/demo.tar.gz');

describe.runIf(existsSync(DEMO_ARCHIVE))("backstage/demo's Template", () => {
  const yaml = execFileSync('tar', ['-xzOf', DEMO_ARCHIVE, 'demo/demo-template/template/template.yaml'], { encoding: 'utf8' });

  it('is accepted, and its page lists the two forms and the six steps', async () => {
    const [document] = parseYamlDocuments(yaml).documents;
    const validation = await validateEntity(document!.data);
    expect(validation).toMatchObject({ ok: true, ref: 'template:default/demo-template' });
    const catalog = await buildCatalog({
      repos: [
        {
          name: 'demo',
          facts: {
            descriptors: {
              files: ['demo-template/template/template.yaml'],
              documents: [{ file: 'demo-template/template/template.yaml', line: document!.line, data: document!.data }],
            },
          },
        },
      ],
      content: [],
    });
    const [entity] = catalog.entities;
    const view = templateView(entity!)!;
    expect(
      view.forms.map((form) => [form.title, form.fields.map((field) => [field.name, field.type, field.required, field.input ?? null])]),
    ).toEqual([
      [
        'Answer some questions',
        [
          ['name', 'string', true, null],
          ['mode', 'string', true, 'radio'],
          ['topics', 'array of string', true, 'checkboxes'],
        ],
      ],
      ['Choose a location', [['repoUrl', 'string', true, 'RepoUrlPicker']]],
    ]);
    expect(view.forms[0]!.fields[1]!.choices).toEqual(['light', 'dark']);
    expect(view.steps.map((step) => [step.id, step.action])).toEqual([
      ['list-inputs', 'debug:log'],
      ['fetch-skeleton', 'fetch:template'],
      ['publish', 'publish:github'],
      ['enable-pages', 'github:pages:enable'],
      ['dispatch-workflow', 'github:actions:dispatch'],
      ['notify', 'notification:send'],
    ]);
  });
});
