import { describe, expect, it } from 'vitest';
import { codeownersFix } from '../../../collectors/fixes/codeowners.ts';
import type { CatalogEntity } from '../../../collectors/contract/snapshot.ts';
import { entity, repoFacts } from '../../helpers/check-context.ts';

/** The catch-all names the catalog's owner as GitHub knows it, or is a commented placeholder: never an invented handle. */

function owned(owner: string, options: { name?: string; slug?: string; url?: string } = {}): CatalogEntity {
  const base = entity({
    name: options.name ?? 'payments',
    metadata: options.slug ? { annotations: { 'github.com/project-slug': options.slug } } : {},
    spec: { type: 'service', lifecycle: 'production', owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  });
  return options.url ? { ...base, source: { ...base.source, url: options.url } } : base;
}

/** The catalog knows every owner the entities name but `group:default/ghost`. */
function suggest(entities: CatalogEntity[], files: string[] = []) {
  const knownRefs = new Set(
    entities.flatMap((subject) => subject.relations.map((relation) => relation.targetRef)).filter((ref) => ref !== 'group:default/ghost'),
  );
  return codeownersFix.suggest({ entities, results: [], facts: repoFacts({ files }), files, failing: new Map(), knownRefs });
}

/** The rules of the file, as GitHub reads them: lines that are not comments. */
const rules = (text: string) => text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));

describe('codeowners fix', () => {
  it.each([
    ['a User', [owned('user:default/jdoe')], ['* @jdoe']],
    [
      'a Group of a repository whose GitHub organisation the slug names',
      [owned('group:default/payments-team', { slug: 'acme/payments' })],
      ['* @acme/payments-team'],
    ],
    [
      'a Group of a repository on github.com',
      [owned('group:default/payments-team', { url: 'https://github.com/acme/payments/tree/abc' })],
      ['* @acme/payments-team'],
    ],
    ['one owner of two entities', [owned('user:default/jdoe'), owned('user:default/jdoe', { name: 'payments-api' })], ['* @jdoe']],
    ['a Group of an unknown organisation', [owned('group:default/payments-team')], []],
    ['a Group of another namespace', [owned('group:platform/sre', { slug: 'acme/payments' })], []],
    ['the unknown owner', [owned('group:default/unknown', { slug: 'acme/payments' })], []],
    ['entities of different owners', [owned('user:default/jdoe'), owned('user:default/asmith', { name: 'payments-api' })], []],
    ['a malformed project slug', [owned('group:default/payments-team', { slug: 'acme payments' })], []],
    ['a Group the catalog does not know, which would look confirmed', [owned('group:default/ghost', { slug: 'acme/payments' })], []],
  ])('%s', (_, entities, expected) => {
    expect(rules(suggest(entities)!.text)).toEqual(expected);
  });

  it('lists the different owners in the stub, for whoever fills it in', () => {
    const written = suggest([owned('user:default/jdoe'), owned('user:default/asmith', { name: 'payments-api' })])!;
    expect(written.text).toContain('#   @asmith (user:default/asmith)\n#   @jdoe (user:default/jdoe)\n');
    expect(written.summary).toMatch(/different owners/);
  });
});
