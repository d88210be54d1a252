#!/usr/bin/env node
// `npm run bench`: BizFlow's performance against its budgets and against a
// peer (Red Hat's yaml-language-server validating the same files against
// schemas/bizflow.schema.json), in one run. Prints a table and writes
// bench/results.md (+ bench/.out/results.json).
//
//   node bench/run.mjs [--quick] [--no-vscode] [--no-render] [--no-profile] [--no-build] [--report-only]
//
// Parts (each in its own process, so one cannot skew another's memory):
//   1. generated flows of 100 / 300 / 1,000 / 10,000 steps (bench/generate.ts, seeded)
//   2. core timings per size, interleaved rounds (bench/measure.ts)
//   2b. hostile families (aliases, merge keys, one attribute, one removed step) at doubling sizes (bench/hostile.ts)
//   3. Mermaid rendering in headless Chromium (bench/render.ts)
//   4. peak RSS of `node dist/cli.js lint FILE` vs a parse-only process
//   5. dist/extension.js size and contents (esbuild metafile)
//   6. activation, keystroke latency and preview update in the real VS Code
//      (test/integration/suite/bench.test.ts under run-offline.mjs)
//   7. budgets; for each miss, a CPU profile summary (node --cpu-prof)
// Ratios compare numbers of the same run: the machine is shared and noisy.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { summariseProfile } from './cpuprofile.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', '.out');
const FLOWS = path.join(OUT, 'flows');
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const NO_VSCODE = argv.includes('--no-vscode');
const NO_RENDER = argv.includes('--no-render');
const NO_PROFILE = argv.includes('--no-profile');
const NO_BUILD = argv.includes('--no-build');
// re-write bench/results.md from bench/.out/results.json (e.g. after editing bench/notes.md), measuring nothing
const REPORT_ONLY = argv.includes('--report-only');

const t0 = Date.now();
const log = (m) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${m}\n`);
/** 1-minute load average when each part starts (the machine is shared: a high load explains slow absolute times). */
const loads = {};
const phase = (name) => {
  loads[name] = Math.round(os.loadavg()[0] * 100) / 100;
};
const KB = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (x, d) => (x === undefined || x === null || Number.isNaN(x) ? 'n/a' : `${x.toFixed(d ?? (x < 10 ? 2 : x < 100 ? 1 : 0))} ms`);
const ratio = (x) => (x === undefined || x === null || Number.isNaN(x) ? 'n/a' : x.toFixed(2));

fs.mkdirSync(FLOWS, { recursive: true });

/** Runs a command; resolves with { code, stdout, stderr, ms }. Never rejects. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...(opts.env ?? {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (opts.echo) process.stderr.write(d);
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (opts.echo) process.stderr.write(d);
    });
    let timer;
    if (opts.timeoutMs) {
      timer = setTimeout(() => {
        stderr += `\n[bench] timed out after ${opts.timeoutMs} ms\n`;
        child.kill('SIGTERM'); // run-offline.mjs cleans up code-server and Chromium on SIGTERM
      }, opts.timeoutMs);
    }
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - start });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: stderr + String(e), ms: Date.now() - start });
    });
  });
}

// ---------------------------------------------------------------- machine --
function machine() {
  const cpus = os.cpus();
  const memTotal = os.totalmem();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((memTotal / 1073741824) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAvgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

// ------------------------------------------------------------------ build --
async function build() {
  if (NO_BUILD) return { skipped: true };
  log('building dist/ (npm run build)');
  const r = await run(process.execPath, ['esbuild.config.mjs']);
  const ok = r.code === 0;
  if (!ok) log(`build FAILED (using the dist/ already there): ${r.stderr.split('\n').slice(-6).join(' | ')}`);
  return { ok, ms: r.ms };
}

async function bundleBench(extensionOptions) {
  log(`bundling the bench programs like dist/extension.js (yaml: ${extensionOptions?.alias?.yaml ? 'its ES-module build' : 'its CommonJS build'})`);
  const common = {
    alias: extensionOptions?.alias,
    charset: extensionOptions?.charset,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    external: ['playwright-core', 'esbuild', 'yaml-language-server', 'vscode-languageserver-textdocument'],
  };
  await Promise.all(
    ['measure', 'render', 'swimlanes', 'profile', 'generate', 'hostile'].map((name) =>
      esbuild.build({ ...common, sourcemap: name === 'profile', entryPoints: [path.join(ROOT, 'bench', `${name}.ts`)], outfile: path.join(OUT, `${name}.js`) }),
    ),
  );
}

// ------------------------------------------------------------------ flows --
function generateFlows(sizes) {
  const require = createRequire(import.meta.url);
  const { generateFlow } = require(path.join(OUT, 'generate.js'));
  const flows = {};
  for (const n of sizes) {
    const g = generateFlow(n, 42);
    const file = path.join(FLOWS, `flow-${n}.bizflow.yaml`);
    fs.writeFileSync(file, g.text);
    flows[n] = { file, bytes: Buffer.byteLength(g.text), steps: g.steps, roles: g.roles, data: g.data, requirements: g.requirements };
  }
  return flows;
}

// ------------------------------------------------------------------- core --
const CORE_PLAN = {
  100: { batch: 20, warmup: 2, minReps: 15, maxReps: 100, budgetMs: 12000, rules: false },
  1000: { batch: 5, warmup: 1, minReps: 10, maxReps: 40, budgetMs: 30000, rules: true, ruleRuns: 8 },
  10000: { batch: 1, warmup: 1, minReps: 7, maxReps: 12, budgetMs: 60000, rules: true, ruleRuns: 3 },
};

async function measureCore(flows) {
  const out = {};
  for (const [n, plan] of Object.entries(CORE_PLAN)) {
    const q = QUICK ? { ...plan, minReps: Math.max(3, Math.floor(plan.minReps / 4)), budgetMs: plan.budgetMs / 5, ruleRuns: 1 } : plan;
    log(`core timings, ${n} steps (${KB(flows[n].bytes)}): ${q.batch} runs per operation per round, warm-up ${q.warmup}, ≥ ${q.minReps} rounds / ${q.budgetMs / 1000} s${q.rules ? ', then per rule' : ''}`);
    const file = path.join(OUT, `core-${n}.json`);
    fs.rmSync(file, { force: true });
    const args = [path.join(OUT, 'measure.js'), '--file', flows[n].file, '--out', file, '--root', ROOT];
    args.push('--batch', String(q.batch), '--warmup', String(q.warmup), '--min-reps', String(q.minReps), '--max-reps', String(q.maxReps), '--budget-ms', String(q.budgetMs));
    if (q.rules) args.push('--rules', '--rule-runs', String(q.ruleRuns));
    const r = await run(process.execPath, args, { timeoutMs: 300_000 });
    if (r.code !== 0 || !fs.existsSync(file)) {
      log(`core ${n} FAILED: ${r.stderr.slice(-800)}`);
      out[n] = { error: r.stderr.slice(-800) };
      continue;
    }
    out[n] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return out;
}

// --------------------------------------------------------------- hostile --
// Issue 12: work proportional to the text on generated hostile families (test/support/hostile-families.ts).
async function measureHostile() {
  const file = path.join(OUT, 'hostile.json');
  fs.rmSync(file, { force: true });
  log('hostile families at doubling sizes');
  const args = ['--expose-gc', path.join(OUT, 'hostile.js'), '--out', file, '--reps', QUICK ? '1' : '3'];
  if (QUICK) args.push('--quick');
  const r = await run(process.execPath, args, { timeoutMs: 600_000 });
  if (r.code !== 0 || !fs.existsSync(file)) return { error: r.stderr.slice(-800) };
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// ----------------------------------------------------------------- render --
async function measureRender(flows) {
  if (NO_RENDER) return { skipped: 'disabled (--no-render)' };
  const fixture = path.join(ROOT, 'test', 'fixtures', 'big-300.bizflow.yaml');
  const list = [flows[100].file, flows[300].file];
  if (fs.existsSync(fixture)) list.push(fixture);
  log(`Mermaid in headless Chromium: ${list.map((f) => path.basename(f)).join(', ')}`);
  const file = path.join(OUT, 'render.json');
  fs.rmSync(file, { force: true });
  const r = await run(process.execPath, [path.join(OUT, 'render.js'), '--flows', list.join(','), '--out', file, '--reps', QUICK ? '2' : '5'], { timeoutMs: 300_000 });
  if (r.code !== 0 || !fs.existsSync(file)) return { error: (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// -------------------------------------------------------------- swimlanes --
// Issue 10: BizFlow's swimlane layout vs Mermaid's flowchart + subgraph boxes (dagre; without subgraphs when dagre
// crashes) and vs swimlane-beta, on the generated 100/300/1,000 and big-300; share of nodes moved per edit kind.
async function measureSwimlanes(flows) {
  if (NO_RENDER) return { skipped: 'disabled (--no-render)' };
  const fixture = path.join(ROOT, 'test', 'fixtures', 'big-300.bizflow.yaml');
  const list = [flows[100].file, flows[300].file];
  if (fs.existsSync(fixture)) list.push(fixture);
  list.push(flows[1000].file);
  log(`swimlanes (BizFlow layout vs Mermaid) in headless Chromium: ${list.map((f) => path.basename(f)).join(', ')}`);
  const file = path.join(OUT, 'swimlanes.json');
  fs.rmSync(file, { force: true });
  const timeoutMs = QUICK ? 60_000 : 300_000;
  const r = await run(process.execPath, [path.join(OUT, 'swimlanes.js'), '--flows', list.join(','), '--out', file, '--reps', QUICK ? '1' : '3', '--timeout-ms', String(timeoutMs)], { timeoutMs: 3_600_000 });
  if (!fs.existsSync(file)) return { error: (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// ----------------------------------------------------------------- memory --
function maxRssOf(stderr) {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return m ? Number(m[1]) * 1024 : undefined;
}

async function measureMemory(flows, sizes) {
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  if (!timeBin) log('no /usr/bin/time (apt-get install -y time): memory is read from process.resourceUsage() instead');
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) return { error: 'dist/cli.js is missing (npm run build)' };
  const peak = async (args) => {
    if (timeBin) {
      const r = await run(timeBin, ['-v', process.execPath, ...args]);
      return { rss: maxRssOf(r.stderr), ms: r.ms, code: r.code };
    }
    // fallback: a wrapper that runs the script in-process and reports its own maxRSS at exit
    const wrapper = `process.on('exit',()=>process.stderr.write('\\nMaximum resident set size (kbytes): '+process.resourceUsage().maxRSS+'\\n'));process.argv.splice(1,1);require(require('path').resolve(process.argv[1]));`;
    const r = await run(process.execPath, ['-e', wrapper, 'wrapper', ...args]);
    return { rss: maxRssOf(r.stderr), ms: r.ms, code: r.code };
  };
  const reps = QUICK ? 1 : 3;
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out = { tool: timeBin ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS', reps, sizes: {} };
  const empty = [];
  for (let i = 0; i < reps; i++) empty.push((await peak(['-e', '0'])).rss);
  out.nodeBaseline = med(empty);
  for (const n of sizes) {
    log(`peak RSS, ${n} steps: node dist/cli.js lint vs parse only (${reps}× each)`);
    const lint = [];
    const parse = [];
    const lintMs = [];
    let exitCode;
    for (let i = 0; i < reps; i++) {
      const a = await peak([cli, 'lint', '--format', 'json', flows[n].file]);
      lint.push(a.rss);
      lintMs.push(a.ms);
      exitCode = a.code;
      parse.push((await peak([path.join(ROOT, 'bench', 'parse-only.cjs'), flows[n].file])).rss);
    }
    out.sizes[n] = { lintRss: med(lint), parseRss: med(parse), ratio: med(lint) / med(parse), lintWallMs: med(lintMs), lintExitCode: exitCode };
  }
  // where the memory goes at the largest size (heap after each stage)
  const big = Math.max(...sizes);
  const r = await run(process.execPath, ['--expose-gc', path.join(OUT, 'profile.js'), '--file', flows[big].file, '--memory']);
  try {
    out.stages = { steps: big, ...JSON.parse(r.stdout.trim().split('\n').pop()) };
  } catch {
    out.stages = { error: r.stderr.slice(-300) };
  }
  return out;
}

// ----------------------------------------------------------------- bundle --
/** The desktop extension's main bundle among the captured builds (not dist/web/extension.js, which also ends so). */
function isDesktopExtension(b) {
  return !!b.outfile && path.relative(ROOT, path.resolve(ROOT, b.outfile)) === path.join('dist', 'extension.js');
}

/**
 * Runs a copy of esbuild.config.mjs whose `esbuild` is bench/esbuild-shim.mjs:
 * the bundles exactly as the project makes them, with nothing written to dist/.
 */
async function captureConfig(production) {
  const file = path.join(OUT, `esbuild-${production ? 'production' : 'dev'}.json`);
  fs.rmSync(file, { force: true });
  const source = fs.readFileSync(path.join(ROOT, 'esbuild.config.mjs'), 'utf8');
  const shim = JSON.stringify(path.join(ROOT, 'bench', 'esbuild-shim.mjs'));
  const patched = source.replace(/from\s+['"]esbuild['"]/g, `from ${shim}`);
  // never run a copy that could still reach the real esbuild (it would write dist/)
  if (patched === source || /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]esbuild['"]/.test(patched)) throw new Error('esbuild.config.mjs imports esbuild in a way the bench cannot redirect');
  // beside the original, so its relative imports (esbuild.extension.mjs, esbuild.web.mjs, packages/cli/build.mjs)
  // resolve; those take the stand-in from the config (`buildExtension({ esbuild })`) or are built by it
  const copy = path.join(ROOT, '.esbuild.config.capture.mjs');
  fs.writeFileSync(copy, patched);
  const args = [copy];
  if (production) args.push('--production');
  let r;
  try {
    r = await run(process.execPath, args, { env: { BIZFLOW_BENCH_CAPTURE: file } });
  } finally {
    fs.rmSync(copy, { force: true });
  }
  if (r.code !== 0 || !fs.existsSync(file)) throw new Error(`esbuild.config.mjs could not be captured: ${r.stderr.slice(-300)}`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function measureBundle(captures) {
  const out = {};
  const ext = (c) => c?.find(isDesktopExtension);
  const dev = ext(captures.dev);
  const prod = ext(captures.production);
  if (!dev && !prod) return { error: 'esbuild.config.mjs builds no dist/extension.js' };
  out.devBytes = dev?.bytes;
  out.productionBytes = prod?.bytes;
  const file = path.join(ROOT, 'dist', 'extension.js');
  if (fs.existsSync(file)) out.onDiskBytes = fs.statSync(file).size;
  const inputs = (prod ?? dev).inputs;
  const byPart = {};
  for (const [p, v] of Object.entries(inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p);
    const key = m ? m[1] : p;
    byPart[key] = (byPart[key] ?? 0) + v;
  }
  out.contents = Object.entries(byPart)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => ({ part: k, bytes: v }));
  const heavy = ['mermaid', 'd3', 'dagre', 'dagre-d3-es', 'cytoscape', 'elkjs', 'katex', 'dompurify', 'playwright-core'];
  out.forbidden = Object.keys(byPart).filter((k) => heavy.some((h) => k === h || k.startsWith(`${h}-`) || k.startsWith(`@${h}`)));
  out.cliYaml = captures.dev?.find((b) => b.outfile && b.outfile.endsWith('cli.js'))?.options?.alias?.yaml ? 'ES-module build' : 'CommonJS build';
  out.extensionYaml = dev?.options?.alias?.yaml ? 'ES-module build' : 'CommonJS build';
  return out;
}

// ----------------------------------------------------------------- vscode --
async function measureVscode() {
  if (NO_VSCODE) return { skipped: 'disabled (--no-vscode)' };
  const file = path.join(OUT, 'extension-host.json');
  fs.rmSync(file, { force: true });
  log('integration build (scripts/build-tests.mjs)');
  const b = await run(process.execPath, ['scripts/build-tests.mjs']);
  if (b.code !== 0) return { error: `build-tests failed: ${b.stderr.slice(-400)}` };
  log('the real VS Code: BIZFLOW_BENCH=1 BIZFLOW_TEST_GREP=bench node test/integration/run-offline.mjs');
  const r = await run(process.execPath, ['test/integration/run-offline.mjs'], {
    env: { BIZFLOW_BENCH: '1', BIZFLOW_TEST_GREP: 'bench', BIZFLOW_BENCH_OUT: file, BIZFLOW_TEST_TIMEOUT_MS: '420000' },
    timeoutMs: 480_000,
  });
  const tail = (r.stdout + r.stderr).trim().split('\n').slice(-12).join('\n');
  const result = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
  if (!result) return { error: `no results (exit ${r.code}):\n${tail}`, harnessMs: r.ms };
  return { ...result, harnessExitCode: r.code, harnessMs: r.ms, harnessTail: r.code === 0 ? undefined : tail };
}

// ---------------------------------------------------------------- profile --
async function profile(what, flow, reps) {
  const dir = path.join(OUT, 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${what}-${flow.steps}.cpuprofile`);
  fs.rmSync(file, { force: true });
  const r = await run(process.execPath, ['--expose-gc', path.join(OUT, 'profile.js'), '--file', flow.file, '--what', what, '--reps', String(reps), '--cpuprofile', file], { timeoutMs: 240_000 });
  if (r.code !== 0 || !fs.existsSync(file)) return { error: r.stderr.slice(-300) };
  const s = summariseProfile(file, path.join(OUT, 'profile.js'));
  return { what, steps: flow.steps, reps, file: path.relative(ROOT, file), ...s };
}

// ---------------------------------------------------------------- budgets --
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2 : NaN;
};
/** Median of the per-round ratios a/b (both ran in the same round, back to back): robust to the machine's drifting load. */
function paired(core, n, a, b) {
  const A = core[n]?.samples?.[a];
  const B = core[n]?.samples?.[b];
  if (!A || !B || A.length !== B.length || !A.length) return NaN;
  return median(A.map((x, i) => x / B[i]));
}

function budgets(res) {
  const c = res.core;
  const med = (n, k) => c[n]?.stats?.[k]?.median;
  const rows = [];
  const add = (name, value, limit, unit, fmt, note) => {
    const pass = value === undefined || value === null || Number.isNaN(value) ? undefined : value <= limit;
    // a ratio that rounds to its limit is shown with one more digit, so PASS/MISS can be read from it
    const shown = unit === 'ratio' && pass !== undefined && Math.abs(value - limit) < 0.01 ? value.toFixed(3) : fmt(value);
    rows.push({ name, value, limit, unit, pass, shown, limitShown: unit === 'ratio' ? `≤ ${limit}` : `≤ ${fmt(limit)}`, note });
  };
  const both = (n, a, b) => `median of per-round ratios; ratio of medians ${ratio(med(n, a) / med(n, b))}`;
  add('analysis / parse floor, 1,000 steps', paired(c, 1000, 'analyze', 'parseFloor'), 1.3, 'ratio', ratio, `analyze(text) vs yaml.parseDocument alone; ${both(1000, 'analyze', 'parseFloor')}`);
  add('analysis / parse floor, 10,000 steps', paired(c, 10000, 'analyze', 'parseFloor'), 1.5, 'ratio', ratio, both(10000, 'analyze', 'parseFloor'));
  for (const n of [100, 1000, 10000]) add(`BizFlow / yaml-language-server, ${n.toLocaleString('en')} steps`, paired(c, n, 'analyze', 'peer'), 1.0, 'ratio', ratio, `analyze(text) vs doValidation with the JSON Schema; ${both(n, 'analyze', 'peer')}`);
  add('Mermaid text, 1,000 steps', med(1000, 'mermaid'), 10, 'ms', (x) => ms(x));
  add('scaling after parsing, time(10,000) / time(1,000)', med(10000, 'afterParse') / med(1000, 'afterParse'), 12, 'ratio', ratio, 'buildModel + analyzeModel');
  const mem = res.memory?.sizes?.[10000];
  add('peak RSS lint / parse only, 10,000 steps', mem?.ratio, 2, 'ratio', ratio, 'node dist/cli.js lint vs node + yaml.parseDocument');
  const kb = (x) => (x === undefined ? 'n/a' : KB(x));
  add('dist/extension.js size, as packaged (minified, npm run package)', res.bundle?.productionBytes, 300 * 1024, 'bytes', kb, 'the file the .vsix ships');
  // the development build is not shipped: shown for reference, not held to the budget
  rows.push({
    name: 'dist/extension.js size, as built by npm run build (development, not shipped)',
    pass: undefined,
    shown: kb(res.bundle?.devBytes),
    limitShown: '—',
    info: true,
    note: 'unminified for debugging; source map in a separate file',
  });
  rows.push({
    name: 'Mermaid not in dist/extension.js',
    pass: res.bundle?.forbidden ? res.bundle.forbidden.length === 0 : undefined,
    shown: res.bundle?.forbidden ? (res.bundle.forbidden.length ? res.bundle.forbidden.join(', ') : 'absent') : 'n/a',
    limitShown: 'absent',
  });
  const ks = res.vscode?.keystroke?.keystrokeToDiagnosticsMs;
  add('keystroke → diagnostics, 1,000 steps (median, incl. debounce)', ks?.median, 500, 'ms', (x) => ms(x), ks ? `max ${ms(ks.max)}, debounce ${res.vscode.keystroke.debounceMs} ms` : res.vscode?.skipped ?? res.vscode?.error?.split('\n')[0]);
  const previews = Object.entries(res.vscode ?? {}).filter(([k, v]) => k.startsWith('preview ') && v && typeof v === 'object' && v.ratioUpdateToRender !== undefined);
  if (previews.length) {
    for (const [k, v] of previews) add(`preview update / mermaid.render (${k.slice(8)})`, v.ratioUpdateToRender, 1.1, 'ratio', ratio, `update ${ms(v.updateAfterAnalysisMs.median)}, render ${ms(v.webviewRenderMs.median)}`);
  } else {
    rows.push({ name: 'preview update / mermaid.render', pass: undefined, shown: 'not measured', limitShown: '≤ 1.1', note: res.vscode?.skipped ?? 'no preview measurement' });
  }
  return rows;
}

// ----------------------------------------------------------------- report --
/** PASS / MISS / NOT MEASURED of a budget row; `info` for rows shown for reference only. */
const verdict = (b, miss) => (b.info ? 'info' : b.pass === undefined ? 'NOT MEASURED' : b.pass ? 'PASS' : miss);
function table(headers, rows) {
  const w = headers.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => String(c ?? '').padEnd(w[i])).join('  ');
  return [line(headers), w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(line)].join('\n');
}
function md(headers, rows) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}
const spread = (s) => (s ? `${ms(s.median)} (IQR ${ms(s.p25)}–${ms(s.p75)}, min ${ms(s.min)}, max ${ms(s.max)}, n=${s.n})` : 'n/a');

function coreRows(core) {
  const metrics = [
    ['parseFloor', 'parse floor: yaml.parseDocument'],
    ['parseText', 'parseText (parse.ts)'],
    ['analyze', 'analyze(text): parse + full analysis'],
    ['afterParse', 'after parsing: buildModel + analyzeModel'],
    ['buildModel', '  of which buildModel'],
    ['analyzeModel', '  of which analyzeModel (rules)'],
    ['symbols', 'buildSymbolIndex'],
    ['mermaid', 'toMermaid (text)'],
    ['diffRender', 'diff view render, older version parsed'],
    ['diffRenderKept', 'diff view render, older version kept'],
    ['peer', 'peer: yaml-language-server doValidation'],
  ];
  return metrics.map(([k, label]) => [label, ...[100, 1000, 10000].map((n) => (core[n]?.stats?.[k] ? ms(core[n].stats[k].median) : 'n/a'))]);
}

function report(res) {
  const { machine: m, core, flows } = res;
  const L = [];
  L.push('# BizFlow benchmark results');
  L.push('');
  L.push(`Generated by \`npm run bench\` (bench/run.mjs) on ${m.date}. Do not edit by hand: the notes at the end come from bench/notes.md.`);
  L.push('');
  L.push(`**Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, Node ${m.node}, ${m.os}; load average at start ${m.loadAvgAtStart.join(' / ')}; 1-minute load when each part started: ${Object.entries(res.loads ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')} (2 cores, shared with other work: compare ratios of one run, not absolute times across runs).`);
  L.push('');
  L.push(`Peer: yaml-language-server ${core[1000]?.peerVersion ?? '?'} (the newest release that runs on Node 20; 2.x needs Node ≥ 22), \`getLanguageService\` + \`configure({ validate: true, schemas: [schemas/bizflow.schema.json] })\` + \`doValidation\`, in the same process, one document whose version increases (no cache hit).`);
  L.push('');
  L.push('## Budgets');
  L.push('');
  L.push(md(['budget', 'measured', 'limit', 'result', 'note'], res.budgets.map((b) => [b.name, b.shown, b.limitShown, verdict(b, '**MISS**'), b.note ?? ''])));
  L.push('');
  L.push('## Generated flows (bench/generate.ts, seed 42)');
  L.push('');
  L.push(
    md(
      ['steps', 'size', 'roles', 'data', 'requirements', 'diagnostics (BizFlow)', 'of which conflict/*', 'peer diagnostics (schema only)'],
      Object.entries(flows).map(([n, f]) => [n, KB(f.bytes), f.roles, f.data, f.requirements, core[n]?.diagnostics ?? '', core[n]?.conflicts ?? '', core[n]?.peerDiagnostics ?? '']),
    ),
  );
  L.push('');
  L.push('## Core timings (median per operation)');
  L.push('');
  L.push(`Each round runs every operation K times back to back and counts the mean of those K (its amortised cost, including the collection of its own garbage), one operation after the other; no forced GC. Rounds × K: ${[100, 1000, 10000].map((n) => `${n} steps ${core[n]?.reps ?? '?'} × ${core[n]?.batch ?? '?'}`).join(', ')}.`);
  L.push('');
  L.push(md(['operation', '100 steps', '1,000 steps', '10,000 steps'], coreRows(core)));
  L.push('');
  L.push('Spread (median, IQR, min, max):');
  L.push('');
  for (const n of [100, 1000, 10000]) {
    if (!core[n]?.stats) continue;
    L.push(`- **${n} steps** — parse floor ${spread(core[n].stats.parseFloor)}; analyze ${spread(core[n].stats.analyze)}; after parsing ${spread(core[n].stats.afterParse)}; peer ${spread(core[n].stats.peer)}`);
  }
  L.push('');
  L.push('Ratios (median of the per-round ratios: both operations ran in the same round, one after the other):');
  L.push('');
  L.push(
    md(
      ['ratio', '100', '1,000', '10,000'],
      [
        ['analyze / parse floor', ...[100, 1000, 10000].map((n) => ratio(paired(core, n, 'analyze', 'parseFloor')))],
        ['(analyze − parse floor) / parse floor: the share BizFlow adds', ...[100, 1000, 10000].map((n) => ratio(paired(core, n, 'analyze', 'parseFloor') - 1))],
        ['after parsing / parse floor', ...[100, 1000, 10000].map((n) => ratio(paired(core, n, 'afterParse', 'parseFloor')))],
        ['BizFlow analyze / yaml-language-server', ...[100, 1000, 10000].map((n) => ratio(paired(core, n, 'analyze', 'peer')))],
        ['BizFlow after parsing / yaml-language-server', ...[100, 1000, 10000].map((n) => ratio(paired(core, n, 'afterParse', 'peer')))],
      ],
    ),
  );
  L.push('');
  L.push(
    `Scaling time(10,000) / time(1,000): analyze ${ratio(core[10000]?.stats?.analyze?.median / core[1000]?.stats?.analyze?.median)}, after parsing ${ratio(
      core[10000]?.stats?.afterParse?.median / core[1000]?.stats?.afterParse?.median,
    )}, parse floor ${ratio(core[10000]?.stats?.parseFloor?.median / core[1000]?.stats?.parseFloor?.median)}, yaml-language-server ${ratio(core[10000]?.stats?.peer?.median / core[1000]?.stats?.peer?.median)} (the files grow ${ratio(flows[10000].bytes / flows[1000].bytes)}×).`,
  );
  L.push('');
  if (core[1000]?.perRule && core[10000]?.perRule) {
    L.push('### Where analysis time goes (each rule alone, amortised over several fresh models; a shared, lazily built cache such as the schema walk or the step graph is paid by every rule that uses it when it runs alone)');
    L.push('');
    const rows = Object.keys(core[10000].perRule)
      .map((k) => [k, core[1000].perRule[k], core[10000].perRule[k]])
      .sort((a, b) => b[2] - a[2])
      .slice(0, 14)
      .map(([k, a, b]) => [k, ms(a), ms(b), ratio(b / a)]);
    L.push(md(['rule', '1,000 steps', '10,000 steps', 'growth'], rows));
    L.push('');
  }
  L.push('## Hostile families (work proportional to the text)');
  L.push('');
  L.push('Generated by test/support/hostile-families.ts; best of the runs per size; "x" is the time relative to the smallest size, which a linear curve keeps near the size ratio (test/unit/bounded-work.test.ts checks 2x size ≤ 3x time).');
  L.push('');
  if (res.hostile && !res.hostile.error) {
    const rows = [];
    for (const [name, points] of Object.entries(res.hostile)) {
      for (const p of points) rows.push([name, String(p.n), KB(p.bytes), ms(p.ms), ratio(p.ms / points[0].ms), `${p.heapMB.toFixed(1)} MB`, String(p.findings)]);
    }
    L.push(md(['family', 'n', 'size', 'analyze', 'x', 'heap growth', 'findings'], rows));
  } else L.push(`Not measured: ${res.hostile?.error ?? 'not run'}`);
  L.push('');
  L.push('## Mermaid in headless Chromium');
  L.push('');
  const r = res.render;
  if (r?.results) {
    L.push(`Browser start (not counted): ${ms(r.launchMs)}. \`renderer\` = MermaidRenderer.render([text]) of src/node/mermaid-render.ts (what renderMermaid does per text); \`raw\` = \`await mermaid.render()\` alone, timed inside the same page.`);
    L.push('');
    L.push(
      md(
        ['flow', 'nodes', 'Mermaid text', 'SVG', 'renderer (median, min–max)', 'raw mermaid.render (median, min–max)', 'renderer / raw'],
        r.results.map((x) => [
          path.basename(x.file),
          x.nodes,
          KB(x.mermaidBytes),
          x.error ? `**Mermaid error:** ${x.error}` : KB(x.svgBytes),
          x.error ? 'n/a' : `${ms(x.renderer.median)} (${ms(x.renderer.min)}–${ms(x.renderer.max)})`,
          x.error ? 'n/a' : `${ms(x.raw.median)} (${ms(x.raw.min)}–${ms(x.raw.max)})`,
          x.error ? 'n/a' : ratio(x.renderer.median / x.raw.median),
        ]),
      ),
    );
  } else L.push(`Not measured: ${r?.skipped ?? r?.error}`);
  L.push('');
  L.push('## Swimlanes: BizFlow layout vs Mermaid');
  L.push('');
  const sw = res.swimlanes;
  if (sw?.results) {
    L.push('`mermaid.render` timed in the page (median). `bizflow`: toMermaid text with BizFlow\'s swimlane layout (renderSwimlane); `subgraphs`: the same flowchart with subgraph boxes (dagre); `no subgraphs`: without lanes, only where dagre crashed on the subgraphs; `swimlane-beta`: Mermaid\'s own swimlane diagram, once. Budgets (issue 10): bizflow ≤ 1.0× the flowchart, ≤ 0.25× swimlane-beta. Moved: share of nodes whose position changed, mean over the edits (rename: every label; insert/remove: one step, ~40 positions; in brackets, among the nodes the edit does not reach).');
    L.push('');
    const t = (x) => (x?.ms ? ms(x.ms.median) : x?.error ? x.error.slice(0, 60) : '—');
    const pc = (v) => (v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);
    L.push(
      md(
        ['flow', 'steps', 'lanes', 'bizflow', 'subgraphs', 'no subgraphs', 'swimlane-beta', 'bizflow / flowchart', 'bizflow / swimlane-beta', 'moved: rename', 'moved: insert', 'moved: remove'],
        sw.results.map((x) => [
          path.basename(x.file),
          x.steps,
          x.lanes,
          t(x.bizflow),
          t(x.subgraphs),
          t(x.noSubgraphs),
          t(x.swimlaneBeta),
          x.ratioToFlowchart === undefined ? '—' : `${ratio(x.ratioToFlowchart)}${x.baseline === 'noSubgraphs' ? ' (vs no subgraphs)' : ''}`,
          x.ratioToSwimlaneBeta === undefined ? (x.swimlaneBeta?.error ? 'swimlane-beta did not finish' : '—') : ratio(x.ratioToSwimlaneBeta),
          pc(x.moved?.rename?.mean),
          `${pc(x.moved?.['insert step']?.mean)} (${pc(x.moved?.['insert step']?.unreached)})`,
          `${pc(x.moved?.['remove step']?.mean)} (${pc(x.moved?.['remove step']?.unreached)})`,
        ]),
      ),
    );
  } else L.push(`Not measured: ${sw?.skipped ?? sw?.error}`);
  L.push('');
  L.push('## Memory (peak RSS)');
  L.push('');
  const mem = res.memory;
  if (mem?.sizes) {
    L.push(`Measured with ${mem.tool}, median of ${mem.reps}; for scale, an empty \`node -e 0\` peaks at ${(mem.nodeBaseline / 1048576).toFixed(0)} MB.`);
    L.push('');
    L.push(
      md(
        ['steps', 'node dist/cli.js lint --format json', 'node + yaml.parseDocument only', 'ratio', 'lint wall time (process)'],
        Object.entries(mem.sizes).map(([n, s]) => [n, `${(s.lintRss / 1048576).toFixed(0)} MB`, `${(s.parseRss / 1048576).toFixed(0)} MB`, ratio(s.ratio), ms(s.lintWallMs)]),
      ),
    );
    if (mem.stages?.stages) {
      L.push('');
      L.push(`Heap after each stage at ${mem.stages.steps} steps (after a GC): ${mem.stages.stages.map((s) => `${s.stage}: heap ${s.heapUsedMB} MB, RSS ${s.rssMB} MB`).join('; ')}.`);
    }
  } else L.push(`Not measured: ${mem?.error}`);
  L.push('');
  L.push('## Extension');
  L.push('');
  const b = res.bundle;
  L.push(`dist/extension.js, built by esbuild.config.mjs itself (captured, dist/ untouched): ${b.devBytes ? KB(b.devBytes) : 'n/a'} as \`npm run build\` makes it (source map separate), ${b.productionBytes ? KB(b.productionBytes) : 'n/a'} with \`--production\` (what \`npm run package\` ships). Mermaid or its dependencies inside: ${b.forbidden ? (b.forbidden.length ? b.forbidden.join(', ') : 'none') : 'n/a'}. yaml is bundled from its ${b.extensionYaml ?? '?'} in the extension and its ${b.cliYaml ?? '?'} in dist/cli.js; the bench programs use the extension's choice.`);
  if (b.contents) {
    L.push('');
    const sum = (pred) => b.contents.filter((x) => pred(x.part)).reduce((a, x) => a + x.bytes, 0);
    L.push(`Minified bytes by part: src/core ${KB(sum((p) => p.startsWith('src/core/')))}, src/extension ${KB(sum((p) => p.startsWith('src/extension/')))}, src/shared ${KB(sum((p) => p.startsWith('src/shared/')))}, ${b.contents.filter((x) => !x.part.startsWith('src/')).map((x) => `${x.part} ${KB(x.bytes)}`).join(', ')}.`);
    L.push('');
    L.push(`Largest files: ${b.contents.slice(0, 12).map((x) => `${x.part} ${KB(x.bytes)}`).join(', ')}.`);
  }
  L.push('');
  const v = res.vscode ?? {};
  if (v.skipped || (v.error && !v.keystroke)) {
    L.push(`Real VS Code measurements: not measured (${v.skipped ?? v.error}).`);
  } else {
    L.push(`Measured inside the extension host of the real VS Code (code-server ${v.vscodeVersion ?? ''}, headless Chromium) by test/integration/suite/bench.test.ts; harness run ${ms(v.harnessMs)}${v.harnessExitCode ? `, exit code ${v.harnessExitCode}` : ''}.`);
    L.push('');
    const a = v.activation;
    if (a) L.push(`- **Activation:** activate() call ${a.activateCallMs === null ? 'n/a (VS Code marks not found)' : ms(a.activateCallMs)} (VS Code's willActivate → didActivate marks); loading the ${KB(a.bundleBytes)} bundle (fresh require) ${ms(a.codeLoadMs.median)} (min ${ms(a.codeLoadMs.min)}, max ${ms(a.codeLoadMs.max)}).`);
    const k = v.keystroke;
    if (k)
      L.push(
        `- **Keystroke → diagnostics, 1,000 steps (${KB(k.file.bytes)}, ${k.file.diagnostics} diagnostics):** median ${ms(k.keystrokeToDiagnosticsMs.median)}, min ${ms(k.keystrokeToDiagnosticsMs.min)}, max ${ms(k.keystrokeToDiagnosticsMs.max)} (n=${k.keystrokeToDiagnosticsMs.n}; debounce ${k.debounceMs} ms included); last key of a 5-key burst → diagnostics: median ${ms(k.burstLastKeyToDiagnosticsMs.median)}; analyze() in the extension host ${ms(k.analyzeInHostMs.median)}; first diagnostics after opening ${ms(k.firstDiagnosticsAfterOpenMs ?? NaN)}; after the diagnostics are set, the listeners of each published analysis (tree views, previews) take ${ms(k.publishListenersMs?.median)} (max ${ms(k.publishListenersMs?.max)}); diagnostics followed every edit: ${k.diagnosticsFollowedEdits}.`,
      );
    for (const [key, p] of Object.entries(v)) {
      if (!key.startsWith('preview ')) continue;
      if (p.error && !p.updateAfterAnalysisMs) {
        L.push(`- **Preview, ${key.slice(8)} (${p.steps} steps):** ${p.firstStatus} — ${p.error}`);
        continue;
      }
      L.push(
        `- **Preview, ${key.slice(8)} (${p.steps} steps):** update after the analysis is published ${ms(p.updateAfterAnalysisMs.median)} (min ${ms(p.updateAfterAnalysisMs.min)}, max ${ms(p.updateAfterAnalysisMs.max)}); the webview's own mermaid.render ${ms(p.webviewRenderMs.median)}; ratio ${ratio(p.ratioUpdateToRender)}; of the difference, buildRenderModel in the extension host takes ${ms(p.buildRenderModelMs?.median)}, the rest is messaging (extension host → webview → back) and the webview's DOM work; edit → rendered (incl. debounce) ${ms(p.editToRenderedMs.median)}${p.error ? `; error: ${p.error}` : ''}.`,
      );
    }
    if (v.harnessTail) {
      L.push('');
      L.push('Harness output (tail):');
      L.push('');
      L.push('```');
      L.push(v.harnessTail);
      L.push('```');
    }
  }
  L.push('');
  if (res.profiles?.length) {
    L.push('## CPU profiles of the missed budgets (node --cpu-prof, self time)');
    L.push('');
    for (const p of res.profiles) {
      if (p.error) {
        L.push(`- ${p.budget}: profiling failed: ${p.error}`);
        continue;
      }
      L.push(`### ${p.budget}: \`${p.what}\` × ${p.reps} on ${p.steps} steps (${ms(p.totalMs)} sampled; ${p.file})`);
      L.push('');
      L.push('By module: ' + p.modules.map((x) => `${x.module} ${(x.share * 100).toFixed(1)} %`).join(', ') + '.');
      L.push('');
      L.push(md(['function', 'module', 'self', 'share'], p.top.map((x) => [x.fn, x.module, ms(x.ms), `${(x.share * 100).toFixed(1)} %`])));
      L.push('');
    }
  }
  const notes = path.join(ROOT, 'bench', 'notes.md');
  if (fs.existsSync(notes)) {
    L.push(fs.readFileSync(notes, 'utf8').trim());
    L.push('');
  }
  L.push(`_Whole run: ${res.totalSeconds ?? ((Date.now() - t0) / 1000).toFixed(0)} s._`);
  return L.join('\n') + '\n';
}

// ------------------------------------------------------------------- main --
async function main() {
  if (REPORT_ONLY) {
    const res = JSON.parse(fs.readFileSync(path.join(OUT, 'results.json'), 'utf8'));
    fs.writeFileSync(path.join(ROOT, 'bench', 'results.md'), report(res));
    console.log('Written: bench/results.md (from bench/.out/results.json)');
    return;
  }
  const res = { machine: machine() };
  log(`${res.machine.cpu}, ${res.machine.cores} cores, ${res.machine.memoryGiB} GiB, Node ${res.machine.node}`);
  res.build = await build();
  const captures = { dev: await captureConfig(false), production: await captureConfig(true) };
  await bundleBench(captures.dev.find(isDesktopExtension)?.options);
  res.flows = generateFlows([100, 300, 1000, 10000]);
  phase('core');
  res.core = await measureCore(res.flows);
  phase('hostile');
  res.hostile = await measureHostile();
  phase('render');
  res.render = await measureRender(res.flows);
  phase('swimlanes');
  res.swimlanes = await measureSwimlanes(res.flows);
  phase('memory');
  res.memory = await measureMemory(res.flows, [100, 1000, 10000]);
  res.bundle = await measureBundle(captures);
  phase('vscode');
  res.vscode = await measureVscode();
  phase('end');
  res.loads = loads;
  res.budgets = budgets(res);

  // profiles for the missed core budgets
  res.profiles = [];
  if (!NO_PROFILE) {
    const missed = (prefix) => res.budgets.some((b) => b.name.startsWith(prefix) && b.pass === false);
    const plan = [];
    // the parse floor is yaml's: what BizFlow can change is the work after parsing, so that is what is profiled
    if (missed('analysis / parse floor, 1,000') || missed('BizFlow / yaml-language-server')) plan.push(['analysis / parse floor at 1,000 steps', 'afterParse', 1000, QUICK ? 10 : 40]);
    if (missed('analysis / parse floor, 10,000') || missed('scaling') || missed('BizFlow / yaml-language-server, 10')) plan.push(['10,000 steps: analysis / parse floor, scaling', 'afterParse', 10000, QUICK ? 2 : 4]);
    for (const [budget, what, n, reps] of plan) {
      log(`profiling ${what} on ${n} steps (${budget})`);
      res.profiles.push({ budget, ...(await profile(what, res.flows[n], reps)) });
    }
  }

  res.totalSeconds = Math.round((Date.now() - t0) / 1000);
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(res, null, 2));
  const text = report(res);
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.md'), text);

  // the table on stdout
  console.log('');
  console.log(`BizFlow benchmarks — ${res.machine.cpu}, ${res.machine.cores} cores, ${res.machine.memoryGiB} GiB, Node ${res.machine.node}, ${res.machine.date}`);
  console.log('');
  console.log(table(['operation (median)', '100 steps', '1,000 steps', '10,000 steps'], coreRows(res.core)));
  console.log('');
  console.log(table(['budget', 'measured', 'limit', 'result'], res.budgets.map((b) => [b.name, b.shown, b.limitShown, verdict(b, 'MISS')])));
  console.log('');
  console.log(`Written: bench/results.md, bench/.out/results.json (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main().catch((e) => {
  console.error(`bench: ${e?.stack ?? e}`);
  process.exit(1);
});
