import { z } from 'zod';
import { defineCheck, fail, notApplicable, pass, type Evidence } from '../check.ts';
import { capped, count } from './support/facts.ts';
import { fromText, isRegistryImage, isVariable, NO_DOCKERFILES } from './support/dockerfiles.ts';

export const dockerfileDigestPinned = defineCheck({
  id: 'dockerfile-digest-pinned',
  title: 'Base images pinned by digest',
  category: 'containers',
  description: 'Every `FROM` of a registry image names its digest (`image:tag@sha256:…`).',
  why: 'A tag is mutable: `node:22` today is not `node:22` next week, and a compromised registry account can point it anywhere. A digest pins the exact image, so builds are reproducible and what was scanned is what ships (OpenSSF Scorecard, Pinned-Dependencies).',
  fix: [
    'Pin the digest and keep the tag for readers and for Dependabot/Renovate, which update both:',
    '',
    '```dockerfile',
    'FROM node:22-alpine@sha256:<digest from `docker buildx imagetools inspect node:22-alpine`>',
    '```',
  ].join('\n'),
  effort: 'low',
  severity: 'warning',
  options: z.object({}),
  needs: ['dockerfiles'],
  run(context) {
    const { dockerfiles } = context.facts;
    if (dockerfiles.length === 0) return notApplicable(NO_DOCKERFILES);
    const unpinned: Evidence[] = [];
    let judged = 0;
    let variables = 0;
    for (const dockerfile of dockerfiles) {
      for (const from of dockerfile.from.filter(isRegistryImage)) {
        if (isVariable(from)) {
          variables++;
          continue;
        }
        judged++;
        if (!from.digest) unpinned.push({ path: dockerfile.path, line: from.line, note: fromText(from) });
      }
    }
    const skipped = variables > 0 ? ` (${count(variables, 'image')} from build arguments not judged)` : '';
    if (unpinned.length > 0)
      return fail(
        `${count(unpinned.length, 'base image')} of ${judged} ${unpinned.length === 1 ? 'is' : 'are'} not pinned by digest${skipped}.`,
        capped(unpinned),
      );
    if (judged === 0)
      return notApplicable(
        `No registry base image to judge: only build stages, scratch${variables > 0 ? ' or images from build arguments' : ''}.`,
      );
    return pass(`Every base image is pinned by digest (${count(judged, 'image')})${skipped}.`);
  },
});
