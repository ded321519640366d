import { describe, expect, it } from 'vitest';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { prepareEntityPage } from '../../../site/lib/entity-isolation.ts';

const entity = (source: CatalogEntity['source'], title?: string): CatalogEntity => ({
  ref: 'component:default/payments',
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default', ...(title ? { title } : {}) },
  relations: [],
  source,
  inferred: source.file === '.',
});

describe('prepareEntityPage', () => {
  it('gives the props when preparing succeeds, and reports nothing', () => {
    const reported: string[] = [];
    expect(
      prepareEntityPage(
        entity({ repo: 'payments', file: 'catalog-info.yaml', line: 3 }),
        () => ({ view: 1 }),
        (message) => reported.push(message),
      ),
    ).toEqual({ props: { view: 1 } });
    expect(reported).toEqual([]);
  });

  it.each([
    {
      name: 'a declared entity: repository, file and line',
      source: { repo: 'payments', file: 'catalog-info.yaml', line: 3 },
      error: new TypeError("Cannot read properties of undefined (reading 'map')\n    at entityPageView"),
      declaredIn: 'repository payments, catalog-info.yaml line 3',
      reason: "Cannot read properties of undefined (reading 'map')",
    },
    {
      name: 'an inferred entity: its repository',
      source: { repo: 'payments', file: '.', line: 1 },
      error: new Error('boom'),
      declaredIn: 'repository payments, inferred',
      reason: 'boom',
    },
    {
      name: 'a content entity: its file',
      source: { file: 'content/teams/a.yaml', line: 7 },
      error: 'thrown text',
      declaredIn: 'content/teams/a.yaml line 7',
      reason: 'thrown text',
    },
    {
      name: 'control characters in the error are cleaned',
      source: { repo: 'payments', file: 'catalog-info.yaml', line: 1 },
      error: new Error('bad \u001b[2J title'),
      declaredIn: 'repository payments, catalog-info.yaml line 1',
      reason: 'bad \uFFFD[2J title',
    },
  ])('a throw becomes a failure the page shows and the log reports: $name', ({ source, error, declaredIn, reason }) => {
    const reported: string[] = [];
    const page = prepareEntityPage(
      entity(source, 'Payments'),
      () => {
        throw error;
      },
      (message) => reported.push(message),
    );
    expect(page.failure).toEqual({
      ref: 'component:default/payments',
      displayName: 'Payments',
      declaredIn,
      message: `The page of component:default/payments (${declaredIn}) could not be prepared: ${reason}. The rest of the portal is built; this is a fault in Cairn, please report it with this message.`,
    });
    expect(reported).toEqual([page.failure!.message]);
  });
});
