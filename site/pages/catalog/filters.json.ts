import type { APIRoute } from 'astro';
import { getCatalog } from '../../collections.ts';
import { catalogFilterData, catalogRows } from '../../lib/catalog-index.ts';

/** The catalog page's filter data (see `CatalogFilterData`), fetched by its script. */
export const GET: APIRoute = async () => Response.json(catalogFilterData(catalogRows(await getCatalog())));
