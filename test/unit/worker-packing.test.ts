/**
 * What the analysis worker packs for the trip to the extension host (the host's thread rebuilds every object
 * of a message, it only copies strings and typed arrays): the outline (src/core/outline.ts packOutline) and
 * the trees (src/core/tree-pack.ts) come back unpacked exactly as built, through a structured clone; and the
 * outline's size limit (limitOutline) shares its entries evenly.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateFlow } from '../../bench/generate';
import { analyze } from '../../src/core/engine';
import { buildModel } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { buildOutline, limitOutline, lineOutline, OUTLINE_MAX_ITEMS, packOutline, unpackOutline, type OutlineNode } from '../../src/core/outline';
import { buildTree } from '../../src/core/tree';
import { REQUIREMENT_GROUPINGS } from '../../src/core/tree-groupings';
import { packTree, unpackTree } from '../../src/core/tree-pack';
import { bizflowFile } from '../support/bizflow-arbitrary';

const repoRoot = path.resolve(__dirname, '../..');

/** Every BizFlow file of the repository's examples and fixtures, and a generated 300-step flow. */
function corpus(): { name: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.bizflow.yaml')) files.push(p);
    }
  };
  walk(path.join(repoRoot, 'examples'));
  walk(path.join(repoRoot, 'test/fixtures'));
  return [...files.map((f) => ({ name: path.relative(repoRoot, f), text: fs.readFileSync(f, 'utf8') })), { name: 'generated 300', text: generateFlow(300).text }];
}

/**
 * The outline of a text: it is made from the model alone, so the rules are not run (nor covered: a mutation run
 * re-runs a test for every mutant it covers, and these run on 10,000 steps).
 */
const outlineOf = (text: string): OutlineNode[] => buildOutline(buildModel(parseText(text)));

/**
 * The outline of a 10,000-step flow, made once per run for the tests that need it (forgotten before each run:
 * a mutation run runs the tests again in the same process for each mutant).
 */
let big: { text: string; nodes: OutlineNode[] } | undefined;
const bigOutline = () => {
  if (!big) {
    const text = generateFlow(10000).text;
    big = { text, nodes: outlineOf(text) };
  }
  return big;
};

const count = (ns: readonly { children: readonly unknown[] }[]): number => ns.reduce((n, x) => n + 1 + count(x.children as { children: readonly unknown[] }[]), 0);

describe('worker packing', function () {
  this.timeout(60_000); // the corpus, random files and a 10,000-step outline (under a mutation run: instrumented)
  before(() => (big = undefined));
  const files = corpus();

  it('finds the corpus (examples and fixtures)', () => {
    assert.ok(files.length >= 10, `${files.length} files`);
  });

  it('an unpacked outline equals the outline with line ranges, for every file of the corpus and random files', () => {
    const check = (text: string, name: string) => {
      const nodes = outlineOf(text);
      const packed = structuredClone(packOutline(text, nodes));
      assert.ok(packed.numbers instanceof Uint32Array, name);
      assert.equal(packed.names.length, count(nodes), name);
      assert.deepEqual(unpackOutline(packed), lineOutline(text, nodes), name);
    };
    for (const f of files) check(f.text, f.name);
    fc.assert(fc.property(bizflowFile, (f) => check(f.text, f.text)), { numRuns: 40 });
  });

  it('unpacking at most N entries gives what limitOutline keeps of the whole, making only those', () => {
    for (const f of files) {
      const lined = lineOutline(f.text, outlineOf(f.text));
      const packed = structuredClone(packOutline(f.text, outlineOf(f.text)));
      const total = count(lined);
      for (const max of [0, 1, 3, 7, Math.floor(total / 2), total - 1, total, total + 1]) {
        assert.deepEqual(unpackOutline(packed, max), limitOutline(lined, max), `${f.name}, at most ${max}`);
      }
    }
    const { text, nodes } = bigOutline();
    const packed = packOutline(text, nodes);
    assert.deepEqual(unpackOutline(packed, OUTLINE_MAX_ITEMS), limitOutline(unpackOutline(packed)));
  });

  it('an empty outline packs to nothing', () => {
    assert.deepEqual(unpackOutline(packOutline('', [])), []);
  });

  it('unpacked trees equal the trees as built, in every grouping, each role\'s sections read when first asked for', () => {
    for (const f of files) {
      const r = analyze(f.text, { locale: 'en' });
      for (const g of REQUIREMENT_GROUPINGS) {
        const tree = buildTree(r.model, r.diagnostics, g);
        const packed = structuredClone(packTree(tree));
        assert.ok(packed.roles.every((role) => role.children.length === 0), f.name);
        assert.deepEqual(packed.roleSections.map((s) => JSON.parse(s)), tree.roles.map((role) => role.children), f.name);
        const unpacked = unpackTree(packed);
        assert.deepEqual(unpacked, tree, `${f.name} (${g})`);
        // read once, then the same objects
        if (unpacked.roles.length) assert.equal(unpacked.roles[0].children, unpacked.roles[0].children);
      }
    }
  });

  describe('limitOutline', () => {
    const node = (name: string, children: OutlineNode[] = []): OutlineNode => ({ kind: 'section', section: 'steps', name, detail: '', span: { start: 0, end: 0 }, selection: { start: 0, end: 0 }, children });
    const items = (prefix: string, n: number, grand = 0) => Array.from({ length: n }, (_, i) => node(`${prefix}${i}`, Array.from({ length: grand }, (_, j) => node(`${prefix}${i}.${j}`))));
    const shape = (ns: readonly OutlineNode[]) => ns.map((n) => `${n.name}:${n.children.length}`);

    it('returns the nodes themselves when they fit', () => {
      const ns = [node('a', items('a', 3)), node('b', items('b', 2))];
      assert.equal(limitOutline(ns, 7), ns);
      assert.notEqual(limitOutline(ns, 6), ns);
    });

    it('keeps the sections, shares the rest evenly, the small sections first, each keeping its first items', () => {
      // 4 sections, 100 entries: 96 to share; "a" has 6 (all kept), the others share 90: 30 each
      const ns = [node('a', items('a', 6)), node('b', items('b', 500)), node('c', items('c', 40)), node('d', items('d', 1000))];
      const limited = limitOutline(ns, 100);
      assert.deepEqual(shape(limited), ['a:6', 'b:30', 'c:30', 'd:30']);
      assert.deepEqual(limited[1].children.map((c) => c.name).slice(0, 3), ['b0', 'b1', 'b2']);
      assert.equal(count(limited), 100);
      // the input is not changed
      assert.equal(ns[1].children.length, 500);
    });

    it('gives the attributes what the items leave', () => {
      const ns = [node('s', items('x', 10, 3))]; // 1 + 10 + 30
      const limited = limitOutline(ns, 21);
      assert.equal(count(limited), 21);
      assert.deepEqual(shape(limited[0].children), ['x0:1', 'x1:1', 'x2:1', 'x3:1', 'x4:1', 'x5:1', 'x6:1', 'x7:1', 'x8:1', 'x9:1']);
      assert.equal(count(limitOutline(ns, 11)), 11);
      assert.equal(count(limitOutline(ns, 3)), 3);
    });

    it('never gives more than the limit, for any shape (property)', () => {
      fc.assert(
        fc.property(fc.array(fc.array(fc.nat(6), { maxLength: 30 }), { maxLength: 5 }), fc.nat(120), (sections, max) => {
          const ns = sections.map((sizes, i) => node(`s${i}`, sizes.map((g, j) => node(`s${i}.${j}`, items(`s${i}.${j}.`, g)))));
          const limited = limitOutline(ns, max);
          assert.equal(count(limited), Math.min(count(ns), max));
        }),
      );
    });

    it('cuts a 10,000-step outline (28,512 entries) to the limit, with entries of every section', () => {
      const { nodes } = bigOutline();
      assert.equal(count(nodes), 28512);
      const limited = limitOutline(nodes);
      assert.equal(count(limited), OUTLINE_MAX_ITEMS);
      assert.deepEqual(limited.map((s) => s.name), ['roles', 'data', 'steps', 'requirements']);
      // 2,000 − 4 sections, shared evenly: every section has more than 499 items
      assert.deepEqual(shape(limited), ['roles:499', 'data:499', 'steps:499', 'requirements:499']);
      // at 5,000 (bizflow.outline.maxItems raised), the roles (667) all kept, the other sections share the rest
      const more = limitOutline(nodes, 5000);
      assert.equal(count(more), 5000);
      assert.deepEqual(shape(more), ['roles:667', 'data:1443', 'steps:1443', 'requirements:1443']);
    });
  });
});
