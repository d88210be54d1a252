/**
 * `--format sarif` against the OASIS SARIF 2.1.0 JSON schema (a copy in
 * test/fixtures/sarif), and the exact region of a finding that spans several
 * lines (a swap of start and end lines must not go unnoticed).
 */
import { strict as assert } from 'assert';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtures, orderExample, p2pExample, removeTree, repoRoot, run, tempTree } from '../../fixtures/cli/harness';

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
// the schema's language pattern is not a valid `u` regular expression, hence unicodeRegExp: false
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const MULTI_LINE = `bizflow: 1
process:
  name: x
roles:
  a: { name: A }
steps:
  s:
    name:
      - one
      - two
    type: start
    role: a
    next: e
  e: { name: E, type: end, role: a }
`;

async function sarif(args: string[], cwd = repoRoot): Promise<any> {
  const r = await run(['lint', '--format', 'sarif', ...args], { cwd });
  assert.ok(r.code === 0 || r.code === 1, r.err);
  return JSON.parse(r.out);
}

describe('bizflow lint --format sarif', () => {
  it('is valid SARIF 2.1.0 on the examples, the CLI fixtures and both locales', async () => {
    for (const args of [[orderExample], [p2pExample], [fixtures], ['--locale', 'zh-CN', orderExample]]) {
      const log = await sarif(args);
      assert.ok(validate(log), `${args.join(' ')}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });

  it('the schema check itself rejects a log with a bad region', () => {
    const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] };
    assert.equal(validate(bad), false);
  });

  it('gives a finding over several lines its exact start and end (1-based, end after start)', async () => {
    const dir = tempTree({ 'multi.bizflow.yaml': MULTI_LINE });
    try {
      const log = await sarif(['multi.bizflow.yaml'], dir);
      assert.equal(validate(log), true, JSON.stringify(validate.errors));
      const results = log.runs[0].results;
      assert.equal(results.length, 1);
      assert.equal(results[0].ruleId, 'schema/type');
      // the list value `- one⏎      - two⏎`: from line 9 column 7 to the start of line 11
      assert.deepEqual(results[0].locations[0].physicalLocation.region, { startLine: 9, startColumn: 7, endLine: 11, endColumn: 1 });
    } finally {
      removeTree(dir);
    }
  });
});
