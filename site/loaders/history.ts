import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { historyRecordSchema } from '../../collectors/snapshot.ts';

/**
 * The run history (`CAIRN_HISTORY_DIR`, set by the CLI), one entry per run keyed by its time. A
 * file that is not a record of this version is skipped with a warning: trends lose a point, the
 * site is still built.
 */
export function historyLoader(): Loader {
  return {
    name: 'cairn-history',
    async load({ store, logger }) {
      store.clear();
      const dir = process.env.CAIRN_HISTORY_DIR;
      if (!dir) return;
      const files = await readdir(dir).catch(() => [] as string[]);
      for (const file of files.filter((name) => name.endsWith('.json')).sort()) {
        const parsed = historyRecordSchema.safeParse(await readFile(join(dir, file), 'utf8').then(JSON.parse, () => undefined));
        if (parsed.success) store.set({ id: parsed.data.generatedAt, data: parsed.data });
        else logger.warn(`Skipped ${file} in the history: not a run record of this Cairn.`);
      }
    },
  };
}
