import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';
import { fromText, isRegistryImage, isVariable, NO_DOCKERFILES } from './support/dockerfiles.ts';

export const dockerfileNoLatest = defineCheck({
  id: 'dockerfile-no-latest',
  title: 'No latest base images',
  category: 'containers',
  description: 'No `FROM` uses the `latest` tag or no tag at all (which means `latest`), unless it is pinned by digest.',
  why: '`latest` is whatever was pushed last: the next build may get a new major version of the OS or runtime, and nobody can tell from the Dockerfile which image a running container was built from.',
  fix: ['Name the version you tested with:', '', '```diff', '- FROM python', '+ FROM python:3.12-slim', '```'].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['dockerfiles'],
  run(context) {
    const { dockerfiles } = context.facts;
    if (dockerfiles.length === 0) return notApplicable(NO_DOCKERFILES);
    const floating: Evidence[] = [];
    let judged = 0;
    for (const dockerfile of dockerfiles) {
      for (const from of dockerfile.from.filter((candidate) => isRegistryImage(candidate) && !isVariable(candidate))) {
        judged++;
        if (from.digest) continue;
        if (!from.tag) floating.push({ path: dockerfile.path, line: from.line, note: `${fromText(from)} has no tag, so it is latest` });
        else if (from.tag.toLowerCase() === 'latest') floating.push({ path: dockerfile.path, line: from.line, note: fromText(from) });
      }
    }
    if (floating.length > 0)
      return fail(
        `${count(floating.length, 'base image')} of ${judged} use${floating.length === 1 ? 's' : ''} latest (explicitly or by having no tag).`,
        capped(floating),
      );
    if (judged === 0) return notApplicable('No registry base image to judge: only build stages, scratch or images from build arguments.');
    return pass(`Every base image names a version tag or a digest (${count(judged, 'image')}).`);
  },
});
