import { defineCheck } from '../check.ts';
import { secretCheckOptions, secretFindingsResult } from './support/secrets.ts';

export const noRegistryTokens = defineCheck({
  id: 'no-registry-tokens',
  title: 'No committed registry credentials',
  category: 'security',
  description: 'No `.npmrc` or `.pypirc` holds a literal token or password (an `${ENV_VAR}` reference is fine).',
  why: 'A package registry token lets whoever reads it publish packages as your organisation: a new version of an internal library with malicious code reaches every service that depends on it.',
  fix: [
    'Revoke the token in the registry, then reference an environment variable instead:',
    '',
    '```ini',
    '# .npmrc',
    '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    '```',
    '',
    "and set `NPM_TOKEN` from your CI's secrets.",
  ].join('\n'),
  effort: 'low',
  severity: 'error',
  options: secretCheckOptions('Globs of files known to hold no real credentials.'),
  needs: ['secrets'],
  run(context) {
    return secretFindingsResult(context.facts.secrets, context.options, ['registry-token'], {
      what: 'a registry credential',
      none: 'No literal registry credentials in .npmrc or .pypirc files.',
    });
  },
});
