import { describe, expect, it } from 'vitest';
import { parsePath } from '../../../collectors/checks/custom.ts';
import { factPathProblem } from '../../../collectors/config/fact-path.ts';
import { retrievers } from '../../../collectors/facts/index.ts';

/** `fact` rule paths against the facts' own schemas: the problem the portal's loading reports, or undefined. */
function problem(path: string, scalar = false): string | undefined {
  const [factId, ...below] = parsePath(path)!;
  const retriever = retrievers.find((candidate) => candidate.id === factId)!;
  return factPathProblem(retriever.id, retriever.schema, below, scalar);
}

describe('factPathProblem', () => {
  it.each([
    ['license.expression', true, undefined],
    ['license', false, undefined],
    ['license.files[0].spdxId', true, undefined],
    ['manifests[0].runtime', false, undefined],
    ['activity.authors', false, undefined],
    ['license.expresion', true, 'license has no field "expresion"; did you mean "expression"?'],
    ['license.files[0].spdx', true, 'license.files[0] has no field "spdx"; did you mean "spdxId"?'],
    ['license.files.spdxId', true, 'license.files is a list: index it by position, e.g. license.files[0]'],
    ['license.expression.name', false, 'license.expression is a single value, with no field "name"'],
    [
      'license.files',
      true,
      'license.files is a list; matches, semver, gte and lte read a string, number or boolean: point the path at one of its fields',
    ],
    ['license.files', false, undefined],
  ])('%s (a scalar condition: %s)', (path, scalar, expected) => {
    expect(problem(path, scalar)).toBe(expected);
  });
});
