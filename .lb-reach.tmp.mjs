import * as esbuild from 'esbuild';
const r = await esbuild.build({
  entryPoints: ['src/extension/extension.ts'], outfile: '/tmp/lb-ext.js', bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node18', write: false,
  legalComments: 'none', charset: 'utf8', external: ['vscode', 'playwright-core', 'exceljs'], alias: { yaml: './node_modules/yaml/browser/index.js' }, metafile: true, logLevel: 'error',
});
const out = Object.values(r.metafile.outputs)[0];
const cut = new Set(process.argv.slice(2));
const seen = new Set();
const stack = ['src/extension/extension.ts'];
while (stack.length) { const f = stack.pop(); if (seen.has(f) || cut.has(f)) continue; seen.add(f); for (const i of r.metafile.inputs[f]?.imports ?? []) if (!i.external) stack.push(i.path); }
let kept = 0, gone = [];
for (const [f, v] of Object.entries(out.inputs)) { if (seen.has(f)) kept += v.bytesInOutput; else gone.push([f, v.bytesInOutput]); }
console.log('total', out.bytes, 'kept', kept);
for (const [f, b] of gone.sort((a, b) => b[1] - a[1])) console.log(String(b).padStart(8), f);
