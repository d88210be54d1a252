/**
 * Acceptance test on the shared example files: procure-to-pay is clean, and
 * order-fulfilment produces exactly the diagnostics listed in the examples'
 * README (codes and 1-based lines, nothing more). The examples live beside
 * the repository, in `examples/` (the files `npm start` opens).
 */
import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/engine';
import { LineIndex } from '../../src/core/positions';

const DIR = path.resolve(__dirname, '../../examples');

function diagnosticsOf(name: string, locale: 'en' | 'zh-CN' = 'en'): string[] {
  const text = readFileSync(path.join(DIR, name), 'utf8');
  const idx = new LineIndex(text);
  return analyze(text, { locale }).diagnostics.map((d) => `${idx.oneBased(d.span).line} ${d.code}`);
}

/** `| 25 | \`data/not-produced\` | why |` rows of the README's table. */
function expectedTable(): string[] {
  const readme = readFileSync(path.join(DIR, 'README.md'), 'utf8');
  const rows: string[] = [];
  for (const line of readme.split(/\r?\n/)) {
    const m = /^\|\s*(\d+)\s*\|\s*`([^`]+)`\s*\|/.exec(line);
    if (m) rows.push(`${m[1]} ${m[2]}`);
  }
  return rows;
}

const sorted = (xs: string[]) => [...xs].sort((a, b) => parseInt(a) - parseInt(b) || (a < b ? -1 : a > b ? 1 : 0));

describe('example files', () => {
  it('are in the repository', () => {
    assert.ok(existsSync(path.join(DIR, 'procure-to-pay.bizflow.yaml')), `missing examples in ${DIR}`);
    assert.ok(existsSync(path.join(DIR, 'order-fulfilment.bizflow.yaml')));
  });

  it('procure-to-pay produces no diagnostic at all', () => {
    assert.deepEqual(diagnosticsOf('procure-to-pay.bizflow.yaml'), []);
    assert.deepEqual(diagnosticsOf('procure-to-pay.bizflow.yaml', 'zh-CN'), []);
  });

  it('order-fulfilment produces exactly the table of the README', () => {
    const expected = expectedTable();
    assert.ok(expected.length >= 10, `could not read the README table (${expected.length} rows)`);
    assert.deepEqual(sorted(diagnosticsOf('order-fulfilment.bizflow.yaml')), sorted(expected));
    assert.deepEqual(sorted(diagnosticsOf('order-fulfilment.bizflow.yaml', 'zh-CN')), sorted(expected));
  });
});
