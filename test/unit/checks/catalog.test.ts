import { apiDefinition } from '../../../collectors/checks/builtin/api-definition.ts';
import { descriptionSet } from '../../../collectors/checks/builtin/description-set.ts';
import { lifecycleSet } from '../../../collectors/checks/builtin/lifecycle-set.ts';
import { linksSet } from '../../../collectors/checks/builtin/links-set.ts';
import { systemSet } from '../../../collectors/checks/builtin/system-set.ts';
import { tagsSet } from '../../../collectors/checks/builtin/tags-set.ts';
import { describeCheck, entity } from '../../helpers/check-context.ts';

const component = (spec: Record<string, unknown>, rest: Parameters<typeof entity>[0] = {}) =>
  entity({ spec: { type: 'service', owner: 'group:default/payments-team', ...spec }, ...rest });
const api = (definition: unknown) =>
  entity({ kind: 'API', name: 'payments-api', spec: { type: 'openapi', lifecycle: 'production', owner: 'x', definition }, line: 12 });
const group = entity({ kind: 'Group', name: 'payments-team', spec: { type: 'team', children: [] } });

describeCheck(lifecycleSet, [
  {
    name: 'production',
    input: { entity: component({ lifecycle: 'production' }) },
    outcome: 'pass',
    evidence: [{ path: 'catalog-info.yaml', line: 1, note: 'lifecycle: production' }],
  },
  { name: 'any case', input: { entity: component({ lifecycle: 'Experimental' }) }, outcome: 'pass' },
  {
    name: 'inferred unknown',
    input: { entity: component({ lifecycle: 'unknown' }, { inferred: true }) },
    outcome: 'fail',
    message: /inferred this entity/,
    evidence: [],
  },
  {
    name: 'a custom value',
    input: { entity: component({ lifecycle: 'beta' }) },
    outcome: 'fail',
    message: /"beta"; expected one of experimental, production, deprecated/,
  },
  {
    name: 'custom allowed list',
    input: { entity: component({ lifecycle: 'beta' }), options: { allowed: ['beta', 'ga'] } },
    outcome: 'pass',
  },
  { name: 'empty', input: { entity: component({ lifecycle: '  ' }) }, outcome: 'fail', message: /not set/ },
  { name: 'API', input: { entity: api('openapi: 3.1.0') }, outcome: 'pass' },
  { name: 'a Group has none', input: { entity: group }, outcome: 'notApplicable' },
]);

const inSystem = (system: string) =>
  component({ lifecycle: 'production', system }, { relations: [{ type: 'partOf', targetRef: `system:default/${system}` }] });
const checkout = entity({ kind: 'System', name: 'checkout', spec: { owner: 'payments-team' } });

describeCheck(systemSet, [
  {
    name: 'a known System',
    input: { entity: inSystem('checkout'), catalog: [checkout] },
    outcome: 'pass',
    message: /system:default\/checkout/,
    evidence: [{ path: 'catalog-info.yaml', line: 1, note: 'system: checkout' }],
  },
  { name: 'not in the catalog', input: { entity: inSystem('checkout') }, outcome: 'fail', message: /not in the catalog/ },
  {
    name: 'names something else',
    input: {
      entity: component({ system: 'payments-team' }, { relations: [{ type: 'partOf', targetRef: 'system:default/payments-team' }] }),
      catalog: [{ ...group, ref: 'system:default/payments-team' }],
    },
    outcome: 'fail',
    message: /is a Group/,
  },
  {
    name: 'without relations, resolved in the entity namespace',
    input: {
      entity: component({ system: 'Checkout' }, { namespace: 'shop' }),
      catalog: [entity({ kind: 'System', name: 'checkout', namespace: 'shop', spec: {} })],
    },
    outcome: 'pass',
  },
  { name: 'not set', input: { entity: component({ lifecycle: 'production' }) }, outcome: 'fail', message: /not set/ },
  { name: 'a Group', input: { entity: group }, outcome: 'notApplicable' },
]);

describeCheck(descriptionSet, [
  {
    name: 'a sentence',
    input: { entity: entity({ metadata: { description: 'Takes card payments for the shop.' } }) },
    outcome: 'pass',
    evidence: [{ path: 'catalog-info.yaml', line: 1, note: 'Takes card payments for the shop.' }],
  },
  {
    name: 'long ones are shortened in evidence',
    input: { entity: entity({ metadata: { description: 'word '.repeat(30) } }) },
    outcome: 'pass',
  },
  {
    name: 'inferred from the README',
    input: { entity: entity({ inferred: true, metadata: { description: 'Takes card payments.' } }) },
    outcome: 'pass',
    message: /inferred/,
    evidence: [],
  },
  {
    name: 'two words',
    input: { entity: entity({ metadata: { description: 'Payments service' } }) },
    outcome: 'fail',
    message: /2 words; expected at least 3/,
  },
  { name: 'blank', input: { entity: entity({ metadata: { description: ' ' } }) }, outcome: 'fail', message: /not set/ },
  { name: 'none', input: { entity: entity() }, outcome: 'fail' },
  {
    name: 'a Group without a repository still has a description to check',
    input: { entity: entity({ kind: 'Group', repo: null, spec: {}, metadata: { description: 'The payments team.' } }), facts: null },
    outcome: 'pass',
  },
]);

describeCheck(tagsSet, [
  { name: 'tagged', input: { entity: entity({ metadata: { tags: ['go', 'grpc'] } }) }, outcome: 'pass', message: /go, grpc/ },
  { name: 'empty list', input: { entity: entity({ metadata: { tags: [] } }) }, outcome: 'fail', message: 'metadata.tags is empty.' },
  { name: 'none', input: { entity: entity() }, outcome: 'fail', message: 'metadata.tags is not set.' },
  {
    name: 'minTags',
    input: { entity: entity({ metadata: { tags: ['go'] } }), options: { minTags: 2 } },
    outcome: 'fail',
    message: /has 1; expected at least 2/,
  },
]);

describeCheck(linksSet, [
  {
    name: 'a link',
    input: {
      entity: entity({ metadata: { links: [{ url: 'https://grafana.acme.dev/d/1', title: 'Dashboard' }, { url: 'https://wiki' }] } }),
    },
    outcome: 'pass',
    message: /Dashboard, https:\/\/wiki/,
  },
  {
    name: 'none',
    input: { entity: entity() },
    outcome: 'fail',
    message: 'metadata.links is not set.',
    evidence: [{ path: 'catalog-info.yaml', line: 1 }],
  },
  {
    name: 'minLinks',
    input: { entity: entity({ metadata: { links: [{ url: 'https://x' }] } }), options: { minLinks: 2 } },
    outcome: 'fail',
  },
]);

describeCheck(apiDefinition, [
  {
    name: 'an inline definition',
    input: { entity: api('openapi: 3.1.0\ninfo:\n  title: Payments\n') },
    outcome: 'pass',
    message: /openapi definition of 3 lines/,
    evidence: [{ path: 'catalog-info.yaml', line: 12 }],
  },
  { name: 'empty', input: { entity: api('') }, outcome: 'fail', message: /empty/ },
  { name: 'not a string', input: { entity: api({ $text: './openapi.yaml' }) }, outcome: 'fail' },
  { name: 'only a URL', input: { entity: api('https://api.acme.dev/openapi.yaml') }, outcome: 'fail', message: /only a URL/ },
  {
    name: 'only a URL, allowed',
    input: { entity: api('https://api.acme.dev/openapi.yaml'), options: { allowUrl: true } },
    outcome: 'pass',
  },
  { name: 'a Component', input: { entity: component({ lifecycle: 'production' }) }, outcome: 'notApplicable' },
]);
