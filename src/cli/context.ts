/** Shared by the commands: the I/O seam, the context, exit codes, option parsing helpers. */
import { version as packageVersion } from '../../package.json';
import type { Locale } from '../core/types';
import { ArgParseError, parseArgs, type OptionSpec, type ParsedArgs } from './args';
import type { Messages } from './messages';

export const VERSION: string = packageVersion;

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Working folder (default: process.cwd()). */
  cwd?: string;
  /** Environment (default: process.env); read for the locale and NO_COLOR. */
  env?: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours are used only then). */
  isTTY?: boolean;
}

/** What a command needs from its surroundings. */
export interface CliContext {
  io: CliIO;
  cwd: string;
  env: Record<string, string | undefined>;
  locale: Locale;
  m: Messages;
  /** Writes a one-line error to stderr and gives the exit code 2. */
  fail(message: string): number;
  /** Writes a one-line message to stderr (`bizflow: …`, user text escaped). */
  warn(message: string): void;
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** Options common to the commands. */
export const LOCALE_OPTION: OptionSpec = { name: 'locale', value: true };
export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', value: false };
export const ROLE_OPTION: OptionSpec = { name: 'role', short: 'r', value: true };
export const FORMAT_OPTION: OptionSpec = { name: 'format', short: 'f', value: true };
export const CONFIG_OPTION: OptionSpec = { name: 'config', short: 'c', value: true };

/**
 * Parses a command's arguments. On `--help` writes the command's usage and
 * returns exit code 0; on a usage problem writes the one-line error and
 * returns exit code 2. Otherwise gives the parsed arguments.
 */
export function parseCommandArgs(
  cmd: string,
  argv: readonly string[],
  specs: readonly OptionSpec[],
  ctx: CliContext,
  usage: () => string,
): ParsedArgs | number {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, [...specs, LOCALE_OPTION, HELP_OPTION]);
  } catch (e) {
    if (!(e instanceof ArgParseError)) throw e;
    const err = e.error;
    switch (err.kind) {
      case 'unknown-option':
        return ctx.fail(ctx.m.unknownOption(cmd, err.option, err.suggestion));
      case 'missing-value':
        return ctx.fail(ctx.m.missingValue(cmd, err.option));
      case 'no-value-expected':
        return ctx.fail(ctx.m.noValueExpected(cmd, err.option));
      case 'repeated':
        return ctx.fail(ctx.m.repeatedOption(cmd, err.option));
    }
  }
  if (args.options.has('help')) {
    ctx.io.stdout(usage());
    return EXIT_OK;
  }
  return args;
}

/** Validates an option with a fixed set of values. */
export function choice<T extends string>(
  value: string | true | undefined,
  option: string,
  choices: readonly T[],
  fallback: T,
  ctx: CliContext,
): T | number {
  if (value === undefined || value === true) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  return ctx.fail(ctx.m.badChoice(option, value, choices));
}
