import { strict as assert } from 'assert';
import fc from 'fast-check';
import { analyze } from '../../src/core/engine';
import { parseRcFile, parseRcText, rcFormatOf, type RcParseResult } from '../../src/core/rcfile';

/** The text a problem's span covers. */
const at = (text: string, r: RcParseResult, i = 0) => text.slice(r.problems[i].span.start, r.problems[i].span.end);

describe('rcfile: parseRcFile', () => {
  it('reads a JSON configuration', () => {
    const text = '{ "extends": "all", "rules": { "ref/unknown-role": "off", "flow/unreachable": "error" } }';
    const r = parseRcFile(text, { format: 'json' });
    assert.deepEqual(r.problems, []);
    assert.equal(r.fatal, false);
    assert.deepEqual(r.config, { extends: 'all', rules: { 'ref/unknown-role': 'off', 'flow/unreachable': 'error' } });
  });

  it('reads a YAML configuration, where `off` is a plain string', () => {
    const text = 'extends: recommended\nrules:\n  req/untraced: off\n  data/unused: warning\n';
    const r = parseRcFile(text, { format: 'yaml' });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config, { extends: 'recommended', rules: { 'req/untraced': 'off', 'data/unused': 'warning' } });
  });

  it('treats an empty file (or only comments) as no configuration, without problems', () => {
    for (const [text, format] of [['', 'json'], ['  \n', 'json'], ['# nothing yet\n', 'yaml']] as const) {
      const r = parseRcFile(text, { format });
      assert.deepEqual(r, { config: {}, problems: [], fatal: false }, JSON.stringify(text));
    }
  });

  it('reports an unknown rule code at its key, with the nearest code, and leaves it out', () => {
    const text = '{"rules": {"flow/unreachabel": "off", "data/unused": "off"}}';
    const r = parseRcFile(text, { format: 'json' });
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].code, 'rc/unknown-rule');
    assert.equal(r.problems[0].severity, 'warning');
    assert.equal(r.problems[0].suggestion, 'flow/unreachable');
    assert.equal(at(text, r), '"flow/unreachabel"');
    assert.match(r.problems[0].message, /Unknown rule "flow\/unreachabel".*Did you mean "flow\/unreachable"\?/);
    assert.deepEqual(r.config.rules, { 'data/unused': 'off' });
    assert.equal(r.fatal, false);
  });

  it('gives no suggestion for a code that is nothing like a rule', () => {
    const r = parseRcFile('rules:\n  completely-different: off\n');
    assert.equal(r.problems[0].code, 'rc/unknown-rule');
    assert.equal(r.problems[0].suggestion, undefined);
    assert.doesNotMatch(r.problems[0].message, /Did you mean/);
  });

  it('reports a bad severity at its value and suggests the right word', () => {
    const text = 'rules:\n  data/unused: warn\n  req/untraced: 2\n  role/unused: loud\n  flow/no-end: [error]\n';
    const r = parseRcFile(text);
    assert.deepEqual(
      r.problems.map((p) => [p.code, at(text, r, r.problems.indexOf(p)), p.suggestion]),
      [
        ['rc/bad-severity', 'warn', 'warning'],
        ['rc/bad-severity', '2', 'error'],
        ['rc/bad-severity', 'loud', undefined],
        ['rc/bad-severity', '[error]', undefined],
      ],
    );
    assert.match(r.problems[0].message, /must be off, info, warning or error, not "warn".*Did you mean "warning"\?/);
    assert.deepEqual(r.config.rules, {});
  });

  it('reports a bad `extends` with a suggestion and keeps the rules', () => {
    const text = 'extends: recomended\nrules:\n  data/unused: off\n';
    const r = parseRcFile(text);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].code, 'rc/bad-extends');
    assert.equal(r.problems[0].suggestion, 'recommended');
    assert.equal(at(text, r), 'recomended');
    assert.equal(r.config.extends, undefined);
    assert.deepEqual(r.config.rules, { 'data/unused': 'off' });
  });

  it('reports unknown top-level keys with a suggestion, tolerates $schema', () => {
    const text = '{"$schema": "x", "rule": {}}';
    const r = parseRcFile(text, { format: 'json' });
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].code, 'rc/unknown-key');
    assert.equal(r.problems[0].suggestion, 'rules');
    assert.equal(at(text, r), '"rule"');
  });

  it('reports `rules` that is not a map', () => {
    const r = parseRcFile('rules: [data/unused]\n');
    assert.equal(r.problems[0].code, 'rc/bad-rules');
    assert.equal(r.fatal, false);
  });

  it('reports invalid JSON as fatal, at the place JSON.parse stopped', () => {
    const text = '{ "rules": { "data/unused": "off", } }';
    const r = parseRcFile(text, { format: 'json' });
    assert.equal(r.fatal, true);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].code, 'rc/syntax');
    assert.equal(r.problems[0].severity, 'error');
    assert.match(r.problems[0].message, /^Invalid JSON: /);
    assert.equal(at(text, r), '}', 'points at the brace after the trailing comma');
    assert.deepEqual(r.config, {});
  });

  it('reports an unterminated JSON document at its end', () => {
    const text = '{"rules": {"data/unused": "off"}';
    const r = parseRcFile(text, { format: 'json' });
    assert.equal(r.fatal, true);
    assert.ok(r.problems[0].span.end === text.length && r.problems[0].span.start >= text.length - 1);
  });

  it('reports invalid YAML as fatal', () => {
    const r = parseRcFile('rules:\n  data/unused: off\n bad: [\n');
    assert.equal(r.fatal, true);
    assert.equal(r.problems[0].code, 'rc/syntax');
    assert.match(r.problems[0].message, /^Invalid YAML: /);
  });

  it('reports a document that is not a map as fatal', () => {
    for (const text of ['[1, 2]', '"off"', '42']) {
      const r = parseRcFile(text, { format: 'json' });
      assert.equal(r.fatal, true, text);
      assert.equal(r.problems[0].code, 'rc/not-a-map', text);
    }
  });

  it('warns about a repeated key; the last one wins', () => {
    const text = 'rules:\n  data/unused: off\n  data/unused: error\n';
    const r = parseRcFile(text);
    assert.equal(r.fatal, false);
    assert.deepEqual(r.problems.map((p) => p.code), ['rc/duplicate-key']);
    assert.deepEqual(r.config.rules, { 'data/unused': 'error' });
  });

  it('accepts a BOM and keeps offsets pointing into the original text', () => {
    const text = '\ufeff{"rules": {"nope/rule": "off"}}';
    const r = parseRcFile(text, { format: 'json' });
    assert.equal(r.problems[0].code, 'rc/unknown-rule');
    assert.equal(at(text, r), '"nope/rule"');
  });

  it('is strict JSON for .json files but accepts YAML flow style for .yaml files', () => {
    const text = "{rules: {data/unused: 'off'}}";
    assert.equal(parseRcFile(text, { format: 'json' }).fatal, true);
    assert.deepEqual(parseRcFile(text, { format: 'yaml' }).config, { rules: { 'data/unused': 'off' } });
  });

  it('speaks Chinese when asked', () => {
    const r = parseRcFile('rules:\n  flow/unreachabel: off\n', { locale: 'zh-CN' });
    assert.match(r.problems[0].message, /未知规则“flow\/unreachabel”.*是否想写“flow\/unreachable”？/);
  });

  it('picks the format from the file name (parseRcText, used by the extension)', () => {
    assert.equal(rcFormatOf('/x/.bizflowrc.json'), 'json');
    assert.equal(rcFormatOf('.bizflowrc.yaml'), 'yaml');
    assert.equal(rcFormatOf('.bizflowrc.yml'), 'yaml');
    assert.equal(parseRcText('{rules: {}}', '.bizflowrc.json').fatal, true);
    assert.equal(parseRcText('{rules: {}}', '.bizflowrc.yml').fatal, false);
  });

  it('never throws, whatever the text', function () {
    this.timeout(30_000);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('json' as const, 'yaml' as const), (text, format) => {
        const r = parseRcFile(text, { format });
        for (const p of r.problems) {
          assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length);
        }
      }),
      { numRuns: 200 },
    );
    const structured = fc.dictionary(
      fc.constantFrom('extends', 'rules', 'x'),
      fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null)))),
    );
    fc.assert(
      fc.property(structured, (obj) => {
        const r = parseRcFile(JSON.stringify(obj), { format: 'json' });
        assert.equal(r.fatal, false);
      }),
      { numRuns: 200 },
    );
  });

  it('produces a layer the engine applies: a rule turned off is silent', () => {
    const file = 'bizflow: 1\nprocess:\n  name: P\n  owner: nobody\nroles:\n  sales:\n    name: S\nsteps:\n  s1:\n    name: A\n    type: start\n    role: sales\n    next: e\n  e:\n    name: E\n    type: end\n';
    const codes = (config: RcParseResult['config'][]) => analyze(file, { config }).diagnostics.map((d) => `${d.code}:${d.severity}`);
    assert.ok(codes([]).includes('ref/unknown-role:error'));
    const off = parseRcFile('rules:\n  ref/unknown-role: off\n');
    assert.ok(!codes([off.config]).some((c) => c.startsWith('ref/unknown-role')));
    const info = parseRcFile('{"rules": {"ref/unknown-role": "info"}}', { format: 'json' });
    assert.ok(codes([info.config]).includes('ref/unknown-role:info'));
  });
});
