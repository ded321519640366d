import { notApplicable, type CheckContext, type CheckResult } from '../../check.ts';
import type { DockerfileFacts } from '../../../facts/dockerfiles.ts';
import { requireFacts } from './facts.ts';

export type BaseImage = DockerfileFacts['from'][number];

/** The repository's Dockerfiles, or the verdict when there are none (container checks do not apply). */
export function requireDockerfiles(context: Pick<CheckContext<unknown>, 'entity' | 'facts'>): { ok: true; dockerfiles: DockerfileFacts[] } | { ok: false; result: CheckResult } {
  const needed = requireFacts(context, ['dockerfiles']);
  if (!needed.ok) return needed;
  if (needed.facts.dockerfiles.length === 0) return { ok: false, result: notApplicable('No Dockerfile or Containerfile in the repository.') };
  return { ok: true, dockerfiles: needed.facts.dockerfiles };
}

/** A `FROM` that pulls from a registry: not an earlier stage, not `scratch`. */
export function isRegistryImage(from: BaseImage): boolean {
  return !from.stageRef && from.image.toLowerCase() !== 'scratch';
}

/** A `FROM ${BASE}`: the image comes from a build argument whose value the Dockerfile alone does not settle. */
export function isVariable(from: BaseImage): boolean {
  return from.image.includes('$');
}
