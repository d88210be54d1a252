/**
 * Hostile and malformed inputs: the YAML test suite corpus, resource attacks
 * (alias bombs, deep nesting, megabytes of noise) and encoding oddities. The
 * core must never throw, never hang, and keep every range inside the text.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MISTAKE_CODES, analyze, type AnalysisResult } from '../../src/core/engine';
import { MAX_NESTING } from '../../src/core/parse';
import { prepareRename, renameSymbol } from '../../src/core/rename';
import { buildSymbolIndex, type SymbolIndex } from '../../src/core/symbols';
import type { Span } from '../../src/core/types';
import { assertCostRatio, itTiming, mutationRuns } from './timing';

const repoRoot = path.resolve(__dirname, '../..');
const suiteDir = path.resolve(repoRoot, 'test/fixtures/yaml-test-suite');
const examplesDir = path.resolve(repoRoot, 'examples');

function assertSpan(text: string, span: Span, what: string): void {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: span ${JSON.stringify(span)} outside [0, ${text.length}]`,
  );
}

/** Analyses, checks every range, builds the symbol index and probes it. Returns what it built. */
function check(text: string, label: string): { result: AnalysisResult; index: SymbolIndex } {
  let result: AnalysisResult;
  try {
    result = analyze(text);
  } catch (e) {
    assert.fail(`${label}: analyze threw ${(e as Error)?.stack ?? e}`);
  }
  for (const d of result.diagnostics) {
    assertSpan(text, d.span, `${label} ${d.code}`);
    for (const r of d.related ?? []) assertSpan(text, r.span, `${label} ${d.code} related`);
    assert.equal(typeof d.message, 'string');
  }
  for (const e of result.parsed.errors) assertSpan(text, e.span, `${label} parse error ${e.code}`);
  const index = buildSymbolIndex(result.model);
  const all = index.all();
  for (const o of all) assertSpan(text, o.span, `${label} symbol ${o.kind} ${o.id}`);
  const probes = [0, 1, text.length >> 1, text.length - 1, text.length, ...all.slice(0, 20).map((o) => o.span.end)];
  for (const off of probes) {
    const o = index.symbolAt(off);
    if (o) {
      assert.ok(o.span.start <= off && off <= o.span.end, `${label}: symbolAt(${off})`);
      prepareRename(result.model, index, off);
    }
  }
  return { result, index };
}

function caseFiles(): string[] {
  const dir = path.join(suiteDir, 'cases');
  assert.ok(fs.existsSync(dir), `the YAML test suite corpus is expected at ${dir}`);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hasSyntaxError = (r: AnalysisResult) => r.diagnostics.some((d) => d.code === 'yaml/syntax');

describe('robustness', function () {
  this.timeout(30000);

  describe('YAML test suite corpus', () => {
    it('analyses all 402 inputs without throwing, with every range inside the text', () => {
      const files = caseFiles();
      assert.equal(files.length, 402);
      for (const f of files) check(fs.readFileSync(path.join(suiteDir, 'cases', f), 'utf8'), f);
    });

    it('reports a yaml/syntax diagnostic for every input a YAML parser must reject', () => {
      const ids = fs
        .readFileSync(path.join(suiteDir, 'error-cases.txt'), 'utf8')
        .split(/\s+/)
        .filter(Boolean);
      assert.ok(ids.length >= 90, `only ${ids.length} error cases listed`);
      // a typing mistake of form (a tab, an indentation off by a step) names the cause instead of yaml/syntax (issue 11)
      const missing = ids.filter((id) => {
        const result = analyze(fs.readFileSync(path.join(suiteDir, 'cases', `${id}.yaml`), 'utf8'));
        return !hasSyntaxError(result) && !result.diagnostics.some((d) => MISTAKE_CODES.has(d.code));
      });
      assert.deepEqual(missing, [], `no yaml/syntax diagnostic for ${missing.length} of ${ids.length} error cases`);
    });
  });

  describe('resource attacks', () => {
    /** A "billion laughs" document: 10 levels of 10 aliases into every section. */
    const aliasBomb = () => {
      const lines = ['bizflow: 1', 'l0: &l0 [x, x, x, x, x, x, x, x, x, x]', 'm0: &m0 { a.b: 1, c: d }'];
      for (let i = 1; i < 10; i++) {
        lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
        lines.push(`m${i}: &m${i} { ${Array.from({ length: 10 }, (_, k) => `k${k}.m: *m${i - 1}`).join(', ')} }`);
      }
      lines.push(
        'process: { name: *l9, owner: *l9 }',
        'roles: { r: { name: R, needs: *l9, concerns: *l9 }, r2: *m9 }',
        'data: *m9',
        'steps:',
        '  s: { type: start, role: r, needs: *l9, produces: *l9, next: *l9, attributes: *m9 }',
        '  d: { type: decision, role: r, next: *m9 }',
        '  e: { type: end }',
        'requirements:',
        '  q: { title: T, from: r, priority: must, sets: *m9, steps: *l9, adds: *l9, depends: *l9, acceptance: *l9 }',
        'rules: *m9',
      );
      return lines.join('\n');
    };

    it('survives a "billion laughs" alias bomb (10 levels of 10) without expanding it', () => {
      const text = aliasBomb();
      const heapBefore = process.memoryUsage().heapUsed;
      const value = check(text, 'alias bomb');
      const grew = process.memoryUsage().heapUsed - heapBefore;
      assert.ok(grew < 256 * 1024 * 1024, `heap grew by ${grew} bytes`);
      assert.ok(value.result.diagnostics.length > 0, 'the bomb gets diagnostics');
      const r = renameSymbol(value.result.model, value.index, text.indexOf('role: r') + 6, 'role2');
      assert.ok(!('error' in r), JSON.stringify(r));
    });

    itTiming('the alias bomb costs about what the same document with plain values instead of its aliases does', () => {
      const bomb = aliasBomb();
      const plain = bomb.replace(/\*[lm]\d/g, 'x');
      assertCostRatio(() => check(bomb, 'alias bomb'), () => check(plain, 'plain'), 10, 'the alias bomb against the same document without aliases', 3);
    });

    const deep: [string, () => string][] = [
      ['10,000-deep flow sequences', () => '['.repeat(10000) + ']'.repeat(10000)],
      ['10,000-deep flow maps', () => 'steps: ' + '{a: '.repeat(10000) + 'x' + '}'.repeat(10000)],
      ['5,000-deep compact block sequences', () => '- '.repeat(5000) + 'x\n'],
      ['5,000-deep block maps', () => Array.from({ length: 5000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n')],
      ['5,000-deep block sequences, one dash a line', () => Array.from({ length: 5000 }, (_, i) => ' '.repeat(i) + '-').join('\n')],
      ['5,000-deep explicit keys', () => '? '.repeat(5000) + 'x\n'],
      ['5,000-deep mixed block and flow', () => 'steps:\n' + '  - '.repeat(2500) + '['.repeat(2500) + ']'.repeat(2500)],
    ];
    for (const [name, make] of deep) {
      // megabytes of input: skipped in mutation runs (85 s instrumented, for every mutant it covers)
      itTiming(`ends ${name} with a diagnostic, not a stack overflow`, () => {
        const text = make();
        const value = check(text, name);
        const tooDeep = value.result.parsed.errors.find((e) => e.code === 'BIZFLOW_TOO_DEEP');
        assert.ok(tooDeep, `the nesting guard caught it (errors: ${value.result.parsed.errors.map((e) => e.code).join(', ')})`);
        assert.ok(tooDeep.span.end > tooDeep.span.start, 'the error points at a character');
        assert.ok(hasSyntaxError(value.result), 'reported as yaml/syntax');
      });
    }

    itTiming('stops at the nesting limit: flow sequences 10 times deeper cost about 10 times more (linear in the text, not quadratic)', () => {
      const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
      const deep = nested(200_000);
      const shallow = nested(20_000);
      assertCostRatio(() => check(deep, 'deep'), () => check(shallow, 'shallow'), 30, '200,000-deep against 20,000-deep (linear: about 10×, quadratic: 100×)', 5);
    });

    it(`accepts nesting up to the limit (${MAX_NESTING}) without a false alarm`, () => {
      const depth = MAX_NESTING - 1;
      const flow = check('x: ' + '['.repeat(depth) + ']'.repeat(depth), 'flow at the limit').result;
      assert.deepEqual(flow.parsed.errors, []);
      const block = check(Array.from({ length: 200 }, (_, i) => '  '.repeat(i) + 'a:').join('\n') + ' x', 'block').result;
      assert.deepEqual(block.parsed.errors, []);
      const dashes = check('description: |\n  ' + '-'.repeat(3000) + '\n  - ' + '-'.repeat(3000) + '\n', 'long dash line').result;
      assert.deepEqual(dashes.parsed.errors, []);
    });

    it('survives 2 MB of random bytes, and 2 MB of random YAML punctuation', () => {
      const rnd = random(20240611);
      const bytes = Buffer.alloc(2 * 1024 * 1024);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
      const asUtf8 = bytes.toString('utf8');
      const t1 = check(asUtf8, 'random bytes');
      assert.ok(t1.result.parsed.errors.length > 0);
      // the same noise without brackets gets past the nesting guard into the parser
      const t2 = check(bytes.toString('latin1').replace(/[[\]{}]/g, ' '), 'random bytes without brackets');
      assert.ok(!t2.result.parsed.errors.some((e) => e.code === 'BIZFLOW_TOO_DEEP'));
      const alphabet = ':-[]{}"\'#\n \t,?|>&*!%@`abc中文\r\\\0';
      let punct = '';
      const parts: string[] = [];
      for (let i = 0; i < 2 * 1024 * 1024; i++) {
        let c = alphabet[Math.floor(rnd() * alphabet.length)];
        if (c === '[' || c === '{') c = rnd() < 0.5 ? c : c === '[' ? ']' : '}';
        punct += c;
        if (punct.length === 4096) {
          parts.push(punct);
          punct = '';
        }
      }
      parts.push(punct);
      const t3 = check(parts.join(''), 'random punctuation');
      assert.ok(t3.result.diagnostics.length > 0);
    });
  });

  describe('encodings and odd characters', () => {
    const ORDER = fs.readFileSync(path.join(examplesDir, 'order-fulfilment.bizflow.yaml'), 'utf8');
    const symbols = (text: string, index: SymbolIndex) =>
      index.all().map((o) => `${o.kind} ${o.id} ${o.field} ${o.isDefinition} ${text.slice(o.span.start, o.span.end)}`);
    const diags = (text: string, r: AnalysisResult) =>
      r.diagnostics.map((d) => `${d.code} ${d.severity} ${text.slice(d.span.start, d.span.end).replace(/\r/g, '')}`);

    it('reads CRLF line endings exactly like LF', () => {
      const lf = check(ORDER, 'LF');
      const crlfText = ORDER.replace(/\n/g, '\r\n');
      const crlf = check(crlfText, 'CRLF');
      assert.deepEqual(crlf.result.parsed.errors, []);
      assert.deepEqual(symbols(crlfText, crlf.index), symbols(ORDER, lf.index));
      assert.deepEqual(diags(crlfText, crlf.result), diags(ORDER, lf.result));
      assert.ok(lf.index.all().length > 50);
    });

    it('reads a file that starts with a byte order mark like one without', () => {
      const plain = check(ORDER, 'plain');
      const bomText = '\uFEFF' + ORDER;
      const bom = check(bomText, 'BOM');
      assert.deepEqual(bom.result.parsed.errors, []);
      assert.deepEqual(symbols(bomText, bom.index), symbols(ORDER, plain.index));
      assert.deepEqual(diags(bomText, bom.result), diags(ORDER, plain.result));
      assert.equal(bom.index.all()[0].span.start, plain.index.all()[0].span.start + 1);
    });

    it('survives NUL characters, lone surrogates and other control characters anywhere', () => {
      const rnd = random(7);
      const oddities = ['\0', '\uD800', '\uDFFF', '\uDBFF\uDBFF', '\u0007', '\u001B[31m', '\u2028', '\u0085', '\uFFFE', '\uFEFF', '\r', '\t'];
      for (const odd of oddities) {
        for (let k = 0; k < mutationRuns(15, 3); k++) {
          const at = Math.floor(rnd() * (ORDER.length + 1));
          check(ORDER.slice(0, at) + odd + ORDER.slice(at), `${JSON.stringify(odd)} at ${at}`);
        }
        check(ORDER.split('\n').join(odd + '\n'), `${JSON.stringify(odd)} at every line end`);
        check(odd.repeat(1000), `${JSON.stringify(odd)} alone`);
      }
      const surrogateIds = ['roles:', '  "s\uD800": { name: "\uDC00" }', 'steps:', '  a: { role: "s\uD800", next: [b\uDFFF] }'].join('\n');
      const { index, result } = check(surrogateIds, 'surrogate ids');
      assert.equal(index.references('role', 's\uD800', { includeDeclaration: true }).length, 2);
      const r = renameSymbol(result.model, index, surrogateIds.indexOf('s\uD800'), 'sales');
      assert.ok(!('error' in r));
      assert.equal(r.edits.length, 2);
    });
  });
});
