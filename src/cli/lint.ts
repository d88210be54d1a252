/** `bizflow lint [--format text|json|sarif|junit|gitlab] [--config FILE] [--max-warnings N] [--locale …] PATH...` */
import * as path from 'node:path';
import { analyze } from '../core/engine';
import { LineIndex } from '../core/positions';
import { RULES } from '../core/rules/index';
import { ConfigResolver, type LoadedRc } from '../node/config-files';
import { FileError, expandPaths, readTextFile } from '../node/find-files';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, VERSION, choice, parseCommandArgs, type CliContext } from './context';
import { formatGitlab } from './format-gitlab';
import { formatJson } from './format-json';
import { formatJunit } from './format-junit';
import { formatSarif } from './format-sarif';
import { COLORS, PLAIN, displayPath, formatText } from './format-text';
import { usage } from './messages';
import { total, type FileResult } from './results';

export const LINT_FORMATS = ['text', 'json', 'sarif', 'junit', 'gitlab'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** Colours only on a terminal, and never when NO_COLOR is set (FORCE_COLOR forces them). */
export function useColour(ctx: CliContext): boolean {
  const force = ctx.env.FORCE_COLOR;
  if (ctx.env.NO_COLOR) return false;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return !!ctx.io.isTTY;
}

/**
 * Loads the configuration that applies to a file, reporting the rc file's
 * problems once. Returns the loaded rc (or undefined), or an exit code when it cannot be used.
 */
export function configFor(
  file: string,
  resolver: ConfigResolver,
  reported: Set<string>,
  ctx: CliContext,
): LoadedRc | undefined | number {
  let rc: LoadedRc | undefined;
  try {
    rc = resolver.configFor(file);
  } catch (e) {
    if (e instanceof FileError) {
      return ctx.fail(ctx.m.fileError(new FileError(displayPath(e.path, ctx.cwd), e.reason, e.detail)));
    }
    throw e;
  }
  if (!rc) return undefined;
  if (!reported.has(rc.path)) {
    reported.add(rc.path);
    const lines = new LineIndex(rc.text);
    const shown = displayPath(rc.path, ctx.cwd);
    for (const p of rc.problems) {
      const pos = lines.oneBased(p.span);
      const where = `${shown}:${pos.line}:${pos.column}`;
      if (rc.fatal) return ctx.fail(ctx.m.rcUnusable(where, p.message));
      ctx.io.stderr(ctx.m.prefix + ctx.m.rcProblem(where, p.severity, p.message) + '\n');
    }
  }
  if (rc.fatal) return EXIT_USAGE; // already reported for an earlier file
  return rc;
}

export async function lintCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const { m } = ctx;
  const args = parseCommandArgs(
    'lint',
    argv,
    [
      { name: 'format', short: 'f', value: true },
      { name: 'config', short: 'c', value: true },
      { name: 'max-warnings', value: true },
    ],
    ctx,
  );
  if (typeof args === 'number') return args;
  if (args.options.has('help')) {
    ctx.io.stdout(usage(ctx.locale, VERSION));
    return EXIT_OK;
  }
  const format = choice<LintFormat>(args.options.get('format'), '--format', LINT_FORMATS, 'text', ctx);
  if (typeof format === 'number') return format;

  let maxWarnings = -1;
  const mw = args.options.get('max-warnings');
  if (typeof mw === 'string') {
    if (!/^(-1|\d+)$/.test(mw.trim())) return ctx.fail(m.badMaxWarnings(mw));
    maxWarnings = Number(mw.trim());
    if (!Number.isSafeInteger(maxWarnings)) return ctx.fail(m.badMaxWarnings(mw));
  }

  if (!args.positionals.length) return ctx.fail(m.noPaths());

  const configOpt = args.options.get('config');
  const resolver = new ConfigResolver({
    explicit: typeof configOpt === 'string' ? configOpt : undefined,
    locale: ctx.locale,
    cwd: ctx.cwd,
  });

  const { files, errors } = expandPaths(args.positionals, ctx.cwd);
  if (errors.length) {
    for (const e of errors) ctx.io.stderr(m.prefix + m.fileError(e) + '\n');
    return EXIT_USAGE;
  }
  if (!files.length) return ctx.fail(m.noFilesFound(args.positionals));

  // Read everything first: an unreadable file stops the run before any report is printed.
  const texts: string[] = [];
  let readFailed = false;
  for (const f of files) {
    try {
      texts.push(readTextFile(f, displayPath(f, ctx.cwd)));
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      ctx.io.stderr(m.prefix + m.fileError(e) + '\n');
      readFailed = true;
    }
  }
  if (readFailed) return EXIT_USAGE;

  const reported = new Set<string>();
  const results: FileResult[] = [];
  for (let i = 0; i < files.length; i++) {
    const rc = configFor(files[i], resolver, reported, ctx);
    if (typeof rc === 'number') return rc;
    const text = texts[i];
    const { diagnostics } = analyze(text, { locale: ctx.locale, config: rc ? [rc.config] : [] });
    results.push({ filePath: files[i], text, diagnostics, lines: new LineIndex(text) });
  }

  switch (format) {
    case 'json':
      ctx.io.stdout(formatJson(results));
      break;
    case 'sarif':
      ctx.io.stdout(formatSarif(results, { rules: RULES, version: VERSION, cwd: ctx.cwd, locale: ctx.locale }));
      break;
    case 'junit':
      ctx.io.stdout(formatJunit(results, ctx.cwd));
      break;
    case 'gitlab':
      ctx.io.stdout(formatGitlab(results, path.resolve(ctx.cwd, ctx.env.CI_PROJECT_DIR || '.')));
      break;
    default:
      ctx.io.stdout(formatText(results, m, useColour(ctx) ? COLORS : PLAIN, ctx.cwd));
  }

  const c = total(results);
  if (c.errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings >= 0 && c.warnings > maxWarnings) {
    ctx.io.stderr(m.prefix + m.tooManyWarnings(c.warnings, maxWarnings) + '\n');
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
