import { strict as assert } from 'assert';
import type { ReportedMessage } from '../../../src/core/engine';
import { BASE, only } from '../helpers';
import { itTiming } from '../timing';

const CODE = 'req/depends-cycle';

/** Requirements from `id → depends` (line of REQ i's `depends` = 17 + 5 * i + 4). */
function file(deps: Record<string, string[]>): string {
  let s = BASE + 'requirements:\n';
  for (const [id, d] of Object.entries(deps)) {
    s += `  ${id}:\n    title: T\n    from: sales\n    priority: could\n    depends: [${d.join(', ')}]\n`;
  }
  return s;
}

describe('req/depends-cycle', () => {
  it('fires on both entries of a two-requirement cycle, with the path and related info', () => {
    const text = file({ A: ['B'], B: ['A'] });
    const found = only(CODE, text);
    assert.deepEqual(
      found.map((f) => [f.text, f.line, f.column, f.severity]),
      [
        ['B', 21, 15, 'error'],
        ['A', 26, 15, 'error'],
      ],
    );
    assert.match(found[0].message, /^Dependency cycle: "A" depends on "B", which depends back on "A" \(A → B → A\)/);
    assert.equal(found[0].d.related?.[0].span.start, text.indexOf('  B:') + 2);
    assert.deepEqual(found[0].d.data?.requirements, ['A', 'B']);
    const [zh] = only(CODE, text, { locale: 'zh-CN' });
    assert.match(zh.message, /^循环依赖：“A”依赖“B”，而“B”又反过来依赖“A”（A → B → A）/);
  });

  it('fires on a self-dependency', () => {
    const found = only(CODE, file({ A: ['A'] }));
    assert.deepEqual(found.map((f) => [f.text, f.line]), [['A', 21]]);
    assert.match(found[0].message, /depends on itself/);
  });

  it('reports only the edges on the cycle, not the ones leading into it', () => {
    const found = only(CODE, file({ A: ['B'], B: ['C'], C: ['A', 'D'], D: [], E: ['A'] }));
    assert.deepEqual(found.map((f) => [f.text, f.line]), [
      ['B', 21],
      ['C', 26],
      ['A', 31],
    ]);
    assert.match(found[0].message, /\(A → B → C → A\)/);
  });

  describe('the cycle-size limit: up to 12 members the path is written out, above it only the size', () => {
    /** R0 → R1 → … → R(n-1) → R0 */
    const ring = (n: number) => {
      const deps: Record<string, string[]> = {};
      for (let i = 0; i < n; i++) deps[`R${i}`] = [`R${(i + 1) % n}`];
      return deps;
    };
    const path = (n: number, from: number) => Array.from({ length: n + 1 }, (_, k) => `R${(from + k) % n}`).join(' → ');

    for (const n of [2, 11, 12]) {
      it(`a cycle of ${n}: the path`, () => {
        const found = only(CODE, file(ring(n)));
        assert.equal(found.length, n);
        assert.deepEqual(found[0].messageId, 'cycle');
        assert.deepEqual(found[0].data, { id: 'R0', target: 'R1', cycle: path(n, 0) });
        assert.deepEqual(found[n - 1].data, { id: `R${n - 1}`, target: 'R0', cycle: path(n, n - 1) });
      });
    }

    for (const n of [13, 40]) {
      it(`a cycle of ${n}: the size`, () => {
        const found = only(CODE, file(ring(n)));
        assert.equal(found.length, n);
        assert.ok(found.every((f) => f.messageId === 'bigCycle'));
        assert.deepEqual(found[0].data, { id: 'R0', target: 'R1', members: n });
        assert.deepEqual(found[n - 1].d.data?.requirements, [`R${n - 1}`, 'R0']);
      });
    }

    it('counts the members of the whole strongly connected part, not the length of the path', () => {
      // a 12-member ring with a chord R0 → R6: still written out, by the shortest way back
      const twelve = ring(12);
      twelve.R0 = ['R1', 'R6'];
      const found = only(CODE, file(twelve));
      assert.deepEqual(
        found.filter((f) => f.data?.id === 'R0').map((f) => f.data),
        [
          { id: 'R0', target: 'R1', cycle: path(12, 0) },
          { id: 'R0', target: 'R6', cycle: 'R0 → R6 → R7 → R8 → R9 → R10 → R11 → R0' },
        ],
      );
      // a 3-member cycle joined to a 10-member one through R0: 13 members, so even the short cycle gives only the size
      const joined: Record<string, string[]> = { R0: ['R1', 'S0'], R1: ['R2'], R2: ['R0'] };
      for (let i = 0; i < 10; i++) joined[`S${i}`] = [i === 9 ? 'R0' : `S${i + 1}`];
      const big = only(CODE, file(joined));
      assert.deepEqual(big.find((f) => f.data?.id === 'R1')?.data, { id: 'R1', target: 'R2', members: 13 });
      assert.equal(big.length, 14);
    });

    it('relates each entry to the requirement it names', () => {
      const reported: ReportedMessage[] = [];
      const text = file(ring(13));
      const found = only(CODE, text, { onReport: (d, m) => void (d.code === CODE && reported.push(m)) });
      assert.equal(found[0].d.related?.[0].span.start, text.indexOf('  R1:') + 2);
      assert.deepEqual(reported[0].related, [{ messageId: 'definedHere', data: { id: 'R0', target: 'R1' } }]);
    });
  });

  it('reports every entry naming a cycle member, a repeated one too', () => {
    const found = only(CODE, file({ A: ['B', 'B'], B: ['A'] }));
    assert.deepEqual(found.map((f) => [f.line, f.column, f.messageId, f.data]), [
      [21, 15, 'cycle', { id: 'A', target: 'B', cycle: 'A → B → A' }],
      [21, 18, 'cycle', { id: 'A', target: 'B', cycle: 'A → B → A' }],
      [26, 15, 'cycle', { id: 'B', target: 'A', cycle: 'B → A → B' }],
    ]);
    assert.deepEqual(only(CODE, file({ A: ['A', 'A'] })).map((f) => [f.column, f.messageId, f.data]), [
      [15, 'dependsOnItself', { id: 'A' }],
      [18, 'dependsOnItself', { id: 'A' }],
    ]);
  });

  it('stays quiet on a diamond without a cycle and on unknown ids', () => {
    assert.deepEqual(only(CODE, file({ A: ['B', 'C'], B: ['D'], C: ['D'], D: ['X'] })), []);
  });

  itTiming('is linear on long dependency chains closed into one big cycle', function () {
    this.timeout(20000);
    const n = 5000;
    const deps: Record<string, string[]> = {};
    for (let i = 0; i < n; i++) deps[`R${i}`] = [`R${(i + 1) % n}`];
    const found = only(CODE, file(deps), { maxFindings: Infinity });
    assert.equal(found.length, n);
    assert.match(found[0].message, /through a cycle of 5000 requirements/);
  });
});
