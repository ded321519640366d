import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A folder made for one run, and its removal. */
export interface TemporaryFolder {
  path: string;
  remove(): Promise<void>;
}

const held = new Set<string>();
let hooked = false;

/**
 * A new folder in `parent` named `prefix` and random characters, removed by `remove()` or, at the
 * latest, as the process ends: also when Ctrl-C, `kill` or a closed terminal ends it, which would
 * otherwise leave a checkout of a whole repository behind in the temporary folder each time.
 */
export async function temporaryFolder(parent: string, prefix: string): Promise<TemporaryFolder> {
  const path = await mkdtemp(join(parent, prefix));
  held.add(path);
  removeAtExit();
  return {
    path,
    remove: async () => {
      held.delete(path);
      await rm(path, { recursive: true, force: true });
    },
  };
}

function removeAtExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const path of held) rmSync(path, { recursive: true, force: true });
  });
  // A handled signal no longer ends the process by itself: it ends with the shell's code for it.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)
    process.once(signal, () => process.exit(code));
}
