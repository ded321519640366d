import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

/** Where GitHub looks for a security policy, in its order of precedence. */
export const SECURITY_POLICY_PATHS = ['.github/SECURITY.md', 'SECURITY.md', 'docs/SECURITY.md'];

export const securityPolicySchema = z
  .object({
    path: z.string(),
    /** Ways to report a vulnerability the policy names, in order of appearance. */
    contacts: z.array(
      z.object({
        /** `advisories`: a link to GitHub's private vulnerability reporting (`…/security/advisories/new`). */
        kind: z.enum(['email', 'url', 'advisories']),
        value: z.string(),
        line: z.number().int().positive(),
      }),
    ),
  })
  .nullable();

export type SecurityPolicy = NonNullable<z.infer<typeof securityPolicySchema>>;

export const securityPolicy = defineRetriever({
  id: 'securityPolicy',
  version: 3,
  description:
    'The security policy (SECURITY.md) and the contacts it gives for reporting a vulnerability: emails, links to a security page, form or bug bounty, GitHub security advisories.',
  schema: securityPolicySchema,
  async collect({ repo }) {
    const path = SECURITY_POLICY_PATHS.map((candidate) => repo.files().find((file) => file.toLowerCase() === candidate.toLowerCase())).find(
      Boolean,
    );
    if (!path) return null;
    const text = await repo.readText(path);
    return { path, contacts: text === undefined ? [] : findContacts(text) };
  },
});

/** An address starts where a run of its characters starts: tried from each of a long run, the search was quadratic. */
const EMAIL = /(?:mailto:)?(?<![a-z0-9._%+-])([a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/gi;
const URL = /https?:\/\/[^\s<>()[\]"'`]+/gi;
const ADVISORIES_URL = /\/security\/advisories(\/new)?\/?$/i;
/**
 * A link that can take a report: a security page, form or bug bounty, by its words. Other links in a
 * policy are advice (a blog post on Go modules, GitHub's 2FA help) and report nothing.
 */
const REPORTING_URL =
  /security|vulnerab|disclos|bounty|report|advisor|psirt|cert\b|hackerone\.com|bugcrowd\.com|huntr\.(com|dev)|intigriti\.com|yeswehack\.com|tidelift\.com/i;
/** A relative Markdown link to the repository's advisories (`../../security/advisories/new`). */
const RELATIVE_ADVISORIES_LINK = /\]\(\s*([^\s()]*security\/advisories(?:\/new)?\/?)\s*\)/gi;

/** A heading over the part of a policy that says how to report: "Reporting a Vulnerability", "Contact", "Disclosure". */
const REPORTING_HEADING = /report|disclos|vulnerab|contact/i;
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(\S.{0,200})/;

/**
 * Emails, links and mentions of GitHub's private reporting in a policy's text, with their lines.
 * When some are in the part that says how to report (under a heading such as "Reporting a
 * Vulnerability", or the title's own text), only those are: others are where advisories are
 * published, or who else is told (requests names a distribution's maintainers in its timeline).
 */
export function findContacts(text: string): SecurityPolicy['contacts'] {
  const contacts: Array<SecurityPolicy['contacts'][number] & { reporting: boolean }> = [];
  const seen = new Set<string>();
  // The headings over the current line, by depth; the title (depth 1) counts only for the text right under it.
  const sections: string[] = [];
  let reporting = false;
  const add = (kind: SecurityPolicy['contacts'][number]['kind'], value: string, line: number) => {
    const key = `${kind}\0${value.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    contacts.push({ kind, value, line, reporting });
  };
  text.split(/\r?\n/).forEach((content, index) => {
    const line = index + 1;
    const heading = ATX_HEADING.exec(content);
    if (heading) {
      const depth = heading[1]!.length;
      sections.length = depth - 1;
      sections[depth - 1] = heading[2]!;
      reporting = (depth === 1 ? sections : sections.slice(1)).some((text) => text !== undefined && REPORTING_HEADING.test(text));
      return;
    }
    const urls = [...content.matchAll(URL)].map((match) => match[0].replace(/[.,;:!?]+$/, ''));
    for (const url of urls) {
      if (ADVISORIES_URL.test(url)) add('advisories', url, line);
      else if (REPORTING_URL.test(url)) add('url', url, line);
    }
    // Addresses inside URLs (`https://user@host`) are part of the URL, not contacts.
    const withoutUrls = content.replace(URL, ' ');
    for (const match of withoutUrls.matchAll(EMAIL)) add('email', match[1]!, line);
    for (const match of content.matchAll(RELATIVE_ADVISORIES_LINK)) if (!/^https?:/i.test(match[1]!)) add('advisories', match[1]!, line);
  });
  const forReporting = contacts.some((contact) => contact.reporting) ? contacts.filter((contact) => contact.reporting) : contacts;
  return forReporting.map(({ reporting: _, ...contact }) => contact);
}
