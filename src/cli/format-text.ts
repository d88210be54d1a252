/**
 * `--format text`: one line per diagnostic, `path:line:col  severity  message  [code]`,
 * grouped by file (a blank line between files), related locations indented
 * below, then a summary line.
 */
import * as path from 'node:path';
import { countConflicts } from '../core/conflict-count';
import { showControls } from '../core/escape';
import type { Severity } from '../core/types';
import type { Messages } from './messages';
import { oneLine, total, type FileResult } from './results';

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export const COLORS: Style = {
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
  green: sgr(32, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
};

const id = (s: string) => s;
export const PLAIN: Style = { red: id, yellow: id, cyan: id, green: id, dim: id, bold: id };

/** Path shown to the user: relative to the working folder when inside it, else absolute. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = path.relative(cwd, filePath);
  return rel && !path.isAbsolute(rel) ? rel : filePath;
}

/**
 * User text (a message, a file name) for one line of a terminal: line breaks
 * become spaces, control characters, ESC sequences, bidi and zero-width
 * characters `\u{…}`, so the text can neither fake lines nor drive the terminal.
 */
export function terminalText(s: string): string {
  return showControls(oneLine(s));
}

export function formatText(results: readonly FileResult[], m: Messages, style: Style, cwd: string): string {
  const width = Math.max(...(['error', 'warning', 'info'] as Severity[]).map((s) => [...m.severity(s)].length));
  const colour = (s: Severity) => (s === 'error' ? style.red : s === 'warning' ? style.yellow : style.cyan);
  const groups: string[] = [];
  for (const r of results) {
    if (!r.diagnostics.length) continue;
    const shown = showControls(displayPath(r.filePath, cwd));
    const lines: string[] = [];
    for (const d of r.diagnostics) {
      const p = r.lines.oneBased(d.span);
      const word = m.severity(d.severity);
      const sev = colour(d.severity)(word + ' '.repeat(Math.max(0, width - [...word].length)));
      lines.push(`${shown}:${p.line}:${p.column}  ${sev}  ${terminalText(d.message)}  ${style.dim(`[${showControls(d.code)}]`)}`);
      for (const rel of d.related ?? []) {
        const rp = r.lines.oneBased(rel.span);
        lines.push(style.dim(`    ↳ ${shown}:${rp.line}:${rp.column}  ${terminalText(rel.message)}`));
      }
    }
    groups.push(lines.join('\n'));
  }
  const c = total(results);
  const conflicts = results.reduce((n, r) => n + countConflicts(r.diagnostics).total, 0);
  const summary = m.summary(c.errors, c.warnings, c.infos, conflicts);
  const summaryStyled = c.errors ? style.bold(style.red(summary)) : c.warnings ? style.bold(style.yellow(summary)) : c.infos ? style.bold(style.cyan(summary)) : style.green(summary);
  return (groups.length ? groups.join('\n\n') + '\n\n' : '') + summaryStyled + '\n';
}
