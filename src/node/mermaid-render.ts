/**
 * Mermaid text → SVG with the real Mermaid, in headless Chromium (Node only).
 * Used by `bizflow render --format svg`, the tests and the benchmarks.
 *
 * The page is blank (no network: the context is offline), the local Mermaid
 * IIFE bundle is injected from disk, then BizFlow's swimlane renderer
 * (src/shared/swimlane, the same module the preview uses, as the bundle
 * `bizflow-swimlane.js`); Mermaid runs with `securityLevel: 'strict'`.
 * Every diagram is drawn by `renderSwimlane`: toMermaid's text with
 * BizFlow's swimlane layout, any other text as Mermaid would draw it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type HeadlessChromium } from './chromium';
import { bizflowLightBase, framePicture, pageMermaidConfig, themeBase, wellFormedSvg, type PictureFraming } from '../shared/swimlane/page';

/** The font of the pictures drawn here (no editor font to follow). */

export { ChromiumMissingError, findChromium } from './chromium';

export interface RenderOptions {
  /**
   * Mermaid theme (`default`, `dark`, `neutral`, `forest`, `base`), or
   * `bizflow`: BizFlow's light colours, as the preview's exports
   * (src/shared/preview-theme.ts; `renderFlow` of a diagram with a title
   * uses it). Default `default`.
   */
  theme?: string;
  /** Upper bound for launching the browser and for rendering each text; default 30 s. */
  timeoutMs?: number;
  /** Chromium to use (default: `$BIZFLOW_CHROMIUM`, then /usr/bin/chromium, …). */
  executablePath?: string;
}

export interface RenderResult {
  svg?: string;
  error?: string;
}

/** A swimlane diagram to draw (toMermaid's text). */
/**
 * A swimlane text to draw, framed as the preview's exports are when `title`
 * is given (the process name above, the legend below, a light background).
 */
export interface FlowDiagram extends PictureFraming {
  text: string;
}

export type FlowRenderResult = RenderResult;

/**
 * Which layout draws a swimlane text: `bizflow` (default) BizFlow's layered
 * swimlane layout; `mermaid` the layout the text names (Mermaid's own
 * `swimlane`, for the benchmarks).
 */
export type SwimlaneEngine = 'bizflow' | 'mermaid';

/** Places the Mermaid bundle is looked for, best first. */
export function mermaidBundleCandidates(): string[] {
  const out: string[] = [];
  // a copy beside the running script (the bundled dist/cli.js ships dist/mermaid.min.js)
  out.push(path.join(__dirname, 'mermaid.min.js'));
  if (require.main?.filename) out.push(path.join(path.dirname(require.main.filename), 'mermaid.min.js'));
  if (process.argv[1]) out.push(path.join(path.dirname(path.resolve(process.argv[1])), 'mermaid.min.js'));
  // the installed package
  try {
    out.push(path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js'));
  } catch {
    // not installed (or not resolvable from here)
  }
  return [...new Set(out)];
}

/**
 * The source of BizFlow's swimlane renderer for the page: `bizflow-swimlane.js`
 * beside the running script (dist/, written by esbuild.config.mjs), else
 * bundled now with esbuild from src/shared/swimlane/browser.ts, looked for
 * above this file (tests and scripts run from source under tsx, the bench from
 * bench/.out/: never a stale copy).
 */
export function swimlaneBundleSource(): string {
  const beside = path.join(__dirname, 'bizflow-swimlane.js');
  if (fs.existsSync(beside)) return fs.readFileSync(beside, 'utf8');
  let entry: string | undefined;
  for (let dir = __dirname, k = 0; k < 4; k++, dir = path.dirname(dir)) {
    for (const c of [path.join(dir, 'shared', 'swimlane', 'browser.ts'), path.join(dir, 'src', 'shared', 'swimlane', 'browser.ts')]) {
      if (!entry && fs.existsSync(c)) entry = c;
    }
  }
  if (!entry) throw new Error(`BizFlow's swimlane renderer (bizflow-swimlane.js) was not found beside ${__dirname}`);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'BizflowSwimlane',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Path of the Mermaid IIFE bundle. Throws a one-line Error when it cannot be found. */
export function findMermaidBundle(): string {
  const candidates = mermaidBundleCandidates();
  for (const c of candidates) {
    try {
      if (fs.statSync(c).isFile()) return c;
    } catch {
      // next
    }
  }
  throw new Error(`The Mermaid bundle (mermaid.min.js) was not found; looked in: ${candidates.join(', ')}`);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/**
 * A browser page with Mermaid loaded, reusable for many renders. Call
 * `close()` when done (or use `renderMermaid`, which does both).
 */
export class MermaidRenderer {
  private counter = 0;
  private broken?: string;

  private constructor(
    private readonly browser: HeadlessChromium,
    /** The page Mermaid runs in (tests use it to inspect the SVG). */
    readonly page: Page,
    private readonly timeoutMs: number,
  ) {}

  static async launch(opts: RenderOptions = {}): Promise<MermaidRenderer> {
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const bundle = findMermaidBundle();
    const browser = await launchChromium({ executablePath: opts.executablePath, timeoutMs });
    try {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      page.setDefaultTimeout(timeoutMs);
      await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
      await page.addScriptTag({ path: bundle });
      await page.addScriptTag({ content: swimlaneBundleSource() });
      // BizFlow's light colours unless a Mermaid theme is asked for: the same configuration as the preview's exports
      const base: Record<string, unknown> = opts.theme === 'bizflow' ? bizflowLightBase() : themeBase(opts.theme);
      const ok = await page.evaluate(
        ({ config }) => {
          const m = (globalThis as unknown as { mermaid?: { initialize(c: unknown): void } }).mermaid;
          if (!m) return false;
          m.initialize(config);
          return true;
        },
        // the same set-up as the editor's review-pack webview (src/shared/swimlane/page.ts)
        { config: pageMermaidConfig(base) },
      );
      if (!ok) throw new Error(`${bundle} did not define the mermaid global`);
      return new MermaidRenderer(browser, page, timeoutMs);
    } catch (e) {
      await browser.close();
      throw new Error(`Mermaid could not be loaded in Chromium: ${oneLine(e)}`);
    }
  }

  /**
   * Renders each text (through `renderSwimlane`); a text Mermaid rejects
   * yields `{ error }` with Mermaid's message.
   */
  async render(texts: readonly string[], opts: { engine?: SwimlaneEngine } = {}): Promise<RenderResult[]> {
    const engine = opts.engine ?? 'bizflow';
    const results: RenderResult[] = [];
    for (const text of texts) {
      if (this.broken) {
        results.push({ error: this.broken });
        continue;
      }
      const id = `bizflow-svg-${this.counter++}`;
      try {
        const r: RenderResult = await withTimeout(
          this.page.evaluate(
            async ({ id, text, engine }) => {
              type Api = import('../shared/swimlane/render').MermaidApi;
              const g = globalThis as unknown as { mermaid: Api; BizflowSwimlane: typeof import('../shared/swimlane/render') };
              try {
                const { svg } = await g.BizflowSwimlane.renderSwimlane(g.mermaid, text, { id, engine });
                return { svg };
              } catch (e) {
                return { error: e instanceof Error ? e.message : String(e) };
              } finally {
                // Mermaid leaves its scratch element behind on some errors
                const doc = (globalThis as unknown as { document: { getElementById(id: string): { remove(): void } | null } }).document;
                doc.getElementById('d' + id)?.remove();
                doc.getElementById(id)?.remove();
              }
            },
            { id, text, engine },
          ),
          this.timeoutMs,
          'Rendering the diagram',
        );
        // well-formed XML (src/shared/swimlane/page.ts)
        results.push(r.svg !== undefined ? { svg: wellFormedSvg(r.svg) } : r);
      } catch (e) {
        // the page is in an unknown state (timeout, crash): fail this and the remaining texts
        this.broken = oneLine(e);
        results.push({ error: this.broken });
      }
    }
    return results;
  }

  /** Renders one swimlane diagram with BizFlow's layout: `{ svg }` or `{ error }`. */
  async renderFlow(diagram: FlowDiagram): Promise<FlowRenderResult> {
    const [r] = await this.render([diagram.text]);
    if (!r.svg || diagram.title === undefined) return r;
    return { svg: framePicture(r.svg, diagram) };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** `MermaidRenderer.renderFlow` in a headless Chromium of its own, which is always closed afterwards. Throws like `renderMermaid`. */
export async function renderFlow(diagram: FlowDiagram, opts: RenderOptions = {}): Promise<FlowRenderResult> {
  // a framed picture (title, legend) in the preview's export colours
  const renderer = await MermaidRenderer.launch({ ...opts, theme: opts.theme ?? (diagram.title !== undefined ? 'bizflow' : undefined) });
  try {
    return await renderer.renderFlow(diagram);
  } finally {
    await renderer.close();
  }
}

/**
 * Renders Mermaid texts to SVG in one headless Chromium, which is always
 * closed afterwards. Throws (one-line message) when Chromium or Mermaid is not
 * available — `ChromiumMissingError` when Chromium itself is missing.
 */
export async function renderMermaid(texts: readonly string[], opts: RenderOptions = {}): Promise<RenderResult[]> {
  const renderer = await MermaidRenderer.launch(opts);
  try {
    return await renderer.render(texts);
  } finally {
    await renderer.close();
  }
}
