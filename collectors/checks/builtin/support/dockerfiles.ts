import type { DockerfileFacts } from '../../../facts/dockerfiles.ts';

export type BaseImage = DockerfileFacts['from'][number];

/** Why container checks do not apply to a repository without Dockerfiles. */
export const NO_DOCKERFILES = 'No Dockerfile or Containerfile in the repository.';

/** A `FROM` that pulls from a registry: not an earlier stage, not `scratch`. */
export function isRegistryImage(from: BaseImage): boolean {
  return !from.stageRef && from.image.toLowerCase() !== 'scratch';
}

/** A `FROM ${BASE}`: the image comes from a build argument whose value the Dockerfile alone does not settle. */
export function isVariable(from: BaseImage): boolean {
  return from.image.includes('$');
}
