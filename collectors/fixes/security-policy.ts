import { findContacts, SECURITY_POLICY_PATHS } from '../facts/security-policy.ts';
import type { CatalogEntity } from '../catalog/schema.ts';
import { defineFix, githubSlug } from './fix.ts';

/**
 * `SECURITY.md` at the root: the portal's template (`content/templates/SECURITY.md`) when it has
 * one, so every repository points at the same security team; else a short policy whose contact is
 * GitHub's private vulnerability reporting, which needs no address Cairn cannot know.
 */
export const securityPolicyFix = defineFix({
  id: 'security-policy',
  path: 'SECURITY.md',
  readBy: 'GitHub',
  // A policy that names no contact is there to be edited, not joined by a second file.
  alsoAt: SECURITY_POLICY_PATHS,
  anyCase: true,
  checkIds: ['security-policy'],
  suggest({ entities, templates }) {
    const template = templates?.securityPolicy;
    if (template?.trim()) {
      const text = template.endsWith('\n') ? template : `${template}\n`;
      const contactless = findContacts(text).length === 0;
      return {
        summary: contactless
          ? "The portal's security policy template, which names no way to report a vulnerability: add an email address or a link for security-policy to pass."
          : "The portal's security policy template.",
        text,
      };
    }
    return {
      summary:
        "A short security policy whose contact is GitHub's private vulnerability reporting: turn it on in the repository's settings, or name your security team's address instead.",
      text: genericPolicy(reportingLink(entities)),
    };
  },
});

/** GitHub's private reporting form: absolute when the repository is known, else relative to SECURITY.md at the root. */
function reportingLink(entities: readonly CatalogEntity[]): string {
  const slug = entities.map(githubSlug).find(Boolean);
  return slug ? `https://github.com/${slug}/security/advisories/new` : '../../security/advisories/new';
}

function genericPolicy(link: string): string {
  return `# Security policy

<!-- Written by Cairn. Check the contact and the answer time, then remove this comment. -->

Please do not report security vulnerabilities in public issues, pull requests or discussions.

Report them privately through [GitHub's private vulnerability reporting](${link}).
<!-- It must be turned on: Settings → Code security → Private vulnerability reporting. Or write your security team's email address here instead. -->

Say what you found, how to reproduce it and what it affects. We answer within two working days
and keep you informed until a fix is released.
`;
}
