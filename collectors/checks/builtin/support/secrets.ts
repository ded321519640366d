import picomatch from 'picomatch';
import { z } from 'zod';
import { fail, pass, type CheckResult, type Evidence } from '../../check.ts';
import { EXCLUSION_LABELS } from '../../../facts/paths/project.ts';
import type { SecretFinding } from '../../../facts/secrets.ts';
import { capped, count } from './facts.ts';

const DESCRIPTIONS: Record<SecretFinding['kind'], string> = {
  'private-key': 'private key',
  'key-file': 'binary key file (possibly a DER private key)',
  keystore: 'keystore',
  'env-file': 'dotenv file',
  'registry-token': 'literal registry credential',
};

const IGNORED_LABELS: Record<NonNullable<SecretFinding['ignored']>['reason'], string> = {
  ...EXCLUSION_LABELS,
  'placeholder-values': 'placeholder values',
};

/** The options every secret check takes: globs to allow, and whether test fixtures and template skeletons count. */
export const secretCheckOptions = (allowDescription: string) =>
  z.object({
    allow: z.array(z.string().min(1)).default([]).describe(allowDescription),
    includeFixtures: z
      .boolean()
      .default(false)
      .describe(
        'Judge files in test fixtures (testdata/, fixtures/, tests/ …) and template skeletons too; by default they are left out, and listed as ignored.',
      ),
  });

/**
 * The shared verdict of the secret checks: findings of some kinds, minus allowed paths and what
 * the secrets fact found to be test fixtures, template skeletons or placeholders. Every finding
 * left out this way is listed in the evidence with the reason, so nothing is dropped silently.
 */
export function secretFindingsResult(
  secrets: readonly SecretFinding[],
  options: z.infer<ReturnType<typeof secretCheckOptions>>,
  kinds: ReadonlyArray<SecretFinding['kind']>,
  labels: { what: string; none: string },
): CheckResult {
  const allowed = options.allow.length > 0 ? picomatch(options.allow, { dot: true }) : () => false;
  const candidates = secrets.filter((finding) => kinds.includes(finding.kind) && !allowed(finding.path));
  const skipped = (finding: SecretFinding) =>
    finding.ignored !== undefined && (finding.ignored.reason === 'placeholder-values' || !options.includeFixtures);
  const findings = candidates.filter((finding) => !skipped(finding));
  const ignored = candidates.filter(skipped);
  const ignoredEvidence: Evidence[] = ignored.map((finding) => ({
    path: finding.path,
    ...(finding.line ? { line: finding.line } : {}),
    note: `ignored: ${IGNORED_LABELS[finding.ignored!.reason]}, ${finding.ignored!.detail}`,
  }));
  const ignoredNote =
    ignored.length > 0
      ? ` (${count(ignored.length, 'file')} ignored: ${[...new Set(ignored.map((finding) => IGNORED_LABELS[finding.ignored!.reason]))].join(', ')})`
      : '';
  if (findings.length === 0) return pass(`${labels.none.replace(/\.$/, '')}${ignoredNote}.`, capped(ignoredEvidence));
  return fail(
    // "file", not "committed file": `cairn check` reads the working tree's untracked files too.
    `${count(findings.length, 'file')} ${findings.length === 1 ? 'looks' : 'look'} like ${labels.what}: ${findings
      .slice(0, 3)
      .map((finding) => finding.path)
      .join(', ')}${findings.length > 3 ? ' …' : ''}${ignoredNote}.`,
    capped([
      ...findings.map((finding) => ({
        path: finding.path,
        ...(finding.line ? { line: finding.line } : {}),
        note: DESCRIPTIONS[finding.kind],
      })),
      ...ignoredEvidence,
    ]),
  );
}
