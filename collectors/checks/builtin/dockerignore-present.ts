import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { count } from './support/facts.ts';
import { NO_DOCKERFILES, shippedDockerfiles } from './support/dockerfiles.ts';
import { dirOf, join } from './support/paths.ts';

export const dockerignorePresent = defineCheck({
  id: 'dockerignore-present',
  title: '.dockerignore present',
  category: 'containers',
  description:
    'Every Dockerfile has a .dockerignore: at the repository root, beside the Dockerfile, or named after it (`Dockerfile.dockerignore`). Development containers (`.devcontainer/`) are not judged.',
  why: 'Without a .dockerignore, `COPY . .` sends the whole folder into the image: the .git history, local .env files, credentials and build output. It also makes builds slow and caches useless.',
  fix: [
    'Add `.dockerignore` next to the build context (usually the repository root):',
    '',
    '```',
    '.git',
    '.env*',
    '!.env.example',
    'node_modules',
    'dist',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'note',
  options: z.object({}),
  needs: ['dockerfiles', 'files'],
  run(context) {
    const { dockerfiles } = context.facts;
    if (dockerfiles.length === 0) return notApplicable(NO_DOCKERFILES);
    const { shipped, ignored, onlyDevelopment } = shippedDockerfiles(dockerfiles);
    if (onlyDevelopment) return onlyDevelopment;
    const files = new Set(context.facts.files);
    const missing: Evidence[] = [];
    const present = new Set<string>();
    for (const dockerfile of shipped) {
      const candidates = [...new Set([`${dockerfile.path}.dockerignore`, join(dirOf(dockerfile.path), '.dockerignore'), '.dockerignore'])];
      const ignore = candidates.find((path) => files.has(path));
      if (ignore) present.add(ignore);
      else missing.push({ path: dockerfile.path, note: `no ${candidates.join(', ')}` });
    }
    if (missing.length > 0)
      return fail(
        `${count(missing.length, 'Dockerfile')} of ${shipped.length} ${missing.length === 1 ? 'has' : 'have'} no .dockerignore.`,
        [...missing, ...ignored],
      );
    return pass(`Build contexts are filtered by ${[...present].join(', ')}.`, [...[...present].map((path) => ({ path })), ...ignored]);
  },
});
