import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';
import { NO_DOCKERFILES, shippedDockerfiles } from './support/dockerfiles.ts';

/** `root`, `0`, `root:root`, `0:0`, `root:somegroup` … */
function isRoot(user: string): boolean {
  const name = user.trim().split(':')[0]!.trim().toLowerCase();
  return name === 'root' || name === '0';
}

export const dockerfileNonRootUser = defineCheck({
  id: 'dockerfile-non-root-user',
  title: 'Containers run as a non-root user',
  category: 'containers',
  description: 'The final stage of every Dockerfile sets `USER` to someone other than root (or 0).',
  why: 'A process running as root inside a container is one kernel or runtime bug away from root on the node. Running as an unprivileged user is the cheapest container hardening there is, and many Kubernetes clusters refuse root containers.',
  fix: [
    'Create an unprivileged user in the final stage and switch to it after installing packages:',
    '',
    '```dockerfile',
    'RUN addgroup --system app && adduser --system --ingroup app app',
    'USER app',
    '```',
    '',
    "Official images often ship one (`USER node`, `USER nonroot` in distroless). Set it explicitly: an image's own default is not visible in your Dockerfile.",
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['dockerfiles'],
  run(context) {
    const { dockerfiles } = context.facts;
    if (dockerfiles.length === 0) return notApplicable(NO_DOCKERFILES);
    const failing: Evidence[] = [];
    const passing: Evidence[] = [];
    const { shipped: judged, ignored, onlyDevelopment } = shippedDockerfiles(dockerfiles);
    if (onlyDevelopment) return onlyDevelopment;
    for (const dockerfile of judged) {
      const lastStage = dockerfile.from.at(-1)?.line ?? 0;
      const user = dockerfile.users.filter((candidate) => candidate.line > lastStage).at(-1);
      if (!user)
        failing.push({
          path: dockerfile.path,
          ...(lastStage ? { line: lastStage } : {}),
          note: "the final stage sets no USER, so it runs as the base image's user (root for most)",
        });
      else if (isRoot(user.user)) failing.push({ path: dockerfile.path, line: user.line, note: `USER ${user.user}` });
      else passing.push({ path: dockerfile.path, line: user.line, note: `USER ${user.user}` });
    }
    if (failing.length > 0)
      return fail(
        `${count(failing.length, 'Dockerfile')} of ${judged.length} ${failing.length === 1 ? 'does' : 'do'} not switch to a non-root user in the final stage.`,
        capped([...failing, ...ignored]),
      );
    return pass(
      `Every Dockerfile switches to a non-root user in its final stage (${count(judged.length, 'Dockerfile')}).`,
      capped([...passing, ...ignored]),
    );
  },
});
