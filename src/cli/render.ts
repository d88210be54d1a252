/** `bizflow render [--role ROLE] [--format mermaid|svg] [--config FILE] [--locale …] [-o DIR] FILE` (FILE.md: src/cli/render-markdown.ts) */
import * as path from 'node:path';
import { analyze } from '../core/engine';
import { toMermaid } from '../core/mermaid';
import { nearest } from '../core/suggest';
import { ConfigResolver } from '../node/config-files';
import { FileError, readTextFile } from '../node/find-files';
import { EXIT_OK, VERSION, choice, parseCommandArgs, type CliContext, ROLE_OPTION, FORMAT_OPTION, CONFIG_OPTION } from './context';
import { configFor } from './lint';
import { usage } from './messages';
import { CHROMIUM_DRAWER, isMarkdownFile, renderMarkdown, type PictureDrawer } from './render-markdown';

export const RENDER_FORMATS = ['mermaid', 'svg'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** `drawer`: what draws `--format svg` (tests give canned pictures; by default headless Chromium). */
export async function renderCommand(argv: readonly string[], ctx: CliContext, drawer: PictureDrawer = CHROMIUM_DRAWER): Promise<number> {
  const { m } = ctx;
  const args = parseCommandArgs(
    'render',
    argv,
    [
      ROLE_OPTION,
      FORMAT_OPTION,
      CONFIG_OPTION,
      { name: 'out', short: 'o', value: true },
    ],
    ctx,
    () => usage(ctx.locale, VERSION),
  );
  if (typeof args === 'number') return args;
  const format = choice<RenderFormat>(args.options.get('format'), '--format', RENDER_FORMATS, 'mermaid', ctx);
  if (typeof format === 'number') return format;
  if (args.positionals.length !== 1) return ctx.fail(m.renderOneFile(args.positionals.length));

  const arg = args.positionals[0];
  const file = path.resolve(ctx.cwd, arg);
  let text: string;
  try {
    text = readTextFile(file, arg);
  } catch (e) {
    if (e instanceof FileError) return ctx.fail(m.fileError(e));
    throw e;
  }

  const configOpt = args.options.get('config');
  const resolver = new ConfigResolver({
    explicit: typeof configOpt === 'string' ? configOpt : undefined,
    locale: ctx.locale,
    cwd: ctx.cwd,
  });
  const rc = configFor(file, resolver, new Set(), ctx);
  if (typeof rc === 'number') return rc;

  const outOpt = args.options.get('out');
  const roleOpt = args.options.get('role');
  const role = typeof roleOpt === 'string' ? roleOpt : undefined;
  // a Markdown file: its ```bizflow blocks (src/cli/render-markdown.ts)
  if (isMarkdownFile(file)) {
    try {
      return await renderMarkdown(
        { file, shownAs: arg, text, format, role, outDir: typeof outOpt === 'string' ? path.resolve(ctx.cwd, outOpt) : undefined, config: rc ? [rc.config] : [] },
        ctx,
        drawer,
      );
    } catch (e) {
      return svgFailure(e, ctx);
    }
  }
  if (outOpt !== undefined) return ctx.fail(outOnlyForMarkdown(ctx));

  const { model, diagnostics } = analyze(text, { locale: ctx.locale, config: rc ? [rc.config] : [] });

  if (role !== undefined && !model.roles.byId.has(role)) {
    const known = [...model.roles.byId.keys()];
    return ctx.fail(m.unknownRole(role, known, nearest(role, known)));
  }

  const diagram = toMermaid(model, diagnostics, { role, locale: ctx.locale });
  for (const w of diagram.warnings ?? []) ctx.io.stderr(m.prefix + w + '\n');
  const mermaidText = diagram.text.endsWith('\n') ? diagram.text : diagram.text + '\n';
  if (format === 'mermaid') {
    ctx.io.stdout(mermaidText);
    return EXIT_OK;
  }

  // SVG: the drawer loads the renderer only now (CHROMIUM_DRAWER), so `lint` and Mermaid output never load playwright.
  let svg: string | undefined;
  try {
    // BizFlow's own swimlane layout (src/shared/swimlane): bands at every size, no lane-less fallback;
    // framed like the preview's exports: the process name as a title, the legend, a light background
    const roleName = role === undefined ? undefined : (model.roles.byId.get(role)?.name ?? role);
    const result = await drawer.renderFlow({
      text: diagram.text,
      title: model.process?.name || path.basename(file).replace(/\.bizflow\.ya?ml$/i, ''),
      subtitle: roleName,
      locale: ctx.locale,
    });
    if (!result.svg) return ctx.fail(m.svgFailed(oneLine(result.error ?? 'no output')));
    svg = result.svg;
  } catch (e) {
    return svgFailure(e, ctx);
  }
  ctx.io.stdout(svg.endsWith('\n') ? svg : svg + '\n');
  return EXIT_OK;
}

/** The one-line error for a failed SVG rendering (Chromium or playwright-core missing, Mermaid failed). */
function svgFailure(e: unknown, ctx: CliContext): number {
  const { m } = ctx;
  const name = e instanceof Error ? e.name : '';
  const detail = oneLine(e instanceof Error ? e.message : String(e));
  if (name === 'ChromiumMissingError') {
    const { detail: d, missing } = e as { detail?: unknown; missing?: unknown };
    const why = typeof d === 'string' ? oneLine(d) : detail;
    return ctx.fail(missing === 'playwright' ? m.playwrightMissing(why) : m.chromiumMissing(why));
  }
  return ctx.fail(m.svgFailed(detail));
}

function outOnlyForMarkdown(ctx: CliContext): string {
  return ctx.locale === 'zh-CN'
    ? '-o/--out 只用于 Markdown 文件（每个 ```bizflow 代码块一个文件）；BizFlow 文件的图输出到标准输出。'
    : '-o/--out applies to Markdown files (one file per ```bizflow block); a BizFlow file\'s diagram goes to stdout.';
}

function oneLine(s: string): string {
  return s.split('\n')[0].trim();
}
