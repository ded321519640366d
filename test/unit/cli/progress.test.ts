import { describe, expect, it } from 'vitest';
import type { OutputStream } from '../../../scripts/cli/context.ts';
import { progressLine } from '../../../scripts/cli/progress.ts';

/** A terminal of `columns` that keeps what is written to it. */
function terminal(columns = 80): OutputStream & { written: string } {
  const stream = { isTTY: true, columns, written: '', write: (text: string) => ((stream.written += text), true) };
  return stream as unknown as OutputStream & { written: string };
}

describe('progressLine', () => {
  it('rewrites one line on a terminal and clears it when done', () => {
    const stream = terminal();
    const progress = progressLine(stream);
    progress.update('Collecting 1/2 orders');
    progress.done();
    expect(stream.written).toBe('\r\x1b[2KCollecting 1/2 orders\r\x1b[2K');
  });

  it('writes no control character of a repository folder’s name (a title change, a screen clear)', () => {
    const stream = terminal();
    progressLine(stream).update('Collecting 2/2 odd\x1b]0;PWNED\x07\x1b[2Jname');
    expect(stream.written.slice('\r\x1b[2K'.length)).not.toMatch(/[\x00-\x1f\x7f]/);
    expect(stream.written).toContain('PWNED');
  });

  it('shortens a line wider than the terminal', () => {
    const stream = terminal(30);
    progressLine(stream).update(`Collecting 1/2 ${'x'.repeat(50)}`);
    expect(stream.written).toBe(`\r\x1b[2KCollecting 1/2 ${'x'.repeat(13)}…`);
  });

  it('is silent where the output is not a terminal', () => {
    const stream = Object.assign(terminal(), { isTTY: false });
    progressLine(stream).update('Collecting 1/2 orders');
    expect(stream.written).toBe('');
  });
});
