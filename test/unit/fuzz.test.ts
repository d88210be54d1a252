/**
 * Property-based tests: the example files, mutated the way a person typing
 * (or a bad merge) mutates them, must never make the core throw or produce a
 * range outside the text; the symbol index must stay exact; a rename must
 * keep every occurrence of the symbol together.
 *
 * The seed is fixed so a failure reproduces; fast-check prints the shrunk
 * counterexample (file and mutations) when one fails.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, editsOverlap } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import { buildModel } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { prepareRename, renameSymbol } from '../../src/core/rename';
import { buildSymbolIndex, type SymbolOccurrence } from '../../src/core/symbols';
import type { Span } from '../../src/core/types';
import { mutationRuns } from './timing';

const repoRoot = path.resolve(__dirname, '../..');
const examplesDir = path.resolve(repoRoot, 'examples');
const FILES = ['order-fulfilment.bizflow.yaml', 'procure-to-pay.bizflow.yaml'].map((f) =>
  fs.readFileSync(path.join(examplesDir, f), 'utf8'),
);

const SEED = 0xb12f10;
const RUNS = mutationRuns(300, 3);

type Mutation =
  | { op: 'delete'; line: number }
  | { op: 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'indent'; line: number; by: number }
  | { op: 'truncate'; at: number };

const CHARS = [':', '-', '[', ']', '{', '}', '"', "'", '#', '\t', ' ', '\n', '\r\n', ',', '&', '*', '!', '|', '>', '?', '\\', '.', '中', '文', '订单', 'a', 'Z', '9', '\0', '\uD800', 'pick', 'sales', 'next: ', 'sets:', '- '];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 6 }),
  }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.op) {
    case 'delete':
      lines.splice(m.line % n, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(m.line % n, 0, lines[m.line % n]);
      return lines.join('\n');
    case 'swap': {
      const a = m.line % n;
      const b = m.other % n;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'indent': {
      const i = m.line % n;
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
  }
}

const mutatedFile = fc
  .record({ file: fc.nat({ max: FILES.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }) })
  .map(({ file, mutations }) => mutations.reduce(mutate, FILES[file]));

function inRange(text: string, s: Span): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length;
}

/** The occurrence's source is a plain scalar on one line (not quoted, not a block scalar, not folded). */
function plainSource(text: string, o: SymbolOccurrence): boolean {
  const before = text[o.span.start - 1];
  const slice = text.slice(o.span.start, o.span.end);
  return before !== '"' && before !== "'" && !/[\n\r]/.test(slice) && !/^[|>]/.test(slice);
}

describe('fuzz (fast-check, fixed seed)', function () {
  this.timeout(60000);

  it('the mutations really damage the files (sanity check of the generator)', () => {
    const samples = fc.sample(mutatedFile, { seed: SEED, numRuns: 100 });
    const changed = samples.filter((t) => !FILES.includes(t)).length;
    const broken = samples.filter((t) => parseText(t).errors.length > 0).length;
    assert.ok(changed >= 90, `${changed} of 100 samples changed`);
    assert.ok(broken >= 10, `only ${broken} of 100 samples have syntax errors`);
  });

  it('analyze never throws and keeps every range inside the text', () => {
    fc.assert(
      fc.property(mutatedFile, (text) => {
        const { diagnostics } = analyze(text);
        for (const d of diagnostics) {
          assert.ok(inRange(text, d.span), `${d.code} ${JSON.stringify(d.span)} / ${text.length}`);
          for (const r of d.related ?? []) assert.ok(inRange(text, r.span), `${d.code} related`);
          assert.ok(typeof d.message === 'string' && d.message.length > 0);
          assert.notEqual(d.code, 'bizflow/internal-error', d.message);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the symbol index never throws, and each span holds its id exactly where the source is plain', () => {
    fc.assert(
      fc.property(mutatedFile, (text) => {
        const index = buildSymbolIndex(buildModel(parseText(text)));
        const all = index.all();
        let previous = -1;
        for (const o of all) {
          assert.ok(inRange(text, o.span), `${o.kind} ${o.id} ${JSON.stringify(o.span)}`);
          assert.ok(o.span.start >= previous, 'sorted');
          previous = o.span.start;
          if (plainSource(text, o)) assert.equal(text.slice(o.span.start, o.span.end), o.name, `${o.kind} ${o.id} (${o.field})`);
          const found = index.symbolAt(o.span.start);
          assert.ok(found && found.span.start <= o.span.start && o.span.start <= found.span.end);
          assert.ok(index.references(o.kind, o.id, { includeDeclaration: true }).includes(o));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a rename changes every occurrence of the symbol and nothing else', () => {
    fc.assert(
      fc.property(mutatedFile, fc.nat(), (text, pick) => {
        const model = buildModel(parseText(text));
        const index = buildSymbolIndex(model);
        const all = index.all();
        if (all.length === 0) return;
        const o = all[pick % all.length];
        const prep = prepareRename(model, index, o.span.start);
        const r = renameSymbol(model, index, o.span.start, 'zzFuzz');
        assert.equal('error' in prep, 'error' in r, 'prepareRename and renameSymbol agree');
        if ('error' in r) return;
        const target = index.symbolAt(o.span.start)!;
        assert.equal(editsOverlap(r.edits), false);
        const after = applyEdits(text, r.edits);
        const newId = target.kind === 'attribute' ? target.id.slice(0, target.id.length - target.name.length) + 'zzFuzz' : 'zzFuzz';
        const reindexed = buildSymbolIndex(buildModel(parseText(after)));
        const count = (idx: typeof index, id: string) => idx.references(target.kind, id, { includeDeclaration: true }).length;
        assert.equal(count(reindexed, newId), count(index, target.id), `${target.kind} ${target.id}`);
        assert.equal(count(reindexed, target.id), 0);
        assert.equal(reindexed.all().length, all.length);
        // outside the edited spans the text is unchanged
        const kept = (s: string, edits: typeof r.edits) => {
          let out = '';
          let pos = 0;
          for (const e of [...edits].sort((a, b) => a.span.start - b.span.start)) {
            out += s.slice(pos, e.span.start) + '\u0001';
            pos = e.span.end;
          }
          return out + s.slice(pos);
        };
        assert.equal(kept(text, r.edits), after.split('zzFuzz').join('\u0001'));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
