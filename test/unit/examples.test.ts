import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../scripts/cli/commands.ts';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');
const FILES = [
  'github-actions/portal.yml',
  'github-actions/portal-sharded.yml',
  'github-actions/pull-request.yml',
  'gitlab-ci/.gitlab-ci.yml',
  'gitlab-ci/merge-request.gitlab-ci.yml',
];

/** Every `npx cairn …` invocation in a file, with its command and the flags it passes. */
function cairnInvocations(text: string): Array<{ command: string; flags: string[] }> {
  const joined = text.replace(/>-\n\s+/g, '').replace(/\n\s{10,}(?=--)/g, ' ');
  return [...joined.matchAll(/npx cairn (\w+)([^\n]*)/g)].map((match) => ({
    command: match[1]!,
    flags: [...match[2]!.matchAll(/(?:^|\s)--([\w-]+)/g)].map((flag) => flag[1]!),
  }));
}

describe('the example CI files', () => {
  it.each(FILES.filter((file) => !file.endsWith('pull-request.yml')))(
    '%s is valid YAML and runs only real cairn commands with their real options',
    async (file) => {
      const text = await readFile(join(EXAMPLES, file), 'utf8');
      expect(() => parse(text)).not.toThrow();
      const invocations = cairnInvocations(text);
      expect(invocations.length).toBeGreaterThan(0);
      for (const { command, flags } of invocations) {
        const known = commands.find((candidate) => candidate.name === command);
        expect(known, `cairn ${command}`).toBeDefined();
        for (const flag of flags) expect(Object.keys(known!.options), `cairn ${command} --${flag}`).toContain(flag);
      }
    },
  );

  it.each(FILES.filter((file) => file.startsWith('github')))(
    '%s pins every action to a commit, with its version beside it',
    async (file) => {
      const uses = [...(await readFile(join(EXAMPLES, file), 'utf8')).matchAll(/uses: (\S+)(.*)/g)];
      expect(uses.length).toBeGreaterThan(0);
      for (const [, action, comment] of uses) {
        expect(action, action).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
        expect(comment, action).toMatch(/# v\d+\.\d+\.\d+$/);
      }
    },
  );

  it('github-actions/pull-request.yml gives the Cairn action only inputs it has', async () => {
    const workflow = parse(await readFile(join(EXAMPLES, 'github-actions/pull-request.yml'), 'utf8')) as {
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
    };
    const action = parse(await readFile(resolve(import.meta.dirname, '../../action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    const cairn = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .find((step) => step.uses?.includes('/cairn@'));
    expect(cairn?.with).toBeDefined();
    for (const input of Object.keys(cairn!.with!)) expect(Object.keys(action.inputs), input).toContain(input);
  });
});
