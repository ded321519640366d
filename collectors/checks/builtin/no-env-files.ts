import { defineCheck } from '../check.ts';
import { secretCheckOptions, secretFindingsResult } from './support/secrets.ts';

export const noEnvFiles = defineCheck({
  id: 'no-env-files',
  title: 'No committed .env files',
  category: 'security',
  description:
    'No dotenv file (`.env`, `.env.production` …) is committed; templates (`.env.example`, `.env.sample`, `.env.template`), files with only placeholder values (`changethis`, empty) and those in test fixtures or template skeletons are listed but do not count.',
  why: 'A `.env` file is where local credentials live: database passwords, API keys. Committed, they are readable by everyone with access to the repository and stay in its history after the file is deleted.',
  fix: [
    'Rotate any credential the file held, then:',
    '',
    '```sh',
    'git rm --cached .env     # if it is committed',
    'echo ".env" >> .gitignore',
    'cp .env .env.example   # then replace every value with a placeholder',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'error',
  options: secretCheckOptions('Globs of dotenv files known to hold no secrets.'),
  needs: ['secrets'],
  run(context) {
    return secretFindingsResult(context.facts.secrets, context.options, ['env-file'], {
      what: 'a dotenv file with real values',
      none: 'No committed .env files.',
    });
  },
});
