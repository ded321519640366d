import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalog, getPortal, getStandards } from '../../../../../collections.ts';
import { entityResults, entityResultsExport } from '../../../../../lib/exports.ts';

/** One entity's results (see `EntityResultsExport`), listed in scorecards.json. */
export const getStaticPaths = (async () => {
  const [portal, catalog, standards] = await Promise.all([getPortal(), getCatalog(), getStandards()]);
  return entityResults(catalog, standards).map((entity) => ({ params: entity.params, props: { entity, generatedAt: portal.generatedAt } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify(entityResultsExport(props.entity, props.generatedAt)), { headers: { 'Content-Type': 'application/json' } });
