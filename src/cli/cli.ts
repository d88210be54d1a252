/**
 * The `bizflow` command, callable in-process: `main(argv, io)` returns the
 * exit code and writes only through `io`. `main.ts` wires it to the process.
 *
 * Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or
 * too many warnings, 2 usage or I/O problem.
 */
import { showControls } from '../core/escape';
import { normalizeLocale } from '../core/i18n';
import { nearest } from '../core/suggest';
import type { Locale } from '../core/types';
import { EXIT_OK, EXIT_USAGE, VERSION, type CliContext, type CliIO } from './context';
import { lintCommand } from './lint';
import { messages, usage } from './messages';
import { renderCommand } from './render';
import { diffCommand } from './diff';
import { impactCommand } from './impact';
import { reviewCommand } from './review';
import { signCommand } from './sign';

export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, VERSION, type CliIO } from './context';

export const COMMANDS = ['lint', 'render', 'impact', 'diff', 'sign', 'review', 'help'] as const;

/** Locale from the environment, as POSIX programs read it. */
export function envLocale(env: Record<string, string | undefined>): Locale {
  for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
    const v = env[k];
    if (v) return normalizeLocale(v);
  }
  return 'en';
}

const LOCALE_VALUE = /^(en|zh)([-_][A-Za-z0-9._@-]*)?$/i;

/** Finds `--locale` early (before full parsing) so even usage errors speak the right language. */
function sniffLocale(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '--locale' && i + 1 < argv.length) return argv[i + 1];
    if (a.startsWith('--locale=')) return a.slice('--locale='.length);
  }
  return undefined;
}

/** The arguments without the `--locale` option and its value (up to `--`). */
function withoutLocale(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return [...out, ...args.slice(i)];
    if (a === '--locale') i++;
    else if (!a.startsWith('--locale=')) out.push(a);
  }
  return out;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const sniffed = sniffLocale(argv);
  let locale = envLocale(env);
  if (sniffed !== undefined && LOCALE_VALUE.test(sniffed)) locale = normalizeLocale(sniffed);
  const m = messages(locale);
  // user text (paths, option values, rc file words) reaches the terminal escaped, on one line
  const warn = (message: string) => io.stderr(m.prefix + showControls(message.replace(/\r\n|[\r\n]/g, ' ')) + '\n');
  const ctx: CliContext = {
    io,
    cwd,
    env,
    locale,
    m,
    fail(message: string) {
      warn(message);
      return EXIT_USAGE;
    },
    warn,
  };
  try {
    if (sniffed !== undefined && !LOCALE_VALUE.test(sniffed)) {
      return ctx.fail(m.badChoice('--locale', sniffed, ['en', 'zh-CN']));
    }
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(usage(locale, VERSION));
      return EXIT_USAGE;
    }
    if (first === '--help' || first === '-h') {
      io.stdout(usage(locale, VERSION));
      return EXIT_OK;
    }
    if (first === '--version' || first === '-v' || first === '-V') {
      io.stdout(VERSION + '\n');
      return EXIT_OK;
    }
    if (first === '--locale' || first.startsWith('--locale=')) {
      // `bizflow --locale zh-CN lint …`: allow the option before the command
      const skip = first === '--locale' ? 2 : 1;
      const remaining = argv.slice(skip);
      if (!remaining.length || remaining[0] === '--locale' || remaining[0].startsWith('--locale=')) {
        return ctx.fail(m.noCommand());
      }
      return main([remaining[0], ...argv.slice(0, skip), ...remaining.slice(1)], io);
    }
    switch (first) {
      case 'lint':
        return await lintCommand(rest, ctx);
      case 'render':
        return await renderCommand(rest, ctx);
      case 'impact':
        return await impactCommand(rest, ctx);
      case 'diff':
        return await diffCommand(rest, ctx);
      case 'sign':
        return await signCommand(rest, ctx);
      case 'review':
        return await reviewCommand(rest, ctx);
      case 'help': {
        // `--locale` (read above) is no topic: `bizflow help --locale zh-CN`, `bizflow --locale zh-CN help lint`
        const words = withoutLocale(rest);
        const topic = words[0];
        if (topic === undefined) {
          io.stdout(usage(locale, VERSION));
          return EXIT_OK;
        }
        if (topic === 'lint' || topic === 'render' || topic === 'impact' || topic === 'diff' || topic === 'sign' || topic === 'review') return main([topic, '--help', ...rest.slice(0, rest.indexOf(topic)), ...rest.slice(rest.indexOf(topic) + 1)], io);
        return ctx.fail(m.unknownCommand(topic, nearest(topic, COMMANDS)));
      }
      default:
        if (first.startsWith('-')) return ctx.fail(m.noCommand());
        return ctx.fail(m.unknownCommand(first, nearest(first, COMMANDS)));
    }
  } catch (e) {
    return ctx.fail(m.internal(e instanceof Error ? e.message : String(e)));
  }
}

