/**
 * Backstage's schema validators as Cairn runs them, compiled ahead of time
 * (scripts/dev/generate-validators.ts), against catalog-model's own, which compile the same schemas
 * at run time: on every entity of the table, each validator must accept, reject (softly, for
 * another kind) or throw the same message.
 */
import * as backstage from '@backstage/catalog-model';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as compiled from '../../../collectors/backstage/validators.ts';
import { TEMPLATE_V1BETA3_SCHEMA } from '../../../collectors/catalog/template.ts';
import { validateEntity } from '../../../collectors/catalog/validate.ts';
import { renderValidators } from '../../../scripts/dev/generate-validators.ts';

const meta = (extra: Record<string, unknown> = {}) => ({ name: 'payments', namespace: 'default', ...extra });
const component = (spec: Record<string, unknown>, metadata: Record<string, unknown> = meta()) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata,
  spec,
});
const service = { type: 'service', lifecycle: 'production', owner: 'group:payments-team' };
const of = (kind: string, spec: Record<string, unknown>, apiVersion = 'backstage.io/v1alpha1') => ({
  apiVersion,
  kind,
  metadata: meta(),
  spec,
});
const template = (spec: Record<string, unknown>) => of('Template', spec, 'scaffolder.backstage.io/v1beta3');

const ENTITIES: Array<[string, unknown]> = [
  ['a valid Component', component(service)],
  [
    'a Component with every optional field',
    component(
      {
        ...service,
        system: 'checkout',
        subcomponentOf: 'web',
        providesApis: ['pay'],
        consumesApis: ['cards'],
        dependsOn: ['resource:db'],
        dependencyOf: ['shop'],
      },
      meta({
        title: 'Payments',
        description: 'Takes card payments.',
        labels: { tier: 'one' },
        annotations: { 'github.com/project-slug': 'acme/payments' },
        tags: ['java'],
        links: [{ url: 'https://acme.dev', title: 'Home', icon: 'docs', type: 'website' }],
      }),
    ),
  ],
  ['a Component without spec.type', component({ lifecycle: 'production', owner: 'team' })],
  ['a Component with an empty owner', component({ ...service, owner: '' })],
  ['a Component with a numeric lifecycle', component({ ...service, lifecycle: 3 })],
  ['a Component whose dependsOn is a string', component({ ...service, dependsOn: 'resource:db' })],
  ['a Component without spec', { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: meta() }],
  ['a Component of another apiVersion', { ...component(service), apiVersion: 'backstage.io/v1beta1' }],
  ['a Component of a foreign apiVersion', { ...component(service), apiVersion: 'acme.dev/v1' }],
  ['a foreign apiVersion and a broken spec', { ...component({ lifecycle: 3 }), apiVersion: 'acme.dev/v1' }],
  ['a kind no validator knows', of('Widget', { type: 'gear' })],
  ['an API', of('API', { type: 'openapi', lifecycle: 'production', owner: 'team', definition: 'openapi: 3.0.0' })],
  ['an API without a definition', of('API', { type: 'openapi', lifecycle: 'production', owner: 'team' })],
  ['a Resource', of('Resource', { type: 'database', owner: 'team', system: 'checkout' })],
  ['a Resource without a type', of('Resource', { owner: 'team' })],
  ['a Group', of('Group', { type: 'team', children: [], profile: { displayName: 'Payments', email: 'pay@acme.dev' }, members: ['jane'] })],
  ['a Group without children', of('Group', { type: 'team' })],
  ['a User', of('User', { memberOf: ['payments-team'], profile: { displayName: 'Jane' } })],
  ['a User whose memberOf is a string', of('User', { memberOf: 'payments-team' })],
  ['a System', of('System', { owner: 'team', domain: 'commerce' })],
  ['a System without an owner', of('System', {})],
  ['a Domain', of('Domain', { owner: 'team', subdomainOf: 'business' })],
  ['a Location with targets', of('Location', { type: 'url', targets: ['./a.yaml', './b.yaml'] })],
  ['a Location whose target is a list', of('Location', { target: ['./a.yaml'] })],
  ['a Location with a presence that is no choice', of('Location', { target: './a.yaml', presence: 'maybe' })],
  [
    'a Template',
    template({
      type: 'service',
      owner: 'team',
      parameters: [{ title: 'Name', properties: { name: { type: 'string' } } }],
      steps: [{ id: 'fetch', name: 'Fetch', action: 'fetch:template', input: { url: './skeleton' } }],
      output: { links: [{ title: 'Repository', url: 'https://git.acme.dev/x' }] },
    }),
  ],
  ['a Template without steps', template({ type: 'service' })],
  ['a Template step without an action', template({ type: 'service', steps: [{ id: 'fetch' }] })],
  ['a Template whose parameters are text', template({ type: 'service', steps: [], parameters: 'name' })],
  ['a Template of the old apiVersion', { ...template({ type: 'service', steps: [] }), apiVersion: 'backstage.io/v1beta2' }],
  ['no apiVersion', { kind: 'Component', metadata: meta(), spec: service }],
  ['an empty kind', { ...component(service), kind: '' }],
  ['a numeric apiVersion', { ...component(service), apiVersion: 1 }],
  ['no metadata', { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', spec: service }],
  ['metadata that is a list', { ...component(service), metadata: ['payments'] }],
  ['no name', component(service, { namespace: 'default' })],
  ['an empty name', component(service, meta({ name: '' }))],
  ['a numeric name', component(service, meta({ name: 42 }))],
  ['a title of one astral character', component(service, meta({ title: '𝒳' }))],
  ['an empty title', component(service, meta({ title: '' }))],
  ['a label that is a number', component(service, meta({ labels: { tier: 1 } }))],
  ['annotations that are a list', component(service, meta({ annotations: ['a'] }))],
  ['tags that are a string', component(service, meta({ tags: 'java' }))],
  ['a link without a url', component(service, meta({ links: [{ title: 'Home' }] }))],
  ['relations', { ...component(service), relations: [{ type: 'ownedBy', targetRef: 'group:default/payments-team' }] }],
  ['a relation without a target', { ...component(service), relations: [{ type: 'ownedBy' }] }],
  ['a status', { ...component(service), status: { items: [{ type: 'x', level: 'info', message: 'ok' }] } }],
  ['a status of an unknown level', { ...component(service), status: { items: [{ type: 'x', level: 'fine', message: 'ok' }] } }],
  ['a foreign root field', { ...component(service), owner: 'team' }],
  ['a string', 'payments'],
  ['null', null],
];

/** What a validator does with `data`: the value it resolves with, or the message it throws. */
async function outcome(run: () => unknown): Promise<unknown> {
  try {
    return { value: await run() };
  } catch (error) {
    return { throws: (error as Error).message };
  }
}

const KIND_VALIDATORS = [
  ['API', compiled.apiEntityV1alpha1Validator, backstage.apiEntityV1alpha1Validator],
  ['Component', compiled.componentEntityV1alpha1Validator, backstage.componentEntityV1alpha1Validator],
  ['Resource', compiled.resourceEntityV1alpha1Validator, backstage.resourceEntityV1alpha1Validator],
  ['Group', compiled.groupEntityV1alpha1Validator, backstage.groupEntityV1alpha1Validator],
  ['Location', compiled.locationEntityV1alpha1Validator, backstage.locationEntityV1alpha1Validator],
  ['User', compiled.userEntityV1alpha1Validator, backstage.userEntityV1alpha1Validator],
  ['System', compiled.systemEntityV1alpha1Validator, backstage.systemEntityV1alpha1Validator],
  ['Domain', compiled.domainEntityV1alpha1Validator, backstage.domainEntityV1alpha1Validator],
] as const;

const backstageTemplate = backstage.entityKindSchemaValidator(TEMPLATE_V1BETA3_SCHEMA);

describe("Backstage's validators, compiled ahead of time", () => {
  it('are the code scripts/dev/generate-validators.ts makes of the installed catalog-model (npm run validators)', async () => {
    for (const [file, text] of Object.entries(await renderValidators())) {
      expect(await readFile(new URL(`../../../collectors/backstage/generated/${file}`, import.meta.url), 'utf8'), file).toBe(text);
    }
  });

  describe.each(ENTITIES)('on %s', (_, data) => {
    it('the envelope and entity schemas judge as catalog-model does', async () => {
      expect(await outcome(() => compiled.entityEnvelopeSchemaValidator()(data))).toEqual(
        await outcome(() => backstage.entityEnvelopeSchemaValidator()(data)),
      );
      expect(await outcome(() => compiled.entitySchemaValidator()(data))).toEqual(
        await outcome(() => backstage.entitySchemaValidator()(data)),
      );
    });

    it('the schema policy judges as catalog-model does', async () => {
      const entity = data as backstage.Entity;
      expect(await outcome(() => new compiled.SchemaValidEntityPolicy().enforce(entity))).toEqual(
        await outcome(() => new backstage.SchemaValidEntityPolicy().enforce(entity)),
      );
    });

    it('every kind validator judges as catalog-model does', async () => {
      const entity = data as backstage.Entity;
      for (const [kind, ours, theirs] of KIND_VALIDATORS) {
        expect(await outcome(() => ours.check(entity)), kind).toEqual(await outcome(() => theirs.check(entity)));
      }
      expect(await outcome(() => compiled.templateEntityV1beta3Validator.check(entity)), 'Template').toEqual(
        await outcome(() => backstageTemplate(entity) === entity),
      );
    });
  });

  it('leave some of the table valid and reject the rest, each kind at least once', async () => {
    const verdicts = await Promise.all(ENTITIES.map(async ([name, data]) => [name, (await validateEntity(data)).ok] as const));
    expect(verdicts.filter(([, ok]) => ok).map(([name]) => name)).toEqual([
      'a valid Component',
      'a Component with every optional field',
      'a Component of another apiVersion',
      'an API',
      'a Resource',
      'a Group',
      'a User',
      'a System',
      'a Domain',
      'a Location with targets',
      'a Template',
      'a title of one astral character',
    ]);
  });
});
