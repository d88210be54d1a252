/**
 * `--format sarif`: a SARIF 2.1.0 log with one run. Every rule of the
 * catalogue is listed in `tool.driver.rules`; each result points at its rule
 * by id and index. Locations are relative to the working folder (with the
 * `SRCROOT` base), or `file:` URIs for files outside it.
 *
 * BizFlow has no public web home, so the log has no `informationUri` and the
 * rules no `helpUri` (rather than links that lead nowhere); each rule carries
 * its one-line description, and the full documentation ships as docs/rules.md
 * with the extension.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../core/rule';
import type { Locale, Severity, Span } from '../core/types';
import type { FileResult } from './results';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** A URI reference for a path relative to the base: each segment percent-encoded, `/`-separated. */
function relativeUri(rel: string): string {
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

/** `file:` URI of a folder, ending with `/` (required for a base URI). */
function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}

export interface SarifOptions {
  rules: readonly Rule[];
  version: string;
  cwd: string;
  locale: Locale;
}

export function toSarif(results: readonly FileResult[], opts: SarifOptions): object {
  const ruleIndex = new Map(opts.rules.map((r, i) => [r.code, i]));
  const artifactLocation = (filePath: string) => {
    const rel = path.relative(opts.cwd, filePath);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
      return { uri: relativeUri(rel), uriBaseId: 'SRCROOT' };
    }
    return { uri: pathToFileURL(filePath).href };
  };
  const physical = (r: FileResult, span: Span) => {
    const p = r.lines.oneBased(span);
    return {
      artifactLocation: artifactLocation(r.filePath),
      region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
    };
  };
  const sarifResults: object[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const idx = ruleIndex.get(d.code);
      const result: Record<string, unknown> = { ruleId: d.code };
      if (idx !== undefined) result.ruleIndex = idx;
      result.level = sarifLevel(d.severity);
      result.message = { text: d.message };
      result.locations = [{ physicalLocation: physical(r, d.span) }];
      if (d.related?.length) {
        result.relatedLocations = d.related.map((rel, i) => ({
          id: i + 1,
          physicalLocation: physical(r, rel.span),
          message: { text: rel.message },
        }));
      }
      sarifResults.push(result);
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'BizFlow',
            version: opts.version,
            semanticVersion: opts.version,
            rules: opts.rules.map((rule) => ({
              id: rule.code,
              shortDescription: { text: rule.description.en },
              defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: folderUri(opts.cwd) } },
        artifacts: results.map((r) => ({ location: artifactLocation(r.filePath) })),
        language: opts.locale,
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

export function formatSarif(results: readonly FileResult[], opts: SarifOptions): string {
  return JSON.stringify(toSarif(results, opts), null, 2) + '\n';
}
