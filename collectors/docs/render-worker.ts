import { parentPort } from 'node:worker_threads';
import { renderJob, type SiteRendered, type SiteToRender } from './render-pool.ts';

/**
 * A worker thread rendering docs sites (started by `render-pool.ts`): renders each site it is sent,
 * one at a time, and sends it back as plain data.
 */
const port = parentPort!;
port.on('message', async ({ id, job }: SiteToRender) => {
  port.postMessage({ id, ...(await renderJob(job)) } satisfies SiteRendered);
});
