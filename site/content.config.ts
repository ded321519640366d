import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  entityDocsSchema,
  entitySchema,
  guideSchema,
  initiativeSchema,
  repoSchema,
  snapshotSchema,
} from '../collectors/contract/snapshot.ts';
import { siteRepo, snapshotLoader } from './loaders/snapshot.ts';

/** The portal's `content/guides/` folder, set by the CLI; without it there are no guide bodies to render. */
const guidesDir = process.env.CAIRN_GUIDES_DIR;

/**
 * The snapshot as content collections: `entities` keyed by entity ref, `repos` by repository
 * name, `checks` and `scorecards` by id, `results` by scorecard and entity ref, and `portal`, one
 * entry with what concerns the whole run (title, date, every problem, developers' feedback). `guides` are the guides'
 * metadata and adoption from the snapshot, `guideBodies` their MDX, keyed by the same ids (the
 * collectors validated the frontmatter and links, with file and line; here it is only rendered).
 */
export const collections = {
  portal: defineCollection({
    loader: snapshotLoader((snapshot) => [
      {
        id: 'portal',
        data: {
          title: snapshot.portal.title,
          guides: snapshot.portal.guides,
          generatedAt: snapshot.generatedAt,
          problems: snapshot.problems,
          ...(snapshot.standards ? { standards: snapshot.standards } : {}),
          ...(snapshot.feedback ? { feedback: snapshot.feedback } : {}),
        },
      },
    ]),
    schema: z.object({
      title: z.string(),
      guides: snapshotSchema.shape.portal.shape.guides,
      generatedAt: z.string(),
      problems: snapshotSchema.shape.problems,
      standards: snapshotSchema.shape.standards,
      feedback: snapshotSchema.shape.feedback,
    }),
  }),
  guides: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.guides.map((guide) => ({ id: guide.id, data: guide }))),
    schema: guideSchema,
  }),
  guideBodies: defineCollection({
    loader: guidesDir
      ? glob({ pattern: '**/*.mdx', base: pathToFileURL(`${guidesDir}/`), generateId: ({ entry }) => entry.replace(/\.mdx$/, '') })
      : { name: 'no-guides', load: async () => {} },
    schema: z.looseObject({}),
  }),
  entities: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.entities.map((entity) => ({ id: entity.ref, data: entity }))),
    schema: entitySchema,
  }),
  repos: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.repos.map((repo) => ({ id: repo.name, data: siteRepo(repo) }))),
    schema: repoSchema,
  }),
  checks: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.checks.map((check) => ({ id: check.id, data: check }))),
    schema: snapshotSchema.shape.checks.element,
  }),
  scorecards: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.scorecards.map((scorecard) => ({ id: scorecard.id, data: scorecard }))),
    schema: snapshotSchema.shape.scorecards.element,
  }),
  docs: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.docs.map((docs) => ({ id: docs.entityRef, data: docs }))),
    schema: entityDocsSchema,
  }),
  initiatives: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.initiatives.map((initiative) => ({ id: initiative.id, data: initiative }))),
    schema: initiativeSchema,
  }),
  results: defineCollection({
    loader: snapshotLoader((snapshot) =>
      snapshot.results.map((result) => ({ id: `${result.scorecard} ${result.entityRef}`, data: result })),
    ),
    schema: snapshotSchema.shape.results.element,
  }),
};
