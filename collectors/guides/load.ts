import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { ConfigError } from '../config/config-error.ts';
import { didYouMean } from '../scorecards/suggest.ts';
import { parseYamlConfig } from '../yaml/config.ts';
import { parseGuideBody, type GuideBody } from './body.ts';
import { guideFrontmatterSchema, type GuideFrontmatter } from './schema.ts';

/** A guide as read from `content/guides/`: validated frontmatter and what its body links to. */
export interface GuideSource extends GuideBody {
  /** Path below `guides/` without `.mdx`, e.g. `build/set-up-ci`. */
  id: string;
  /** As shown in messages, e.g. `content/guides/build/set-up-ci.mdx`. */
  file: string;
  frontmatter: GuideFrontmatter;
  /** Line of the `owner` field, for the problem when the owner is not in the catalog. */
  ownerLine: number;
}

/** Guide ids become URLs (`/guides/<id>/`): lowercase words, optionally in folders. */
const GUIDE_ID = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads `guides/**\/*.mdx` in the content folder: frontmatter validated (every check id known),
 * bodies parsed as MDX for headings and links. Faults of all guides are reported together, each
 * naming file, line and field.
 */
export async function loadGuides(
  contentDir: string,
  displayPath: (path: string) => string,
  checkIds: ReadonlySet<string>,
): Promise<GuideSource[]> {
  const paths = (await glob('guides/**/*.mdx', { cwd: contentDir })).sort();
  const guides: GuideSource[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    try {
      guides.push(
        parseGuide(
          await readFile(join(contentDir, path), 'utf8'),
          path.slice('guides/'.length, -'.mdx'.length),
          displayPath(path),
          checkIds,
        ),
      );
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      errors.push(error.message);
    }
  }
  if (errors.length) throw new ConfigError(errors.join('\n'));
  return guides;
}

/** A guide file's MDX body: what follows its frontmatter (all of it, when it has none). */
export function guideBodyOf(text: string): string {
  const clean = text.replace(/^\uFEFF/, '');
  return clean.slice(FRONTMATTER.exec(clean)?.[0].length ?? 0);
}

/** One guide file: `---` frontmatter, then an MDX body. */
export function parseGuide(text: string, id: string, file: string, checkIds: ReadonlySet<string>): GuideSource {
  if (!GUIDE_ID.test(id))
    throw new ConfigError(
      `${file}: the file name gives the guide id "${id}"; expected lowercase words joined by hyphens (e.g. set-up-ci.mdx), in lowercase folders`,
    );
  // Editors on Windows may save a byte-order mark before the first ---.
  const match = FRONTMATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match)
    throw new ConfigError(`${file}:1: expected frontmatter between --- lines (title, summary, category, owner, status, reviewed)`);
  const schema = guideFrontmatterSchema.superRefine((frontmatter, context) => {
    frontmatter.checks.forEach((checkId, index) => {
      if (!checkIds.has(checkId))
        context.addIssue({
          code: 'custom',
          path: ['checks', index],
          message: `unknown check "${checkId}"${didYouMean(checkId, checkIds)}`,
        });
    });
  });
  // A leading newline makes the YAML's line numbers the file's: the frontmatter starts on line 2.
  const frontmatter = parseYamlConfig(`\n${match[1]}`, file, schema);
  const yamlLines = match[1]!.split('\n');
  const ownerLine =
    2 +
    Math.max(
      0,
      yamlLines.findIndex((line) => /^owner\s*:/.test(line)),
    );
  const frontmatterLines = match[0].split('\n').length - 1;
  return {
    id,
    file,
    frontmatter,
    ownerLine,
    ...parseGuideBody(text.replace(/^\uFEFF/, '').slice(match[0].length), file, frontmatterLines),
  };
}
