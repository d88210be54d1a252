/**
 * ```` ```bizflow ```` blocks of a Markdown document: what a block asks for
 * (a whole process written in the block, or `file:` a process file with an
 * optional `role:`), its analysis, its Mermaid swimlane text and its problems
 * with line numbers. Pure (no editor, no Node, no DOM): the markdown-it plugin
 * (./plugin.ts, VS Code's Markdown preview) and `bizflow render` of a
 * Markdown file (src/cli/render.ts) share it.
 */
import { parseDocument, isMap, isScalar } from 'yaml';
import { analyze } from '../core/engine';
import { pick } from '../core/i18n';
import { toMermaid } from '../core/mermaid';
import { LineIndex } from '../core/positions';
import { nearest } from '../core/suggest';
import type { SeverityConfig } from '../core/config';
import type { Locale, Severity } from '../core/types';
import type { FileRead } from './references';

export { isYamlReference, relativeReference, type FileRead } from './references';

/** The info string word that marks a block (`bizflow`, any case). */
export const BLOCK_LANGUAGE = 'bizflow';

/** True for a fence info string such as `bizflow` or `BizFlow {title}`. */
export function isBizflowInfo(info: string): boolean {
  return info.trim().split(/\s+/, 1)[0].toLowerCase() === BLOCK_LANGUAGE;
}

/** What a block asks for. */
export type BlockRequest =
  | { kind: 'inline'; text: string }
  | {
      kind: 'file';
      /** The path as written in the block. */
      path: string;
      role?: string;
      /** 1-based line of `file:` in the block. */
      line: number;
    };

/**
 * A reference block is a YAML map with a string `file` and at most a string
 * `role`; anything else is a process written in the block.
 */
export function blockRequest(text: string): BlockRequest {
  if (!/^\s*file\s*:/m.test(text) || text.length > 10_000) return { kind: 'inline', text };
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length || !isMap(doc.contents)) return { kind: 'inline', text };
    let path: string | undefined;
    let role: string | undefined;
    let line = 1;
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (key === 'file' && typeof value === 'string') {
        path = value;
        line = new LineIndex(text).position(pair.key && isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0).line + 1;
      } else if (key === 'role' && (typeof value === 'string' || typeof value === 'number')) role = String(value);
      else return { kind: 'inline', text };
    }
    return path === undefined ? { kind: 'inline', text } : { kind: 'file', path, role, line };
  } catch {
    return { kind: 'inline', text };
  }
}

export interface BlockOptions {
  locale: Locale;
  /** Severity layers (workspace rc, editor settings); the process's own `rules:` come last. */
  config?: readonly SeverityConfig[];
  /** Largest text analysed, in UTF-16 units (0: no limit); default 2,000,000. */
  maxSize?: number;
  /** Reads a `file:` block's file (path as written); absent: every `file:` block says the file cannot be read here. */
  readFile?: (path: string) => FileRead;
  /** Most problems listed per block; default 50. */
  maxProblems?: number;
  /** A role view for every block (instead of a `file:` block's own `role:`), e.g. `bizflow render --role`. */
  role?: string;
}

export interface BlockProblem {
  severity: Severity;
  /** Rule code (absent for problems of the block itself, such as a missing file). */
  code?: string;
  /** 1-based line in the block (inline process or the `file:` line) or in the referenced file. */
  line?: number;
  /** Where `line` counts: the block's text or the referenced file. */
  in: 'block' | 'file';
  message: string;
}

export interface BlockResult {
  request: BlockRequest;
  /** The swimlane diagram (toMermaid's text); absent when there is nothing to draw. */
  mermaid?: string;
  /** The process's name, when it has one. */
  title?: string;
  /** The role view drawn. */
  role?: string;
  /** Why nothing is drawn (when `mermaid` is absent). */
  notice?: string;
  /** Sorted by line; at most `maxProblems`. */
  problems: BlockProblem[];
  /** Problems not listed (beyond `maxProblems`). */
  more: number;
  counts: Record<Severity, number>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Texts of the block's own messages, English then Chinese. */
export function blockTexts(locale: Locale) {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  const Q = (s: string) => (locale === 'zh-CN' ? `“${s}”` : `"${s}"`);
  return {
    missing: (p: string) => t(`File not found: ${Q(p)} (paths are relative to the Markdown file).`, `找不到文件${Q(p)}（路径相对于 Markdown 文件）。`),
    outside: (p: string) =>
      t(`${Q(p)} is outside the workspace: only files in the workspace, named relative to the Markdown file, are read.`, `${Q(p)}在工作区之外：只读取工作区内、相对于 Markdown 文件给出路径的文件。`),
    notYaml: (p: string) => t(`${Q(p)} is not a BizFlow YAML file (.bizflow.yaml, .yaml or .yml).`, `${Q(p)}不是 BizFlow YAML 文件（.bizflow.yaml、.yaml 或 .yml）。`),
    tooLarge: (p: string) => t(`${Q(p)} is larger than the size limit (bizflow.maxFileSize); it is not drawn.`, `${Q(p)}超过大小上限（bizflow.maxFileSize），不绘制。`),
    blockTooLarge: t('This block is larger than the size limit (bizflow.maxFileSize); it is not drawn.', '此代码块超过大小上限（bizflow.maxFileSize），不绘制。'),
    pending: (p: string) => t(`Reading ${Q(p)}…`, `正在读取${Q(p)}…`),
    noReader: (p: string) => t(`${Q(p)} cannot be read here.`, `此处无法读取${Q(p)}。`),
    unknownRole: (role: string, known: readonly string[]) => {
      const s = nearest(role, known);
      return (
        t(`Unknown role ${Q(role)}: the whole process is drawn.`, `未知角色${Q(role)}：绘制整个流程。`) +
        (s ? t(` Did you mean ${Q(s)}?`, `是否想写${Q(s)}？`) : '') +
        (known.length ? t(` Roles: ${known.join(', ')}.`, `已定义的角色：${known.join('、')}。`) : '')
      );
    },
    empty: t('Nothing to draw: the process has no steps or roles yet.', '没有可绘制的内容：流程还没有步骤或角色。'),
    line: (n: number) => t(`line ${n}`, `第 ${n} 行`),
    fileLine: (p: string, n: number) => t(`${p}, line ${n}`, `${p} 第 ${n} 行`),
    problems: (n: number) => t(n === 1 ? '1 problem' : `${n} problems`, `${n} 个问题`),
    more: (n: number) => t(`… and ${n} more`, `…… 另有 ${n} 个`),
    severity: (s: Severity) => (s === 'error' ? t('error', '错误') : s === 'warning' ? t('warning', '警告') : t('info', '提示')),
    diagram: t('BizFlow swimlane diagram', 'BizFlow 泳道图'),
    rendering: t('Drawing the swimlane…', '正在绘制泳道图…'),
    failed: t('Cannot draw the swimlane:', '无法绘制泳道图：'),
  };
}

/** Analyses one block: its diagram text and its problems. Never throws; bounded by `maxSize`. */
export function analyzeBlock(content: string, options: BlockOptions): BlockResult {
  const { locale } = options;
  const T = blockTexts(locale);
  const maxSize = options.maxSize ?? 2_000_000;
  const maxProblems = options.maxProblems ?? 50;
  const request = blockRequest(content);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const own = (message: string, severity: Severity = 'error'): BlockResult => {
    counts[severity]++;
    return { request, notice: message, problems: [{ severity, message, in: 'block', line: request.kind === 'file' ? request.line : undefined }], more: 0, counts };
  };

  let text: string;
  let where: 'block' | 'file';
  if (request.kind === 'inline') {
    if (maxSize > 0 && content.length > maxSize) return own(T.blockTooLarge);
    text = content;
    where = 'block';
  } else {
    const p = request.path;
    if (!options.readFile) return own(T.noReader(p));
    let read: FileRead;
    try {
      read = options.readFile(p);
    } catch {
      read = { kind: 'missing' };
    }
    switch (read.kind) {
      case 'missing':
        return own(T.missing(p));
      case 'outside':
        return own(T.outside(p));
      case 'not-yaml':
        return own(T.notYaml(p));
      case 'too-large':
        return own(T.tooLarge(p));
      case 'pending':
        return { request, notice: T.pending(p), problems: [], more: 0, counts };
    }
    if (maxSize > 0 && read.text.length > maxSize) return own(T.tooLarge(p));
    text = read.text;
    where = 'file';
  }

  try {
    const { model, diagnostics } = analyze(text, { locale, config: options.config ?? [] });
    const lines = new LineIndex(text);
    const all: BlockProblem[] = diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      line: lines.position(d.span.start).line + 1,
      in: where,
      message: d.message,
    }));
    let role = options.role ?? (request.kind === 'file' ? request.role : undefined);
    if (role !== undefined && !model.roles.byId.has(role)) {
      all.push({ severity: 'warning', line: request.kind === 'file' ? request.line : undefined, in: 'block', message: T.unknownRole(role, [...model.roles.byId.keys()]) });
      role = undefined;
    }
    let mermaid: string | undefined;
    let notice: string | undefined;
    if (model.steps.list.length === 0 && model.roles.list.length === 0) notice = T.empty;
    else {
      const diagram = toMermaid(model, diagnostics, { role, locale });
      mermaid = diagram.text;
      for (const w of diagram.warnings ?? []) all.push({ severity: 'warning', in: 'block', message: w });
    }
    // block problems first (they explain the picture), then by line and severity
    all.sort((a, b) => (a.in === b.in ? 0 : a.in === 'block' && where === 'file' ? -1 : 1) || (a.line ?? 0) - (b.line ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    for (const p of all) counts[p.severity]++;
    const title = model.process?.name;
    return { request, mermaid, title, role, notice, problems: all.slice(0, maxProblems), more: Math.max(0, all.length - maxProblems), counts };
  } catch (e) {
    return own(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}
