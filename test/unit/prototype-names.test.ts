/**
 * Names of `Object.prototype` members (`constructor`, `toString`, `__proto__`, …) are ordinary user text:
 * as ids, rule codes, attributes and setting values they must behave like any other name.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { resolveSeverity } from '../../src/core/config';
import { applyEdits } from '../../src/core/edits';
import { analyze, fileSeverityLayer } from '../../src/core/engine';
import { enumText } from '../../src/core/cards';
import { hoverAt } from '../../src/core/hover';
import { buildModel } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { parseRcFile } from '../../src/core/rcfile';
import { renameSymbol } from '../../src/core/rename';
import { nearest, suggester } from '../../src/core/suggest';
import { buildSymbolIndex } from '../../src/core/symbols';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../../examples/order-fulfilment.bizflow.yaml'), 'utf8');
const PROTO = Object.getOwnPropertyNames(Object.prototype);
/** The ones that fit the id pattern (`__proto__` and the `__define…__` ones start with "_"). */
const ID_NAMES = PROTO.filter((n) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(n));
const LEAK = /native code|\[object |function |undefined|null prototype/;

const codes = (text: string) =>
  analyze(text, { locale: 'en' })
    .diagnostics.map((d) => d.code)
    .sort();

function rename(text: string, offset: number, name: string): string {
  const model = buildModel(parseText(text));
  const r = renameSymbol(model, buildSymbolIndex(model), offset, name);
  if ('error' in r) assert.fail(`renaming to ${name} was refused: ${r.error}`);
  return applyEdits(text, r.edits);
}

describe('Object.prototype names are plain names', () => {
  it("the file's own `rules:` layer keeps every key as written (`__proto__` too); enum texts are own keys only", () => {
    const model = buildModel(parseText('bizflow: 1\nrules:\n  __proto__: off\n  constructor: error\n  role/unused: info\n'));
    const layer = fileSeverityLayer(model).rules!;
    assert.equal(Object.getPrototypeOf(layer), null);
    assert.deepEqual(Object.keys(layer).sort(), ['__proto__', 'constructor', 'role/unused']);
    assert.equal(layer['__proto__'], 'off');
    for (const n of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) assert.equal(enumText(n), undefined, n);
    assert.ok(enumText('must'));
    const text = 'bizflow: 1\nrules:\n  role/unused: constructor\n';
    assert.equal(hoverAt(analyze(text).model, text.indexOf('constructor') + 2, 'en'), undefined);
  });


  it('has the names this test is about', () => {
    for (const n of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) assert.ok(ID_NAMES.includes(n));
    assert.ok(PROTO.includes('__proto__'));
  });

  for (const [kind, needle, delta] of [
    ['role', '  sales:\n', 2],
    ['step', '  pick:\n', 2],
    ['data', 'produces: [order]', 11],
  ] as const) {
    it(`renames a ${kind} to each of them, and the analysis finds the same problems as before`, () => {
      const before = codes(ORDER);
      for (const name of ID_NAMES) {
        const offset = ORDER.indexOf(needle) + delta;
        const after = rename(ORDER, offset, name);
        assert.ok(after.includes(name), name);
        const d = analyze(after, { locale: 'en' }).diagnostics;
        assert.deepEqual(d.map((x) => x.code).sort(), before, `${kind} renamed to ${name}`);
        for (const x of d) assert.doesNotMatch(x.message, LEAK, `${name}: ${x.message}`);
      }
    });
  }

  it('takes them as attributes and as undefined references without leaking JavaScript into messages', () => {
    for (const name of PROTO) {
      const text = ORDER.replace('      mode: manual\n', `      mode: manual\n      ${JSON.stringify(name)}: x\n`).replace(
        'role: warehouse',
        `role: ${JSON.stringify(name)}`,
      );
      const d = analyze(text, { locale: 'en' }).diagnostics;
      assert.ok(d.some((x) => x.code === 'ref/unknown-role' && x.message.includes(name)), `${name}: unknown role reported`);
      for (const x of d) assert.doesNotMatch(x.message, LEAK, `${name}: ${x.message}`);
    }
  });

  it('as a rule code in an rc file: an unknown rule, nothing else', () => {
    for (const name of PROTO) {
      const r = parseRcFile(JSON.stringify({ rules: { [name]: 'off' } }).replace('"rules":{"', '"rules":{"'), { format: 'json' });
      assert.deepEqual(
        r.problems.map((p) => p.code),
        ['rc/unknown-rule'],
        name,
      );
      assert.equal(Object.keys(r.config.rules ?? {}).length, 0, name);
      assert.equal(Object.getPrototypeOf(r.config.rules), Object.prototype, `${name} did not replace the prototype`);
      for (const p of r.problems) assert.doesNotMatch(p.message, LEAK, p.message);
    }
  });

  it('as a severity in an rc file: a bad severity without a made-up suggestion', () => {
    for (const name of PROTO) {
      const r = parseRcFile(`{ "rules": { "role/unused": ${JSON.stringify(name)} } }`, { format: 'json' });
      assert.deepEqual(r.problems.map((p) => p.code), ['rc/bad-severity'], name);
      assert.equal(r.problems[0].suggestion, undefined, name);
      assert.doesNotMatch(r.problems[0].message, LEAK, r.problems[0].message);
    }
  });

  it('a severity layer whose rules come from JSON (own `__proto__` key) is read by own keys only', () => {
    for (const name of PROTO) {
      const layer = { rules: JSON.parse(`{${JSON.stringify(name)}: "error"}`) };
      assert.equal(resolveSeverity(name, 'info', [layer]), 'error', name);
      assert.equal(resolveSeverity('role/unused', 'info', [layer]), 'info', name);
      assert.equal(resolveSeverity(name, 'warning', [{ rules: {} }]), 'warning', name);
    }
  });

  it('suggestions are among the candidates only', () => {
    for (const name of PROTO) {
      assert.equal(nearest(name, ['alpha', 'beta']), undefined);
      assert.equal(suggester(new Map([['x', 1]]))(name), undefined);
    }
  });
});
