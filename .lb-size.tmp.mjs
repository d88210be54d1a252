import { buildExtension } from './esbuild.extension.mjs';
const r = await buildExtension({ production: true, write: false });
console.log('main', r.main.bytes);
for (const c of r.chunks) console.log(c.file, c.bytes);
console.log('shared', r.shared.length, r.shared.join(' '));
const out = Object.values(r.main.metafile.outputs).find(o=>o.entryPoint!==undefined || true);
for (const c of r.chunks) {
  const o = Object.values(c.metafile.outputs).find((o) => o.bytes === c.bytes);
  console.log('==', c.file);
  for (const [f, v] of Object.entries(o.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 12)) console.log(String(v.bytesInOutput).padStart(8), f);
}
for (const c of r.chunks) for (const [f, v] of Object.entries(c.metafile.inputs)) for (const i of v.imports) if (i.path.includes('core/index')) console.log('imports core/index:', f, c.file);
{
  const o = Object.values(r.main.metafile.outputs).find((o) => o.bytes === r.main.bytes);
  console.log('== main');
  for (const [f, v] of Object.entries(o.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 70)) console.log(String(v.bytesInOutput).padStart(8), f);
}
