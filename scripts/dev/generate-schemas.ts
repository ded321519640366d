import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { customCheckFileSchema } from '../../collectors/checks/custom.ts';
import { initiativeFileSchema } from '../../collectors/initiatives/schema.ts';
import { portalConfigSchema } from '../../collectors/config/schema.ts';
import { exemptionsFileSchema, scorecardDefinitionSchema } from '../../collectors/scorecards/definition.ts';

/**
 * JSON Schemas for every YAML file a user writes, generated from the zod schemas so editors can
 * complete and validate them. A test fails when a committed schema drifts from the code.
 */
export const USER_SCHEMAS: Record<string, { title: string; schema: z.ZodType }> = {
  'portal.schema.json': { title: 'Cairn portal configuration (portal.yaml)', schema: portalConfigSchema },
  'scorecard.schema.json': { title: 'Cairn scorecard (content/scorecards/*.yaml)', schema: scorecardDefinitionSchema },
  'check.schema.json': { title: 'Cairn custom check (content/checks/*.yaml)', schema: customCheckFileSchema },
  'exemptions.schema.json': { title: 'Cairn exemptions (content/exemptions.yaml)', schema: exemptionsFileSchema },
  'initiative.schema.json': { title: 'Cairn initiative (content/initiatives/*.yaml)', schema: initiativeFileSchema },
};

/** The JSON text of a user schema, as committed under `schemas/`. */
export function renderJsonSchema(file: string): string {
  const entry = USER_SCHEMAS[file];
  if (!entry) throw new Error(`Unknown schema ${file}`);
  // `input` mode: fields with defaults are optional to write.
  const json = z.toJSONSchema(entry.schema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...json, title: entry.title }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of Object.keys(USER_SCHEMAS)) {
    await writeFile(new URL(`../../schemas/${file}`, import.meta.url), renderJsonSchema(file));
    process.stderr.write(`wrote schemas/${file}\n`);
  }
}
