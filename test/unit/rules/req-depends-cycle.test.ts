import { strict as assert } from 'assert';
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

  it('stays quiet on a diamond without a cycle and on unknown ids', () => {
    assert.deepEqual(only(CODE, file({ A: ['B', 'C'], B: ['D'], C: ['D'], D: ['X'] })), []);
  });

  itTiming('is linear on long dependency chains closed into one big cycle', function () {
    this.timeout(20000);
    const n = 5000;
    const deps: Record<string, string[]> = {};
    for (let i = 0; i < n; i++) deps[`R${i}`] = [`R${(i + 1) % n}`];
    const found = only(CODE, file(deps));
    assert.equal(found.length, n);
    assert.match(found[0].message, /through a cycle of 5000 requirements/);
  });
});
