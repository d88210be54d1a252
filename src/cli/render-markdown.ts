/**
 * `bizflow render FILE.md`: the ```` ```bizflow ```` blocks of a Markdown file
 * (src/markdown/blocks.ts, the same analysis as VS Code's Markdown preview).
 *
 * * `--format mermaid` (default): each block's swimlane Mermaid text;
 *   `--format svg`: each block drawn by BizFlow's swimlane renderer in
 *   headless Chromium (src/node/mermaid-render.ts, one browser for all).
 * * Without `-o`: to stdout, one after another, each after a comment line
 *   naming the file, the block's number and its line
 *   (`%% bizflow: prd.md block 1, line 5` / `<!-- bizflow: … -->`).
 *   With `-o DIR`: one file per block, `DIR/<name>-<n>.svg` (or `.mmd`),
 *   `<name>` the Markdown file's name without `.md`, `<n>` the block's number
 *   counted from 1 in document order; DIR is created.
 * * Each block's problems go to stderr as `FILE:LINE: severity: message
 *   [code]` (lines of the Markdown file, or of the referenced file).
 * * `file:` paths are relative to the Markdown file; absolute paths and files
 *   other than .yaml/.yml are refused.
 * * Exit code 1 when a block could not be drawn (file missing, Mermaid
 *   failed), 2 when the file has no bizflow block; the other blocks are still
 *   written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import type { SeverityConfig } from '../core/config';
import { showControls } from '../core/escape';
import { pick } from '../core/i18n';
import { analyzeBlock, isBizflowInfo, isYamlReference, relativeReference, type BlockResult, type FileRead } from '../markdown/blocks';
import { FileError, readTextFile } from '../node/find-files';
import type { FlowDiagram, RenderResult } from '../node/mermaid-render';
import { EXIT_OK, EXIT_PROBLEMS, type CliContext } from './context';

/**
 * What draws the pictures of `render --format svg`. The CLI's is
 * `CHROMIUM_DRAWER`; tests give one that returns canned SVG or fails.
 */
export interface PictureDrawer {
  /** One framed swimlane picture, in a browser of its own (a BizFlow file's SVG). Throws when there is no browser. */
  renderFlow(diagram: FlowDiagram): Promise<RenderResult>;
  /** A browser for several pictures (the blocks of a Markdown file), closed by the caller. Throws when there is none. */
  launch(): Promise<{ render(texts: readonly string[]): Promise<RenderResult[]>; close(): Promise<void> }>;
}

/**
 * BizFlow's swimlane renderer in headless Chromium (src/node/mermaid-render.ts), loaded only when a picture is
 * drawn, so `lint` and Mermaid output never load playwright. `require`, not `import()`: bundled by esbuild yet
 * evaluated only here, and loadable under ts-node/tsx.
 */
export const CHROMIUM_DRAWER: PictureDrawer = {
  renderFlow: (diagram) => (require('../node/mermaid-render') as typeof import('../node/mermaid-render')).renderFlow(diagram),
  launch: () => (require('../node/mermaid-render') as typeof import('../node/mermaid-render')).MermaidRenderer.launch(),
};

export interface MarkdownBlock {
  /** 1-based line of the opening fence in the Markdown file. */
  fenceLine: number;
  content: string;
}

/** The ```` ```bizflow ```` fences of a Markdown text, in document order (CommonMark, as markdown-it reads them). */
export function markdownBlocks(text: string): MarkdownBlock[] {
  const tokens = new MarkdownIt().parse(text, {});
  return tokens.filter((t) => t.type === 'fence' && isBizflowInfo(t.info)).map((t) => ({ fenceLine: (t.map?.[0] ?? 0) + 1, content: t.content }));
}

/** True for the files `render` reads as Markdown. */
export function isMarkdownFile(file: string): boolean {
  return /\.(md|markdown)$/i.test(file);
}

export interface MarkdownRenderOptions {
  file: string;
  shownAs: string;
  text: string;
  format: 'mermaid' | 'svg';
  role?: string;
  outDir?: string;
  config: readonly SeverityConfig[];
}

export async function renderMarkdown(o: MarkdownRenderOptions, ctx: CliContext, drawer: PictureDrawer = CHROMIUM_DRAWER): Promise<number> {
  const t = (en: string, zh: string) => pick(ctx.locale, en, zh);
  const blocks = markdownBlocks(o.text);
  if (blocks.length === 0) return ctx.fail(t(`${o.shownAs} has no \`\`\`bizflow block.`, `${o.shownAs} 中没有 \`\`\`bizflow 代码块。`));
  const dir = path.dirname(o.file);
  const readFile = (ref: string): FileRead => {
    const rel = relativeReference(ref);
    if (rel === undefined) return { kind: 'outside' };
    if (!isYamlReference(rel)) return { kind: 'not-yaml' };
    try {
      return { kind: 'text', text: readTextFile(path.resolve(dir, rel), rel) };
    } catch (e) {
      if (e instanceof FileError && e.reason === 'too-large') return { kind: 'too-large' };
      return { kind: 'missing' };
    }
  };
  const results: BlockResult[] = blocks.map((b) => analyzeBlock(b.content, { locale: ctx.locale, config: o.config, readFile, role: o.role, maxSize: 0 }));

  // problems, with lines of the Markdown file (or of the referenced file)
  let failed = false;
  results.forEach((r, i) => {
    if (r.mermaid === undefined && r.problems.some((p) => p.severity === 'error')) failed = true;
    for (const p of r.problems) {
      const where =
        p.line === undefined
          ? `${o.shownAs}:${blocks[i].fenceLine}`
          : p.in === 'file' && r.request.kind === 'file'
            ? `${path.join(path.dirname(o.shownAs), r.request.path)}:${p.line}`
            : `${o.shownAs}:${blocks[i].fenceLine + p.line}`;
      // user text (names, paths) cannot move the cursor or colour the terminal
      ctx.io.stderr(showControls(`${where}: ${p.severity}: ${p.message}${p.code ? ` [${p.code}]` : ''}`) + '\n');
    }
    if (r.more) ctx.io.stderr(`${o.shownAs}:${blocks[i].fenceLine}: ${t(`… and ${r.more} more problems`, `…… 另有 ${r.more} 个问题`)}\n`);
  });

  const drawable = results.map((r, i) => ({ r, i })).filter(({ r }) => r.mermaid !== undefined);
  let outputs: Array<{ i: number; text: string }>;
  if (o.format === 'mermaid') {
    outputs = drawable.map(({ r, i }) => ({ i, text: r.mermaid!.endsWith('\n') ? r.mermaid! : r.mermaid! + '\n' }));
  } else {
    outputs = [];
    if (drawable.length) {
      const renderer = await drawer.launch();
      try {
        const svgs = await renderer.render(drawable.map(({ r }) => r.mermaid!));
        svgs.forEach((s, k) => {
          const i = drawable[k].i;
          if (s.svg) outputs.push({ i, text: s.svg.endsWith('\n') ? s.svg : s.svg + '\n' });
          else {
            failed = true;
            ctx.io.stderr(`${o.shownAs}:${blocks[i].fenceLine}: error: ${t('cannot render the SVG', '无法生成 SVG')}: ${(s.error ?? '').split('\n')[0]}\n`);
          }
        });
      } finally {
        await renderer.close();
      }
    }
  }

  const ext = o.format === 'svg' ? 'svg' : 'mmd';
  if (o.outDir !== undefined) {
    const name = path.basename(o.file).replace(/\.(md|markdown)$/i, '');
    try {
      fs.mkdirSync(o.outDir, { recursive: true });
      for (const { i, text } of outputs) {
        const out = path.join(o.outDir, `${name}-${i + 1}.${ext}`);
        fs.writeFileSync(out, text);
        ctx.io.stderr(`${ctx.m.prefix}${t(`wrote ${out}`, `已写入 ${out}`)}\n`);
      }
    } catch (e) {
      return ctx.fail(t(`cannot write to ${o.outDir}: `, `无法写入 ${o.outDir}：`) + (e instanceof Error ? e.message.split('\n')[0] : String(e)));
    }
  } else {
    for (const { i, text } of outputs) {
      const label = `bizflow: ${o.shownAs} block ${i + 1}, line ${blocks[i].fenceLine}`;
      ctx.io.stdout(o.format === 'svg' ? `<!-- ${label.replace(/--/g, '- -')} -->\n${text}` : `%% ${label.replace(/[\r\n]/g, ' ')}\n${text}`);
    }
  }
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}
