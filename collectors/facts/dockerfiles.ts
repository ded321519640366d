import { DockerfileParser, type From } from 'dockerfile-ast';
import { z } from 'zod';
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
});

export type DockerfileFacts = z.infer<typeof dockerfileSchema>;

export const dockerfiles = defineRetriever({
  id: 'dockerfiles',
  version: 1,
  description: 'Dockerfiles and Containerfiles: base images (tag, digest), USER and ADD instructions with lines.',
  schema: z.array(dockerfileSchema),
  async collect({ repo }) {
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
  const dockerfile = DockerfileParser.parse(text);
  const aliases = new Set<string>();
  const from: DockerfileFacts['from'] = [];
  const users: DockerfileFacts['users'] = [];
  const adds: DockerfileFacts['adds'] = [];
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
      from.push({ image, name, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}), ...(alias ? { alias } : {}), stageRef: aliases.has(image.toLowerCase()), line });
      if (alias) aliases.add(alias.toLowerCase());
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
  return { from, users, adds };
}
