/**
 * Rendering the Mermaid of generated flows in headless Chromium, with the
 * project's own renderer (src/node/mermaid-render.ts, the one `bizflow render
 * --format svg` uses), in a process of its own:
 *
 *   node bench/.out/render.js --flows F1,F2 --out OUT.json [--reps N]
 *
 * The browser is started once and not timed. For each flow, rounds alternate:
 * - `renderer`: MermaidRenderer.render([text]) as the CLI calls it (one page
 *   round trip, Mermaid, SVG clean-up, the SVG back to Node);
 * - `raw`: only `await mermaid.render(id, text)`, timed inside the same page
 *   with performance.now().
 */
import * as fs from 'node:fs';
import { analyze } from '../src/core/engine';
import { toMermaid } from '../src/core/mermaid';
import { MermaidRenderer } from '../src/node/mermaid-render';
import { now, stats, type Stats } from './stats';

const args = process.argv.slice(2);
const opt = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};

interface FlowResult {
  file: string;
  mermaidBytes: number;
  nodes: number;
  svgBytes: number;
  renderer: Stats;
  raw: Stats;
  error?: string;
}

async function main() {
  const files = opt('flows')!.split(',');
  const reps = Number(opt('reps', '5'));
  const out = opt('out')!;
  const t0 = now();
  const renderer = await MermaidRenderer.launch({ timeoutMs: 120_000 });
  const launchMs = now() - t0;
  const results: FlowResult[] = [];
  try {
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const a = analyze(text);
      const m = toMermaid(a.model, a.diagnostics);
      const r: FlowResult = { file, mermaidBytes: Buffer.byteLength(m.text), nodes: m.nodeIds.size, svgBytes: 0, renderer: stats([]), raw: stats([]) };
      const viaRenderer: number[] = [];
      const raw: number[] = [];
      let k = 0;
      const rawRender = () =>
        renderer.page.evaluate(
          async ({ id, text }) => {
            const g = globalThis as unknown as {
              mermaid: { render(id: string, text: string): Promise<{ svg: string }> };
              document: { getElementById(id: string): { remove(): void } | null };
            };
            const t = performance.now();
            const { svg } = await g.mermaid.render(id, text);
            const ms = performance.now() - t;
            g.document.getElementById('d' + id)?.remove();
            g.document.getElementById(id)?.remove();
            return { ms, bytes: svg.length };
          },
          { id: `bench-raw-${k++}`, text: m.text },
        );
      // warm-up: one of each
      const first = await renderer.render([m.text]);
      if (first[0].error) {
        r.error = first[0].error;
        results.push(r);
        continue;
      }
      r.svgBytes = Buffer.byteLength(first[0].svg ?? '');
      await rawRender();
      for (let i = 0; i < reps; i++) {
        const t = now();
        const [res] = await renderer.render([m.text]);
        viaRenderer.push(now() - t);
        if (res.error) throw new Error(`render failed: ${res.error}`);
        raw.push((await rawRender()).ms);
      }
      r.renderer = stats(viaRenderer);
      r.raw = stats(raw);
      results.push(r);
    }
  } finally {
    await renderer.close();
  }
  fs.writeFileSync(out, JSON.stringify({ launchMs, results }, null, 2));
}

main().catch((e) => {
  process.stderr.write(`render: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
