import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { analyze, createFacts } from '../../src/core/engine';
import { buildModel } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { RULES } from '../../src/core/rules/index';
import {
  FORMAT,
  contextOf,
  describeKey,
  isRequired,
  keySpec,
  keysFor,
  suggestId,
  suggestWord,
  type Context,
} from '../../src/core/schema';
import { jsonSchemaText, ruleCodes, toJsonSchema } from '../../src/core/schema/json-schema';
import { BASE } from './helpers';
import { itTiming } from './timing';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.resolve(ROOT, 'examples');
const exampleFiles = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.bizflow.yaml'));
const MY_RULES = RULES.filter((r) => /^(yaml|schema)\//.test(r.code));

describe('schema/: the format as data', () => {
  it('lists exactly the keys of the specification, in its order', () => {
    const expected: Record<Context, string[]> = {
      top: ['bizflow', 'process', 'roles', 'data', 'steps', 'requirements', 'rules'],
      process: ['name', 'id', 'owner', 'description'],
      role: ['name', 'department', 'concerns', 'needs'],
      data: ['name', 'owner', 'external'],
      step: ['name', 'type', 'role', 'needs', 'produces', 'attributes', 'next'],
      requirement: ['title', 'from', 'priority', 'status', 'steps', 'sets', 'adds', 'removes', 'agreed', 'depends', 'overrides', 'decidedBy', 'rationale', 'acceptance', 'description', 'reviews', 'source'],
      source: ['who', 'said', 'channel', 'on'],
      review: ['role', 'verdict', 'on', 'fingerprint', 'note'],
    };
    for (const c of Object.keys(expected) as Context[]) {
      assert.deepEqual(keysFor(c).map((k) => k.key), expected[c], c);
      assert.equal(FORMAT[c].keys, keysFor(c));
    }
  });

  it('marks the required keys of the specification', () => {
    const required = (c: Context) => keysFor(c).filter((k) => k.required).map((k) => k.key);
    assert.deepEqual(required('top'), ['bizflow', 'process', 'roles', 'steps']);
    assert.deepEqual(required('process'), ['name']);
    assert.deepEqual(required('role'), ['name']);
    assert.deepEqual(required('data'), []);
    assert.deepEqual(required('step'), ['name']);
    assert.deepEqual(required('requirement'), ['title', 'from', 'priority']);
    const role = keySpec('step', 'role')!;
    assert.equal(isRequired(role, 'task'), true);
    assert.equal(isRequired(role, 'decision'), true);
    assert.equal(isRequired(role, 'start'), false);
    assert.equal(isRequired(role, 'end'), false);
  });

  it('gives types, enum words and reference kinds', () => {
    assert.deepEqual(keySpec('step', 'type')!.type, { kind: 'enum', values: ['start', 'task', 'decision', 'end'], default: 'task' });
    assert.deepEqual(keySpec('requirement', 'priority')!.type, { kind: 'enum', values: ['must', 'should', 'could', 'wont'] });
    assert.deepEqual(keySpec('requirement', 'status')!.type, { kind: 'enum', values: ['proposed', 'accepted', 'rejected', 'done'], default: 'proposed' });
    assert.deepEqual(keySpec('requirement', 'depends')!.type, { kind: 'refList', to: 'requirement' });
    assert.deepEqual(keySpec('role', 'needs')!.type, { kind: 'refList', to: 'data' });
    assert.deepEqual(keySpec('data', 'owner')!.type, { kind: 'ref', to: 'role' });
    assert.deepEqual(keySpec('data', 'external')!.type, { kind: 'boolean' });
    assert.deepEqual(keySpec('top', 'steps')!.type, { kind: 'items', item: 'step' });
    assert.equal(keySpec('step', 'priority'), undefined);
  });

  it('describes every key in English and Chinese (sentences, full-width punctuation in Chinese)', () => {
    for (const c of Object.keys(FORMAT) as Context[]) {
      for (const k of keysFor(c)) {
        assert.match(k.description.en, /^[A-Za-z`"'].*\.$/, `${c}.${k.key} en`);
        assert.match(k.description.zh, /[\u4e00-\u9fff]/, `${c}.${k.key} zh`);
        assert.match(k.description.zh, /。$/, `${c}.${k.key} zh ends with 。`);
        assert.doesNotMatch(k.description.zh, /[,;()]|\s“|”\s/, `${c}.${k.key} zh punctuation`);
      }
    }
  });

  it('resolves paths for completion and hover', () => {
    assert.equal(contextOf([]), 'top');
    assert.equal(contextOf(['process']), 'process');
    assert.equal(contextOf(['roles', 'sales']), 'role');
    assert.equal(contextOf(['data', 'd']), 'data');
    assert.equal(contextOf(['steps', 'pick']), 'step');
    assert.equal(contextOf(['requirements', 'R1']), 'requirement');
    assert.equal(contextOf(['steps']), undefined);
    assert.equal(contextOf(['steps', 'pick', 'attributes']), undefined);
    assert.equal(contextOf(['nope', 'x']), undefined);
    assert.equal(describeKey(['steps', 'pick', 'role'])!.description.en, 'The role whose lane the step is in (a role id); required for task and decision steps.');
    assert.equal(describeKey(['process', 'owner'])!.key, 'owner');
    assert.equal(describeKey(['roles'])!.key, 'roles');
    assert.equal(describeKey(['steps', 'pick', 'attributes', 'mode']), undefined);
    assert.equal(describeKey([]), undefined);
  });

  it('knows the rule codes for rules:', () => {
    assert.deepEqual(ruleCodes(), RULES.map((r) => r.code));
    assert.ok(ruleCodes().includes('conflict/contradiction'));
  });

  it('suggests words and ids', () => {
    assert.equal(suggestWord('warn', ['off', 'info', 'warning', 'error']), 'warning');
    assert.equal(suggestWord('Must', ['must', 'should']), 'must');
    assert.equal(suggestWord('no-start', ruleCodes()), 'flow/no-start');
    assert.equal(suggestWord('zzzz', ['must', 'should']), undefined);
    assert.equal(suggestId('credit check'), 'credit-check');
    assert.equal(suggestId('REQ 001 '), 'REQ-001');
    assert.equal(suggestId('1st'), undefined);
    assert.equal(suggestId('信用审核'), undefined);
    assert.equal(suggestId('ok'), undefined);
  });
});

describe('schema/: JSON Schema', () => {
  it('the committed schemas/bizflow.schema.json is the generated output (run: npx tsx scripts/gen-json-schema.mjs)', () => {
    const file = path.join(ROOT, 'schemas', 'bizflow.schema.json');
    assert.ok(fs.existsSync(file), 'schemas/bizflow.schema.json is missing');
    assert.equal(fs.readFileSync(file, 'utf8'), jsonSchemaText('en'));
  });

  it('is a draft-07 schema with the format keys, required keys and rule codes', () => {
    const s = toJsonSchema('en') as any;
    assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(s.properties), keysFor('top').map((k) => k.key));
    assert.deepEqual(s.required, ['bizflow', 'process', 'roles', 'steps']);
    assert.equal(s.additionalProperties, false);
    assert.deepEqual(Object.keys(s.definitions.step.properties), keysFor('step').map((k) => k.key));
    assert.deepEqual(s.definitions.requirement.required, ['title', 'from', 'priority']);
    assert.deepEqual(Object.keys(s.properties.rules.properties), ruleCodes());
    assert.equal(s.properties.roles.propertyNames.pattern, '^[A-Za-z][A-Za-z0-9_-]*$');
  });

  it('carries the descriptions of the requested locale', () => {
    const en = toJsonSchema('en') as any;
    const zh = toJsonSchema('zh-CN') as any;
    assert.equal(en.definitions.step.properties.name.description, keySpec('step', 'name')!.description.en);
    assert.equal(zh.definitions.step.properties.name.description, keySpec('step', 'name')!.description.zh);
  });

  describe('validates like the linter (with ajv, when installed)', () => {
    let Ajv: any;
    try {
      // ajv is not a direct dependency: use it when present, skip otherwise
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      Ajv = require('ajv');
      Ajv = Ajv.default ?? Ajv;
    } catch {
      Ajv = undefined;
    }
    const validator = () => new Ajv({ strict: false, allErrors: true }).compile(toJsonSchema('en'));

    it('accepts the example files and the minimal file', function () {
      assert.ok(Ajv, 'ajv is a devDependency');
      const validate = validator();
      assert.ok(validate(parseYaml(BASE)), JSON.stringify(validate.errors));
      assert.ok(exampleFiles.length, 'the shared examples are beside the repo');
      for (const f of exampleFiles) {
        const ok = validate(parseYaml(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')));
        assert.ok(ok, f + ' ' + JSON.stringify(validate.errors));
      }
    });

    it('rejects what the schema rules reject', function () {
      assert.ok(Ajv, 'ajv is a devDependency');
      const validate = validator();
      const bad = [
        BASE.replace('bizflow: 1', 'bizflow: 2'),
        BASE.replace('    role: sales\n', ''), // a start step may lack a role…
        BASE.replace('    type: start\n    role: sales\n', ''), // …but not a task
        BASE.replace('type: start', 'type: decision'), // a decision's next is a map
        BASE.replace('next: e1', 'next: {a: e1}'), // only a decision's
        BASE.replace('  sales:', '  sa les:'),
        BASE.replace('    name: Start', '    nmae: Start'),
        BASE + 'rules:\n  flow/no-start: warn\n',
        BASE + 'rules:\n  flow/nope: off\n',
        BASE + 'data:\n  d: { external: yes }\n',
        BASE + 'requirements:\n  R: { title: T, from: sales, priority: must, sets: { nodot: 1 } }\n',
        BASE + 'requirements:\n  R: { title: T, from: sales, priority: must, steps: s1 }\n',
      ];
      // the second sample is valid; every other one is rejected, and our rules agree
      bad.forEach((text, i) => {
        const valid = validate(parseYaml(text));
        const ours = analyze(text, { rules: MY_RULES }).diagnostics.length === 0;
        assert.equal(valid, i === 1, `sample ${i}: ajv says ${valid}`);
        assert.equal(ours, i === 1, `sample ${i}: the schema rules say ${ours}`);
      });
    });
  });
});

describe('schema/: the shared walks', () => {
  it('finds nothing in the example files', function () {
    assert.ok(exampleFiles.length, 'the shared examples are beside the repo');
    for (const f of exampleFiles) {
      const text = fs.readFileSync(path.join(EXAMPLES, f), 'utf8');
      assert.deepEqual(analyze(text, { rules: MY_RULES }).diagnostics, [], f);
    }
  });

  it('is computed once per analysis (facts object), and afresh for another', () => {
    const model = buildModel(parseText(BASE + 'x: 1\n'));
    const facts = createFacts(model);
    assert.equal(facts.schema, facts.schema);
    assert.equal(facts.yamlTree, facts.yamlTree);
    assert.equal(facts.schema['schema/unknown-key'].length, 1);
    const other = createFacts(model);
    assert.notEqual(other.schema, facts.schema);
    assert.deepEqual(other.schema, facts.schema);
  });

  it('never throws and never makes a rule fail, on any YAML of the yaml-test-suite', function () {
    const dir = path.resolve(ROOT, 'test', 'fixtures', 'yaml-test-suite', 'cases');
    assert.ok(fs.existsSync(dir), dir);
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const d = analyze(text, { rules: MY_RULES }).diagnostics;
      assert.ok(!d.some((x) => x.code === 'bizflow/internal-error'), f);
    }
  });

  it('never throws on random mutations of a valid file', () => {
    const base = BASE + 'requirements:\n  R1:\n    title: T\n    from: sales\n    priority: must\n    sets: { s1.mode: x }\nrules:\n  flow/no-start: off\n';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.length }), fc.integer({ min: 0, max: 8 }), fc.string({ maxLength: 8 }), (at, cut, insert) => {
        const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut));
        const d = analyze(text, { rules: MY_RULES }).diagnostics;
        return !d.some((x) => x.code === 'bizflow/internal-error') && d.every((x) => x.span.start <= x.span.end && x.span.end <= text.length);
      }),
      { numRuns: 300 },
    );
  });

  itTiming('is linear: a 10,000-step file with 5,000 aliases is walked quickly', function () {
    this.timeout(30000); // parsing the file is not what is measured here
    let big = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  r: &r\n    name: R\nsteps:\n';
    for (let i = 0; i < 10000; i++) big += `  s${i}:\n    name: S\n    role: ${i % 2 ? '*r' : 'r'}\n    needs: [a, b]\n    attributes: { mode: manual }\n    next: s${i + 1}\n`;
    const model = buildModel(parseText(big));
    const facts = createFacts(model);
    const f = facts.schema;
    facts.yamlTree;
    // 5000 aliases to the role map are ref type errors (a map is not a role id), each reported once
    assert.equal(f['schema/type'].length, 5000);
  });

  it('does not expand an alias bomb or loop on a self-referencing anchor', () => {
    let t = 'bizflow: 1\nprocess: {name: P}\nroles: &a {r: {name: R, concerns: [x, x]}}\nsteps: {}\n';
    for (let i = 0; i < 30; i++) t += `k${i}: &k${i} [${Array(10).fill(i ? `*k${i - 1}` : '*a').join(', ')}]\n`;
    t += 'data: &self { d: { name: *self } }\n';
    const d = analyze(t, { rules: MY_RULES }).diagnostics;
    assert.ok(!d.some((x) => x.code === 'bizflow/internal-error'));
    assert.equal(d.filter((x) => x.code === 'schema/unknown-key').length, 30);
    assert.equal(d.filter((x) => x.code === 'schema/type').length, 1); // name: *self is a map, not text
  });
});
