// Stands in for `esbuild` when bench/run.mjs runs a copy of esbuild.config.mjs,
// so the bench measures the bundles exactly as the project's own config makes
// them, without writing dist/: every build() runs with write: false and a
// metafile, and what it would have written is summarised into
// $BIZFLOW_BENCH_CAPTURE (JSON).
import fs from 'node:fs';
import * as esbuild from 'esbuild';

const out = process.env.BIZFLOW_BENCH_CAPTURE;
const captured = [];

export async function build(options) {
  const result = await esbuild.build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const js = (result.outputFiles || []).find((f) => f.path.endsWith('.js'));
  const key = Object.keys(result.metafile.outputs).find((k) => k.endsWith('.js'));
  const meta = key ? result.metafile.outputs[key] : undefined;
  captured.push({
    outfile: options.outfile,
    bytes: js ? js.contents.length : undefined,
    minify: !!options.minify,
    // what the bench needs to bundle its own programs the same way
    options: { alias: options.alias, charset: options.charset, platform: options.platform, target: options.target, format: options.format },
    inputs: meta ? Object.fromEntries(Object.entries(meta.inputs).map(([k, v]) => [k, v.bytesInOutput])) : {},
  });
  if (out) fs.writeFileSync(out, JSON.stringify(captured));
  return { ...result, outputFiles: [] };
}

export async function context() {
  throw new Error('bench: watch mode is not captured');
}
