import { buildExtension } from './esbuild.extension.mjs';
const r = await buildExtension({ production: true, write: false });
const target = process.argv[2];
for (const [f, v] of Object.entries(r.main.metafile.inputs)) for (const i of v.imports) if (i.path === target) console.log(f);
