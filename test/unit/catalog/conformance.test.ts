/**
 * Conformance: for each rule of Backstage's catalog, a descriptor that satisfies it and one that
 * breaks it go through Cairn (`descriptors` retriever + `buildCatalog`) and, independently, straight
 * through `@backstage/catalog-model` the way the catalog backend ingests an entity. Both must give
 * the same verdict for every document.
 */
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  EntityPolicies,
  entityEnvelopeSchemaValidator,
  entitySchemaValidator,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  type Entity,
} from '@backstage/catalog-model';
import { compileCatalogModel, defaultCatalogEntityModel } from '@backstage/catalog-model/alpha';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../collectors/catalog/index.ts';
import { parseYamlDocuments } from '../../../collectors/yaml/documents.ts';
import { descriptors } from '../../../collectors/facts/descriptors.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

/** The catalog backend's steps, straight from catalog-model (see DefaultCatalogProcessingOrchestrator). */
async function backstageAccepts(data: unknown): Promise<boolean> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  try {
    entityEnvelopeSchemaValidator()(data);
    const entity = await EntityPolicies.allOf([
      new SchemaValidEntityPolicy(),
      new DefaultNamespaceEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(),
    ]).enforce(data as Entity);
    if (!entity) return false;
    entitySchemaValidator()(entity);
    const validators = [
      apiEntityV1alpha1Validator,
      componentEntityV1alpha1Validator,
      resourceEntityV1alpha1Validator,
      groupEntityV1alpha1Validator,
      locationEntityV1alpha1Validator,
      userEntityV1alpha1Validator,
      systemEntityV1alpha1Validator,
      domainEntityV1alpha1Validator,
    ];
    let recognised = false;
    for (const validator of validators) if (await validator.check(entity)) recognised = true;
    if (!recognised) return false;
    // postProcessEntity parses every relation field's refs; a throw there fails the entity. The
    // fields come from catalog-model's own kind declarations, not from Cairn's table.
    const kind = catalogModel.getKind({ kind: entity.kind, apiVersion: entity.apiVersion });
    for (const field of kind?.relationFields ?? []) {
      const value = field.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], entity);
      if (!value) continue;
      for (const ref of [value].flat()) {
        parseEntityRef(ref as string, {
          ...(field.defaultKind ? { defaultKind: field.defaultKind } : {}),
          defaultNamespace: entity.metadata.namespace!,
        });
      }
    }
    return true;
  } catch {
    return false;
  }
}

const catalogModel = compileCatalogModel([defaultCatalogEntityModel]);

/** Cairn's verdict for each document of each file of a repository: is an entity from there in the catalog? */
async function cairnVerdicts(files: Record<string, string>) {
  const context = memoryContext(files, 'fixture');
  const facts = { descriptors: await descriptors.collect(context) };
  const catalog = await buildCatalog({ repos: [{ name: 'fixture', facts }], content: [] });
  const accepted = new Set(catalog.entities.map((entity) => `${entity.source.file}:${entity.source.line}`));
  return { facts, catalog, problems: context.problems, accepted };
}

const component = (name: string, extra = '') => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${extra}spec:
  type: service
  lifecycle: production
  owner: team-a
`;

/** Each rule: a fixture descriptor; `accepted` is what Backstage is expected to decide for its only document. */
const RULES: Array<{ rule: string; yaml: string; accepted: boolean }> = [
  { rule: 'name: letters, digits and [-_.] separators', yaml: component('payments-api_v2.internal'), accepted: true },
  { rule: 'name: uppercase letters are allowed', yaml: component('PaymentsAPI'), accepted: true },
  { rule: 'name: a space is rejected', yaml: component('"payments api"'), accepted: false },
  { rule: 'name: a leading separator is rejected', yaml: component('-payments'), accepted: false },
  { rule: 'name: non-ASCII letters are rejected', yaml: component('paiements-équipe'), accepted: false },
  { rule: 'name: 63 characters is the maximum', yaml: component('a'.repeat(63)), accepted: true },
  { rule: 'name: 64 characters is too long', yaml: component('a'.repeat(64)), accepted: false },
  { rule: 'namespace: lowercase DNS label', yaml: component('x', '  namespace: team-payments\n'), accepted: true },
  { rule: 'namespace: uppercase is rejected', yaml: component('x', '  namespace: Team-Payments\n'), accepted: false },
  { rule: 'namespace: underscore is rejected', yaml: component('x', '  namespace: team_payments\n'), accepted: false },
  { rule: 'namespace: 64 characters is too long', yaml: component('x', `  namespace: ${'n'.repeat(64)}\n`), accepted: false },
  { rule: 'tags: lowercase words with + and #', yaml: component('x', '  tags: [java, c++, c#, spring-boot]\n'), accepted: true },
  { rule: 'tags: uppercase is rejected', yaml: component('x', '  tags: [Java]\n'), accepted: false },
  { rule: 'tags: underscore is rejected', yaml: component('x', '  tags: [spring_boot]\n'), accepted: false },
  { rule: 'tags: 63 characters is the maximum', yaml: component('x', `  tags: [${'t'.repeat(63)}]\n`), accepted: true },
  { rule: 'tags: 64 characters is too long', yaml: component('x', `  tags: [${'t'.repeat(64)}]\n`), accepted: false },
  { rule: 'links: a url is required', yaml: component('x', '  links:\n    - title: Docs\n'), accepted: false },
  { rule: 'links: the url must parse as a URL', yaml: component('x', '  links:\n    - url: not a url\n'), accepted: false },
  {
    rule: 'links: an https url with a title',
    yaml: component('x', '  links:\n    - url: https://docs.example.com\n      title: Docs\n'),
    accepted: true,
  },
  {
    rule: 'links: an empty title is rejected',
    yaml: component('x', '  links:\n    - url: https://docs.example.com\n      title: ""\n'),
    accepted: false,
  },
  { rule: 'annotations: values must be strings', yaml: component('x', '  annotations:\n    example.com/count: 3\n'), accepted: false },
  {
    rule: 'labels: values are names (63 characters at most)',
    yaml: component('x', `  labels:\n    tier: ${'l'.repeat(64)}\n`),
    accepted: false,
  },
  { rule: 'foreign root fields: status is rejected', yaml: `${component('x')}status:\n  items: []\n`, accepted: false },
  { rule: 'foreign root fields: relations is rejected', yaml: `${component('x')}relations: []\n`, accepted: false },
  {
    rule: 'kind: case matters (component is no kind)',
    yaml: component('x').replace('kind: Component', 'kind: component'),
    accepted: false,
  },
  { rule: 'apiVersion: v1beta1 is accepted', yaml: component('x').replace('v1alpha1', 'v1beta1'), accepted: true },
  { rule: 'apiVersion: an unknown version is rejected', yaml: component('x').replace('v1alpha1', 'v2'), accepted: false },
  {
    rule: 'dependsOn: a ref with a kind',
    yaml: `${component('x')}  dependsOn: [resource:orders-db, component:default/other]\n`,
    accepted: true,
  },
  { rule: 'dependsOn: a ref without a kind is rejected', yaml: `${component('x')}  dependsOn: [orders-db]\n`, accepted: false },
  { rule: 'dependencyOf: a ref without a kind is rejected', yaml: `${component('x')}  dependencyOf: [shop]\n`, accepted: false },
  { rule: 'providesApis: a shorthand ref defaults to API', yaml: `${component('x')}  providesApis: [orders]\n`, accepted: true },
  {
    rule: 'spec: required fields per kind',
    yaml: 'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: x\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n',
    accepted: false,
  },
  {
    rule: 'Group: children is required',
    yaml: 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\nspec:\n  type: team\n',
    accepted: false,
  },
  {
    rule: 'User: memberOf is required by the schema (the TypeScript type says optional)',
    yaml: 'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: alice\nspec: {}\n',
    accepted: false,
  },
  {
    rule: 'User: an empty memberOf is enough',
    yaml: 'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: alice\nspec:\n  memberOf: []\n',
    accepted: true,
  },
  { rule: 'root: a list is not an entity', yaml: '- kind: Component\n', accepted: false },
];

describe('conformance with @backstage/catalog-model', () => {
  it.each(RULES)('$rule', async ({ yaml, accepted }) => {
    const [document] = parseYamlDocuments(yaml).documents;
    expect(await backstageAccepts(document!.data)).toBe(accepted);
    const cairn = await cairnVerdicts({ 'catalog-info.yaml': yaml });
    expect(cairn.accepted.has(`catalog-info.yaml:${document!.line}`)).toBe(accepted);
    // A rejection is always explained, within the document (at the field Backstage names, when it names one).
    if (!accepted) {
      const problem = cairn.catalog.problems.find((candidate) => candidate.severity === 'error' && candidate.file === 'catalog-info.yaml');
      expect(problem).toMatchObject({ repo: 'fixture' });
      expect(problem!.line).toBeGreaterThanOrEqual(document!.line);
      expect(problem!.line).toBeLessThanOrEqual(yaml.split('\n').length);
    }
  });

  it("multi-document files: each document gets its own verdict, the same as Backstage's", async () => {
    const yaml = [component('first'), component('Second One'), component('third', '  tags: [Bad_Tag]\n'), component('fourth'), ''].join(
      '---\n',
    );
    const { documents } = parseYamlDocuments(yaml);
    const cairn = await cairnVerdicts({ 'catalog-info.yaml': yaml });
    const verdicts = await Promise.all(
      documents.map(async (document) => ({
        backstage: await backstageAccepts(document.data),
        cairn: cairn.accepted.has(`catalog-info.yaml:${document.line}`),
      })),
    );
    expect(verdicts).toEqual([
      { backstage: true, cairn: true },
      { backstage: false, cairn: false },
      { backstage: false, cairn: false },
      { backstage: true, cairn: true },
    ]);
  });

  it('Location fan-out: targets are read and their documents judged like any other', async () => {
    const files = {
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets:\n    - ./services/*/catalog-info.yaml\n    - ./apis/orders.yaml\n',
      'services/a/catalog-info.yaml': component('service-a'),
      'services/b/catalog-info.yaml': `${component('service-b')}---\n${component('Service B Two')}`,
      'apis/orders.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: orders\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition: "openapi: 3.0.0"\n',
    };
    const cairn = await cairnVerdicts(files);
    expect(cairn.facts.descriptors.files).toEqual([
      'catalog-info.yaml',
      'services/a/catalog-info.yaml',
      'services/b/catalog-info.yaml',
      'apis/orders.yaml',
    ]);
    for (const document of cairn.facts.descriptors.documents) {
      expect({ at: `${document.file}:${document.line}`, cairn: cairn.accepted.has(`${document.file}:${document.line}`) }).toEqual({
        at: `${document.file}:${document.line}`,
        cairn: await backstageAccepts(document.data),
      });
    }
    expect(cairn.catalog.entities.map((entity) => entity.ref)).toEqual([
      'api:default/orders',
      'component:default/service-a',
      'component:default/service-b',
      'location:default/root',
    ]);
  });

  it('Location fan-out: an invalid Location is rejected by both and its targets are not followed', async () => {
    const location =
      'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets: ./services/a/catalog-info.yaml\n';
    const [document] = parseYamlDocuments(location).documents;
    expect(await backstageAccepts(document!.data)).toBe(false);
    const cairn = await cairnVerdicts({ 'catalog-info.yaml': location, 'services/a/catalog-info.yaml': component('service-a') });
    expect(cairn.facts.descriptors.files).toEqual(['catalog-info.yaml']);
    // Only the repository itself is left, inferred: nothing the Location names is read.
    expect(cairn.catalog.entities.map((entity) => entity.inferred)).toEqual([true]);
  });
});
