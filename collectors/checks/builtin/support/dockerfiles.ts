import type { DockerfileFacts } from '../../../facts/dockerfiles.ts';
import { notApplicable, type CheckResult, type Evidence } from '../../check.ts';

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

/** The `FROM` as written, and the image it pulls by default when that names build arguments. */
export function fromText(from: BaseImage): string {
  return from.written ? `FROM ${from.written} (${from.image} by default)` : `FROM ${from.image}`;
}

/** Dockerfiles of development containers (VS Code, Codespaces): `.devcontainer/` at any depth. */
const DEV_CONTAINER = /(^|\/)\.devcontainer\//;

/**
 * The Dockerfiles whose images ship, apart from development containers, which run on a developer's
 * machine as its tools expect (often as root, from the whole checkout): container checks judge only
 * the first, and say so of the others.
 */
export function shippedDockerfiles<T extends { path: string }>(
  dockerfiles: readonly T[],
): { shipped: T[]; ignored: Evidence[]; onlyDevelopment?: CheckResult } {
  const shipped = dockerfiles.filter((dockerfile) => !DEV_CONTAINER.test(dockerfile.path));
  const development = dockerfiles.filter((dockerfile) => DEV_CONTAINER.test(dockerfile.path));
  const ignored = development.map((dockerfile): Evidence => ({
    path: dockerfile.path,
    note: 'a development container, not run in production: not judged',
  }));
  if (shipped.length > 0 || development.length === 0) return { shipped, ignored };
  return {
    shipped,
    ignored,
    onlyDevelopment: {
      ...notApplicable(`The only Dockerfiles are development containers (${development.map((dockerfile) => dockerfile.path).join(', ')}).`),
      evidence: ignored,
    },
  };
}
