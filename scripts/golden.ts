/**
 * Golden outputs: what BizFlow says about a fixed set of inputs, hashed, so a
 * refactor can prove it changed no behaviour (byte for byte).
 *
 *   npm run golden            compare with test/golden/manifest.json (exit 1 on any difference)
 *   npm run golden -- --update    write the manifest anew (after an intended change of behaviour)
 *   npm run golden -- --dump DIR  also write every output in full under DIR, to diff two commits
 *
 * Inputs: the examples, the test fixtures, the YAML test-suite corpus, flows
 * from the bench's generator, and a few thousand seeded mutations of the
 * examples. Outputs per input: diagnostics in both locales, every fix of every
 * diagnostic, hovers and completions at sampled offsets, the Mermaid text
 * (whole process and one role's view), the trees, and the CLI's text, JSON and
 * SARIF for the files on disk.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { generateFlow } from '../bench/generate';
import { main as cliMain } from '../src/cli/cli';
import { complete } from '../src/core/completion';
import { analyze } from '../src/core/engine';
import { fixesFor } from '../src/core/fixes';
import { hoverAt } from '../src/core/hover';
import { toMermaid } from '../src/core/mermaid';
import { buildSymbolIndex } from '../src/core/symbols';
import { buildTree } from '../src/core/tree';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'test', 'golden', 'manifest.json');
const MUTANTS = 2000;
/** The date a quick fix records a verdict on (fixed, so the outputs do not change with the day). */
const GOLDEN_TODAY = '2026-01-01';

interface Input {
  id: string;
  text: string;
  /** A path on disk, for the CLI outputs. */
  file?: string;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [':', '：', '-', '－ ', '[', ']', '{', '}', '"', "'", '#', '\t', ' ', '  ', '\u3000', '\n', '\r\n', ',', '，', '&a ', '*a', '|', '>', '中', 'pick', 'sales', 'REQ-001', 'next: ', 'sets:', '- ', 'type: end', 'role: ', 'x'];

function mutate(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const n = lines.length;
  const at = Math.floor(rand() * n);
  switch (Math.floor(rand() * 7)) {
    case 0:
      lines.splice(at, 1);
      return lines.join('\n');
    case 1:
      lines.splice(at, 0, lines[at]);
      return lines.join('\n');
    case 2: {
      const other = Math.floor(rand() * n);
      [lines[at], lines[other]] = [lines[other], lines[at]];
      return lines.join('\n');
    }
    case 3: {
      const by = Math.floor(rand() * 9) - 4;
      lines[at] = by > 0 ? ' '.repeat(by) + lines[at] : lines[at].replace(new RegExp(`^ {0,${-by}}`), '');
      return lines.join('\n');
    }
    case 4: {
      const pos = Math.floor(rand() * (text.length + 1));
      return text.slice(0, pos);
    }
    default: {
      const pos = Math.floor(rand() * (text.length + 1));
      const piece = PIECES[Math.floor(rand() * PIECES.length)];
      return text.slice(0, pos) + piece + text.slice(pos);
    }
  }
}

function readDir(dir: string, prefix: string, filter: (f: string) => boolean): Input[] {
  return fs
    .readdirSync(dir)
    .filter(filter)
    .sort()
    .map((f) => ({ id: `${prefix}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8'), file: path.join(dir, f) }));
}

function inputs(): Input[] {
  const isBizflow = (f: string) => /\.bizflow\.ya?ml$/.test(f);
  const examples = readDir(path.join(ROOT, 'examples'), 'examples', isBizflow);
  const out: Input[] = [
    ...examples,
    ...readDir(path.join(ROOT, 'test', 'fixtures'), 'fixtures', isBizflow),
    ...readDir(path.join(ROOT, 'test', 'fixtures', 'workspace'), 'fixtures/workspace', isBizflow),
    ...readDir(path.join(ROOT, 'test', 'fixtures', 'yaml-test-suite', 'cases'), 'yaml-test-suite', (f) => f.endsWith('.yaml')),
  ];
  for (const size of [12, 30, 60, 100]) {
    for (let seed = 1; seed <= 3; seed++) out.push({ id: `generated/${size}-${seed}`, text: generateFlow(size, seed).text });
  }
  const rand = rng(0xb12f10);
  for (let i = 0; i < MUTANTS; i++) {
    const base = examples[i % examples.length];
    let text = base.text;
    const times = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < times; k++) text = mutate(text, rand);
    out.push({ id: `mutant/${i}`, text });
  }
  return out;
}

/** Offsets to ask hovers and completions at: a spread over the text, each line's first non-blank and its end. */
function sampleOffsets(text: string, max: number): number[] {
  const set = new Set<number>();
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    set.add(lineStart + lead);
    set.add(lineStart + line.replace(/\r$/, '').length);
    const colon = line.indexOf(':');
    if (colon >= 0) set.add(lineStart + colon + 2);
    lineStart += line.length + 1;
  }
  const all = [...set].filter((o) => o <= text.length).sort((a, b) => a - b);
  if (all.length <= max) return all;
  const step = all.length / max;
  return Array.from({ length: max }, (_, i) => all[Math.floor(i * step)]);
}

function coreOutputs(input: Input, large: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const locale of ['en', 'zh-CN'] as const) {
    const { model, diagnostics } = analyze(input.text, { locale });
    out[`diagnostics.${locale}`] = JSON.stringify(diagnostics);
    const index = buildSymbolIndex(model);
    const fixes = diagnostics.map((d) => fixesFor(model, d, locale, index, { today: GOLDEN_TODAY }));
    out[`fixes.${locale}`] = JSON.stringify(fixes);
    const offsets = sampleOffsets(input.text, large ? 10 : 30);
    out[`hovers.${locale}`] = JSON.stringify(offsets.map((o) => hoverAt(model, o, locale, diagnostics, index) ?? null));
    out[`completions.${locale}`] = JSON.stringify(offsets.map((o) => complete(model, o, locale, index)));
    if (locale === 'en') {
      const whole = toMermaid(model, diagnostics);
      out.mermaid = JSON.stringify({ text: whole.text, nodes: [...whole.nodeIds], lanes: [...whole.laneIds], warnings: whole.warnings });
      const firstRole = model.roles.list[0]?.id;
      if (firstRole !== undefined) {
        const view = toMermaid(model, diagnostics, { role: firstRole, direction: 'TB', lanes: true });
        out.mermaidRole = JSON.stringify({ text: view.text, warnings: view.warnings });
      }
      out.mermaidNoLanes = toMermaid(model, diagnostics, { lanes: false }).text;
      for (const grouping of ['status', 'priority', 'role'] as const) {
        out[`tree.${grouping}`] = JSON.stringify(buildTree(model, diagnostics, grouping));
      }
    }
  }
  return out;
}

async function cliOutputs(file: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const runs: [string, string[]][] = [
    ['cli.text', ['lint', file]],
    ['cli.text.zh', ['lint', '--locale', 'zh-CN', file]],
    ['cli.json', ['lint', '--format', 'json', file]],
    ['cli.sarif', ['lint', '--format', 'sarif', file]],
    ['cli.render', ['render', file]],
  ];
  for (const [key, argv] of runs) {
    let stdout = '';
    let stderr = '';
    const code = await cliMain(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd: ROOT,
      env: { NO_COLOR: '1' },
      isTTY: false,
    });
    // outputs that name absolute paths (JSON filePath, SARIF's SRCROOT) are the same in any checkout
    out[key] = JSON.stringify({ code, stdout, stderr }).split(JSON.stringify(ROOT).slice(1, -1)).join('<root>').split(pathToFileURL(ROOT).href).join('file://<root>');
  }
  return out;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

async function run(): Promise<void> {
  const args = process.argv.slice(2);
  const update = args.includes('--update');
  const dumpAt = args.indexOf('--dump');
  const dump = dumpAt >= 0 ? path.resolve(args[dumpAt + 1] ?? 'golden-dump') : undefined;
  const started = Date.now();
  const manifest: Record<string, string> = {};
  for (const input of inputs()) {
    const outputs = coreOutputs(input, input.text.length > 20000);
    if (input.file && !input.id.startsWith('yaml-test-suite/')) Object.assign(outputs, await cliOutputs(path.relative(ROOT, input.file)));
    for (const [kind, value] of Object.entries(outputs)) {
      manifest[`${input.id} ${kind}`] = hash(value);
      if (dump) {
        const f = path.join(dump, input.id.replace(/[^A-Za-z0-9._/-]/g, '_'), kind);
        fs.mkdirSync(path.dirname(f), { recursive: true });
        fs.writeFileSync(f, value);
      }
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const entries = Object.keys(manifest).length;
  if (update) {
    fs.mkdirSync(path.dirname(MANIFEST), { recursive: true });
    fs.writeFileSync(MANIFEST, JSON.stringify(manifest, null, 0).replace(/","/g, '",\n"') + '\n');
    console.log(`golden: wrote ${entries} outputs to ${path.relative(ROOT, MANIFEST)} (${seconds} s)`);
    return;
  }
  const expected: Record<string, string> = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  const differ = Object.keys({ ...expected, ...manifest }).filter((k) => expected[k] !== manifest[k]);
  if (differ.length === 0) {
    console.log(`golden: all ${entries} outputs identical (${seconds} s)`);
    return;
  }
  console.log(`golden: ${differ.length} of ${entries} outputs differ (${seconds} s):`);
  for (const k of differ.slice(0, 40)) console.log(`  ${k}${!(k in manifest) ? ' (gone)' : !(k in expected) ? ' (new)' : ''}`);
  if (differ.length > 40) {
    console.log(`  … and ${differ.length - 40} more`);
    // which kinds of output differ, all of them counted (the key's last word: fixes.en, hover.zh-CN, cli.json…)
    const kinds = new Map<string, number>();
    for (const k of differ) kinds.set(k.split(' ').pop() ?? k, (kinds.get(k.split(' ').pop() ?? k) ?? 0) + 1);
    console.log(`  by output: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  console.log('Diff the full outputs of two commits with --dump DIR; --update accepts the new outputs.');
  process.exitCode = 1;
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
