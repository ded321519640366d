import picomatch from 'picomatch';
import { fail, pass, type CheckContext, type CheckResult } from '../../check.ts';
import type { SecretFinding } from '../../../facts/secrets.ts';
import { capped, count, requireFacts } from './facts.ts';

const DESCRIPTIONS: Record<SecretFinding['kind'], string> = {
  'private-key': 'private key',
  'key-file': 'binary key file (possibly a DER private key)',
  keystore: 'keystore',
  'env-file': 'dotenv file',
  'registry-token': 'literal registry credential',
};

/** The shared verdict of the secret checks: findings of some kinds, minus the allowed paths. */
export function secretFindingsResult(
  context: CheckContext<{ allow: string[] }>,
  kinds: ReadonlyArray<SecretFinding['kind']>,
  labels: { what: string; none: string },
): CheckResult {
  const needed = requireFacts(context, ['secrets']);
  if (!needed.ok) return needed.result;
  const allowed = context.options.allow.length > 0 ? picomatch(context.options.allow, { dot: true }) : () => false;
  const findings = needed.facts.secrets.filter((finding) => kinds.includes(finding.kind) && !allowed(finding.path));
  if (findings.length === 0) return pass(labels.none);
  return fail(
    `${count(findings.length, 'committed file')} ${findings.length === 1 ? 'looks' : 'look'} like ${labels.what}: ${findings.slice(0, 3).map((finding) => finding.path).join(', ')}${findings.length > 3 ? ' …' : ''}.`,
    capped(findings.map((finding) => ({ path: finding.path, ...(finding.line ? { line: finding.line } : {}), note: DESCRIPTIONS[finding.kind] }))),
  );
}
