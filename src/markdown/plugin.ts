/**
 * The markdown-it plugin: each ```` ```bizflow ```` fence becomes a container
 * holding the block's swimlane Mermaid text (escaped, in the
 * `data-bizflow-mermaid` attribute of the diagram element) and its problems
 * listed under it. The diagram itself is drawn in the page by the preview
 * script (./preview.ts, dist/markdown-preview.js), with BizFlow's swimlane
 * renderer; the problems are plain HTML (readable without any script).
 *
 * Pure apart from markdown-it's types: the editor side (VS Code's Markdown
 * preview, src/extension/markdown.ts) passes the locale, the severity
 * settings and how to read a `file:` block's file.
 */
import type MarkdownIt from 'markdown-it';
import type { SeverityConfig } from '../core/config';
import type { Locale } from '../core/types';
import { FAILED_ATTRIBUTE, MD_CLASSES, MERMAID_ATTRIBUTE } from './classes';
import { analyzeBlock, blockRequest, blockTexts, isBizflowInfo, type BlockResult, type FileRead } from './blocks';

export interface BizflowMarkdownOptions {
  /** Language of the problems and notes; default `en`. */
  locale?: () => Locale;
  /** Severity layers (workspace rc, editor settings). */
  config?: () => readonly SeverityConfig[];
  /** Largest text analysed, in UTF-16 units (0: no limit). */
  maxSize?: () => number;
  /**
   * Reads a `file:` block's file; `env` is markdown-it's render environment
   * (in VS Code's preview it holds the Markdown document's URI). Must be
   * synchronous: answer `pending` and refresh the preview when it arrives.
   */
  readFile?: (path: string, env: unknown) => FileRead;
}

export { MD_CLASSES, MERMAID_ATTRIBUTE } from './classes';

const CACHE_SIZE = 32;

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The HTML of one analysed block. `attrs`: the fence token's attributes to keep (`data-line`, classes). */
export function blockHtml(result: BlockResult, locale: Locale, attrs: { line?: string; classes?: string[] } = {}): string {
  const T = blockTexts(locale);
  const e = escapeHtml;
  const classes = [MD_CLASSES.block, ...(attrs.classes ?? [])].join(' ');
  const line = attrs.line !== undefined ? ` data-line="${e(attrs.line)}"` : '';
  const out: string[] = [`<div class="${e(classes)}"${line}>`];
  if (result.mermaid !== undefined) {
    const label = result.title ? `${T.diagram}: ${result.title}` : T.diagram;
    out.push(
      `<div class="${MD_CLASSES.diagram}" role="img" aria-label="${e(label)}" ${FAILED_ATTRIBUTE}="${e(T.failed)}" ${MERMAID_ATTRIBUTE}="${e(result.mermaid)}">` +
        `<p class="${MD_CLASSES.notice}">${e(T.rendering)}</p></div>`,
    );
  }
  if (result.notice) out.push(`<p class="${MD_CLASSES.notice}">${e(result.notice)}</p>`);
  const total = result.problems.length + result.more;
  if (total > 0) {
    const file = result.request.kind === 'file' ? result.request.path : undefined;
    const parts = (['error', 'warning', 'info'] as const).filter((s) => result.counts[s]).map((s) => `${result.counts[s]} ${T.severity(s)}`);
    out.push(`<div class="${MD_CLASSES.problems}">`);
    out.push(`<p class="${MD_CLASSES.summary}">${e(T.problems(total))}${parts.length ? ` (${e(parts.join(', '))})` : ''}</p>`);
    out.push('<ul>');
    for (const p of result.problems) {
      const where = p.line === undefined ? '' : p.in === 'file' && file !== undefined ? T.fileLine(file, p.line) : T.line(p.line);
      out.push(
        `<li class="${MD_CLASSES.problem} bizflow-md-${p.severity}" data-severity="${p.severity}"${p.line !== undefined ? ` data-problem-line="${p.line}"` : ''}>` +
          `<span class="bizflow-md-severity">${e(T.severity(p.severity))}</span> ` +
          (where ? `<span class="${MD_CLASSES.where}">${e(where)}</span> ` : '') +
          (p.code ? `<code class="${MD_CLASSES.code}">${e(p.code)}</code> ` : '') +
          `<span class="bizflow-md-message">${e(p.message)}</span></li>`,
      );
    }
    if (result.more > 0) out.push(`<li class="${MD_CLASSES.problem} bizflow-md-more">${e(T.more(result.more))}</li>`);
    out.push('</ul></div>');
  }
  out.push('</div>\n');
  return out.join('');
}

/** Adds the ```` ```bizflow ```` fence rendering to `md` (other fences are left to the rule that was there). */
export function bizflowMarkdownIt(md: MarkdownIt, options: BizflowMarkdownOptions = {}): MarkdownIt {
  const previous = md.renderer.rules.fence;
  // analyses of recent blocks: the preview renders the whole document again on every change
  const cache = new Map<string, BlockResult>();
  md.renderer.rules.fence = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    if (!isBizflowInfo(token.info)) {
      return previous ? previous(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
    }
    const locale = options.locale?.() ?? 'en';
    const config = options.config?.() ?? [];
    const maxSize = options.maxSize?.();
    const request = blockRequest(token.content);
    let read: FileRead | undefined;
    if (request.kind === 'file' && options.readFile) {
      try {
        read = options.readFile(request.path, env);
      } catch {
        read = { kind: 'missing' };
      }
    }
    const key = JSON.stringify([locale, config, maxSize, token.content, read]);
    let result = cache.get(key);
    if (result) cache.delete(key);
    else result = analyzeBlock(token.content, { locale, config, maxSize, readFile: options.readFile ? () => read! : undefined });
    cache.set(key, result);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    const cls = token.attrGet('class');
    const line = token.attrGet('data-line');
    return blockHtml(result, locale, { line: line ?? undefined, classes: cls ? cls.split(/\s+/).filter(Boolean) : [] });
  };
  return md;
}
