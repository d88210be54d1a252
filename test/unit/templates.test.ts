/** New File: the safe file name for a process name, and the starter named after it. */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { analyze } from '../../src/core/engine';
import { newFileTemplate, processIdFor, safeFileName, SNIPPET_PLACEHOLDERS, yamlScalar } from '../../src/core/templates';
import { parse } from 'yaml';

describe('new file: name and starter', () => {
  it('proposes <name>.bizflow.yaml, keeping Chinese, replacing separators and reserved characters', () => {
    assert.equal(safeFileName('订单履约'), '订单履约.bizflow.yaml');
    assert.equal(safeFileName('Purchase approval'), 'Purchase-approval.bizflow.yaml');
    assert.equal(safeFileName('  采购 / 付款  '), '采购-付款.bizflow.yaml');
    assert.equal(safeFileName('a\\b:c*d?e"f<g>h|i#j%k'), 'a-b-c-d-e-f-g-h-i-j-k.bizflow.yaml');
    assert.equal(safeFileName('../../etc/passwd'), 'etc-passwd.bizflow.yaml');
    assert.equal(safeFileName('.hidden.'), 'hidden.bizflow.yaml');
    assert.equal(safeFileName('审批.bizflow.yaml'), '审批.bizflow.yaml');
    assert.equal(safeFileName('CON'), 'CON-process.bizflow.yaml');
    assert.equal(safeFileName(''), 'new-process.bizflow.yaml');
    assert.equal(safeFileName(' / '), 'new-process.bizflow.yaml');
    assert.equal(safeFileName('长'.repeat(200)), '长'.repeat(80) + '.bizflow.yaml');
  });

  it('property: the file name is one safe path segment ending in .bizflow.yaml', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (name) => {
        const f = safeFileName(name);
        assert.match(f, /^[^/\\:*?"<>|#%\s\u0000-\u001f.][^/\\:*?"<>|#%\s\u0000-\u001f]*\.bizflow\.yaml$/u);
        assert.ok(Array.from(f).length <= 80 + '.bizflow.yaml'.length);
        assert.ok(!/^(con|prn|aux|nul|com\d|lpt\d)\./i.test(f));
        assert.equal(safeFileName(f), f);
      }),
      { numRuns: 500 },
    );
  });

  it('never proposes the starter comment line as the name', () => {
    assert.equal(safeFileName('订单履约'), '订单履约.bizflow.yaml');
    assert.ok(!newFileTemplate('en', '订单履约').split('\n')[0].includes('订单履约'));
  });

  it('the starter uses the given name and lints clean, in both languages, for any name', function () {
    this.timeout(30_000);
    const t = newFileTemplate('zh-CN', '订单履约');
    assert.match(t, /^  name: 订单履约$/m);
    assert.match(t, /^  id: new-process$/m);
    const e = newFileTemplate('en', 'Purchase approval');
    assert.match(e, /^  name: Purchase approval$/m);
    assert.match(e, /^  id: purchase-approval$/m);
    assert.equal(newFileTemplate('en', '  '), newFileTemplate('en'));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('en' as const, 'zh-CN' as const), (name, locale) => {
        const text = newFileTemplate(locale, name);
        assert.deepEqual(analyze(text, { locale }).diagnostics, [], JSON.stringify(name));
        const clean = name.replace(/\s+/g, ' ').trim();
        if (clean) assert.equal(parse(text).process.name, clean);
      }),
      { numRuns: 80 },
    );
  });

  it('yamlScalar reads back as the same text; processIdFor gives a valid id', () => {
    for (const s of ['a: b', '#x', 'yes', '1.5', '- a', 'x #y', '"q"', "it's", 'ok', '说明：发货', 'tab\tin']) {
      assert.equal(parse(`k: ${yamlScalar(s)}`).k, s, s);
    }
    assert.equal(yamlScalar('订单履约'), '订单履约');
    assert.equal(processIdFor('Purchase approval 2'), 'purchase-approval-2');
    assert.equal(processIdFor('2024 budget'), 'budget');
    assert.equal(processIdFor('订单'), 'new-process');
  });

  it('snippet placeholders that stand for ids are known to completion', () => {
    assert.deepEqual([...SNIPPET_PLACEHOLDERS].sort(), ['decision-id', 'next-step', 'other-step', 'role-id', 'step-id']);
  });
});
