import { describe, expect, it } from 'vitest';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { templateView } from '../../../site/lib/template.ts';

const entity = (spec: Record<string, unknown>, kind = 'Template'): CatalogEntity => ({
  ref: `${kind.toLowerCase()}:default/x`,
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind,
  metadata: { name: 'x', namespace: 'default' },
  spec,
  relations: [],
  source: { repo: 'templates', file: 'template.yaml', line: 1 },
  inferred: false,
});

describe('templateView', () => {
  it('is only for Templates', () => {
    expect(templateView(entity({ type: 'service', steps: [] }, 'Component'))).toBeUndefined();
  });

  it.each([
    {
      name: 'one form (parameters as an object), untitled',
      spec: {
        steps: [],
        parameters: { required: ['name'], properties: { name: { type: 'string', title: 'Name' }, port: { type: 'integer' } } },
      },
      forms: [
        {
          title: 'Step 1',
          fields: [
            { name: 'name', title: 'Name', type: 'string', required: true, choices: [] },
            { name: 'port', type: 'integer', required: false, choices: [] },
          ],
        },
      ],
    },
    {
      name: 'a list of forms, each with its own required list',
      spec: {
        steps: [],
        parameters: [
          {
            title: 'About you',
            description: 'Who is asking',
            required: ['owner'],
            properties: { owner: { type: 'string', 'ui:field': 'OwnerPicker', 'ui:widget': 'ignored' } },
          },
          { title: 'Where', properties: { owner: { type: 'string' } } },
        ],
      },
      forms: [
        {
          title: 'About you',
          description: 'Who is asking',
          fields: [{ name: 'owner', type: 'string', required: true, input: 'OwnerPicker', choices: [] }],
        },
        { title: 'Where', fields: [{ name: 'owner', type: 'string', required: false, choices: [] }] },
      ],
    },
    {
      name: 'types: a list of types, an array of items, choices from enum or the items',
      spec: {
        steps: [],
        parameters: {
          properties: {
            size: { type: ['string', 'number'], enum: ['s', 2, true, { no: 1 }] },
            tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, 'ui:widget': 'checkboxes' },
            free: {},
          },
        },
      },
      forms: [
        {
          title: 'Step 1',
          fields: [
            { name: 'size', type: 'string or number', required: false, choices: ['s', '2', 'true'] },
            { name: 'tags', type: 'array of string', required: false, input: 'checkboxes', choices: ['a', 'b'] },
            { name: 'free', required: false, choices: [] },
          ],
        },
      ],
    },
    {
      name: 'shapes Backstage would reject or that carry no form are left out, not shown as [object Object]',
      spec: {
        steps: [],
        parameters: [
          'not a form',
          { title: { nested: true }, required: 'name', properties: { name: 'string', ok: { title: 3, description: ['x'] } } },
        ],
      },
      forms: [{ title: 'Step 1', fields: [{ name: 'ok', required: false, choices: [] }] }],
    },
    { name: 'no parameters at all', spec: { steps: [] }, forms: [] },
  ])('forms: $name', ({ spec, forms }) => {
    expect(templateView(entity(spec))!.forms).toEqual(forms);
  });

  it.each([
    {
      name: 'id, name and action',
      steps: [{ id: 'fetch', name: 'Fetch', action: 'fetch:template', input: { url: './skeleton' } }],
      expected: [{ id: 'fetch', name: 'Fetch', action: 'fetch:template' }],
    },
    { name: 'only an action', steps: [{ action: 'debug:log' }], expected: [{ action: 'debug:log' }] },
    { name: 'no action or not an object', steps: [{ id: 'x' }, 'publish', null, { action: '' }], expected: [] },
    { name: 'steps that are not a list', steps: { action: 'debug:log' }, expected: [] },
  ])('steps: $name', ({ steps, expected }) => {
    expect(templateView(entity({ type: 'service', steps }))!.steps).toEqual(expected);
  });

  it('keeps hostile text as text (the page escapes it) but removes control characters', () => {
    const view = templateView(
      entity({
        steps: [{ id: 'a\u0000b', name: '<img src=x onerror=alert(1)>', action: 'debug:log\u001b[31m' }],
        parameters: {
          title: 'Line one\nline two\u0007',
          properties: { '<b>\u0008x': { description: '<script>alert(1)</script>', enum: ['\u0000'] } },
        },
      }),
    )!;
    expect(view.steps).toEqual([{ id: 'ab', name: '<img src=x onerror=alert(1)>', action: 'debug:log[31m' }]);
    expect(view.forms).toEqual([
      { title: 'Line one\nline two', fields: [{ name: '<b>x', description: '<script>alert(1)</script>', required: false, choices: [''] }] },
    ]);
  });
});
