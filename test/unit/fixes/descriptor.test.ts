import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { Facts } from '../../../collectors/facts/index.ts';
import { descriptorFix } from '../../../collectors/fixes/descriptor.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { entity, repoFacts } from '../../helpers/check-context.ts';

/** The descriptor of an inferred entity: Backstage's fields, no Cairn annotation, a header that says what to check. */

function inferred(
  overrides: { owner?: string; metadata?: Partial<CatalogEntity['metadata']>; url?: string; namespace?: string } = {},
): CatalogEntity {
  const owner = overrides.owner ?? 'group:default/payments-team';
  const base = entity({
    inferred: true,
    ...(overrides.namespace ? { namespace: overrides.namespace } : {}),
    metadata: {
      description: 'Takes card payments for the web shop.',
      tags: ['typescript'],
      annotations: { 'cairn.dev/inferred': 'true', 'cairn.dev/inferred-type-reason': 'Dockerfile with EXPOSE 8080' },
      ...overrides.metadata,
    },
    spec: { type: 'service', lifecycle: 'unknown', owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  });
  return overrides.url ? { ...base, source: { ...base.source, url: overrides.url } } : base;
}

function suggest(subject: CatalogEntity, facts: Facts = repoFacts(), files: string[] = []) {
  return descriptorFix.suggest({
    entities: [subject],
    results: [],
    facts,
    files,
    failing: new Map([['descriptor-valid', new Set([subject.ref])]]),
    knownRefs: new Set(),
  });
}

const CODEOWNERS = repoFacts({
  codeowners: {
    path: '.github/CODEOWNERS',
    rules: [{ pattern: '*', owners: ['@acme/Payments-Team'], line: 1 }],
    catchAll: ['@acme/Payments-Team'],
  },
});

describe('descriptor fix', () => {
  it('writes the inferred entity as a descriptor, without Cairn annotations', () => {
    const written = suggest(inferred(), CODEOWNERS)!;
    expect(parse(written.text)).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'payments', description: 'Takes card payments for the web shop.', tags: ['typescript'] },
      spec: { type: 'service', lifecycle: 'unknown', owner: 'payments-team' },
    });
    expect(written.text).toContain('#   - spec.owner: payments-team, from the CODEOWNERS catch-all rule (@acme/Payments-Team).');
    expect(written.text).toContain('#   - spec.type: service — Dockerfile with EXPOSE 8080.');
    expect(written.text).toContain('#   - spec.lifecycle: unknown.');
    expect(written.summary).toBe(
      'The descriptor of component:default/payments as Cairn inferred it (owner payments-team from CODEOWNERS, type service); set its lifecycle and check the rest.',
    );
  });

  it.each([
    ['group:default/payments-team', 'payments-team'],
    ['user:default/jdoe', 'user:jdoe'],
    ['group:platform/sre', 'platform/sre'],
    ['group:default/unknown', 'unknown'],
  ])('writes the owner %s as %s', (owner, written) => {
    expect(parse(suggest(inferred({ owner }))!.text).spec.owner).toBe(written);
  });

  it('says when no owner is known', () => {
    const written = suggest(inferred({ owner: 'group:default/unknown' }))!;
    expect(written.text).toContain('spec.owner: unknown. No CODEOWNERS catch-all rule names a team');
    expect(written.summary).toContain('owner unknown');
  });

  it.each([
    [
      'the README',
      repoFacts({ readme: { path: 'README.md', summary: 'Takes card payments for the web shop.', headings: [], words: 9 } }),
      'from the first paragraph of README.md',
    ],
    [
      'a manifest',
      repoFacts({
        manifests: [{ ecosystem: 'npm', path: 'package.json', description: 'Takes card payments for the web shop.', dependencies: [] }],
      }),
      'from package.json',
    ],
  ])('says the description came from %s', (_, facts, origin) => {
    expect(suggest(inferred(), facts)!.text).toContain(`metadata.description: ${origin};`);
  });

  it.each([
    ['a GitHub web URL', { url: 'https://github.com/acme/payments/tree/0123abc' }, [], { 'github.com/project-slug': 'acme/payments' }],
    ['a web URL elsewhere', { url: 'https://gitlab.example.com/acme/payments' }, [], undefined],
    ['an mkdocs.yml at the root', {}, ['mkdocs.yml'], { 'backstage.io/techdocs-ref': 'dir:.' }],
    ['an mkdocs.yml in a folder', {}, ['docs/mkdocs.yml'], undefined],
  ])('annotations from %s', (_, overrides, files, annotations) => {
    expect(parse(suggest(inferred(overrides), repoFacts(), files)!.text).metadata.annotations).toEqual(annotations);
  });

  it('keeps a namespace other than default, and a title', () => {
    expect(parse(suggest(inferred({ namespace: 'payments', metadata: { title: 'Payments API' } }))!.text).metadata).toMatchObject({
      name: 'payments',
      namespace: 'payments',
      title: 'Payments API',
    });
  });

  it('repository text cannot leave the header comment', () => {
    const hostile = inferred({
      metadata: { annotations: { 'cairn.dev/inferred-type-reason': 'x\napiVersion: evil\r\nkind: Bad\u001b[2J' } },
    });
    const text = suggest(hostile)!.text;
    const documents = parseAllDocuments(text);
    expect(documents).toHaveLength(1);
    expect((documents[0] as { toJS(): Record<string, unknown> }).toJS().kind).toBe('Component');
    expect(text).not.toContain('\u001b');
    const header = text.slice(0, text.indexOf('apiVersion: backstage.io'));
    expect(
      header
        .split('\n')
        .filter(Boolean)
        .every((line) => line.startsWith('#')),
    ).toBe(true);
  });

  it('nothing for a declared entity, or one descriptor-valid does not fail for', () => {
    const declared = entity();
    expect(suggest(declared)).toBeUndefined();
    const subject = inferred();
    expect(
      descriptorFix.suggest({ entities: [subject], results: [], facts: repoFacts(), files: [], failing: new Map(), knownRefs: new Set() }),
    ).toBeUndefined();
  });
});
