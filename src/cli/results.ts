/** What `lint` hands to the formatters: one entry per linted file. */
import { LineIndex } from '../core/positions';
import type { Diagnostic, Severity } from '../core/types';

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  /** The text that was analysed (BOM removed). */
  text: string;
  diagnostics: Diagnostic[];
  lines: LineIndex;
  /** `--fix-dry-run`: the text with the fixes applied, when it differs (ESLint's `output`). */
  output?: string;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function count(diagnostics: readonly { severity: Severity }[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') c.errors++;
    else if (d.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

export function total(results: readonly FileResult[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const r of results) {
    const k = count(r.diagnostics);
    c.errors += k.errors;
    c.warnings += k.warnings;
    c.infos += k.infos;
  }
  return c;
}

/** Messages on one line (the text and JSON formats are line-oriented). */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
