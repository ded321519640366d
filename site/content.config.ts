import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { entitySchema, repoSchema, snapshotSchema } from '../collectors/snapshot.ts';
import { snapshotLoader } from './loaders/snapshot.ts';

/**
 * The snapshot as content collections: `entities` keyed by entity ref, `repos` by repository
 * name, `checks` and `scorecards` by id, `results` by scorecard and entity ref, and `portal`, one
 * entry with what concerns the whole run (title, date, every problem).
 */
export const collections = {
  portal: defineCollection({
    loader: snapshotLoader((snapshot) => [
      { id: 'portal', data: { title: snapshot.portal.title, generatedAt: snapshot.generatedAt, problems: snapshot.problems } },
    ]),
    schema: z.object({ title: z.string(), generatedAt: z.string(), problems: snapshotSchema.shape.problems }),
  }),
  entities: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.entities.map((entity) => ({ id: entity.ref, data: entity }))),
    schema: entitySchema,
  }),
  repos: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.repos.map((repo) => ({ id: repo.name, data: repo }))),
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
  results: defineCollection({
    loader: snapshotLoader((snapshot) => snapshot.results.map((result) => ({ id: `${result.scorecard} ${result.entityRef}`, data: result }))),
    schema: snapshotSchema.shape.results.element,
  }),
};
