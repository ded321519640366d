import type { From } from 'dockerfile-ast';
import { z } from 'zod';
import { formats, loadFormats } from './formats/index.ts';
import { defineRetriever } from './retriever.ts';

const DOCKERFILE_PATTERNS = ['**/Dockerfile', '**/Containerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/*.dockerfile'];

const instructionLine = { line: z.number().int().positive() };

export const dockerfileSchema = z.object({
  path: z.string(),
  /** Every `FROM`, in order. `stageRef` is set when the image is an earlier build stage, not a registry image. */
  from: z.array(
    z.object({
      /** The image as built by default: build arguments in `FROM` replaced by their defaults where the Dockerfile sets them. */
      image: z.string(),
      /** The image as written, when it names build arguments (`node:${NODE_VERSION}-slim`). */
      written: z.string().optional(),
      name: z.string(),
      tag: z.string().optional(),
      digest: z.string().optional(),
      alias: z.string().optional(),
      stageRef: z.boolean(),
      ...instructionLine,
    }),
  ),
  /** Every `USER`, in order; the last one of the last stage is who the container runs as. */
  users: z.array(z.object({ user: z.string(), ...instructionLine })),
  /** Sources of every `ADD`. */
  adds: z.array(z.object({ sources: z.array(z.string()), ...instructionLine })),
  /** Ports the final stage `EXPOSE`s (as written: `8080`, `443/tcp`, `$PORT`); absent when it exposes none. */
  exposes: z.array(z.object({ ports: z.array(z.string()), ...instructionLine })).optional(),
  /** The final stage's last `ENTRYPOINT` and `CMD`: what the image runs, as one command line. */
  entrypoint: z.object({ command: z.string(), ...instructionLine }).optional(),
  cmd: z.object({ command: z.string(), ...instructionLine }).optional(),
});

export type DockerfileFacts = z.infer<typeof dockerfileSchema>;

export const dockerfiles = defineRetriever({
  id: 'dockerfiles',
  version: 4,
  description:
    'Dockerfiles and Containerfiles: base images (tag, digest; build arguments replaced by their defaults), USER and ADD instructions, and what the final image exposes and runs, with lines.',
  schema: z.array(dockerfileSchema),
  async collect({ repo }) {
    await loadFormats();
    const found: DockerfileFacts[] = [];
    for (const path of repo.glob(DOCKERFILE_PATTERNS).filter((file) => !/(^|\/)(node_modules|vendor)\//.test(file))) {
      const text = await repo.readText(path);
      if (text !== undefined) found.push({ path, ...parseDockerfile(text) });
    }
    return found;
  },
});

/** The instructions of a Dockerfile that standards care about, with their 1-based lines. */
export function parseDockerfile(text: string): Omit<DockerfileFacts, 'path'> {
  // The parser takes time quadratic in a comment line's length (20,000 `#` took 0.6 s, 40,000 2.3 s);
  // no fact reads a comment past its first characters, where a parser directive (`# escape=`) is.
  const dockerfile = formats().DockerfileParser.parse(text.replace(/^([ \t]*#[^\n]{0,200})[^\n]*/gm, '$1'));
  const aliases = new Set<string>();
  const from: DockerfileFacts['from'] = [];
  const users: DockerfileFacts['users'] = [];
  const adds: DockerfileFacts['adds'] = [];
  let exposes: NonNullable<DockerfileFacts['exposes']> = [];
  let entrypoint: DockerfileFacts['entrypoint'];
  let cmd: DockerfileFacts['cmd'];
  // The build arguments declared before the first FROM: the only ones a FROM can use.
  const globalArgs = new Map<string, string | undefined>();
  for (const instruction of dockerfile.getInstructions()) {
    const line = instruction.getRange().start.line + 1;
    const keyword = instruction.getKeyword();
    if (keyword === 'ARG' && from.length === 0) {
      for (const argument of instruction.getArguments()) {
        const [name, ...value] = argument.getValue().split('=');
        if (name) globalArgs.set(name, value.length > 0 ? unquoted(value.join('=')) : undefined);
      }
    } else if (keyword === 'FROM') {
      const stage = instruction as From;
      const written = stage.getImage() ?? '';
      if (written.length > MAX_IMAGE_REFERENCE) {
        // No image at all: kept clipped, so that the checks still name the line.
        const clipped = `${written.slice(0, MAX_IMAGE_REFERENCE)}…`;
        from.push({ image: clipped, name: clipped, stageRef: false, line });
        exposes = [];
        entrypoint = cmd = undefined;
        continue;
      }
      const resolved = written.includes('$') ? withArguments(written, globalArgs) : undefined;
      const registry = stage.getRegistry();
      const { image, name, tag, digest } = resolved
        ? { image: resolved, ...imageReference(resolved) }
        : {
            image: written,
            name: `${registry ? `${registry}/` : ''}${stage.getImageName() ?? written}`,
            tag: stage.getImageTag() ?? undefined,
            digest: stage.getImageDigest() ?? undefined,
          };
      const alias = stage.getBuildStage() ?? undefined;
      from.push({
        image,
        ...(resolved ? { written } : {}),
        name,
        ...(tag ? { tag } : {}),
        ...(digest ? { digest } : {}),
        ...(alias ? { alias } : {}),
        stageRef: aliases.has(image.toLowerCase()),
        line,
      });
      if (alias) aliases.add(alias.toLowerCase());
      // Each stage starts a new image: only the last stage's ports and commands ship.
      exposes = [];
      entrypoint = cmd = undefined;
    } else if (keyword === 'EXPOSE') {
      const ports = instruction.getArguments().map((argument) => argument.getValue());
      if (ports.length > 0) exposes.push({ ports, line });
    } else if (keyword === 'ENTRYPOINT' || keyword === 'CMD') {
      const command = commandLine(instruction.getArgumentsContent() ?? '');
      if (keyword === 'ENTRYPOINT') entrypoint = command ? { command, line } : undefined;
      else cmd = command ? { command, line } : undefined;
    } else if (keyword === 'USER') {
      users.push({ user: instruction.getArgumentsContent() ?? '', line });
    } else if (keyword === 'ADD') {
      const sources = instruction
        .getArguments()
        .map((argument) => argument.getValue())
        .filter((value) => !value.startsWith('--'));
      adds.push({ sources: sources.slice(0, -1), line });
    }
  }
  return { from, users, adds, ...(exposes.length > 0 ? { exposes } : {}), ...(entrypoint ? { entrypoint } : {}), ...(cmd ? { cmd } : {}) };
}

/** `["npm", "run", "start"]` (exec form) or `npm run start` (shell form) as one command line. */
function commandLine(content: string): string {
  const text = content.trim();
  if (text.startsWith('[')) {
    try {
      const parts: unknown = JSON.parse(text);
      if (Array.isArray(parts)) return parts.map(String).join(' ').trim();
    } catch {
      // Not valid JSON: Docker runs it in a shell, as written.
    }
  }
  return text.replace(/\\\r?\n\s*/g, ' ').replace(/\s+/g, ' ');
}

// A fallback stops at a `$` as at a `}`: a nested `${A:-${B:-…` is left unjudged, and each `$` scans only to the next.
const ARGUMENT = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}$]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Characters an image reference may have: Docker's own limits (a name of 255, a tag of 128, a
 * digest) with room to spare. Longer is no image a build could pull, and a reference repeating a
 * long build argument would otherwise grow without bound (1,000 `$A` of 20 KB each).
 */
export const MAX_IMAGE_REFERENCE = 1024;

/**
 * `written` with each build argument replaced by its default (`ARG NODE=20`, or `${NODE:-20}`), as a
 * build without `--build-arg` sees it; undefined when one has no default, and only the build knows,
 * or when the result is longer than any image reference.
 */
export function withArguments(written: string, defaults: ReadonlyMap<string, string | undefined>): string | undefined {
  let unknown = false;
  let length = written.length;
  const resolved = written.replace(ARGUMENT, (match: string, braced?: string, fallback?: string, bare?: string) => {
    if (unknown) return '';
    const value = defaults.get((braced ?? bare)!) ?? fallback;
    length += (value?.length ?? 0) - match.length;
    if (value === undefined || value.includes('$') || length > MAX_IMAGE_REFERENCE) unknown = true;
    return unknown ? '' : value!;
  });
  return unknown || resolved.includes('$') ? undefined : resolved;
}

/** `[registry/]name[:tag][@digest]`, split as Docker reads it: a colon after the last slash starts the tag. */
export function imageReference(reference: string): { name: string; tag?: string; digest?: string } {
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const rest = at >= 0 ? reference.slice(0, at) : reference;
  const colon = rest.lastIndexOf(':');
  const tagged = colon > rest.lastIndexOf('/');
  return {
    name: tagged ? rest.slice(0, colon) : rest,
    ...(tagged && rest.slice(colon + 1) ? { tag: rest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

function unquoted(value: string): string {
  return /^(["'])(.*)\1$/s.exec(value)?.[2] ?? value;
}
