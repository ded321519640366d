import { describe, expect, it } from 'vitest';
import { findContacts } from '../../../collectors/facts/security-policy.ts';
import { securityPolicyFix } from '../../../collectors/fixes/security-policy.ts';
import { entity, repoFacts } from '../../helpers/check-context.ts';

/** A policy whose contact the security-policy check recognises; the portal's template when it has one. */

function suggest(options: { files?: string[]; template?: string; slug?: string } = {}) {
  const files = options.files ?? [];
  const subject = entity({ metadata: options.slug ? { annotations: { 'github.com/project-slug': options.slug } } : {} });
  return securityPolicyFix.suggest({
    entities: [subject],
    results: [],
    facts: repoFacts({ files }),
    files,
    failing: new Map(),
    knownRefs: new Set(),
    ...(options.template !== undefined ? { templates: { securityPolicy: options.template } } : {}),
  });
}

describe('security policy fix', () => {
  it.each([
    ['without a known repository, a link relative to SECURITY.md', {}, '../../security/advisories/new'],
    ['on GitHub, the repository form', { slug: 'acme/payments' }, 'https://github.com/acme/payments/security/advisories/new'],
  ])('names GitHub private reporting: %s', (_, options, link) => {
    const written = suggest(options)!;
    expect(findContacts(written.text)).toEqual([{ kind: 'advisories', value: link, line: 7 }]);
  });

  it('an empty template is no template', () => {
    expect(suggest({ template: '  \n' })!.text).toContain("GitHub's private vulnerability reporting");
  });
});
