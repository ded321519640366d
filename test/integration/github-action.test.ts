import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCommentMarker } from '../../scripts/cli/report/markdown.ts';
import { CAIRN } from '../helpers/cli.ts';
import { makeRepos, TEST_AUTHOR, type RepoFixture } from '../helpers/repos.ts';

/**
 * The GitHub Action (action.yml, action/run.sh) run as the runner runs it: the real `cairn` on a
 * real repository whose base is `origin/main`, with a `gh` that records the API calls it is asked
 * to make and answers the comment listing as GitHub's REST API does.
 */

const ACTION = resolve(import.meta.dirname, '../../action.yml');
const RUN = resolve(import.meta.dirname, '../../action/run.sh');
const runFile = promisify(execFile);

const SCORECARD =
  'id: basics\ntitle: Basics\nappliesTo: { kind: Component }\nlevels:\n  - id: bronze\n    checks: [readme-present]\n  - id: silver\n    checks: [changelog-present]\n';
const DESCRIPTOR =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\nspec:\n  type: service\n  lifecycle: production\n  owner: payments\n';
const README = `# Orders\n\n${'Takes and tracks customer orders. '.repeat(10)}\n`;

/** Records each call's arguments and the file passed with --input; answers GET of the comments with two comments. */
const FAKE_GH = `#!/bin/sh
input=""
previous=""
for argument in "$@"; do
  if [ "$previous" = "--input" ]; then input="$argument"; fi
  previous="$argument"
done
printf '%s\\n' "$*" >> "$FAKE_GH_LOG"
if [ -n "$input" ]; then cat "$input" >> "$FAKE_GH_LOG"; printf '\\n' >> "$FAKE_GH_LOG"; fi
case "$*" in
  *"--paginate"*"/comments"*) printf '%s' "$FAKE_GH_COMMENTS" ;;
  *) printf '{}' ;;
esac
`;

let fixture: RepoFixture<'breaks' | 'fixes'>;
let work: string;

beforeAll(async () => {
  const base = { 'catalog-info.yaml': DESCRIPTOR, 'README.md': README };
  fixture = await makeRepos({
    breaks: {
      commits: [
        {
          date: '2026-05-01T10:00:00Z',
          author: TEST_AUTHOR,
          message: 'Start',
          files: { ...base, 'CHANGELOG.md': '# Changelog\n\n## 1.0.0\n- First\n' },
        },
      ],
    },
    fixes: { commits: [{ date: '2026-05-01T10:00:00Z', author: TEST_AUTHOR, message: 'Start', files: base }] },
  });
  for (const dir of Object.values<string>(fixture.dirs))
    await runFile('git', ['-C', dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD']);
  // The pull requests: one removes the CHANGELOG (a check that passed now fails), one adds it.
  await rm(join(fixture.dirs.breaks, 'CHANGELOG.md'));
  await writeFile(join(fixture.dirs.fixes, 'CHANGELOG.md'), '# Changelog\n\n## 1.0.0\n- First\n');
  work = join(fixture.root, 'runner');
  await mkdir(join(work, 'bin'), { recursive: true });
  await mkdir(join(work, 'portal', 'scorecards'), { recursive: true });
  await writeFile(join(work, 'portal', 'portal.yaml'), 'title: Acme\nsite: https://acme.github.io\nbase: /portal/\n');
  await writeFile(join(work, 'portal', 'scorecards', 'basics.yaml'), SCORECARD);
  await writeFile(join(work, 'bin', 'cairn'), `#!/bin/sh\nexec "${process.execPath}" "${CAIRN}" "$@"\n`);
  await writeFile(join(work, 'bin', 'gh'), FAKE_GH);
  await chmod(join(work, 'bin', 'cairn'), 0o755);
  await chmod(join(work, 'bin', 'gh'), 0o755);
});

afterAll(() => fixture.remove());

/** Runs the action's step in `repo` with `inputs` over the defaults; resolves with what it did. */
async function runAction(repo: 'breaks' | 'fixes', inputs: Record<string, string>, comments: unknown[]) {
  const out = join(work, `out-${repo}`);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const files = { output: join(out, 'github-output'), summary: join(out, 'step-summary'), gh: join(out, 'gh.log') };
  for (const path of Object.values(files)) await writeFile(path, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SOURCE_DATE_EPOCH: '1780000000',
    CAIRN_BIN: join(work, 'bin'),
    CAIRN_OUT: join(out, 'report'),
    STANDARDS: '',
    CONFIG: join(work, 'portal', 'portal.yaml'),
    COMPARE: '',
    FAIL_ON: 'regression',
    MIN_LEVEL: '',
    COMMENT: 'true',
    SARIF: 'true',
    GH_TOKEN: 'token',
    COMMENT_AUTHOR: 'github-actions[bot]',
    BASE_REF: 'main',
    PR_NUMBER: '5',
    COMMIT_SHA: 'a'.repeat(40),
    GIT_REF: 'refs/pull/5/merge',
    GITHUB_REPOSITORY: 'acme/orders',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    FAKE_GH_LOG: files.gh,
    FAKE_GH_COMMENTS: JSON.stringify(comments),
    ...inputs,
  };
  let code = 0;
  try {
    await runFile('bash', [RUN], { cwd: fixture.dirs[repo], env });
  } catch (error) {
    code = (error as { code: number }).code;
  }
  const read = (path: string) => readFile(path, 'utf8');
  return {
    code,
    output: await read(files.output),
    summary: await read(files.summary),
    gh: await read(files.gh),
    report: await read(join(out, 'report', 'cairn.md')).catch(() => ''),
  };
}

describe('the GitHub Action', () => {
  it('has scripts bash can parse', async () => {
    for (const script of ['install.sh', 'run.sh']) await runFile('bash', ['-n', resolve(import.meta.dirname, '../../action', script)]);
  });

  it('declares only run steps, and passes every input to its script through the environment', async () => {
    const action = parse(await readFile(ACTION, 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; steps: Array<{ uses?: string; run?: string; env?: Record<string, string>; 'working-directory'?: string }> };
    };
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.every((step) => step.uses === undefined && step.run !== undefined)).toBe(true);
    const passed = action.runs.steps.flatMap((step) => [...Object.values(step.env ?? {}), step['working-directory'] ?? '']).join(' ');
    for (const input of Object.keys(action.inputs)) expect(passed, input).toContain(`inputs.${input}`);
    for (const step of action.runs.steps) expect(step.run, 'inputs are never inlined into a script').not.toContain('${{');
  });

  it('fails a change that breaks a check that passed on the base, after updating its one comment and uploading SARIF', async () => {
    const marker = checkCommentMarker('breaks');
    const bot = { login: 'github-actions[bot]' };
    const run = await runAction('breaks', {}, [
      { id: 7, user: { login: 'octocat' }, body: 'Looks good to me' },
      // Anyone can post a comment that starts with the marker: only the job's own is updated.
      { id: 13, user: { login: 'mallory' }, body: `${marker}\nnot Cairn's` },
      { id: 42, user: bot, body: `${marker}\nan older report` },
    ]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('exit-code=1\n');
    expect(run.report.startsWith(`${marker}\n`)).toBe(true);
    expect(run.report).toContain('Changelog present');
    const calls = run.gh.split('\n');
    expect(calls).toContain(
      'api --method PATCH repos/acme/orders/issues/comments/42 --input ' + join(work, 'out-breaks', 'report', 'comment.json'),
    );
    expect(run.gh).not.toContain('api --method POST repos/acme/orders/issues/5/comments');
    const upload = JSON.parse(
      calls[calls.findIndex((call) => call.startsWith('api --method POST repos/acme/orders/code-scanning/sarifs')) + 1]!,
    );
    expect(upload).toMatchObject({ commit_sha: 'a'.repeat(40), ref: 'refs/pull/5/merge', tool_name: 'Cairn' });
    const sarif = JSON.parse(gunzipSync(Buffer.from(upload.sarif, 'base64')).toString('utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain('changelog-present');
    expect(run.summary).toBe(run.report);
  });

  it('passes a change that fixes a check, and adds its comment when there is none', async () => {
    const run = await runAction('fixes', {}, [
      { id: 7, user: { login: 'octocat' }, body: `${checkCommentMarker('fixes')}\nposted by someone else` },
    ]);
    expect(run.code).toBe(0);
    expect(run.gh).toContain('api --method POST repos/acme/orders/issues/5/comments --input ');
    expect(run.gh).not.toContain('--method PATCH');
  });

  it('outside a pull request reports without a base, comment or gate; with fail-on level it gates on min-level', async () => {
    const push = await runAction('breaks', { PR_NUMBER: '', BASE_REF: '', SARIF: 'false' }, []);
    expect(push.code).toBe(0);
    expect(push.gh).toBe('');
    expect(push.report).toContain('Changelog present');
    const level = await runAction('breaks', { FAIL_ON: 'level', MIN_LEVEL: 'silver', COMMENT: 'false', SARIF: 'false' }, []);
    expect(level.code).toBe(1);
  });

  it('has a pre-commit hook whose command runs as written', async () => {
    const [hook] = parse(await readFile(resolve(import.meta.dirname, '../../.pre-commit-hooks.yaml'), 'utf8')) as Array<{
      id: string;
      entry: string;
      language: string;
      pass_filenames: boolean;
    }>;
    expect(hook).toMatchObject({ id: 'cairn-check', language: 'node', pass_filenames: false });
    const [command, ...args] = hook!.entry.split(' ');
    expect(command).toBe('cairn');
    const { stdout } = await runFile(join(work, 'bin', 'cairn'), [...args, '--config', join(work, 'portal', 'portal.yaml')], {
      cwd: fixture.dirs.breaks,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1780000000' },
    });
    expect(stdout).toContain('Changelog present');
  });

  it('stops with exit 2 on bad usage, publishing nothing', async () => {
    const run = await runAction('breaks', { FAIL_ON: 'sometimes' }, []);
    expect(run.code).toBe(2);
    expect(run.output).toContain('exit-code=2');
    expect(run.gh).toBe('');
  });
});
