import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass } from '../check.ts';
import { requireFacts } from './support/facts.ts';

/**
 * Whether an SPDX expression is satisfied by allowed ids: `A OR B` when either is, `A AND B` when
 * both are, `A WITH exception` when A is, `A+` as A. An expression that does not parse is judged as
 * one id, so it must be listed verbatim.
 */
function expressionAllowed(expression: string, allowed: ReadonlySet<string>): boolean {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let position = 0;
  const peek = () => tokens[position]?.toUpperCase();
  const isAllowed = (id: string) => allowed.has(id.toLowerCase()) || allowed.has(id.replace(/\+$/, '').toLowerCase());
  function primary(): boolean {
    if (peek() === '(') {
      position++;
      const value = or();
      if (peek() !== ')') throw new Error('unbalanced');
      position++;
      return value;
    }
    const id = tokens[position++];
    if (!id || ['AND', 'OR', 'WITH', ')'].includes(id.toUpperCase())) throw new Error('expected a license id');
    if (peek() === 'WITH') position += 2;
    return isAllowed(id);
  }
  function and(): boolean {
    let value = primary();
    while (peek() === 'AND') {
      position++;
      value = primary() && value;
    }
    return value;
  }
  function or(): boolean {
    let value = and();
    while (peek() === 'OR') {
      position++;
      value = and() || value;
    }
    return value;
  }
  try {
    const value = or();
    if (position !== tokens.length) throw new Error('trailing tokens');
    return value;
  } catch {
    return isAllowed(expression.trim());
  }
}

export const licenseAllowed = defineCheck({
  id: 'license-allowed',
  title: 'License is on the allowed list',
  category: 'hygiene',
  description: "The repository's license (recognised from its LICENSE file, else the root manifest's license field) is one of the allowed SPDX licenses.",
  why: 'The license decides what others may do with the code and what obligations come with it. A copyleft or unknown license in a repository meant to be shared (or published) can block its use or oblige the company to release code it did not intend to.',
  fix: [
    'Replace LICENSE with the text of an allowed license (the portal\'s default list is common permissive OSI licenses: MIT, Apache-2.0, BSD, ISC, MPL-2.0 …), and set the same SPDX id in the manifest (`"license": "Apache-2.0"`).',
    'If the text is allowed but not recognised, add an `SPDX-License-Identifier: Apache-2.0` line to the file. A scorecard may change the list with the `allow` option.',
  ].join('\n'),
  effort: 'medium',
  options: z.object({
    allow: z
      .array(z.string().min(1))
      .default(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MPL-2.0', '0BSD', 'Unlicense', 'BSL-1.0', 'Zlib'])
      .describe('SPDX ids that are allowed; compared case-insensitively.'),
  }),
  run(context) {
    const needed = requireFacts(context, ['license', 'manifests']);
    if (!needed.ok) return needed.result;
    const { license, manifests } = needed.facts;
    const allowed = new Set(context.options.allow.map((id) => id.toLowerCase()));
    if (license?.spdxId) {
      const evidence = [{ path: license.path, note: license.spdxId }];
      return expressionAllowed(license.spdxId, allowed) ? pass(`${license.path} is ${license.spdxId}, which is allowed.`, evidence) : fail(`${license.path} is ${license.spdxId}, which is not on the allowed list (${context.options.allow.join(', ')}).`, evidence);
    }
    const declared = manifests.filter((manifest) => !manifest.path.includes('/') && manifest.license);
    if (declared.length > 0) {
      const evidence = declared.map((manifest) => ({ path: manifest.path, note: `license: ${manifest.license}` }));
      const refused = declared.filter((manifest) => !expressionAllowed(manifest.license!, allowed));
      const source = license ? `${license.path} is not a recognised license text, and ` : '';
      if (refused.length > 0) return fail(`${source}${refused.map((manifest) => `${manifest.path} declares ${manifest.license}`).join('; ')}, which is not on the allowed list.`, evidence);
      return pass(`${source}${declared.map((manifest) => `${manifest.path} declares ${manifest.license}`).join('; ')}, which is allowed.`, evidence);
    }
    if (license) return fail(`${license.path} is not a recognised license text and no root manifest declares a license, so it cannot be matched to the allowed list.`, [{ path: license.path }]);
    return notApplicable('No license declared (no LICENSE file, no license field in a root manifest); license-present checks that.');
  },
});
