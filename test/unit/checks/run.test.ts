import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCheck, notApplicable, pass, type CheckDefinition, type CheckResult } from '../../../collectors/checks/check.ts';
import { runCheck, type CheckRunInput } from '../../../collectors/checks/run.ts';
import type { Facts } from '../../../collectors/facts/index.ts';
import { entity, NOW, repoFacts } from '../../helpers/check-context.ts';

const META = {
  title: 'A check',
  category: 'docs',
  description: 'Looks at something.',
  why: 'Tests.',
  fix: 'Nothing.',
  effort: 'low',
  severity: 'warning',
} as const;

/** A check that needs `readme` and `files`, says how many files it saw, and counts its runs. */
let runs = 0;
const needsTwo = defineCheck({
  ...META,
  id: 'needs-two',
  options: z.object({ minFiles: z.number().int().default(1) }),
  precheck: ({ entity: checked }) => (checked.spec?.lifecycle === 'deprecated' ? notApplicable('Deprecated.') : undefined),
  needs: ['readme', 'files'],
  run({ facts, options }) {
    runs++;
    return pass(`${facts.files.length} of at least ${options.minFiles} files.`);
  },
});

/** A check that reads only the entity, so it runs for entities of no repository too. */
const entityOnly = defineCheck({
  ...META,
  id: 'entity-only',
  options: z.object({}),
  needs: [],
  run: ({ entity: checked }) => pass(`Saw ${checked.ref}.`),
});

const stub = (run: CheckDefinition['run']): CheckDefinition => ({ ...entityOnly, id: 'stub', run });

const repoless = entity({ repo: null, file: 'content/teams/a.yaml' });

function input(overrides: Partial<CheckRunInput> = {}): CheckRunInput {
  return {
    entity: entity(),
    facts: repoFacts({ readme: null, files: ['a', 'b'] }),
    catalog: { get: () => undefined },
    now: NOW,
    options: {},
    ...overrides,
  };
}

describe('runCheck', () => {
  beforeEach(() => {
    runs = 0;
  });

  it.each<{ name: string; check: CheckDefinition; input: CheckRunInput; result: CheckResult; ran: number }>([
    {
      name: 'all needed facts there: the check runs, with its default options',
      check: needsTwo,
      input: input(),
      result: pass('2 of at least 1 files.'),
      ran: 1,
    },
    {
      name: 'options a scorecard sets',
      check: needsTwo,
      input: input({ options: { minFiles: 3 } }),
      result: pass('2 of at least 3 files.'),
      ran: 1,
    },
    {
      name: 'an entity of no repository: not applicable, the check does not run',
      check: needsTwo,
      input: input({ entity: repoless, facts: undefined }),
      result: notApplicable(
        'component:default/payments is declared in content/teams/a.yaml, outside any scanned repository, so there are no repository files to check.',
      ),
      ran: 0,
    },
    {
      name: 'one needed fact not collected: an error naming it',
      check: needsTwo,
      input: input({ facts: { ...repoFacts(), files: undefined } }),
      result: {
        outcome: 'error',
        message:
          'The "files" fact of repository payments could not be collected (its problems list says why), so this could not be checked.',
        evidence: [],
      },
      ran: 0,
    },
    {
      name: 'two needed facts not collected: an error naming both',
      check: needsTwo,
      input: input({ facts: {} }),
      result: {
        outcome: 'error',
        message:
          'The "readme", "files" facts of repository payments could not be collected (its problems list says why), so this could not be checked.',
        evidence: [],
      },
      ran: 0,
    },
    {
      name: 'a fact only inherited, not the repository own: not collected',
      check: needsTwo,
      input: input({ facts: Object.assign(Object.create({ files: ['x'] }) as Facts, { readme: null }) }),
      result: { outcome: 'error', message: expect.stringContaining('The "files" fact') as unknown as string, evidence: [] },
      ran: 0,
    },
    {
      name: 'a precheck verdict comes before the needed facts',
      check: needsTwo,
      input: input({ entity: entity({ repo: null, spec: { lifecycle: 'deprecated' } }), facts: undefined }),
      result: notApplicable('Deprecated.'),
      ran: 0,
    },
    {
      name: 'a precheck without a verdict goes on to run',
      check: needsTwo,
      input: input({ entity: entity({ spec: { lifecycle: 'production' } }) }),
      result: pass('2 of at least 1 files.'),
      ran: 1,
    },
    {
      name: 'a check that needs no facts runs for an entity of no repository',
      check: entityOnly,
      input: input({ entity: repoless, facts: undefined }),
      result: pass('Saw component:default/payments.'),
      ran: 0,
    },
    {
      name: 'options the check rejects',
      check: needsTwo,
      input: input({ options: { minFiles: 'three' } }),
      result: {
        outcome: 'error',
        message: expect.stringMatching(/^Invalid options for check "needs-two": /) as unknown as string,
        evidence: [],
      },
      ran: 0,
    },
    {
      name: 'a check that throws',
      check: stub(() => {
        throw new Error('boom');
      }),
      input: input(),
      result: { outcome: 'error', message: 'The check "stub" failed to run: boom', evidence: [] },
      ran: 0,
    },
    {
      name: 'a check that returns no result',
      check: stub(() => ({ outcome: 'maybe' }) as never),
      input: input(),
      result: { outcome: 'error', message: 'The check "stub" returned no valid result.', evidence: [] },
      ran: 0,
    },
    ...[
      ['nothing', () => undefined],
      ['a message that is not text', () => ({ outcome: 'pass', message: 3, evidence: [] })],
      ['evidence that is not a list', () => ({ outcome: 'pass', message: 'ok', evidence: 'README.md' })],
      ['evidence without a path', () => ({ outcome: 'fail', message: 'no', evidence: [{ line: 2 }] })],
      ['evidence at line 0', () => ({ outcome: 'fail', message: 'no', evidence: [{ path: 'a', line: 0 }] })],
      ['evidence whose note is not text', () => ({ outcome: 'fail', message: 'no', evidence: [{ path: 'a', note: 1 }] })],
    ].map(([what, run]) => ({
      name: `a check that returns ${what as string}: no valid result`,
      check: stub(run as never),
      input: input(),
      result: { outcome: 'error' as const, message: 'The check "stub" returned no valid result.', evidence: [] },
      ran: 0,
    })),
    {
      name: 'evidence with a line and a note is kept',
      check: stub(() => ({ outcome: 'fail', message: 'no', evidence: [{ path: 'a', line: 3, note: 'x' }] })),
      input: input(),
      result: { outcome: 'fail' as const, message: 'no', evidence: [{ path: 'a', line: 3, note: 'x' }] },
      ran: 0,
    },
    {
      name: 'a result with extra fields is trimmed to a result',
      check: stub(() => ({ ...pass('ok'), debug: 'internal' }) as CheckResult),
      input: input(),
      result: pass('ok'),
      ran: 0,
    },
  ])('$name', ({ check, input: given, result, ran }) => {
    expect(runCheck(check, given)).toEqual(result);
    expect(runs).toBe(ran);
  });
});
