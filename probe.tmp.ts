import { analyze } from './src/core/engine';
import { FAMILIES, nestedAliases } from './test/support/hostile-families';
const n = Number(process.argv[2] ?? 100);
const fams: Record<string, (n: number) => string> = { ...FAMILIES,  };
for (const [name, f] of Object.entries(fams)) {
  const text = f(n);
  const t0 = performance.now();
  const r = analyze(text);
  const ms = performance.now() - t0;
  const by: Record<string, number> = {};
  let rel = 0;
  for (const d of r.diagnostics) { by[d.code] = (by[d.code] ?? 0) + 1; rel += d.related?.length ?? 0; }
  console.log(name, text.length, ms.toFixed(0) + 'ms', r.diagnostics.length, 'rel', rel, JSON.stringify(by));
}
