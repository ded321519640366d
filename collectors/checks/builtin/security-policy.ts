import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { listOf } from './support/facts.ts';

export const securityPolicy = defineCheck({
  id: 'security-policy',
  title: 'Security policy with a contact',
  category: 'security',
  description:
    'A SECURITY.md (in .github/, the root or docs/) tells people how to report a vulnerability: an email, a URL or a GitHub security advisories link.',
  why: 'Someone who finds a vulnerability needs a private way to report it. Without one, reports land in public issues, or in a chat message to whoever the finder knows, or nowhere.',
  fix: [
    'Add `SECURITY.md`:',
    '',
    '```markdown',
    '# Security policy',
    '',
    'Please do not open public issues for vulnerabilities.',
    'Report them privately to security@acme.dev, or through',
    '[GitHub private vulnerability reporting](../../security/advisories/new).',
    'We answer within two working days.',
    '```',
    '',
    "A policy in the organisation's `.github` repository is not visible to Cairn; keep one in the repository.",
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['securityPolicy'],
  run(context) {
    const { securityPolicy: policy } = context.facts;
    if (!policy)
      return fail(
        'No security policy: expected SECURITY.md in .github/, the repository root or docs/ saying how to report a vulnerability.',
      );
    if (policy.contacts.length === 0)
      return fail(`${policy.path} names no way to report a vulnerability: no email address, no URL and no security advisories link.`, [
        { path: policy.path },
      ]);
    return pass(
      `${policy.path} says where to report vulnerabilities: ${listOf(policy.contacts.map((contact) => contact.value))}.`,
      policy.contacts.map((contact) => ({ path: policy.path, line: contact.line, note: `${contact.kind}: ${contact.value}` })),
    );
  },
});
