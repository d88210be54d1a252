/** The reference, flow and role rules together: the example files, and big files. */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyze } from '../../../src/core/engine';
import { RULES } from '../../../src/core/rules/index';
import { lint } from '../helpers';
import { itTiming } from '../timing';

const MINE = RULES.filter((r) => /^(ref|flow|role)\//.test(r.code));
const example = (name: string) => readFileSync(join(__dirname, '../../fixtures/workspace', name), 'utf8');

describe('ref/*, flow/*, role/* on the examples and at scale', () => {
  it('covers the eleven rules plus ref/unknown-role', () => {
    assert.equal(MINE.length, 12);
  });

  for (const name of ['procure-to-pay.bizflow.yaml', 'order-fulfilment.bizflow.yaml']) {
    it(`report nothing on ${name}`, () => {
      const found = lint(example(name)).filter((f) => /^(ref|flow|role)\//.test(f.code));
      assert.deepEqual(found.map((f) => `${f.line} ${f.code}`), []);
    });
  }

  it('see through a broken copy of the clean example: renamed steps and roles are reported where they are used', () => {
    const text = example('procure-to-pay.bizflow.yaml').replace('  pay:\n', '  payy:\n').replace('  buyer:\n', '  buyers:\n');
    const codes = lint(text)
      .filter((f) => /^(ref|flow|role)\//.test(f.code))
      .map((f) => `${f.code} ${f.text}`);
    assert.deepEqual(codes.sort(), [
      'flow/unreachable closed',
      'flow/unreachable payy',
      'ref/unknown-role buyer',
      'ref/unknown-role buyer',
      'ref/unknown-role buyer',
      'ref/unknown-role buyer',
      'ref/unknown-role buyer',
      'ref/unknown-step pay',
      'ref/unknown-step pay',
      'role/unused buyers',
    ].sort());
  });

  itTiming('stay near-linear on 10,000 steps full of loops and unknown references', function () {
    this.timeout(20_000);
    const n = 10_000;
    const lines = ['bizflow: 1', 'process:', '  name: Big', 'roles:', '  r0:', '    name: R', 'data:', '  d0: { name: D }', 'steps:'];
    lines.push('  s0: { name: S, type: start, role: r0, next: t0 }');
    for (let i = 0; i < n; i++) {
      // a long loop t0 → t1 → … → t(n-1) → t0, where every step also names an unknown step and unknown data
      lines.push(`  t${i}: { name: T${i}, role: r0, needs: [x${i}], next: [t${(i + 1) % n}, u${i}] }`);
    }
    lines.push('  e0: { name: E, type: end }', 'requirements:');
    for (let i = 0; i < 1000; i++) lines.push(`  R${i}: { title: T, from: r0, priority: could, steps: [v${i}], depends: [Q${i}] }`);
    const text = lines.join('\n') + '\n';
    const { diagnostics } = analyze(text, { rules: MINE, maxFindings: Infinity });
    const count = (code: string) => diagnostics.filter((d) => d.code === code).length;
    assert.equal(count('ref/unknown-step'), n + 1000);
    // suggestions are computed while the budget lasts; every reference is still reported
    const steps = diagnostics.filter((d) => d.code === 'ref/unknown-step');
    assert.equal(steps[0].data?.suggestion, 'e0'); // 'u0' is one edit from 'e0' and 't0'; ties go to the first in order
    assert.equal(steps[steps.length - 1].data?.suggestion, undefined);
    assert.equal(count('ref/unknown-data'), n);
    assert.equal(count('ref/unknown-requirement'), 1000);
    assert.equal(count('flow/unreachable'), 1);
    assert.equal(count('flow/no-path-to-end'), 0);
  });

  itTiming('report every step of a 10,000-step loop with no way out without quadratic work', function () {
    this.timeout(20_000);
    const n = 10_000;
    const lines = ['bizflow: 1', 'process:', '  name: Big', 'roles:', '  r0:', '    name: R', 'steps:'];
    lines.push('  s0: { name: S, type: start, role: r0, next: t0 }');
    for (let i = 0; i < n; i++) lines.push(`  t${i}: { name: T${i}, role: r0, next: t${(i + 1) % n} }`);
    lines.push('  e0: { name: E, type: end }');
    const { diagnostics } = analyze(lines.join('\n') + '\n', { rules: MINE, maxFindings: Infinity });
    const loop = diagnostics.filter((d) => d.code === 'flow/no-path-to-end');
    assert.equal(loop.length, n);
    assert.equal(loop[0].data?.steps, loop[n - 1].data?.steps, 'one shared member list per loop');
  });
});
