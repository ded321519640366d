import { z } from 'zod';
import { defineCheck, fail, pass } from '../check.ts';
import type { LicenseFile, LicenseSource } from '../../facts/license.ts';
import { listOf } from './support/facts.ts';

export const licensePresent = defineCheck({
  id: 'license-present',
  title: 'License file present',
  category: 'hygiene',
  description: 'The repository has a license file at its root (LICENSE, COPYING, LICENSE-MIT …); the evidence names what each file says.',
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
  severity: 'warning',
  options: z.object({}),
  needs: ['license'],
  run(context) {
    const { license } = context.facts;
    const files = license?.files ?? [];
    const declared = (license?.sources ?? []).filter((source) => source.kind === 'manifest');
    if (files.length === 0) {
      const note =
        declared.length > 0
          ? ` ${declared.map((source) => `${source.path} declares ${source.declared}`).join('; ')}, but the license text is not in the repository.`
          : '';
      return fail(`No LICENSE, LICENCE or COPYING file at the repository root.${note}`, declared.map(sourceEvidence));
    }
    const evidence = [
      ...files.map((file) => ({ path: file.path, ...(fileNote(file) ? { note: fileNote(file) } : {}) })),
      ...declared.map(sourceEvidence),
    ];
    const named = listOf(files.map((file) => file.path));
    if (license?.expression) return pass(`${named} ${files.length === 1 ? 'gives' : 'give'} the license ${license.expression}.`, evidence);
    return pass(`${named} ${files.length === 1 ? 'exists' : 'exist'} (the text matches no common license).`, evidence);
  },
});

/** What a license file says, for its evidence line. */
function fileNote(file: LicenseFile): string | undefined {
  if (file.pointer) return 'points to the license files';
  if (file.scope) return `${file.spdxId ?? 'unrecognised text'}, for ${file.scope} only`;
  return file.spdxId;
}

function sourceEvidence(source: LicenseSource): { path: string; line?: number; note: string } {
  return { path: source.path, ...(source.line ? { line: source.line } : {}), note: `license: ${source.declared}` };
}
