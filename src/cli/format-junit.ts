/**
 * `--format junit`: JUnit XML, as ESLint's `junit` formatter shapes it, for
 * Jenkins, GitLab's test reports, Azure Pipelines and other JUnit readers.
 *
 * One `<testsuite>` per linted file (named by its path); one `<testcase>` per
 * diagnostic, named `bizflow.<rule code>`, whose `<failure>` carries the
 * position, severity, message and code. Errors and warnings are failures
 * (as in ESLint); an info diagnostic is a passing test case whose message is
 * in `<system-out>`. A file without diagnostics has one passing test case
 * named by the file, so every linted file shows up.
 *
 * All text is escaped for XML 1.0: the five markup characters become entity
 * references, line breaks and tabs in attributes (and carriage returns
 * anywhere) become character references (so they survive normalisation), and characters XML 1.0 cannot
 * carry at all (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE,
 * U+FFFF) become U+FFFD.
 */
import * as path from 'node:path';
import type { Severity } from '../core/types';
import { count, oneLine, type FileResult } from './results';

/** Characters XML 1.0 cannot represent, even as character references. */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content (a carriage return as a reference, which XML's line-end normalisation keeps). */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes text for a double- or single-quoted XML attribute value (line breaks and tabs kept as references). */
export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** Path shown in the report: relative to the working folder (`/`-separated) when inside it, else absolute. */
export function reportPath(filePath: string, cwd: string): string {
  const rel = path.relative(cwd, filePath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return filePath;
  return rel.split(path.sep).join('/');
}

export function formatJunit(results: readonly FileResult[], cwd: string): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const r of results) {
    const file = reportPath(r.filePath, cwd);
    const classname = file.replace(/\.bizflow\.ya?ml$/i, '');
    const c = count(r.diagnostics);
    const cases: string[] = [];
    for (const d of r.diagnostics) {
      const p = r.lines.oneBased(d.span);
      const message = oneLine(d.message);
      const detail = `line ${p.line}, col ${p.column}, ${SEVERITY_WORD[d.severity]} - ${message} (${d.code})`;
      const open = `<testcase time="0" name="${xmlAttr(`bizflow.${d.code}`)}" classname="${xmlAttr(classname)}">`;
      if (d.severity === 'info') {
        cases.push(`${open}<system-out>${xmlText(detail)}</system-out></testcase>`);
      } else {
        cases.push(
          `${open}<failure message="${xmlAttr(message)}" type="${d.severity}">${xmlText(detail)}</failure></testcase>`,
        );
      }
    }
    if (!cases.length) cases.push(`<testcase time="0" name="${xmlAttr(file)}" classname="${xmlAttr(classname)}" />`);
    const failed = c.errors + c.warnings;
    tests += cases.length;
    failures += failed;
    suites.push(
      `<testsuite package="bizflow" time="0" tests="${cases.length}" errors="0" failures="${failed}" name="${xmlAttr(file)}">\n` +
        cases.join('\n') +
        '\n</testsuite>',
    );
  }
  out.push(`<testsuites name="bizflow" tests="${tests}" failures="${failures}" errors="0">`);
  out.push(...suites);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
