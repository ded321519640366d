import { parseArgs, type ParseArgsOptionDescriptor } from 'node:util';
import { ConfigError } from '../../collectors/config/config-error.ts';
import type { CommandContext } from './context.ts';

/** One option of a command, with what `--help` says about it. */
export interface OptionSpec extends ParseArgsOptionDescriptor {
  description: string;
  /** Placeholder shown in help for string options, e.g. `<file>`. */
  value?: string;
}

/** A `cairn` subcommand: its help text and options come from this one definition. */
export interface Command<Options extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  summary: string;
  /** Positional arguments in the usage line, e.g. `[dir]`. */
  positionals?: string;
  options: Options;
  /** Extra help text: examples, exit codes. */
  details?: string;
  /** Runs the command in `context` (never the process's own folder, environment or streams); returns the exit code. */
  run(values: ParsedValues<Options>, positionals: string[], context: CommandContext): Promise<number>;
}

export type ParsedValues<Options extends Record<string, OptionSpec>> = {
  [K in keyof Options]: Options[K]['type'] extends 'boolean' ? boolean | undefined : string | undefined;
};

/** Keeps option names typed in `run` without repeating them. */
export function defineCommand<const Options extends Record<string, OptionSpec>>(command: Command<Options>): Command<Options> {
  return command;
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };

/** Parses argv for a command; unknown flags and missing values are usage errors (exit 2). */
export function parseCommandArgs(
  command: Command,
  argv: string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const options = Object.fromEntries(
      Object.entries({ ...command.options, help: HELP_OPTION }).map(([name, { type, short, multiple }]) => [
        name,
        { type, ...(short ? { short } : {}), ...(multiple ? { multiple } : {}) },
      ]),
    );
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: Boolean(command.positionals), strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new ConfigError(
      `cairn ${command.name}: ${(error as Error).message.replace(/\. To specify a positional.*$/s, '.')}\nRun "cairn ${command.name} --help" for usage.`,
    );
  }
}

/** `--help` text of a command, generated from its definition. */
export function commandHelp(command: Command): string {
  const rows = Object.entries({ ...command.options, help: HELP_OPTION }).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${option.value ?? '<value>'}` : ''}`;
    return [flag, option.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `Usage: cairn ${command.name}${command.positionals ? ` ${command.positionals}` : ''} [options]`,
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}${description}`),
    ...(command.details ? ['', command.details] : []),
    '',
  ].join('\n');
}
