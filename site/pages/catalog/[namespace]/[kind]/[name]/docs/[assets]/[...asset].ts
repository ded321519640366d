import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { loadDocs } from '../../../../../../../docs.ts';
import { docsAssetRoutes } from '../../../../../../../lib/docs-page.ts';

/**
 * The images the docs pages show, at `docs/_assets/<repository path>`. The `[assets]` parameter is
 * always `_assets`: Astro ignores route folders whose name starts with an underscore.
 */
export const getStaticPaths = (async () => {
  const { docs, entityOf } = await loadDocs();
  return docsAssetRoutes(docs, entityOf).map(({ params, mediaType, base64 }) => ({ params, props: { mediaType, base64 } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(Buffer.from(props.base64, 'base64'), { headers: { 'Content-Type': props.mediaType } });
