import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import { requireFacts } from './support/facts.ts';

export const licensePresent = defineCheck({
  id: 'license-present',
  title: 'License file present',
  category: 'hygiene',
  description: 'The repository has a LICENSE (or COPYING) file at its root.',
  why: 'Without a license, nobody outside the authors may legally use, copy or change the code, and inner-source reuse and later open-sourcing need a lawyer first. For internal code, a short proprietary notice settles the same question.',
  fix: [
    'Add `LICENSE` at the root with the license your organisation uses. For open source, pick from [choosealicense.com](https://choosealicense.com/); for internal code, e.g.:',
    '',
    '```',
    'Copyright (c) 2026 Acme Corp. All rights reserved.',
    'Internal use only; see the engineering handbook for reuse terms.',
    '```',
  ].join('\n'),
  effort: 'low',
  options: z.object({}),
  run(context) {
    const needed = requireFacts(context, ['license']);
    if (!needed.ok) return needed.result;
    const { license } = needed.facts;
    if (!license) return fail('No LICENSE, LICENCE or COPYING file at the repository root.');
    return pass(license.spdxId ? `${license.path} is the ${license.spdxId} license.` : `${license.path} exists (its text matches no common license).`, [{ path: license.path, ...(license.spdxId ? { note: license.spdxId } : {}) }]);
  },
});
