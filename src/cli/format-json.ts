/**
 * `--format json`: ESLint's JSON formatter shape, so tools that read ESLint
 * output (CI annotators, reviewdog, editors) read BizFlow's too. Severity:
 * 2 error, 1 warning, 0 info; lines and columns 1-based.
 */
import { count, type FileResult } from './results';

export interface EslintMessage {
  ruleId: string;
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** As ESLint marks a parse error: on `yaml/syntax` findings only. */
  fatal?: true;
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: never[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
  /** With `--fix-dry-run`: the fixed text, when fixes changed it (as ESLint). */
  output?: string;
}

/** ESLint counts parse errors as fatal: here the YAML syntax errors. */
const isFatal = (code: string) => code === 'yaml/syntax';

export function toEslintResults(results: readonly FileResult[]): EslintResult[] {
  return results.map((r) => {
    const c = count(r.diagnostics);
    return {
      filePath: r.filePath,
      messages: r.diagnostics.map((d) => ({
        ruleId: d.code,
        severity: d.severity === 'error' ? 2 : d.severity === 'warning' ? 1 : 0,
        message: d.message,
        ...r.lines.oneBased(d.span),
        ...(isFatal(d.code) ? { fatal: true as const } : {}),
      })),
      suppressedMessages: [],
      errorCount: c.errors,
      fatalErrorCount: r.diagnostics.filter((d) => isFatal(d.code) && d.severity === 'error').length,
      warningCount: c.warnings,
      infoCount: c.infos,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
      ...(r.output !== undefined ? { output: r.output } : {}),
    };
  });
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(toEslintResults(results)) + '\n';
}
