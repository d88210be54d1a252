/** `lint --format junit` (JUnit XML) and `--format gitlab` (GitLab Code Quality). */
import { strict as assert } from 'assert';
import * as path from 'node:path';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/positions';
import type { Diagnostic } from '../../../src/core/types';
import { formatGitlab, toCodeQuality } from '../../../src/cli/format-gitlab';
import { formatJunit, xmlAttr, xmlText } from '../../../src/cli/format-junit';
import type { FileResult } from '../../../src/cli/results';
import { CLEAN, fixtures, removeTree, repoRoot, run, tempTree } from '../../fixtures/cli/harness';

const mixed = path.join(fixtures, 'mixed.bizflow.yaml');
const warnings = path.join(fixtures, 'warnings.bizflow.yaml');

/** The part of sax's API used here (sax comes with @vscode/vsce's xml2js and has no bundled types). */
interface SaxParser {
  onerror(e: Error): void;
  onopentag(t: { name: string; attributes: Record<string, string> }): void;
  onclosetag(name: string): void;
  ontext(t: string): void;
  write(s: string): { close(): void };
}
// sax in strict mode is an independent XML parser: whatever it reads back is what a JUnit reader sees.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sax = require('sax') as { parser(strict: true, opts: object): SaxParser };

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** Parses XML strictly; throws on anything not well-formed. */
function parseXml(xml: string): El {
  const parser = sax.parser(true, {});
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.onerror = (e: Error) => {
    throw e;
  };
  parser.onopentag = (t) => {
    const el: El = { name: t.name, attrs: t.attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (t) => void (stack[stack.length - 1].text += t);
  parser.write(xml).close();
  assert.equal(root.children.length, 1, 'one root element');
  return root.children[0];
}

/** Characters XML 1.0 does not allow. */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function result(filePath: string, text: string, diagnostics: Diagnostic[]): FileResult {
  return { filePath, text, diagnostics, lines: new LineIndex(text) };
}

const diag = (code: string, severity: Diagnostic['severity'], message: string, start: number, end = start + 1): Diagnostic => ({
  code,
  severity,
  message,
  span: { start, end },
});

describe('cli lint: --format junit', function () {
  this.timeout(20_000);
  it('one testsuite per file, one testcase per diagnostic (ESLint junit shape), a passing case for a clean file', async () => {
    const dir = tempTree({ 'a/clean.bizflow.yaml': CLEAN });
    try {
      const r = await run(['lint', '--format', 'junit', mixed, path.join(dir, 'a/clean.bizflow.yaml')], { cwd: repoRoot });
      assert.equal(r.err, '');
      assert.equal(r.code, 1);
      assert.ok(r.out.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites '));
      const root = parseXml(r.out);
      assert.equal(root.name, 'testsuites');
      assert.equal(root.children.length, 2);
      const [s1, s2] = root.children;
      assert.equal(s1.name, 'testsuite');
      assert.equal(s1.attrs.name, 'test/fixtures/cli/mixed.bizflow.yaml');
      const json = JSON.parse((await run(['lint', '--format', 'json', mixed])).out)[0];
      assert.equal(s1.children.length, json.messages.length);
      assert.equal(Number(s1.attrs.tests), json.messages.length);
      assert.equal(Number(s1.attrs.failures), json.errorCount + json.warningCount);
      json.messages.forEach((m: any, i: number) => {
        const tc = s1.children[i];
        assert.equal(tc.name, 'testcase');
        assert.equal(tc.attrs.name, `bizflow.${m.ruleId}`);
        assert.equal(tc.attrs.classname, 'test/fixtures/cli/mixed');
        const sev = { 2: 'Error', 1: 'Warning', 0: 'Info' }[m.severity as 0 | 1 | 2];
        const detail = `line ${m.line}, col ${m.column}, ${sev} - ${m.message} (${m.ruleId})`;
        if (m.severity === 0) {
          assert.equal(tc.children[0].name, 'system-out');
          assert.equal(tc.children[0].text, detail);
        } else {
          assert.equal(tc.children.length, 1);
          const f = tc.children[0];
          assert.equal(f.name, 'failure');
          assert.equal(f.attrs.type, m.severity === 2 ? 'error' : 'warning');
          assert.equal(f.attrs.message, m.message);
          assert.equal(f.text, detail);
        }
      });
      // the clean file: absolute path (outside the working folder), one passing case
      assert.equal(s2.attrs.name, path.join(dir, 'a/clean.bizflow.yaml'));
      assert.equal(s2.attrs.failures, '0');
      assert.equal(s2.children.length, 1);
      assert.equal(s2.children[0].children.length, 0, 'no failure');
      assert.equal(Number(root.attrs.tests), s1.children.length + 1);
      assert.equal(root.attrs.failures, s1.attrs.failures);
    } finally {
      removeTree(dir);
    }
  });

  it('warnings only: exit 0, failures still listed', async () => {
    const r = await run(['lint', '-f', 'junit', warnings]);
    assert.equal(r.code, 0);
    const suite = parseXml(r.out).children[0];
    assert.ok(suite.children.some((c) => c.children[0]?.attrs.type === 'warning'));
    assert.ok(!suite.children.some((c) => c.children[0]?.attrs.type === 'error'));
  });

  it('escapes hostile text: markup, quotes, line breaks, CDATA ends, control characters, lone surrogates', () => {
    const hostile = `a<b>&c"d'e]]><![CDATA[x]]>\u0001\u0000\uFFFE\uD800z\r\n\tq </testcase></testsuites><!-- 😀`;
    const xml = formatJunit(
      [result(`/w/x "<&'>\n.bizflow.yaml`, 'a: 1\n', [diag(`rule/"<&>`, 'error', hostile, 0)])],
      '/w',
    );
    assert.ok(!NOT_XML.test(xml), 'only XML 1.0 characters');
    const tc = parseXml(xml).children[0].children[0];
    const clean = hostile.replace(/\u0001|\u0000|\uFFFE|\uD800/g, '\uFFFD');
    const oneLine = clean.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    assert.equal(tc.attrs.name, 'bizflow.rule/"<&>');
    assert.equal(tc.attrs.classname, `x "<&'>\n`);
    assert.equal(tc.children[0].attrs.message, oneLine);
    assert.ok(tc.children[0].text.includes(oneLine));
  });

  it('writes a message on one line: line breaks with the spaces around them become one space, and none is left at either end', () => {
    const xml = formatJunit([result('/w/a.bizflow.yaml', 'a: 1\n', [diag('r/x', 'error', '\n  first\n\n  second \r\n\tthird\r\n', 0)])], '/w');
    const failure = parseXml(xml).children[0].children[0].children[0];
    assert.equal(failure.attrs.message, 'first second third');
  });

  it('xmlAttr/xmlText round-trip any string through a strict parser (property)', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const want = s.replace(new RegExp(NOT_XML.source, 'g'), '\uFFFD');
        const el = parseXml(`<a x="${xmlAttr(s)}" y='${xmlAttr(s)}'>${xmlText(s)}</a>`);
        assert.equal(el.attrs.x, want);
        assert.equal(el.attrs.y, want);
        assert.equal(el.text, want);
      }),
      { numRuns: 500 },
    );
  });

  it('no files with diagnostics and no files at all are still well-formed', () => {
    const root = parseXml(formatJunit([], '/'));
    assert.equal(root.attrs.tests, '0');
  });
});

describe('cli lint: --format gitlab', function () {
  this.timeout(20_000);
  it('GitLab Code Quality fields for every diagnostic, paths relative, severities mapped', async () => {
    const r = await run(['lint', '--format', 'gitlab', mixed]);
    assert.equal(r.err, '');
    assert.equal(r.code, 1);
    const issues = JSON.parse(r.out);
    const json = JSON.parse((await run(['lint', '--format', 'json', mixed])).out)[0];
    assert.equal(issues.length, json.messages.length);
    issues.forEach((is: any, i: number) => {
      const m = json.messages[i];
      assert.deepEqual(Object.keys(is).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.equal(is.description, m.message);
      assert.equal(is.check_name, m.ruleId);
      assert.equal(is.severity, { 2: 'major', 1: 'minor', 0: 'info' }[m.severity as 0 | 1 | 2]);
      assert.deepEqual(is.location, { path: 'test/fixtures/cli/mixed.bizflow.yaml', lines: { begin: m.line } });
      assert.match(is.fingerprint, /^[0-9a-f]{32}$/);
    });
    assert.equal(new Set(issues.map((i: any) => i.fingerprint)).size, issues.length, 'unique fingerprints');
  });

  it('paths are relative to $CI_PROJECT_DIR when set', async () => {
    const r = await run(['lint', '--format', 'gitlab', mixed], { env: { CI_PROJECT_DIR: path.join(repoRoot, 'test') } });
    for (const is of JSON.parse(r.out)) assert.equal(is.location.path, 'fixtures/cli/mixed.bizflow.yaml');
  });

  it('a clean run is an empty array', async () => {
    const dir = tempTree({ 'ok.bizflow.yaml': CLEAN });
    try {
      const r = await run(['lint', '--format', 'gitlab', '.'], { cwd: dir });
      assert.equal(r.code, 0);
      assert.equal(r.out, '[]\n');
    } finally {
      removeTree(dir);
    }
  });

  it('fingerprints survive lines inserted above, change with the path, the code, the message or the line content', () => {
    const text = 'a: 1\nb: oops\nc: 3\n';
    const at = text.indexOf('oops');
    const base = toCodeQuality([result('/p/f.bizflow.yaml', text, [diag('x/y', 'error', 'bad', at)])], '/p')[0];
    const moved = '# new\n\n' + text;
    const shifted = toCodeQuality([result('/p/f.bizflow.yaml', moved, [diag('x/y', 'error', 'bad', moved.indexOf('oops'))])], '/p')[0];
    assert.equal(shifted.fingerprint, base.fingerprint);
    assert.equal(shifted.location.lines.begin, base.location.lines.begin + 2);
    // indentation changes and CRLF do not matter either
    const crlf = 'a: 1\r\n  b: oops   \r\nc: 3\r\n';
    assert.equal(
      toCodeQuality([result('/p/f.bizflow.yaml', crlf, [diag('x/y', 'error', 'bad', crlf.indexOf('oops'))])], '/p')[0].fingerprint,
      base.fingerprint,
    );
    const other = [
      toCodeQuality([result('/p/g.bizflow.yaml', text, [diag('x/y', 'error', 'bad', at)])], '/p')[0],
      toCodeQuality([result('/p/f.bizflow.yaml', text, [diag('x/z', 'error', 'bad', at)])], '/p')[0],
      toCodeQuality([result('/p/f.bizflow.yaml', text, [diag('x/y', 'error', 'worse', at)])], '/p')[0],
      toCodeQuality([result('/p/f.bizflow.yaml', text.replace('oops', 'oops!'), [diag('x/y', 'error', 'bad', at)])], '/p')[0],
    ];
    for (const o of other) assert.notEqual(o.fingerprint, base.fingerprint);
    // severity is not part of the identity (a rule configured from warning to error is the same issue)
    assert.equal(toCodeQuality([result('/p/f.bizflow.yaml', text, [diag('x/y', 'warning', 'bad', at)])], '/p')[0].fingerprint, base.fingerprint);
  });

  it('identical issues on identical lines get distinct, stable fingerprints', () => {
    const text = 'x: same\nx: same\n';
    const ds = [diag('k', 'warning', 'dup', 0), diag('k', 'warning', 'dup', 8)];
    const a = toCodeQuality([result('/p/f.bizflow.yaml', text, ds)], '/p');
    const b = toCodeQuality([result('/p/f.bizflow.yaml', text, ds)], '/p');
    assert.notEqual(a[0].fingerprint, a[1].fingerprint);
    assert.deepEqual(a, b);
  });

  it('hostile messages stay valid JSON on one line', () => {
    const out = formatGitlab([result('/p/f.bizflow.yaml', 'a\n', [diag('k', 'info', '"\\\n\u0000</x>', 0)])], '/p');
    assert.equal(JSON.parse(out)[0].description, '"\\ \u0000</x>');
  });
});
