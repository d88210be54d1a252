/** `bizflow lint [--format text|json|sarif|junit|gitlab] [--config FILE] [--max-warnings N] [--locale …] PATH...` */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyPreferredFixes } from '../core/autofix';
import { analyze } from '../core/engine';
import { LineIndex } from '../core/positions';
import { RULES } from '../core/rules/index';
import { ConfigResolver, type LoadedRc } from '../node/config-files';
import { DEFAULT_MAX_FILE_SIZE, FileError, expandPaths, readTextFile } from '../node/find-files';
import type { Diagnostic } from '../core/types';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, VERSION, choice, parseCommandArgs, type CliContext, FORMAT_OPTION, CONFIG_OPTION } from './context';
import { formatGitlab } from './format-gitlab';
import { formatJson } from './format-json';
import { formatJunit } from './format-junit';
import { formatSarif } from './format-sarif';
import { COLORS, PLAIN, displayPath, formatText } from './format-text';
import { usage } from './messages';
import { count, total, type FileResult } from './results';

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
      ctx.warn(ctx.m.rcProblem(where, p.severity, p.message));
    }
  }
  if (rc.fatal) return EXIT_USAGE; // already reported for an earlier file
  return rc;
}

const SIZE_UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['b', 1],
  ['k', 1024],
  ['kb', 1024],
  ['m', 1024 * 1024],
  ['mb', 1024 * 1024],
  ['g', 1024 * 1024 * 1024],
  ['gb', 1024 * 1024 * 1024],
]);

/** `10MB`, `500kb`, `1.5 M`, `20000000` (bytes), `0` (no limit) → bytes; undefined when not a size. */
export function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = SIZE_UNITS.get(m[2].toLowerCase());
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

export async function lintCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const { m } = ctx;
  const args = parseCommandArgs(
    'lint',
    argv,
    [
      FORMAT_OPTION,
      CONFIG_OPTION,
      { name: 'max-warnings', value: true },
      { name: 'max-file-size', value: true },
      { name: 'fix', value: false },
      { name: 'fix-dry-run', value: false },
    ],
    ctx,
    () => usage(ctx.locale, VERSION),
  );
  if (typeof args === 'number') return args;
  const format = choice<LintFormat>(args.options.get('format'), '--format', LINT_FORMATS, 'text', ctx);
  if (typeof format === 'number') return format;

  let maxWarnings = -1;
  const mw = args.options.get('max-warnings');
  if (typeof mw === 'string') {
    if (!/^(-1|\d+)$/.test(mw.trim())) return ctx.fail(m.badMaxWarnings(mw));
    maxWarnings = Number(mw.trim());
    if (!Number.isSafeInteger(maxWarnings)) return ctx.fail(m.badMaxWarnings(mw));
  }

  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  const mfs = args.options.get('max-file-size');
  if (typeof mfs === 'string') {
    const parsed = parseSize(mfs);
    if (parsed === undefined) return ctx.fail(m.badMaxFileSize(mfs));
    maxFileSize = parsed;
  }

  // --fix writes the fixed files; --fix-dry-run shows the fixed text instead (ESLint's options)
  const fix = args.options.has('fix');
  const dryRun = args.options.has('fix-dry-run');
  if (fix && dryRun) return ctx.fail(m.fixAndDryRun());

  if (!args.positionals.length) return ctx.fail(m.noPaths());
  if (args.positionals.some((p) => p === '')) return ctx.fail(m.emptyPath());

  const configOpt = args.options.get('config');
  const resolver = new ConfigResolver({
    explicit: typeof configOpt === 'string' ? configOpt : undefined,
    locale: ctx.locale,
    cwd: ctx.cwd,
  });

  // Every file gets its own result: a path that cannot be found, searched or read is reported on
  // stderr (and the exit code is 2), the others are still linted and reported.
  const { files, errors } = expandPaths(args.positionals, ctx.cwd);
  let ioFailed = errors.length > 0;
  for (const e of errors) ctx.warn(m.fileError(e));
  if (!files.length) {
    if (ioFailed) return EXIT_USAGE;
    return ctx.fail(m.noFilesFound(args.positionals));
  }

  const reported = new Set<string>();
  const results: FileResult[] = [];
  for (const file of files) {
    const shown = displayPath(file, ctx.cwd);
    let text: string;
    try {
      text = readTextFile(file, shown, maxFileSize);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      ctx.warn(m.fileError(e));
      ioFailed = true;
      continue;
    }
    const rc = configFor(file, resolver, reported, ctx);
    if (typeof rc === 'number') return rc;
    let diagnostics: Diagnostic[];
    let output: string | undefined;
    try {
      if (fix || dryRun) {
        const fixed = applyPreferredFixes(text, { locale: ctx.locale, config: rc ? [rc.config] : [] }).output;
        if (fixed !== text) output = fixed;
      }
      if (output !== undefined && fix) {
        if (!writeFixed(file, output)) {
          // the file keeps its text: report its problems, not those of the text that could not be written
          ctx.warn(m.fixNotWritten(shown));
          ioFailed = true;
          output = undefined;
        } else text = output;
      }
      diagnostics = analyze(output ?? text, { locale: ctx.locale, config: rc ? [rc.config] : [] }).diagnostics;
    } catch (e) {
      // a bug (or an exhausted stack) in one file's analysis: that file's error, the run goes on
      ctx.warn(m.lintFailed(shown, e instanceof Error ? e.message.split('\n')[0] : String(e)));
      ioFailed = true;
      continue;
    }
    if (dryRun) {
      const shownText = output ?? text;
      results.push({ filePath: file, text: shownText, diagnostics, lines: new LineIndex(shownText), ...(output !== undefined ? { output } : {}) });
    } else results.push({ filePath: file, text, diagnostics, lines: new LineIndex(text) });
  }

  // --fix-dry-run in text: the fixed text of the one file on stdout (the problems left go to stderr)
  if (dryRun && format === 'text') {
    if (results.length !== 1) return ctx.fail(m.dryRunOneFile());
    ctx.io.stdout(results[0].output ?? results[0].text);
    if (results[0].diagnostics.length) ctx.io.stderr(formatText(results, m, PLAIN, ctx.cwd));
    return ioFailed ? EXIT_USAGE : count(results[0].diagnostics).errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
  }

  // nothing could be linted: the errors above are the whole answer ("no problems" would mislead)
  if (!results.length && ioFailed) return EXIT_USAGE;

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

  if (ioFailed) return EXIT_USAGE;
  const c = total(results);
  if (c.errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings >= 0 && c.warnings > maxWarnings) {
    ctx.warn(m.tooManyWarnings(c.warnings, maxWarnings));
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/** Writes the fixed text, with the file's UTF-8 byte order mark kept; false when it cannot be written. */
function writeFixed(file: string, text: string): boolean {
  try {
    const head = Buffer.alloc(3);
    const fd = fs.openSync(file, 'r');
    let bom = false;
    try {
      bom = fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
      fs.closeSync(fd);
    }
    fs.writeFileSync(file, (bom ? '\ufeff' : '') + text, 'utf8');
    return true;
  } catch {
    return false;
  }
}
