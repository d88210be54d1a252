/**
 * One mistake, one finding (spec, reading rules; issue 12 item 8): every
 * reference slot of the format, taken from the format table (so a new slot is
 * covered automatically), is made unknown in a clean file; exactly one new
 * finding appears, the ref/unknown-* one, and no other rule reacts to the
 * unknown id. What the slot named stays named (the id is added beside it where
 * the slot holds several), so only the unknown id is new.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { analyze } from '../../src/core/engine';
import { FORMAT, type Context, type KeySpec } from '../../src/core/schema/format';

const FILE = path.resolve(__dirname, '../../examples/procure-to-pay.bizflow.yaml');
// the finished example, with a `reviews` entry so that the slot `review.role` is filled too
const clean = fs.readFileSync(FILE, 'utf8').replace('    agreed: [buyer]\n', '    agreed: [buyer]\n    reviews:\n      - role: buyer\n        verdict: agree\n');
const UNKNOWN = 'zqxwv';

/** The section key of each item context (`roles:` holds role items …). */
const SECTION: Partial<Record<Context, string>> = {};
for (const spec of FORMAT.top.keys) if (spec.type.kind === 'items') SECTION[spec.type.item as Context] = spec.key;

/** Maps of the clean file that are of `context`. */
function mapsOf(doc: ReturnType<typeof parseDocument>, context: Context): YamlNode[] {
  const top = doc.contents;
  if (!isMap(top)) return [];
  if (context === 'top') return [top];
  if (context === 'process') return [top.get('process', true) as YamlNode];
  if (context === 'review') {
    // the entries of every requirement's `reviews` list
    const reqs = top.get('requirements', true);
    if (!isMap(reqs)) return [];
    return reqs.items.flatMap((p) => {
      const list = isMap(p.value) ? p.value.get('reviews', true) : undefined;
      return isSeq(list) ? (list.items as YamlNode[]) : [];
    });
  }
  const section = top.get(SECTION[context]!, true);
  return isMap(section) ? section.items.map((p) => p.value as YamlNode) : [];
}

/**
 * The clean file with slot `spec` of a map holding an unknown id, keeping what
 * the slot named (so only the unknown id is new): added to a list, a list made
 * of a single `next`, a branch added to a decision, a key given to a map
 * without it; a single reference (`role`, `from` …) is replaced.
 */
function withUnknown(m: YamlNode, spec: KeySpec, shape: string): string | undefined {
  if (!isMap(m)) return undefined;
  const v = m.get(spec.key, true) as unknown;
  const t = spec.type.kind;
  const at = (n: unknown) => (isScalar(n) && n.range && typeof n.value === 'string' ? n.range : undefined);
  const insert = (pos: number, what: string) => clean.slice(0, pos) + what + clean.slice(pos);
  const lineStart = (pos: number) => clean.lastIndexOf('\n', pos - 1) + 1;
  if (v === undefined) {
    if (shape === 'map' || t === 'ref' || !m.items.length) return undefined;
    // a key the map does not have yet: added as its first key
    const first = m.items[0].key as YamlNode;
    const start = first.range![0];
    const indent = clean.slice(lineStart(start), start);
    const value = t === 'sets' ? `{ ${UNKNOWN}.mode: x }` : `[${UNKNOWN}]`;
    return insert(lineStart(start), `${indent}${spec.key}: ${value}\n`);
  }
  if (t === 'ref') {
    const r = at(v);
    return r ? clean.slice(0, r[0]) + UNKNOWN + clean.slice(r[1]) : undefined;
  }
  if (t === 'refList') {
    const r = isSeq(v) && v.flow ? at(v.items[0]) : undefined;
    return r ? insert(r[0], `${UNKNOWN}, `) : undefined;
  }
  if (t === 'next' && shape === 'scalar') {
    const r = at(v);
    return r ? clean.slice(0, r[0]) + `[${clean.slice(r[0], r[1])}, ${UNKNOWN}]` + clean.slice(r[1]) : undefined;
  }
  if (t === 'next' && shape === 'map' && isMap(v) && !v.flow) {
    const start = (v.items[0].key as YamlNode).range![0];
    const indent = clean.slice(lineStart(start), start);
    return insert(lineStart(start), `${indent}other: ${UNKNOWN}\n`);
  }
  if (t === 'sets' && isMap(v) && !v.flow) {
    const start = (v.items[0].key as YamlNode).range![0];
    const indent = clean.slice(lineStart(start), start);
    return insert(lineStart(start), `${indent}${UNKNOWN}.mode: x\n`);
  }
  return undefined;
}

interface Slot {
  name: string;
  text?: string;
}

/** Every reference slot of the format table, filled with an unknown id where the clean file can hold one (each shape of `next`). */
function slots(): Slot[] {
  const doc = parseDocument(clean, { version: '1.2' });
  const out: Slot[] = [];
  for (const [context, c] of Object.entries(FORMAT) as [Context, (typeof FORMAT)[Context]][]) {
    for (const spec of c.keys) {
      if (!['ref', 'refList', 'next', 'sets'].includes(spec.type.kind)) continue;
      const shapes = spec.type.kind === 'next' ? ['scalar', 'map'] : ['any'];
      for (const shape of shapes) {
        let text: string | undefined;
        // first a map that has the key, else the first map of the context
        const maps = mapsOf(doc, context).filter(isMap);
        const having = maps.filter((m) => m.has(spec.key));
        for (const m of [...having, ...maps.slice(0, 1)]) {
          text = withUnknown(m, spec, shape);
          if (text) break;
        }
        out.push({ name: `${context}.${spec.key}${shape === 'any' ? '' : ` (${shape})`}`, text });
      }
    }
  }
  return out;
}

const key = (d: { code: string; message: string }) => `${d.code} ${d.message}`;

describe('one mistake, one finding: every reference slot made unknown gives exactly one finding', () => {
  /** Findings of the clean example: computed in each test, as Stryker runs the tests again for every mutant. */
  const findingsBefore = () => new Set(analyze(clean).diagnostics.map(key));
  const all = slots();

  it('the clean example fills every reference slot of the format table', () => {
    assert.deepEqual(all.filter((s) => !s.text).map((s) => s.name), []);
    assert.ok(all.length >= 17, `${all.length} slots`);
  });

  for (const slot of all) {
    it(slot.name, () => {
      if (!slot.text) return; // reported by the test above
      const text = slot.text;
      const before = findingsBefore();
      const after = analyze(text).diagnostics;
      const added = after.filter((d) => !before.has(key(d)));
      assert.deepEqual(
        added.map((d) => `${d.code} @${text.slice(d.span.start, d.span.end)}`),
        [`${added[0]?.code.startsWith('ref/unknown-') ? added[0].code : 'ref/unknown-*'} @${UNKNOWN}`],
      );
    });
  }

  it('an undeclared data id needed before a step that produces it is only ref/unknown-data (not data/used-before-produced)', () => {
    let text = clean.replace('    produces: [purchase-request]\n    next: approve', '    needs: [ghost]\n    produces: [purchase-request]\n    next: approve');
    text = text.replace(/(  pay:\n(?:    .*\n)*?)    produces: \[/, '$1    produces: [ghost, ');
    const before = findingsBefore();
    const added = analyze(text).diagnostics.filter((d) => !before.has(key(d)));
    assert.deepEqual(added.map((d) => `${d.code} @${text.slice(d.span.start, d.span.end)}`), ['ref/unknown-data @ghost', 'ref/unknown-data @ghost']);
  });
});
