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
      // cobra and requests: a reporting section, then where advisories are published, or who else is told.
      name: 'contacts under a reporting heading (or the title’s own text) are the only ones',
      tree: {
        'SECURITY.md':
          '# Vulnerability Disclosure\n\nOpen an advisory: https://github.com/psf/requests/security/advisories/new\n\n## Process\n\n### Timeline\n\n- Red Hat (python-maint@redhat.com)\n',
      },
      expected: {
        path: 'SECURITY.md',
        contacts: [{ kind: 'advisories', value: 'https://github.com/psf/requests/security/advisories/new', line: 3 }],
      },
    },
    {
      name: 'nested under a reporting section',
      tree: {
        'SECURITY.md':
          '# Security Policy\n\n## Reporting a Vulnerability\n\n### By email\n\nSend it to `sec@acme.dev`.\n\n## Security Updates and CVEs\n\nhttps://github.com/acme/x/security/advisories\n',
      },
      expected: { path: 'SECURITY.md', contacts: [{ kind: 'email', value: 'sec@acme.dev', line: 7 }] },
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

  it('reads a hostile line in time linear in its length: 300,000 characters of ../ after a link opener', async () => {
    const tree = { 'SECURITY.md': `# Security\n\n](${'../'.repeat(100_000)}\n` };
    expect(await securityPolicy.collect(memoryContext(tree))).toEqual({ path: 'SECURITY.md', contacts: [] });
  });
});
