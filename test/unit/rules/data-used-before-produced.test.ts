import { strict as assert } from 'assert';
import { analyze, analyzeModel, type ReportedMessage } from '../../../src/core/engine';
import { buildModel } from '../../../src/core/model';
import { parseText } from '../../../src/core/parse';
import rule from '../../../src/core/rules/data-used-before-produced';
import { only, yaml } from '../helpers';
import { itTiming } from '../timing';

const CODE = 'data/used-before-produced';

describe('data/used-before-produced', () => {
  // s1 → a → b → e1; `a` and `b` get needs/produces per test
  const chain = (a: string, b: string) => yaml`
    bizflow: 1
    process:
      name: P
    roles:
      sales:
        name: 销售
    steps:
      s1:
        name: Start
        type: start
        role: sales
        next: a
      a:
        name: 录入
        role: sales
        ${a}
        next: b
      b:
        name: 审核
        role: sales
        ${b}
        next: e1
      e1:
        name: End
        type: end
  `;

  it('fires when the only producer comes after the step, with the exact range and related producer', () => {
    const text = chain('needs: [quote]', 'produces: [quote]');
    const found = only(CODE, text);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.text, 'quote');
    assert.equal(f.line, 16);
    assert.equal(f.column, 13);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^Step 录入 "a" needs "quote" before any step has produced it: it is produced only by 审核 "b"/);
    assert.equal(f.d.related?.length, 1);
    assert.equal(text.slice(f.d.related![0].span.start, f.d.related![0].span.end), 'quote');
    assert.equal(f.d.related![0].span.start, text.indexOf('produces: [quote]') + 'produces: ['.length);
    assert.deepEqual(f.d.data?.steps, ['a', 'b']);
  });

  it('speaks Chinese', () => {
    const [f] = only(CODE, chain('needs: [quote]', 'produces: [quote]'), { locale: 'zh-CN' });
    assert.match(f.message, /^步骤录入“a”需要“quote”时，还没有步骤产出它：它只由审核“b”产出/);
  });

  it('stays quiet when the producer comes before the step', () => {
    assert.deepEqual(only(CODE, chain('produces: [quote]', 'needs: [quote]')), []);
  });

  it('needs one or more moves: a step producing what it needs does not count, unless it is on a loop', () => {
    const self = chain('needs: [quote]\n        produces: [quote]', '');
    const found = only(CODE, self);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 16);
    // the step itself is not listed twice among the steps the finding is about
    assert.deepEqual(found[0].d.data?.steps, ['a']);
    assert.deepEqual(found[0].data?.producers, '录入 "a"');
    const loop = self.replace('next: b', 'next: [a, b]');
    assert.deepEqual(only(CODE, loop), []);
  });

  it('names a step that produces the same data twice once, and reports each of two needs of the same data', () => {
    const text = chain('needs: [quote, quote]', 'produces: [quote, quote]');
    const found = only(CODE, text);
    assert.deepEqual(found.map((f) => [f.line, f.column, f.text]), [[16, 13, 'quote'], [16, 20, 'quote']]);
    for (const f of found) {
      assert.deepEqual(f.data, { step: '录入 "a"', data: '"quote"', producers: '审核 "b"' });
      assert.deepEqual(f.d.data?.steps, ['a', 'b']);
      // the first of the two entries
      assert.deepEqual(f.d.related?.map((r) => r.span.start), [text.indexOf('produces: [quote') + 'produces: ['.length]);
    }
  });

  it('counts a producer that is reached again through a loop back', () => {
    // s1 → a → b → a (rework loop): b produces what a needs, and b reaches a
    const loop = chain('needs: [quote]', 'produces: [quote]').replace('next: e1\n  e1', 'next: [a, e1]\n  e1');
    assert.notEqual(loop, chain('needs: [quote]', 'produces: [quote]'));
    assert.deepEqual(only(CODE, loop), []);
  });

  it('fires when the producer is on another branch of a decision', () => {
    const text = yaml`
      bizflow: 1
      process:
        name: P
      roles:
        sales:
          name: 销售
      steps:
        s1:
          name: Start
          type: start
          role: sales
          next: d
        d:
          name: Route
          type: decision
          role: sales
          next:
            yes: x
            no: y
        x:
          name: X
          role: sales
          produces: [quote]
          next: e1
        y:
          name: Y
          role: sales
          needs: [quote]
          next: e1
        e1:
          name: End
          type: end
    `;
    const found = only(CODE, text);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 28);
    assert.equal(found[0].column, 13);
  });

  it('does not count a producer that cannot be reached from a start, and ignores unreachable consumers', () => {
    const text = chain('', 'needs: [quote]') + yaml`
        orphan:
          name: Orphan
          role: sales
          produces: [quote]
          next: b
        late:
          name: Late
          role: sales
          needs: [quote]
          next: e1
    `.replace(/^/gm, '  ');
    const found = only(CODE, text);
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.line)));
    assert.equal(found[0].line, 21);
  });

  it('leaves data that nobody produces to data/not-produced, and external data alone', () => {
    assert.deepEqual(only(CODE, chain('needs: [quote]', '')), []);
    const ext = chain('needs: [quote]', 'produces: [quote]') + 'data:\n  quote: { name: Q, external: true }\n';
    assert.deepEqual(only(CODE, ext), []);
  });

  it('agrees with a brute-force check on random graphs', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
    };
    for (let round = 0; round < 150; round++) {
      const n = 2 + rnd(14);
      const k = 1 + rnd(5);
      const succ: number[][] = [];
      const needs: number[][] = [];
      const prods: number[][] = [];
      const starts = new Set<number>([0]);
      if (rnd(3) === 0) starts.add(rnd(n));
      for (let i = 0; i < n; i++) {
        succ.push([...new Set(Array.from({ length: rnd(3) }, () => rnd(n)))]);
        needs.push([...new Set(Array.from({ length: rnd(3) }, () => rnd(k)))]);
        prods.push([...new Set(Array.from({ length: rnd(2) }, () => rnd(k)))]);
      }
      let text = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  r:\n    name: R\nsteps:\n';
      for (let i = 0; i < n; i++) {
        text += `  s${i}:\n    name: S${i}\n    type: ${starts.has(i) ? 'start' : 'task'}\n    role: r\n`;
        if (needs[i].length) text += `    needs: [${needs[i].map((d) => `d${d}`).join(', ')}]\n`;
        if (prods[i].length) text += `    produces: [${prods[i].map((d) => `d${d}`).join(', ')}]\n`;
        if (succ[i].length) text += `    next: [${succ[i].map((j) => `s${j}`).join(', ')}]\n`;
      }
      // brute force
      const reach = (from: number[], oneOrMore: boolean) => {
        const seen = new Set<number>(oneOrMore ? [] : from);
        const stack = oneOrMore ? from.flatMap((v) => succ[v]) : [...from];
        for (const v of stack) seen.add(v);
        while (stack.length) {
          const v = stack.pop()!;
          for (const w of succ[v]) if (!seen.has(w)) (seen.add(w), stack.push(w));
        }
        return seen;
      };
      const reachable = reach([...starts], false);
      const expected: string[] = [];
      for (let s = 0; s < n; s++) {
        if (!reachable.has(s)) continue;
        for (const d of needs[s]) {
          const producers = [...Array(n).keys()].filter((p) => prods[p].includes(d));
          if (!producers.length) continue;
          const ok = producers.some((p) => reachable.has(p) && reach([p], true).has(s));
          if (!ok) expected.push(`s${s}:d${d}`);
        }
      }
      const got = analyze(text, { rules: [rule] }).diagnostics.map((x) => {
        const owner = text.lastIndexOf('\n  s', x.span.start);
        const step = text.slice(owner + 3, text.indexOf(':', owner));
        return `${step}:${text.slice(x.span.start, x.span.end)}`;
      });
      assert.deepEqual(got.sort(), expected.sort(), `round ${round}\n${text}`);
    }
  });

  describe('the list of producers: up to three named, then "N more"; up to five related places', () => {
    // s → u (needs x) → p1 → … → pN → e, every p producing x
    const flow = (n: number) => {
      let t = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  r:\n    name: R\ndata:\n  x:\n    name: X\nsteps:\n';
      t += '  s:\n    name: S\n    type: start\n    role: r\n    next: u\n  u:\n    name: U\n    role: r\n    needs: [x]\n    next: p1\n';
      for (let i = 1; i <= n; i++) t += `  p${i}:\n    name: P${i}\n    role: r\n    produces: [x]\n    next: ${i < n ? `p${i + 1}` : 'e'}\n`;
      return t + '  e:\n    name: E\n    type: end\n';
    };
    const cases: [number, string, string][] = [
      [1, 'P1 "p1"', 'P1“p1”'],
      [2, 'P1 "p1" and P2 "p2"', 'P1“p1” 和 P2“p2”'],
      [3, 'P1 "p1", P2 "p2" and P3 "p3"', 'P1“p1”、P2“p2” 和 P3“p3”'],
      [4, 'P1 "p1", P2 "p2", P3 "p3" and 1 more', 'P1“p1”、P2“p2”、P3“p3” 和 另外 1 个'],
      [6, 'P1 "p1", P2 "p2", P3 "p3" and 3 more', 'P1“p1”、P2“p2”、P3“p3” 和 另外 3 个'],
    ];
    for (const [n, en, zh] of cases) {
      it(`${n} producer(s)`, () => {
        const reported: ReportedMessage[] = [];
        const [f] = only(CODE, flow(n), { onReport: (d, m) => void (d.code === CODE && reported.push(m)) });
        assert.equal(f.messageId, 'usedBeforeProduced');
        assert.deepEqual(f.data, { step: 'U "u"', data: 'X "x"', producers: en });
        assert.deepEqual(f.d.data?.steps, ['u', ...Array.from({ length: n }, (_, i) => `p${i + 1}`)]);
        const related = f.d.related ?? [];
        assert.equal(related.length, Math.min(n, 5));
        const text = flow(n);
        for (const [i, r] of related.entries()) {
          // the `x` in the `produces` of p(i+1)
          const block = text.indexOf(`  p${i + 1}:\n`);
          assert.equal(r.span.start, text.indexOf('produces: [x]', block) + 'produces: ['.length);
          assert.equal(text.slice(r.span.start, r.span.end), 'x');
          assert.deepEqual(reported[0].related[i], { messageId: 'producedHere', data: { data: 'x', producer: `P${i + 1} "p${i + 1}"`, step: 'u' } });
        }
        assert.deepEqual(only(CODE, flow(n), { locale: 'zh-CN' })[0].data, { step: 'U“u”', data: 'X“x”', producers: zh });
      });
    }
  });

  /**
   * Many data items: the rule keeps the data available after each part of the flow as bitsets of 32-bit
   * words, shared between steps while nothing changes and recycled once read (see its comment); these
   * flows need several words, and several bitsets alive at once. data/used-before-produced.property.test.ts
   * checks the same against a reference on random flows.
   */
  describe('many data items (several 32-bit words)', () => {
    interface S {
      type?: string;
      needs?: string[];
      produces?: string[];
      next?: string[];
    }
    const flowText = (steps: Record<string, S>) => {
      let t = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  r:\n    name: R\nsteps:\n';
      for (const [id, s] of Object.entries(steps)) {
        t += `  ${id}:\n    name: ${id.toUpperCase()}\n    type: ${s.type ?? 'task'}\n    role: r\n`;
        if (s.needs) t += `    needs: [${s.needs.join(', ')}]\n`;
        if (s.produces) t += `    produces: [${s.produces.join(', ')}]\n`;
        if (s.next) t += `    next: [${s.next.join(', ')}]\n`;
      }
      return t;
    };
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `d${from + i}`);
    /** `step:data producers` for each finding, in document order; the span is the `needs` entry of that step. */
    const findings = (text: string) =>
      only(CODE, text).map((f) => {
        const step = String(f.d.data?.steps?.[0]);
        const block = text.indexOf(`  ${step}:\n`);
        const entry = text.indexOf('    needs: [', block);
        assert.ok(f.d.span.start > entry && f.d.span.start < text.indexOf('\n', entry), `${step}: the span is in its needs`);
        return `${step}:${f.text} ${f.data?.producers}`;
      });

    it('a fork into 20 branches joined again, 100 data items (20 bitsets alive at once)', () => {
      const steps: Record<string, S> = { s: { type: 'start', next: range(0, 19).map((d) => d.replace('d', 'b')) } };
      for (let i = 0; i < 20; i++) {
        // each branch produces five items and needs one of the next branch's
        steps[`b${i}`] = { produces: range(5 * i, 5 * i + 4), needs: [`d${5 * ((i + 1) % 20) + (i % 5)}`], next: ['j'] };
      }
      steps.j = { needs: range(0, 99), next: ['e'] };
      steps.e = { type: 'end', needs: ['d99', 'd0', 'd64', 'd32', 'd31'] };
      const text = flowText(steps);
      assert.deepEqual(
        findings(text),
        Array.from({ length: 20 }, (_, i) => `b${i}:d${5 * ((i + 1) % 20) + (i % 5)} B${(i + 1) % 20} "b${(i + 1) % 20}"`),
      );
      // a loop back from the join to every branch: every branch now comes after every other
      const loop = text.replace('    next: [e]', `    next: [e, ${range(0, 19).map((d) => d.replace('d', 'b')).join(', ')}]`);
      assert.notEqual(loop, text);
      assert.deepEqual(findings(loop), []);
    });

    it('two successors share a bitset: merging data into one of them leaves the other as it was (both orders)', () => {
      // s → a (d0…d68) → b and c; s → x (d69) → b only. c needs d69: nothing before c produces it.
      for (const sNext of [['a', 'x'], ['x', 'a']]) {
        for (const aNext of [['b', 'c'], ['c', 'b']]) {
          const text = flowText({
            s: { type: 'start', next: sNext },
            a: { produces: range(0, 68), next: aNext },
            x: { produces: ['d69'], next: ['b'] },
            b: { needs: ['d69', 'd68', 'd0', 'd31', 'd32', 'd63', 'd64'], next: ['e'] },
            c: { needs: ['d69', 'd68', 'd0', 'd31', 'd32', 'd63', 'd64'], next: ['e'] },
            e: { type: 'end', needs: range(0, 69) },
          });
          assert.deepEqual(findings(text), ['c:d69 X "x"'], `${sNext} ${aNext}`);
        }
      }
    });

    it('a step that passes data on unchanged, and a sibling that adds its own (both orders)', () => {
      // s (d0…d40) → p → c, s → q (d41…d70) → c; p adds nothing; c and the end need everything
      for (const sNext of [['p', 'q'], ['q', 'p']]) {
        const text = flowText({
          s: { type: 'start', produces: range(0, 40), next: sNext },
          p: { needs: ['d40', 'd41'], next: ['c'] },
          q: { needs: ['d0', 'd33', 'd70'], produces: range(41, 70), next: ['c', 'e'] },
          c: { needs: ['d0', 'd40', 'd41', 'd70'], next: ['e'] },
          e: { type: 'end', needs: range(0, 70) },
        });
        assert.deepEqual(findings(text), ['p:d41 Q "q"', 'q:d70 Q "q"'], String(sNext));
      }
    });

    it('a loop of three steps producing 70 items: every step of the loop has them all; a step before it has none', () => {
      const text = flowText({
        s: { type: 'start', produces: ['d0'], next: ['u'] },
        u: { needs: ['d0', 'd70', 'd35'], next: ['a'] },
        a: { needs: ['d0', 'd70', 'd1'], produces: range(1, 35), next: ['b'] },
        b: { needs: ['d1', 'd35'], produces: range(36, 70), next: ['c'] },
        c: { needs: ['d0', 'd35', 'd36', 'd70'], next: ['a', 'e'] },
        e: { type: 'end', needs: range(0, 70) },
        orphan: { produces: ['d70', 'd35'], next: ['u'] },
      });
      assert.deepEqual(findings(text), ['u:d70 B "b" and ORPHAN "orphan"', 'u:d35 A "a" and ORPHAN "orphan"']);
      // without the loop back, b and c come after a only
      const open = text.replace('next: [a, e]', 'next: [e]');
      assert.deepEqual(findings(open), ['u:d70 B "b" and ORPHAN "orphan"', 'u:d35 A "a" and ORPHAN "orphan"', 'a:d70 B "b" and ORPHAN "orphan"', 'a:d1 A "a"']);
    });
  });

  itTiming('is near-linear on a 10,000-step flow with 10,000 data items', function () {
    this.timeout(20000);
    const n = 10000;
    let text = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  r:\n    name: R\nsteps:\n';
    for (let i = 0; i < n; i++) {
      // each step produces d<i>; needs what the previous and the next step produce
      const needs = [i > 0 ? `d${i - 1}` : '', i + 1 < n ? `d${i + 1}` : ''].filter(Boolean);
      const next = i + 1 < n ? [`s${i + 1}`, ...(i % 100 === 0 && i + 50 < n ? [`s${i + 50}`] : [])] : [];
      text += `  s${i}:\n    name: S${i}\n    type: ${i === 0 ? 'start' : 'task'}\n    role: r\n`;
      text += `    needs: [${needs.join(', ')}]\n    produces: [d${i}]\n`;
      if (next.length) text += `    next: [${next.join(', ')}]\n`;
    }
    const model = buildModel(parseText(text));
    const found = analyzeModel(model, { rules: [rule], maxFindings: Infinity });
    assert.equal(found.length, n - 1); // every "next step's data" is used before it is produced
  });
});
