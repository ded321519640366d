import { execFile } from 'node:child_process';
import { gitEnvironment, safeGitArguments } from '../support/safe-git.ts';

/**
 * Git's copy of a file the work tree lacks (a sparse checkout leaves it out, or it was deleted
 * without a commit), read from the repository's objects by the name the index gives it. Only git's
 * own objects are read, never the network: a partial clone's missing blob is an error
 * (`protocol.allow=never`), not a fetch. Sizes are asked of one git process for every object at once,
 * since the work tree of a sparse checkout may lack most of a repository's files.
 */
export async function blobSizes(root: string, objects: Iterable<string>): Promise<Map<string, number>> {
  const wanted = [...new Set(objects)];
  // A line per object: its name (64 hex digits at most, SHA-256) and its size.
  const output = await catFile(root, ['--batch-check=%(objectname) %(objectsize)'], 96 * (wanted.length + 1), `${wanted.join('\n')}\n`);
  const sizes = new Map<string, number>();
  for (const line of output.toString('latin1').split('\n')) {
    const [object, size] = line.split(' ');
    // `<object> missing` for one git does not have (a partial clone's): no size, so not read.
    if (object && size !== undefined && /^\d+$/.test(size)) sizes.set(object, Number(size));
  }
  return sizes;
}

/** The first `count` bytes of the blob `object` (its whole content when `count` is its size). */
export async function blobBytes(root: string, object: string, count: number): Promise<Uint8Array> {
  const bytes = await catFile(root, ['blob', object], count);
  return bytes.subarray(0, count);
}

function catFile(root: string, args: string[], maxBytes: number, input = ''): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      safeGitArguments(['cat-file', ...args]),
      { cwd: root, env: gitEnvironment(), encoding: 'buffer', maxBuffer: maxBytes + 1024 },
      (error, stdout) => {
        // A blob longer than asked for overflows the buffer: what was read is all that is wanted.
        const overflowed =
          (error as NodeJS.ErrnoException | null)?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' && stdout.length >= maxBytes;
        if (error && !overflowed) reject(error);
        else resolve(stdout);
      },
    );
    // Git may be done before its input is written (a blob needs none): the broken pipe is no failure, its exit says.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}
