import { z } from 'zod';
import { defineCheck } from '../check.ts';
import { secretFindingsResult } from './support/secrets.ts';

export const noEnvFiles = defineCheck({
  id: 'no-env-files',
  title: 'No committed .env files',
  category: 'security',
  description: 'No dotenv file (`.env`, `.env.production` …) is committed; templates (`.env.example`, `.env.sample`, `.env.template`) are fine.',
  why: 'A `.env` file is where local credentials live: database passwords, API keys. Committed, they are readable by everyone with access to the repository and stay in its history after the file is deleted.',
  fix: [
    'Rotate any credential the file held, then:',
    '',
    '```sh',
    'git rm --cached .env',
    'echo ".env" >> .gitignore',
    'cp .env .env.example   # then replace every value with a placeholder',
    '```',
  ].join('\n'),
  effort: 'low',
  options: z.object({
    allow: z.array(z.string().min(1)).default([]).describe('Globs of dotenv files known to hold no secrets.'),
  }),
  run(context) {
    return secretFindingsResult(context, ['env-file'], { what: 'a dotenv file with real values', none: 'No committed .env files.' });
  },
});
