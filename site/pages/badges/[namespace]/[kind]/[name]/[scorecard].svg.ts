import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getBadgeSetting, getCatalog, getStandards } from '../../../../../collections.ts';
import { badgeRoutes, badgeSvg } from '../../../../../lib/badges.ts';

/** A shields-style badge per entity and scorecard, at a URL a README can embed: for the scorecards portal.yaml's `badges` names. */
export const getStaticPaths = (async () => {
  const [catalog, standards] = await Promise.all([getCatalog(), getStandards()]);
  return badgeRoutes(catalog, standards, getBadgeSetting()).map(({ params, badge }) => ({ params, props: { badge } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => new Response(badgeSvg(props.badge), { headers: { 'Content-Type': 'image/svg+xml' } });
