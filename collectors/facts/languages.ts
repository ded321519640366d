import * as linguist from 'linguist-languages';
import { z } from 'zod';
import { defineRetriever } from './retriever.ts';

/** Linguist counts only these types towards a repository's languages, as GitHub does. */
const COUNTED_TYPES = new Set(['programming', 'markup']);

/** Paths Linguist treats as vendored or generated: they say nothing about the team's code. */
const VENDORED = /(^|\/)(node_modules|vendor|third_party|dist|build|target|\.yarn|Pods)\//;

/** The fields Cairn reads of a Linguist language entry. */
interface LinguistLanguage {
  name: string;
  type: string;
  extensions?: readonly string[];
  filenames?: readonly string[];
}

interface LanguageTables {
  byFilename: Map<string, LinguistLanguage>;
  byExtension: Map<string, LinguistLanguage>;
}

let tables: LanguageTables | undefined;

/** Extension and filename tables from Linguist's data, built once. The first declared wins on ties. */
function languageTables(): LanguageTables {
  if (tables) return tables;
  const byFilename = new Map<string, LinguistLanguage>();
  const byExtension = new Map<string, LinguistLanguage>();
  const languages: LinguistLanguage[] = Object.values(linguist);
  // Popular languages claim shared extensions first: `.ts` is TypeScript and `.md` Markdown, not
  // a niche claimant (Linguist itself decides such ties with content heuristics).
  const preferred = ['TypeScript', 'JavaScript', 'Go', 'Python', 'Java', 'Rust', 'C', 'C++', 'C#', 'Ruby', 'PHP', 'Kotlin', 'Markdown', 'JSON', 'YAML', 'Text', 'HTML', 'Shell'];
  languages.sort((a, b) => rank(a.name) - rank(b.name));
  function rank(name: string): number {
    const index = preferred.indexOf(name);
    return index === -1 ? preferred.length : index;
  }
  for (const language of languages) {
    for (const filename of language.filenames ?? []) if (!byFilename.has(filename)) byFilename.set(filename, language);
    for (const extension of language.extensions ?? []) {
      const key = extension.toLowerCase();
      if (!byExtension.has(key)) byExtension.set(key, language);
    }
  }
  tables = { byFilename, byExtension };
  return tables;
}

/**
 * The Linguist language a path counts towards, from its file name or its longest matching
 * extension; undefined for data and prose (JSON, Markdown …), which GitHub does not count either.
 */
export function languageOf(path: string): string | undefined {
  const language = detectLanguage(path);
  return language && COUNTED_TYPES.has(language.type) ? language.name : undefined;
}

function detectLanguage(path: string): LinguistLanguage | undefined {
  const { byFilename, byExtension } = languageTables();
  const filename = path.slice(path.lastIndexOf('/') + 1);
  const byName = byFilename.get(filename);
  if (byName) return byName;
  const lower = filename.toLowerCase();
  for (let dot = lower.indexOf('.'); dot !== -1; dot = lower.indexOf('.', dot + 1)) {
    const language = byExtension.get(lower.slice(dot));
    if (language) return language;
  }
  return undefined;
}

/** Languages by bytes of tracked source, largest first, as GitHub's language bar shows them. */
export const languages = defineRetriever({
  id: 'languages',
  version: 1,
  description: 'Languages by bytes of tracked, non-vendored source (Linguist data), largest first.',
  schema: z.array(
    z.object({
      name: z.string(),
      bytes: z.number().int().nonnegative(),
      /** Share of all counted bytes, 0–1, rounded to three decimals. */
      share: z.number().min(0).max(1),
    }),
  ),
  async collect({ repo }) {
    const totals = new Map<string, number>();
    const counted = repo.files().filter((path) => !VENDORED.test(path));
    const sizes = await Promise.all(
      counted.map(async (path) => {
        const language = languageOf(path);
        return language ? { language, bytes: (await repo.size(path)) ?? 0 } : undefined;
      }),
    );
    for (const entry of sizes) if (entry) totals.set(entry.language, (totals.get(entry.language) ?? 0) + entry.bytes);
    const all = [...totals.values()].reduce((sum, bytes) => sum + bytes, 0);
    return [...totals]
      .filter(([, bytes]) => bytes > 0)
      .sort(([nameA, a], [nameB, b]) => b - a || nameA.localeCompare(nameB))
      .map(([name, bytes]) => ({ name, bytes, share: Math.round((bytes / all) * 1000) / 1000 }));
  },
});
