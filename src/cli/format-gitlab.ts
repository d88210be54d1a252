/**
 * `--format gitlab`: a GitLab Code Quality report (the subset of the Code
 * Climate issue format GitLab reads), for `artifacts:reports:codequality`.
 *
 * Each diagnostic is `{ description, check_name, fingerprint, severity,
 * location: { path, lines: { begin } } }`:
 * * `path` is relative to the project folder: `$CI_PROJECT_DIR` when set
 *   (GitLab CI), else the working folder, `/`-separated;
 * * `severity`: BizFlow `error` → `major`, `warning` → `minor`, `info` → `info`
 *   (as eslint-formatter-gitlab maps ESLint's; `critical` and `blocker` are
 *   not used);
 * * `fingerprint` is stable across edits elsewhere in the file: the MD5 of the
 *   path, the rule code, the message and the trimmed text of the diagnostic's
 *   first line, but not its line number, so an issue moved by an insertion
 *   above it keeps its identity in GitLab's merge-request widget. Identical
 *   issues on identical lines get an occurrence number mixed in, so the
 *   fingerprints of one report are unique.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../core/types';
import { reportPath } from './format-junit';
import { oneLine, type FileResult } from './results';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const GITLAB_SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/** The text of the line starting at `lineStart`, without its line break. */
function lineText(text: string, lineStart: number): string {
  const rest = text.slice(lineStart);
  const m = /\r\n|\r|\n/.exec(rest);
  return m ? rest.slice(0, m.index) : rest;
}

export function toCodeQuality(results: readonly FileResult[], root: string): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  for (const r of results) {
    const file = reportPath(r.filePath, root);
    for (const d of r.diagnostics) {
      const pos = r.lines.position(d.span.start);
      const content = lineText(r.text, r.lines.offset(pos.line, 0)).trim();
      const description = oneLine(d.message);
      const key = [file, d.code, description, content].join('\0');
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const fingerprint = createHash('md5')
        .update(n ? `${key}\0${n}` : key)
        .digest('hex');
      issues.push({
        description,
        check_name: d.code,
        fingerprint,
        severity: GITLAB_SEVERITY[d.severity],
        location: { path: file, lines: { begin: pos.line + 1 } },
      });
    }
  }
  return issues;
}

export function formatGitlab(results: readonly FileResult[], root: string): string {
  return JSON.stringify(toCodeQuality(results, root), null, 2) + '\n';
}
