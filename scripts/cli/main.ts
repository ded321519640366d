import { ConfigError } from '../../collectors/config/config-error.ts';
import { intendedPath } from '../../collectors/store/atomic-write.ts';
import { commandHelp, parseCommandArgs } from './command.ts';
import { commands } from './commands.ts';
import type { Invocation } from './context.ts';
import { VERSION } from './version.ts';

const USAGE = `Usage: cairn <command> [options]

Cairn builds a static developer portal (software catalog and scorecards) from git repositories.

Commands:
${commands.map((command) => `  ${command.name.padEnd(10)}${command.summary}`).join('\n')}

Run "cairn <command> --help" for a command's options, "cairn --version" for the version.
`;

/**
 * Runs one command line in the given context (`processContext()` for the real `cairn`); returns the
 * exit code. Configuration errors print their message only.
 */
export async function main(invocation: Invocation): Promise<number> {
  const { argv, ...context } = invocation;
  const [name, ...rest] = argv;
  // `cairn help check` is `cairn check --help`.
  if (name === 'help' && rest.length > 0) return main({ ...invocation, argv: [rest[0]!, '--help'] });
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    context.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  try {
    if (!command)
      throw new ConfigError(`cairn: unknown command "${name}". Commands: ${commands.map((candidate) => candidate.name).join(', ')}.`);
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      context.stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run(values as never, positionals, context);
  } catch (error) {
    if (error instanceof ConfigError) {
      // Every message says which command spoke, as git's and npm's do: a CI log interleaves several.
      context.stderr.write(`${/^cairn( [a-z]+)?: /.test(error.message) ? '' : `cairn ${name}: `}${error.message}\n`);
      return 2;
    }
    if (isUnwritable(error)) {
      // Files are written to a temporary name beside them and renamed: the file it could not write is as it was.
      const target = error.path === undefined ? undefined : intendedPath(error.path);
      context.stderr.write(
        `cairn ${name}: could not write ${target ?? 'its output'} (${error.message}); it is as it was before this run.\n`,
      );
      return 2;
    }
    throw error;
  }
}

/** Errors of the machine rather than of Cairn: an output the file system will not take (full, read-only, gone). */
const UNWRITABLE = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EXDEV', 'EFBIG']);

function isUnwritable(error: unknown): error is NodeJS.ErrnoException {
  const { code, syscall } = error as NodeJS.ErrnoException;
  return (
    error instanceof Error &&
    code !== undefined &&
    UNWRITABLE.has(code) &&
    ['open', 'write', 'rename', 'mkdir', 'close', 'fsync'].includes(syscall ?? '')
  );
}
