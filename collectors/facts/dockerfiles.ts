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
      image: z.string(),
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
  version: 2,
  description:
    'Dockerfiles and Containerfiles: base images (tag, digest), USER and ADD instructions, and what the final image exposes and runs, with lines.',
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
  for (const instruction of dockerfile.getInstructions()) {
    const line = instruction.getRange().start.line + 1;
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const stage = instruction as From;
      const image = stage.getImage() ?? '';
      const registry = stage.getRegistry();
      const name = `${registry ? `${registry}/` : ''}${stage.getImageName() ?? image}`;
      const tag = stage.getImageTag() ?? undefined;
      const digest = stage.getImageDigest() ?? undefined;
      const alias = stage.getBuildStage() ?? undefined;
      from.push({
        image,
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
