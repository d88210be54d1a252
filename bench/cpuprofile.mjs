// Summarises a V8 .cpuprofile: self time per function, with its source file
// and line through the bundle's source map, and per module.
//   node bench/cpuprofile.mjs PROFILE.cpuprofile BUNDLE.js [TOP]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Decodes a source map's `mappings` into, per generated line, sorted [column, source, line] triples. */
function decodeSourceMap(map) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const val = new Map([...B64].map((c, i) => [c, i]));
  const lines = [];
  let src = 0;
  let srcLine = 0;
  let srcCol = 0;
  for (const lineText of map.mappings.split(';')) {
    const segs = [];
    let col = 0;
    if (lineText) {
      for (const seg of lineText.split(',')) {
        const nums = [];
        let shift = 0;
        let v = 0;
        for (const ch of seg) {
          const d = val.get(ch);
          v += (d & 31) << shift;
          if (d & 32) shift += 5;
          else {
            nums.push(v & 1 ? -(v >>> 1) : v >>> 1);
            v = 0;
            shift = 0;
          }
        }
        col += nums[0];
        if (nums.length >= 4) {
          src += nums[1];
          srcLine += nums[2];
          srcCol += nums[3];
          segs.push([col, src, srcLine]);
        }
      }
    }
    lines.push(segs);
  }
  return (line, column) => {
    const segs = lines[line];
    if (!segs || !segs.length) return undefined;
    let best = segs[0];
    for (const s of segs) if (s[0] <= column) best = s;
    return { source: map.sources[best[1]].replace(/^(\.\.\/)+/, ''), line: best[2] + 1 };
  };
}

/** Summarises a .cpuprofile: self time per function (with its source file and line, through the bundle's source map) and per module. */
export function summariseProfile(profileFile, bundleFile, top = 18) {
  const prof = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  let lookup = () => undefined;
  try {
    lookup = decodeSourceMap(JSON.parse(fs.readFileSync(`${bundleFile}.map`, 'utf8')));
  } catch {
    // no source map: bundle positions only
  }
  const base = path.basename(bundleFile);
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  // the profiler's own calls (node:inspector's post/dispatch around start and stop) are not the workload
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownCache = new Map();
  const isProfilerOwn = (id) => {
    if (ownCache.has(id)) return ownCache.get(id);
    const n = nodes.get(id);
    const own = !n ? false : n.callFrame.url.startsWith('node:inspector') || (parent.has(id) && isProfilerOwn(parent.get(id)));
    ownCache.set(id, own);
    return own;
  };
  const self = new Map();
  let total = 0;
  // as DevTools does: a sample stands for the time until the next sample
  for (let i = 0; i + 1 < prof.samples.length; i++) {
    const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
    const id = prof.samples[i];
    if (isProfilerOwn(id)) continue;
    total += dt;
    const cf = nodes.get(id).callFrame;
    let where = '';
    if (cf.url && cf.url.endsWith(base)) {
      const o = lookup(cf.lineNumber, cf.columnNumber);
      where = o ? `${o.source}:${o.line}` : `${base}:${cf.lineNumber + 1}`;
    } else if (cf.url) where = cf.url.replace(/^.*node_modules\//, 'node_modules/');
    const key = `${cf.functionName || '(anonymous)'}\t${where}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const byModule = new Map();
  for (const [k, v] of self) {
    const mod = k.split('\t')[1].replace(/:\d+$/, '') || '(vm: GC, idle, program)';
    const group = mod.startsWith('node_modules/yaml/') ? 'node_modules/yaml (parser)' : mod;
    byModule.set(group, (byModule.get(group) ?? 0) + v);
  }
  const rows = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => {
      const [fn, where] = k.split('\t');
      return { fn, module: where, ms: v, share: v / total };
    });
  const modules = [...byModule.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([m, v]) => ({ module: m, ms: v, share: v / total }));
  return { totalMs: total, top: rows, modules };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, bundle, top] = process.argv.slice(2);
  const s = summariseProfile(file, bundle, Number(top ?? 25));
  console.log(`sampled ${s.totalMs.toFixed(0)} ms`);
  for (const m of s.modules) console.log(`${(m.share * 100).toFixed(1).padStart(5)} %  ${m.ms.toFixed(1).padStart(8)} ms  ${m.module}`);
  console.log('');
  for (const r of s.top) console.log(`${(r.share * 100).toFixed(1).padStart(5)} %  ${r.ms.toFixed(1).padStart(8)} ms  ${r.fn}  ${r.module}`);
}
