import type { OutputStream } from './context.ts';
import { terminalSafe } from './report/text.ts';

/**
 * Progress on one rewritten line of `stream` (the run's stderr) when it is a terminal; silent
 * otherwise, so CI logs, pipes and tests get only the summary.
 */
export function progressLine(stream: OutputStream): { update(text: string): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let shown = false;
  return {
    update(text) {
      // A terminal that does not say its width (0 columns, as under `script`) gets 80.
      const width = Math.max(20, (stream.columns || 80) - 1);
      // The line names repositories by their folders: control characters in a name must not reach the terminal.
      const safe = terminalSafe(text);
      stream.write(`\r\x1b[2K${safe.length > width ? `${safe.slice(0, width - 1)}…` : safe}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
