import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';
import { NO_WORKFLOWS } from './support/workflows.ts';
import type { Workflow } from '../../facts/workflows.ts';

/**
 * Scopes whose `write` gives no power over the repository: `id-token: write` only lets a job ask
 * GitHub for an OIDC token, the keyless way to deploy (OpenSSF Scorecard does not count it either).
 */
const NOT_REPOSITORY_WRITES = new Set(['id-token']);

/** `read-all`, `{}`, or scopes that are all `read` or `none`, but for an `id-token: write`. */
function readOnly(permissions: NonNullable<Workflow['permissions']>): boolean {
  const { value } = permissions;
  if (typeof value === 'string') return value === 'read-all';
  return Object.entries(value).every(([scope, level]) => level === 'read' || level === 'none' || NOT_REPOSITORY_WRITES.has(scope));
}

function describe(permissions: NonNullable<Workflow['permissions']>): string {
  const { value } = permissions;
  if (typeof value === 'string') return `permissions: ${value || '(empty)'}`;
  const entries = Object.entries(value);
  return entries.length === 0 ? 'permissions: {}' : `permissions: ${entries.map(([scope, level]) => `${scope}: ${level}`).join(', ')}`;
}

export const workflowPermissions = defineCheck({
  id: 'workflow-permissions',
  title: 'Workflows default to a read-only token',
  category: 'security',
  description:
    'Every GitHub Actions workflow sets top-level `permissions` that are read-only (`{}`, `read-all`, or scopes at `read`; `id-token: write`, which only lets jobs ask for an OIDC token, is allowed); jobs that need more ask for it themselves.',
  why: [
    "Without top-level `permissions`, every job gets the repository's default token, which in older organisations can push code, publish packages and approve pull requests.",
    'Any compromised step (a dependency, an action) then holds that power. Read-only by default, with write scopes granted per job, limits the damage (OpenSSF Scorecard, Token-Permissions).',
  ].join(' '),
  fix: [
    'Add at the top of each workflow, and grant write scopes only to the job that needs them:',
    '',
    '```yaml',
    'permissions:',
    '  contents: read',
    '',
    'jobs:',
    '  release:',
    '    permissions:',
    '      contents: write',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['workflows'],
  run(context) {
    const { workflows } = context.facts;
    if (workflows.length === 0) return notApplicable(NO_WORKFLOWS);
    const failing: Evidence[] = [];
    const passing: Evidence[] = [];
    for (const workflow of workflows) {
      const { permissions } = workflow;
      if (!permissions) failing.push({ path: workflow.path, note: 'no top-level permissions: jobs get the repository default token' });
      else if (!readOnly(permissions))
        failing.push({ path: workflow.path, line: permissions.line, note: `${describe(permissions)} is not read-only` });
      else passing.push({ path: workflow.path, line: permissions.line, note: describe(permissions) });
    }
    if (failing.length > 0)
      return fail(
        `${count(failing.length, 'workflow')} of ${workflows.length} ${failing.length === 1 ? 'does' : 'do'} not set read-only top-level permissions.`,
        capped(failing),
      );
    return pass(`Every workflow sets read-only top-level permissions (${count(workflows.length, 'workflow')}).`, capped(passing));
  },
});
