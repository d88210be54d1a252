import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generate } from '../../scripts/gen-docs';
import { RULES } from '../../src/core/rules/index';

const ROOT = path.resolve(__dirname, '../..');

describe('documentation', () => {
  it('docs/rules.md and the README rule table match the rule catalogue (run npx tsx scripts/gen-docs.ts)', () => {
    const { rules, readme } = generate();
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8'), rules);
    assert.equal(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), readme);
  });

  it('every rule has a real description in both languages', () => {
    for (const r of RULES) {
      assert.ok(r.description.en.length > 20 && !/TODO/.test(r.description.en), r.code);
      assert.ok(r.description.zh.length > 5 && !/TODO/.test(r.description.zh), r.code);
    }
  });

  it('the catalogue has exactly the codes of the specification', () => {
    // the 32 codes of the specification, the 2 review rules and the 4 typing-mistake rules of issue 11
    assert.equal(RULES.length, 38);
    assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
  });
});
