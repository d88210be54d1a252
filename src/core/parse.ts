/**
 * The one module that talks to the `yaml` package's parser. It never throws:
 * any failure becomes a syntax error with a span inside the text.
 */
import { LineCounter, parseDocument, isAlias, isCollection, isPair, isScalar, type Alias, type Document, type Node as YamlNode } from 'yaml';
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
  /** What each alias of the document names (see `deref`), built on first use: part of the parse, never shared. */
  readonly aliases: AliasTable;
}

/** Nesting deeper than this is rejected before parsing (it would only be an attack or a mistake). */
export const MAX_NESTING = 500;

function clampSpan(text: string, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { start: s, end: e };
}

/** A separator after a block indicator: space, tab, line break or the end of the text (NaN). */
function isBlankOrEnd(c: number): boolean {
  return c !== c || c === 32 || c === 9 || c === 10 || c === 13;
}

/** Rough upper bound of flow/block nesting depth, computed in one linear pass. */
function nestingDepth(text: string): { depth: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let indentMax = 0;
  let indentAt = 0;
  let lineStart = true;
  let indent = 0;
  // the line so far holds a block indicator (`-` or `?`), so it nests even when nothing follows
  let indicator = false;
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
      // a line of only indentation and indicators (`    -`) nests as deep as its indicators
      if (lineStart && indicator && indent > indentMax) {
        indentMax = indent;
        indentAt = i - 1;
      }
      lineStart = true;
      indent = 0;
      indicator = false;
    } else if (lineStart) {
      if (c === 32) indent++;
      else if ((c === 45 || c === 63) && isBlankOrEnd(text.charCodeAt(i + 1)) /* '- ' and '? ' nest too */) {
        indent++;
        indicator = true;
      } else {
        lineStart = false;
        // each nesting level needs at least one more column of indentation
        if (indent > indentMax) {
          indentMax = indent;
          indentAt = i;
        }
      }
    }
  }
  if (lineStart && indicator && indent > indentMax) {
    indentMax = indent;
    indentAt = text.length - 1;
  }
  const indentDepth = Math.floor(indentMax / 2);
  return indentDepth > max ? { depth: indentDepth, at: indentAt } : { depth: max, at };
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
    return { text, doc: undefined, lineCounter, errors, aliases: new AliasTable(undefined) };
  }
  let doc: Document.Parsed | undefined;
  try {
    // YAML 1.2 allows a lone CR as a line break, the yaml package does not: a CR not followed by LF
    // becomes LF for the parser (same length, so every offset stays valid in `text`)
    const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
    doc = parseDocument(source, {
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
    return { text, doc: undefined, lineCounter, errors, aliases: new AliasTable(undefined) };
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
  return { text, doc, lineCounter, errors, aliases: new AliasTable(doc) };
}

/**
 * Alias → the node it names, for every alias of one document, built by one
 * linear walk on first use. (yaml's own `Alias.resolve` walks the whole
 * document on every call, which is quadratic in the number of aliases.)
 * One table per parse (`ParsedFile.aliases`).
 */
export class AliasTable {
  private targets: Map<Alias, unknown> | undefined;

  constructor(private readonly doc: Document.Parsed | undefined) {}

  /** The node `alias` names: the last node with its anchor before it; `undefined` when there is none. */
  target(alias: Alias): unknown {
    return (this.targets ??= aliasTargets(this.doc)).get(alias);
  }
}

function aliasTargets(doc: Document.Parsed | undefined): Map<Alias, unknown> {
  const table = new Map<Alias, unknown>();
  if (!doc) return table;
  const last = new Map<string, unknown>();
  // iterative walk in document order (no recursion, no dependency on yaml's visitor)
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) {
      // the last node with this anchor before the alias, as YAML defines it
      if (last.has(node.source)) table.set(node, last.get(node.source));
      continue;
    }
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if ((isScalar(node) || isCollection(node)) && node.anchor) last.set(node.anchor, node);
    if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return table;
}

/** Follows an alias one step to what it names (never expands recursively); any other node is returned as is. */
export function deref(parsed: ParsedFile, node: unknown): unknown {
  if (isAlias(node)) return parsed.aliases.target(node);
  return node;
}

export function nodeSpan(text: string, node: YamlNode | null | undefined): Span | undefined {
  if (!node || !node.range) return undefined;
  return clampSpan(text, node.range[0], node.range[1]);
}
