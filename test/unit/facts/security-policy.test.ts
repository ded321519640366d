import { describe, expect, it } from 'vitest';
import { securityPolicy } from '../../../collectors/facts/security-policy.ts';
import { memoryContext } from '../../helpers/memory-reader.ts';

describe('securityPolicy fact', () => {
  it.each<{ name: string; tree: Record<string, string | Uint8Array>; expected: unknown }>([
    { name: 'no policy', tree: { 'README.md': '# x' }, expected: null },
    {
      name: 'a policy without contacts',
      tree: { 'SECURITY.md': '# Security\n\nWe take security seriously.\n' },
      expected: { path: 'SECURITY.md', contacts: [] },
    },
    {
      name: 'emails, mailto, URLs and the advisories link, with lines',
      tree: {
        '.github/SECURITY.md':
          '# Security\n\nMail [us](mailto:security@acme.dev) or security@acme.dev.\nSee https://acme.dev/security.\nUse [private reporting](https://github.com/acme/pay/security/advisories/new).\n',
      },
      expected: {
        path: '.github/SECURITY.md',
        contacts: [
          { kind: 'email', value: 'security@acme.dev', line: 3 },
          { kind: 'url', value: 'https://acme.dev/security', line: 4 },
          { kind: 'advisories', value: 'https://github.com/acme/pay/security/advisories/new', line: 5 },
        ],
      },
    },
    {
      name: 'links that take no report are advice, not contacts',
      tree: {
        'SECURITY.md':
          'Use Go modules: https://go.dev/blog/using-go-modules\nEnable 2FA: https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa\nReleases: https://github.com/acme/pay/releases\nBounty: https://hackerone.com/acme\nOr https://bounty.github.com/index.html#scope\n',
      },
      expected: {
        path: 'SECURITY.md',
        contacts: [
          { kind: 'url', value: 'https://hackerone.com/acme', line: 4 },
          { kind: 'url', value: 'https://bounty.github.com/index.html#scope', line: 5 },
        ],
      },
    },
    {
      name: 'a relative advisories link; .github wins over the root',
      tree: { '.github/SECURITY.md': 'Report [here](../../security/advisories/new)\n', 'SECURITY.md': 'old' },
      expected: { path: '.github/SECURITY.md', contacts: [{ kind: 'advisories', value: '../../security/advisories/new', line: 1 }] },
    },
    {
      name: 'docs/ and any case',
      tree: { 'docs/security.md': 'email sec@acme.io' },
      expected: { path: 'docs/security.md', contacts: [{ kind: 'email', value: 'sec@acme.io', line: 1 }] },
    },
    {
      name: 'binary file: present, no contacts',
      tree: { 'SECURITY.md': new Uint8Array([0, 0]) },
      expected: { path: 'SECURITY.md', contacts: [] },
    },
  ])('$name', async ({ tree, expected }) => {
    expect(securityPolicy.schema.parse(await securityPolicy.collect(memoryContext(tree)))).toEqual(expected);
  });
});
