import parseSpdx from 'spdx-expression-parse';
import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import type { LicenseFact } from '../../facts/license.ts';
import { partTexts } from '../../support/license-parts.ts';

/**
 * Whether an SPDX expression can be met with allowed licenses alone: `A OR B` when either can,
 * `A AND B` when both can, `A+` when A is allowed (the licensee may choose A itself), and
 * `A WITH exception` when A, or `A WITH exception` as written, is allowed. Ids compare
 * case-insensitively. Undefined when the expression does not parse.
 */
function expressionSatisfiable(expression: string, allowed: ReadonlySet<string>): boolean | undefined {
  let tree: parseSpdx.Info;
  try {
    tree = parseSpdx(expression);
  } catch {
    return undefined;
  }
  const visit = (node: parseSpdx.Info): boolean => {
    if ('license' in node) {
      const id = node.license.toLowerCase();
      return allowed.has(id) || (node.exception !== undefined && allowed.has(`${id} with ${node.exception.toLowerCase()}`));
    }
    return node.conjunction === 'or' ? visit(node.left) || visit(node.right) : visit(node.left) && visit(node.right);
  };
  return visit(tree);
}

export const licenseAllowed = defineCheck({
  id: 'license-allowed',
  title: 'License is on the allowed list',
  category: 'hygiene',
  description:
    "The repository's license expression (from its license files, pointer notes, README and root manifests) can be satisfied with allowed SPDX licenses: `MIT OR GPL-3.0-only` passes when MIT is allowed. A text for one part that is not code (`LICENSE.writing.txt`) is named but does not fail the check.",
  why: 'The license decides what others may do with the code and what obligations come with it. A copyleft or unknown license in a repository meant to be shared (or published) can block its use or oblige the company to release code it did not intend to.',
  fix: [
    'Replace LICENSE with the text of an allowed license (the portal\'s default list is common permissive OSI licenses: MIT, Apache-2.0, BSD, ISC, MPL-2.0 …), and set the same SPDX id in the manifest (`"license": "Apache-2.0"`).',
    'If the text is allowed but not recognised, add an `SPDX-License-Identifier: Apache-2.0` line to the file. A scorecard may change the list with the `allow` option.',
  ].join('\n'),
  effort: 'medium',
  severity: 'error',
  options: z.object({
    allow: z
      .array(z.string().min(1))
      .default(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MPL-2.0', '0BSD', 'Unlicense', 'BSL-1.0', 'Zlib'])
      .describe(
        'SPDX ids that are allowed (or `Id WITH exception`); compared case-insensitively. A declaration that is no SPDX expression (`UNLICENSED`) must be listed as written.',
      ),
  }),
  needs: ['license'],
  run(context) {
    const { license } = context.facts;
    const allowed = new Set(context.options.allow.map((id) => id.toLowerCase()));
    const list = context.options.allow.join(', ');
    if (license?.expression) {
      const evidence = expressionEvidence(license);
      const satisfiable = (ids: ReadonlySet<string>) =>
        expressionSatisfiable(license.expression!, ids) ?? ids.has(license.expression!.toLowerCase());
      if (satisfiable(allowed)) return pass(`The license is ${license.expression}, which the allowed licenses satisfy.`, evidence);
      // A text for one part (`LICENSE.writing.txt`) licenses that part, not the code this list is about.
      const parts = partTexts(license.files).filter((file) => !allowed.has(file.spdxId!.toLowerCase()));
      const partIds = new Set(parts.map((file) => file.spdxId!.toLowerCase()));
      if (parts.length > 0 && satisfiable(new Set([...allowed, ...partIds])))
        return pass(
          `The code's license is allowed; ${parts.map((file) => `${file.path} licenses the ${file.scope} under ${file.spdxId}`).join(', ')}, which is not on the allowed list but covers no code (the whole: ${license.expression}).`,
          evidence,
        );
      return fail(`The license is ${license.expression}, which no choice of allowed licenses satisfies (allowed: ${list}).`, evidence);
    }
    // No SPDX expression: a declaration such as `UNLICENSED` counts only when listed as written.
    const declared = (license?.sources ?? []).filter((source) => source.kind === 'manifest');
    const unrecognised = (license?.files ?? []).filter((file) => !file.scope && !file.pointer);
    const prefix =
      unrecognised.length > 0
        ? `${unrecognised.map((file) => file.path).join(', ')} ${unrecognised.length === 1 ? 'is' : 'are'} not a recognised license text, and `
        : '';
    if (declared.length > 0) {
      const evidence = declared.map((source) => ({
        path: source.path,
        ...(source.line ? { line: source.line } : {}),
        note: `license: ${source.declared}`,
      }));
      const refused = declared.filter((source) => !allowed.has(source.declared.toLowerCase()));
      const said = declared.map((source) => `${source.path} declares ${source.declared}`).join('; ');
      return refused.length > 0
        ? fail(`${prefix}${said}, which is not on the allowed list (${list}).`, evidence)
        : pass(`${prefix}${said}, which is allowed.`, evidence);
    }
    if (unrecognised.length > 0)
      return fail(
        `${prefix}no root manifest declares a license, so it cannot be matched to the allowed list.`,
        unrecognised.map((file) => ({ path: file.path })),
      );
    return notApplicable('No license declared (no license file, no license field in a root manifest); license-present checks that.');
  },
});

/** The files and statements the expression was read from, each with what it says. */
function expressionEvidence(license: LicenseFact): Evidence[] {
  const notes = new Map<string, Evidence>();
  for (const file of license.files)
    if (license.expressionFrom.includes(file.path))
      notes.set(file.path, { path: file.path, ...(file.spdxId ? { note: file.spdxId } : {}) });
  for (const source of license.sources) {
    if (!license.expressionFrom.includes(source.path) || notes.has(source.path)) continue;
    notes.set(source.path, {
      path: source.path,
      ...(source.line ? { line: source.line } : {}),
      note: `${source.kind === 'manifest' ? 'license' : 'states'}: ${source.expression ?? source.declared}`,
    });
  }
  return [...notes.values()];
}
