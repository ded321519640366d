import { isMap, isScalar, isSeq } from 'yaml';
import { z } from 'zod';
import { defineRetriever } from './retriever.ts';
import { parseYamlFile } from '../yaml/documents.ts';

/** Where GitHub reads Dependabot's version updates. */
export const DEPENDABOT_PATHS = ['.github/dependabot.yml', '.github/dependabot.yaml'];

export const dependabotSchema = z
  .object({
    path: z.string(),
    /** Each `updates` entry's `package-ecosystem` (lowercase), with its line and the folders it reads (`directory`, `directories`: paths or globs, as written). */
    updates: z.array(z.object({ ecosystem: z.string(), line: z.number().int().positive(), directories: z.array(z.string()) })),
    /** Why the file could not be read as Dependabot's configuration, when it could not. */
    error: z.string().optional(),
  })
  .nullable();

export type Dependabot = NonNullable<z.infer<typeof dependabotSchema>>;

export const dependabot = defineRetriever({
  id: 'dependabot',
  version: 3,
  description:
    "Dependabot's configuration (.github/dependabot.yml): the package ecosystems it updates, in which folders, with their lines.",
  schema: dependabotSchema,
  async collect({ repo }) {
    const path = DEPENDABOT_PATHS.find((candidate) => repo.has(candidate));
    if (!path) return null;
    const text = await repo.readText(path);
    if (text === undefined) return { path, updates: [], error: 'the file could not be read' };
    return { path, ...parseDependabot(text) };
  },
});

/** The ecosystems of a dependabot.yml's `updates`, or why there are none to read. */
export function parseDependabot(text: string): Omit<Dependabot, 'path'> {
  const parsed = parseYamlFile(text);
  if ('error' in parsed) return { updates: [], error: `invalid YAML: ${parsed.error}` };
  const { document, lineCounter } = parsed;
  const updates = isMap(document.contents) ? document.contents.get('updates', true) : undefined;
  if (!isSeq(updates)) return { updates: [], error: 'no `updates` list' };
  return {
    updates: updates.items.flatMap((item) => {
      const ecosystem = isMap(item) ? item.get('package-ecosystem', true) : undefined;
      if (!isScalar(ecosystem) || typeof ecosystem.value !== 'string') return [];
      const directory = isMap(item) ? item.get('directory', true) : undefined;
      const directories = isMap(item) ? item.get('directories', true) : undefined;
      const paths = [directory, ...(isSeq(directories) ? directories.items : [])].flatMap((node) =>
        isScalar(node) && typeof node.value === 'string' ? [node.value.trim()] : [],
      );
      return [
        { ecosystem: ecosystem.value.trim().toLowerCase(), line: lineCounter.linePos(ecosystem.range?.[0] ?? 0).line, directories: paths },
      ];
    }),
  };
}
