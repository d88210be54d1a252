/**
 * The one module that talks to the `yaml` package's parser. It never throws:
 * any failure becomes a syntax error with a span inside the text.
 */
import { LineCounter, parseDocument, isAlias, type Document, type Node as YamlNode } from 'yaml';
import type { Span } from './types';

export interface SyntaxProblem {
  /** yaml's error code (e.g. BAD_INDENT), or BIZFLOW_* for our own. */
  code: string;
  message: string;
  span: Span;
}

export interface ParsedFile {
  text: string;
  /** The YAML document; `undefined` only when the parser itself failed. */
  doc: Document.Parsed | undefined;
  lineCounter: LineCounter;
  errors: SyntaxProblem[];
}

/** Nesting deeper than this is rejected before parsing (it would only be an attack or a mistake). */
export const MAX_NESTING = 500;

function clampSpan(text: string, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { start: s, end: e };
}

/** Rough upper bound of flow/block nesting depth, computed in one linear pass. */
function nestingDepth(text: string): { depth: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let indentMax = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
      }
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
    if (c === 10) {
      lineStart = true;
      indent = 0;
    } else if (lineStart) {
      if (c === 32 || c === 45 /* '- ' nests too */) indent++;
      else {
        lineStart = false;
        // each nesting level needs at least one more column of indentation
        if (indent > indentMax) indentMax = indent;
      }
    }
  }
  return { depth: Math.max(max, Math.floor(indentMax / 2)), at };
}

export function parseText(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const errors: SyntaxProblem[] = [];
  const nest = nestingDepth(text);
  if (nest.depth > MAX_NESTING) {
    errors.push({
      code: 'BIZFLOW_TOO_DEEP',
      message: `the document nests deeper than ${MAX_NESTING} levels`,
      span: clampSpan(text, nest.at, nest.at + 1),
    });
    return { text, doc: undefined, lineCounter, errors };
  }
  let doc: Document.Parsed | undefined;
  try {
    doc = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false,
      keepSourceTokens: false,
      version: '1.2',
    });
  } catch (e) {
    errors.push({
      code: 'BIZFLOW_PARSER_FAILED',
      message: e instanceof Error ? e.message : String(e),
      span: clampSpan(text, 0, Math.min(text.length, 1)),
    });
    return { text, doc: undefined, lineCounter, errors };
  }
  for (const err of doc.errors) {
    const [s, e] = err.pos ?? [0, 0];
    let span = clampSpan(text, s, e);
    if (span.start === span.end && span.start > 0 && span.start === text.length) {
      // an error at the very end: point at the last character so it is visible
      span = clampSpan(text, span.start - 1, span.start);
    }
    errors.push({ code: err.code, message: err.message.replace(/\s+/g, ' ').trim(), span });
  }
  return { text, doc, lineCounter, errors };
}

/** Follows an alias one step to what it names (never expands recursively). */
export function deref(doc: Document.Parsed | undefined, node: unknown): unknown {
  if (doc && isAlias(node)) {
    try {
      return node.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return node;
}

export function nodeSpan(text: string, node: YamlNode | null | undefined): Span | undefined {
  if (!node || !node.range) return undefined;
  return clampSpan(text, node.range[0], node.range[1]);
}
