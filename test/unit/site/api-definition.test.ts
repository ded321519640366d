import { describe, expect, it } from 'vitest';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { API_DEFINITION_SHOWN, apiDefinitionView } from '../../../site/lib/api-definition.ts';
import { snapshotFixture } from '../../helpers/snapshot-fixture.ts';

const api = snapshotFixture.entities.find((entity) => entity.kind === 'API')!;
const withDefinition = (definition: unknown, kind = 'API'): CatalogEntity => ({ ...api, kind, spec: { ...api.spec, definition } });

describe('apiDefinitionView', () => {
  it.each([
    [
      'a definition in the catalog',
      'openapi: 3.0.0\npaths: {}',
      { type: 'OpenAPI', text: 'openapi: 3.0.0\npaths: {}', lines: 2, characters: 24 },
    ],
    [
      'a URL Cairn does not fetch',
      'https://api.example.com/openapi.yaml',
      { url: 'https://api.example.com/openapi.yaml', href: 'https://api.example.com/openapi.yaml' },
    ],
    ['no definition', '', undefined],
    ['a definition that is not text', { openapi: '3.0.0' }, undefined],
  ])('shows %s', (_, definition, view) => {
    expect(apiDefinitionView(withDefinition(definition))).toEqual(view);
  });

  it('shows the first characters of a definition too long for a page, and says how long it is', () => {
    const view = apiDefinitionView(withDefinition('x'.repeat(API_DEFINITION_SHOWN + 5)));
    expect(view).toMatchObject({ characters: API_DEFINITION_SHOWN + 5, shownCharacters: API_DEFINITION_SHOWN });
    expect(view && 'text' in view && view.text.length).toBe(API_DEFINITION_SHOWN);
  });

  it('never cuts a character outside the BMP in two', () => {
    const view = apiDefinitionView(withDefinition(`${'x'.repeat(API_DEFINITION_SHOWN - 1)}😀 and more`));
    expect(view && 'text' in view && view.text).toBe('x'.repeat(API_DEFINITION_SHOWN - 1));
  });

  it('shows nothing for other kinds', () => {
    expect(apiDefinitionView(withDefinition('openapi: 3.0.0', 'Component'))).toBeUndefined();
  });
});
