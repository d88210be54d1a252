import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { RULES } from '../../../src/core/rules/index';
import {
  CLEAN,
  examples,
  fixtures,
  orderExample,
  p2pExample,
  removeTree,
  repoRoot,
  run,
  tempTree,
} from '../../fixtures/cli/harness';

const oneError = path.join(fixtures, 'one-error.bizflow.yaml');
const mixed = path.join(fixtures, 'mixed.bizflow.yaml');
const warnings = path.join(fixtures, 'warnings.bizflow.yaml');

/** The keys of an object, sorted. */
const keys = (o: object) => Object.keys(o).sort();

const isPosInt = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1;

/** Checks one result object against ESLint's JSON formatter shape, field by field. */
function assertEslintResult(r: any, text: string): void {
  assert.deepEqual(keys(r), [
    'errorCount',
    'fatalErrorCount',
    'filePath',
    'fixableErrorCount',
    'fixableWarningCount',
    'infoCount',
    'messages',
    'suppressedMessages',
    'usedDeprecatedRules',
    'warningCount',
  ]);
  assert.equal(typeof r.filePath, 'string');
  assert.ok(path.isAbsolute(r.filePath), 'absolute filePath');
  assert.ok(Array.isArray(r.messages));
  assert.deepEqual(r.suppressedMessages, []);
  assert.deepEqual(r.usedDeprecatedRules, []);
  for (const k of ['errorCount', 'fatalErrorCount', 'warningCount', 'infoCount', 'fixableErrorCount', 'fixableWarningCount']) {
    assert.ok(Number.isInteger(r[k]) && r[k] >= 0, k);
  }
  assert.equal(r.fatalErrorCount, 0);
  assert.equal(r.fixableErrorCount, 0);
  assert.equal(r.fixableWarningCount, 0);
  assert.equal(r.errorCount, r.messages.filter((m: any) => m.severity === 2).length);
  assert.equal(r.warningCount, r.messages.filter((m: any) => m.severity === 1).length);
  assert.equal(r.infoCount, r.messages.filter((m: any) => m.severity === 0).length);
  const lines = text.split(/\r\n|\r|\n/);
  for (const m of r.messages) {
    assert.deepEqual(keys(m), ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
    assert.equal(typeof m.ruleId, 'string');
    assert.ok([0, 1, 2].includes(m.severity));
    assert.equal(typeof m.message, 'string');
    assert.ok(m.message.length > 0);
    for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(isPosInt(m[k]), `${k} = ${m[k]} is 1-based`);
    assert.ok(m.line <= lines.length && m.endLine <= lines.length + 1);
    assert.ok(m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column));
    assert.ok(m.column <= lines[m.line - 1].length + 1, 'column inside the line');
  }
}

describe('cli lint: text format', () => {
  it('prints path:line:col  severity  message  [code] with a path relative to cwd, and a summary', async () => {
    const { code, out, err } = await run(['lint', 'test/fixtures/cli/one-error.bizflow.yaml']);
    assert.equal(err, '');
    assert.equal(code, 1);
    assert.equal(
      out,
      'test/fixtures/cli/one-error.bizflow.yaml:5:10  error    Unknown role "slaes". Did you mean "sales"?  [ref/unknown-role]\n' +
        '\n✖ 1 problem (1 error, 0 warnings, 0 info)\n',
    );
  });

  it('counts errors, warnings and infos in the summary and groups diagnostics by file', async () => {
    const { code, out } = await run(['lint', mixed, oneError], { cwd: fixtures });
    assert.equal(code, 1);
    const blocks = out.split('\n\n');
    assert.equal(blocks.length, 3, out);
    assert.ok(blocks[0].split('\n').every((l) => l.startsWith('mixed.bizflow.yaml:')), blocks[0]);
    assert.deepEqual(
      blocks[0].split('\n').map((l) => l.replace(/^(\S+)\s+(\S+)\s.*\[(.+)\]$/, '$1 $2 $3')),
      [
        'mixed.bizflow.yaml:5:10 error ref/unknown-role',
        'mixed.bizflow.yaml:9:3 warning role/unused',
        'mixed.bizflow.yaml:11:3 warning role/unused',
        'mixed.bizflow.yaml:18:16 info data/unused',
      ],
    );
    assert.match(blocks[1], /^one-error\.bizflow\.yaml:5:10 {2}error {4}Unknown role/);
    assert.equal(blocks[2], '✖ 5 problems (2 errors, 2 warnings, 1 info)\n');
  });

  it('says ✔ no problems for a clean file (the finished example) and exits 0', async () => {
    const { code, out, err } = await run(['lint', p2pExample]);
    assert.equal(err, '');
    assert.equal(out, '✔ no problems\n');
    assert.equal(code, 0);
  });

  it('lists related locations under a conflict', async () => {
    const { out } = await run(['lint', orderExample], { cwd: examples });
    const i = out.indexOf('[conflict/contradiction]');
    assert.ok(i > 0, out);
    const next = out.slice(i).split('\n')[1];
    assert.match(next, /^ {4}↳ order-fulfilment\.bizflow\.yaml:90:7 {2}/);
  });

  it('uses colours only on a terminal and never with NO_COLOR', async () => {
    const tty = await run(['lint', oneError], { isTTY: true });
    assert.match(tty.out, /\x1b\[31merror/);
    const pipe = await run(['lint', oneError], { isTTY: false });
    assert.doesNotMatch(pipe.out, /\x1b\[/);
    const noColor = await run(['lint', oneError], { isTTY: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(noColor.out, /\x1b\[/);
  });
});

describe('cli lint: exit codes', () => {
  it('0 without errors, 1 with errors', async () => {
    assert.equal((await run(['lint', warnings])).code, 0);
    assert.equal((await run(['lint', oneError])).code, 1);
  });

  it('--max-warnings: 1 when warnings exceed N, 0 at N, also with --max-warnings=N', async () => {
    const over = await run(['lint', '--max-warnings', '1', warnings]);
    assert.equal(over.code, 1);
    assert.match(over.err, /^bizflow: too many warnings: 2 \(maximum: 1\)\.\n$/);
    assert.equal((await run(['lint', '--max-warnings', '2', warnings])).code, 0);
    assert.equal((await run(['lint', '--max-warnings=0', warnings])).code, 1);
    assert.equal((await run(['lint', '--max-warnings', '-1', warnings])).code, 0);
    // infos do not count as warnings
    const root = tempTree({ 'info.bizflow.yaml': CLEAN.replace('    role: sales\n', '    role: sales\n    produces: [memo]\n') });
    try {
      const infoOnly = await run(['lint', '--max-warnings', '0', 'info.bizflow.yaml'], { cwd: root });
      assert.match(infoOnly.out, /✖ 1 problem \(0 errors, 0 warnings, 1 info\)/);
      assert.equal(infoOnly.code, 0);
    } finally {
      removeTree(root);
    }
  });

  it('--max-warnings with errors is still 1, and the message goes to stderr, not stdout', async () => {
    const r = await run(['lint', '--format', 'json', '--max-warnings', '0', mixed]);
    assert.equal(r.code, 1);
    JSON.parse(r.out);
  });

  it('2 for bad arguments, with one line on stderr and nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['lint'], /no PATH given/],
      [['lint', '--format', 'xml', oneError], /invalid value "xml" for --format: use "text", "json", "sarif", "junit" or "gitlab"/],
      [['lint', '--fromat', 'json', oneError], /unknown option "--fromat"\. Did you mean "--format"\?/],
      [['lint', '--max-warnings', 'many', oneError], /--max-warnings needs a whole number/],
      [['lint', '--max-warnings', '1.5', oneError], /--max-warnings needs a whole number/],
      [['lint', oneError, '--max-warnings'], /option "--max-warnings" needs a value/],
      [['lint', '--format', 'json', '--format', 'text', oneError], /given more than once/],
      [['lnt', oneError], /unknown command "lnt"\. Did you mean "lint"\?/],
      [['--bogus'], /no command given/],
      [['lint', '--locale', 'fr', oneError], /invalid value "fr" for --locale/],
    ];
    for (const [argv, re] of cases) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '', argv.join(' '));
      assert.match(r.err, /^bizflow: [^\n]+\n$/, argv.join(' '));
      assert.match(r.err, re, argv.join(' '));
    }
  });

  it('2 for a missing file, whose error is reported while the other files are still linted', async () => {
    const r = await run(['lint', oneError, 'no/such.bizflow.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.out, /one-error\.bizflow\.yaml:5:10 +error +Unknown role "slaes"/);
    assert.equal(r.err, 'bizflow: cannot find "no/such.bizflow.yaml": no such file or folder.\n');
  });

  it('2 for a binary file, and for a folder without BizFlow files', async () => {
    const root = tempTree({ 'img.bizflow.yaml': Buffer.from([0x89, 0x50, 0x00, 0x00]), 'empty/readme.md': 'x' });
    try {
      const bin = await run(['lint', 'img.bizflow.yaml'], { cwd: root });
      assert.equal(bin.code, 2);
      assert.equal(bin.err, 'bizflow: "img.bizflow.yaml" is a binary file, not UTF-8 text.\n');
      const empty = await run(['lint', 'empty'], { cwd: root });
      assert.equal(empty.code, 2);
      assert.match(empty.err, /no BizFlow files .* found in "empty"/);
    } finally {
      removeTree(root);
    }
  });

  it('--help and --version', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /bizflow lint \[options\] PATH\.\.\./);
    assert.match(help.out, /--max-warnings N/);
    assert.equal((await run(['lint', '--help'])).code, 0);
    const v = await run(['--version']);
    assert.equal(v.out, `${version}\n`);
    assert.equal(v.code, 0);
    const none = await run([]);
    assert.equal(none.code, 2);
    assert.match(none.err, /Usage:/);
  });
});

describe('cli lint: files and folders', () => {
  it('searches folders and lints every BizFlow file in them', async () => {
    const r = await run(['lint', '--format', 'json', examples]);
    const results = JSON.parse(r.out);
    assert.deepEqual(
      results.map((x: any) => path.basename(x.filePath)),
      ['order-fulfilment.bizflow.yaml', 'procure-to-pay.bizflow.yaml'],
    );
  });

  it('reads a file with a BOM and CRLF line ends with the right positions', async () => {
    const text = fs.readFileSync(oneError, 'utf8').replace(/\n/g, '\r\n');
    const root = tempTree({ 'crlf.bizflow.yaml': '\ufeff' + text });
    try {
      const r = await run(['lint', '--format', 'json', 'crlf.bizflow.yaml'], { cwd: root });
      const [m] = JSON.parse(r.out)[0].messages;
      assert.deepEqual([m.line, m.column, m.endLine, m.endColumn], [5, 10, 5, 15]);
    } finally {
      removeTree(root);
    }
  });
});

describe('cli lint: --format json (ESLint shape)', () => {
  it('matches ESLint’s result shape for every file, field by field', async () => {
    const r = await run(['lint', '--format', 'json', mixed, p2pExample, orderExample]);
    assert.equal(r.err, '');
    assert.equal(r.code, 1);
    const results = JSON.parse(r.out);
    assert.ok(Array.isArray(results));
    assert.equal(results.length, 3);
    for (const res of results) assertEslintResult(res, fs.readFileSync(res.filePath, 'utf8'));
    assert.equal(results[0].filePath, mixed);
    assert.deepEqual(results[1].messages, [], 'a clean file is listed with no messages');
    assert.deepEqual(
      [results[0].errorCount, results[0].warningCount, results[0].infoCount],
      [1, 2, 1],
    );
  });

  it('gives exact 1-based positions: the range covers the reported text', async () => {
    const r = await run(['lint', '--format', 'json', oneError]);
    const [res] = JSON.parse(r.out);
    assert.deepEqual(res.messages, [
      {
        ruleId: 'ref/unknown-role',
        severity: 2,
        message: 'Unknown role "slaes". Did you mean "sales"?',
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 15,
      },
    ]);
    const line = fs.readFileSync(oneError, 'utf8').split('\n')[4];
    assert.equal(line.slice(res.messages[0].column - 1, res.messages[0].endColumn - 1), 'slaes');
  });

  it('maps severities to 2 / 1 / 0', async () => {
    const [res] = JSON.parse((await run(['lint', '-f', 'json', mixed])).out);
    assert.deepEqual(
      res.messages.map((m: any) => `${m.ruleId}:${m.severity}`),
      ['ref/unknown-role:2', 'role/unused:1', 'role/unused:1', 'data/unused:0'],
    );
  });

  it('matches the example README table on the order-fulfilment example', async () => {
    const [res] = JSON.parse((await run(['lint', '--format=json', orderExample])).out);
    const got = res.messages.map((m: any) => `${m.line} ${m.ruleId}`).sort();
    const want = [
      '25 data/not-produced',
      '30 data/not-produced',
      '43 data/not-produced',
      '47 handoff/no-data',
      '48 handoff/no-data',
      '61 handoff/no-data',
      '82 conflict/contradiction',
      '90 conflict/contradiction',
      '82 conflict/unagreed-burden',
      '97 conflict/unagreed-burden',
      '104 conflict/unagreed-burden',
      '93 req/no-acceptance',
    ].sort();
    assert.deepEqual(got, want);
  });
});

describe('cli lint: --format sarif', () => {
  async function sarif(argv: string[], cwd = repoRoot) {
    const r = await run(['lint', '--format', 'sarif', ...argv], { cwd });
    assert.equal(r.err, '');
    return { code: r.code, log: JSON.parse(r.out) };
  }

  const isRelativeUri = (u: string) => !/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('/');

  it('has the required SARIF 2.1.0 structure, one run, every rule described', async () => {
    const { code, log } = await sarif([mixed, orderExample]);
    assert.equal(code, 1);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /^https:\/\/.*sarif.*2\.1\.0.*\.json$/);
    assert.equal(log.runs.length, 1);
    const run0 = log.runs[0];
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'BizFlow');
    assert.equal(driver.version, version);
    assert.equal(driver.informationUri, undefined, 'no public home: no informationUri');
    assert.equal(driver.rules.length, RULES.length);
    driver.rules.forEach((rule: any, i: number) => {
      assert.equal(rule.id, RULES[i].code);
      assert.equal(rule.shortDescription.text, RULES[i].description.en);
      assert.equal(rule.helpUri, undefined, 'no public home: no helpUri');
      const want = { error: 'error', warning: 'warning', info: 'note' }[RULES[i].defaultSeverity];
      assert.deepEqual(rule.defaultConfiguration, { level: want });
    });
    assert.equal(run0.originalUriBaseIds.SRCROOT.uri, pathToFileURL(repoRoot).href + '/');

    assert.ok(run0.results.length >= 16);
    for (const res of run0.results) {
      assert.equal(typeof res.ruleId, 'string');
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at the rule');
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.equal(typeof res.message.text, 'string');
      assert.ok(res.message.text.length > 0);
      assert.equal(res.locations.length, 1);
      const pl = res.locations[0].physicalLocation;
      assert.ok(pl.artifactLocation.uri.endsWith('.bizflow.yaml'));
      const reg = pl.region;
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(isPosInt(reg[k]), k);
      for (const rel of res.relatedLocations ?? []) {
        assert.ok(Number.isInteger(rel.id));
        assert.equal(typeof rel.message.text, 'string');
        for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(isPosInt(rel.physicalLocation.region[k]));
      }
    }
    const levels = run0.results.map((r: any) => `${r.ruleId}:${r.level}`);
    assert.ok(levels.includes('ref/unknown-role:error'));
    assert.ok(levels.includes('role/unused:warning'));
    assert.ok(levels.includes('data/unused:note'));
  });

  it('uses URIs relative to cwd (SRCROOT) and the exact region', async () => {
    const { log } = await sarif(['one-error.bizflow.yaml'], fixtures);
    const [res] = log.runs[0].results;
    assert.deepEqual(res.locations[0].physicalLocation, {
      artifactLocation: { uri: 'one-error.bizflow.yaml', uriBaseId: 'SRCROOT' },
      region: { startLine: 5, startColumn: 10, endLine: 5, endColumn: 15 },
    });
    assert.equal(res.ruleId, 'ref/unknown-role');
    assert.equal(res.level, 'error');
  });

  it('uses file: URIs outside cwd and percent-encodes non-ASCII names', async () => {
    const root = tempTree({ '采购 流程.bizflow.yaml': fs.readFileSync(oneError, 'utf8') });
    try {
      const inside = (await sarif(['采购 流程.bizflow.yaml'], root)).log.runs[0].results[0];
      assert.equal(inside.locations[0].physicalLocation.artifactLocation.uri, '%E9%87%87%E8%B4%AD%20%E6%B5%81%E7%A8%8B.bizflow.yaml');
      const outside = (await sarif([path.join(root, '采购 流程.bizflow.yaml')], fixtures)).log.runs[0].results[0];
      const uri = outside.locations[0].physicalLocation.artifactLocation.uri;
      assert.ok(uri.startsWith('file:///'), uri);
      assert.equal(outside.locations[0].physicalLocation.artifactLocation.uriBaseId, undefined);
      assert.equal(decodeURIComponent(new URL(uri).pathname), path.join(root, '采购 流程.bizflow.yaml'));
      assert.ok(isRelativeUri(inside.locations[0].physicalLocation.artifactLocation.uri));
    } finally {
      removeTree(root);
    }
  });

  it('gives conflicts relatedLocations pointing at the other requirement', async () => {
    const { log } = await sarif(['order-fulfilment.bizflow.yaml'], examples);
    const contradictions = log.runs[0].results.filter((r: any) => r.ruleId === 'conflict/contradiction');
    assert.equal(contradictions.length, 2);
    const lines = contradictions.map((r: any) => [
      r.locations[0].physicalLocation.region.startLine,
      r.relatedLocations[0].physicalLocation.region.startLine,
    ]);
    assert.deepEqual(lines, [
      [82, 90],
      [90, 82],
    ]);
    assert.equal(contradictions[0].relatedLocations[0].physicalLocation.artifactLocation.uri, 'order-fulfilment.bizflow.yaml');
  });

  it('is a valid log with no results for a clean file', async () => {
    const { code, log } = await sarif([p2pExample]);
    assert.equal(code, 0);
    assert.deepEqual(log.runs[0].results, []);
  });
});

describe('cli lint: configuration files', () => {
  const rc = path.join(fixtures, 'rc');

  it('applies the nearest rc file: `rules:` turns a rule off', async () => {
    const r = await run(['lint', 'plain/owner-typo.bizflow.yaml'], { cwd: rc });
    assert.equal(r.code, 0);
    assert.equal(r.out, '✔ no problems\n');
    // the same file content without the rc file is an error
    assert.equal((await run(['lint', oneError])).code, 1);
  });

  it('uses the nearest rc per file, and reports its problems once on stderr', async () => {
    const r = await run(['lint', '--format', 'json', '.'], { cwd: rc });
    assert.equal(r.code, 0);
    const results = JSON.parse(r.out);
    assert.deepEqual(
      results.map((x: any) => [path.relative(rc, x.filePath), x.messages.map((m: any) => `${m.ruleId}:${m.severity}`)]),
      [
        [path.join('plain', 'owner-typo.bizflow.yaml'), []],
        [path.join('sub', 'deep', 'owner-typo.bizflow.yaml'), ['ref/unknown-role:1']],
        [path.join('sub', 'owner-typo.bizflow.yaml'), ['ref/unknown-role:1']],
      ],
    );
    assert.equal(
      r.err,
      'bizflow: sub/.bizflowrc.yaml:4:3: warning: Unknown rule "role/unusd"; it is ignored. Did you mean "role/unused"?\n',
    );
  });

  it('--config wins over discovery', async () => {
    const r = await run(['lint', '--format', 'json', '--config', path.join(fixtures, 'warn-role.bizflowrc.yml'), '.'], { cwd: rc });
    const sev = JSON.parse(r.out).map((x: any) => x.messages.map((m: any) => m.severity));
    assert.deepEqual(sev, [[0], [0], [0]]);
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
  });

  it('2 for a missing --config file or an rc file that is not valid JSON', async () => {
    const missing = await run(['lint', '-c', 'nope.json', oneError]);
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'bizflow: cannot find "nope.json": no such file or folder.\n');
    const broken = await run(['lint', '--config', 'broken.bizflowrc.json', 'one-error.bizflow.yaml'], { cwd: fixtures });
    assert.equal(broken.code, 2);
    assert.equal(broken.out, '');
    assert.match(broken.err, /^bizflow: cannot use the configuration broken\.bizflowrc\.json:1:\d+: Invalid JSON: [^\n]+\n$/);
  });

  it('a file’s own `rules:` beats the rc file', async () => {
    const root = tempTree({
      '.bizflowrc.json': '{"rules": {"ref/unknown-role": "off"}}',
      'f.bizflow.yaml': fs.readFileSync(oneError, 'utf8') + 'rules:\n  ref/unknown-role: error\n',
    });
    try {
      const r = await run(['lint', 'f.bizflow.yaml'], { cwd: root });
      assert.equal(r.code, 1);
      assert.match(r.out, /\[ref\/unknown-role\]/);
    } finally {
      removeTree(root);
    }
  });

  it('extends: all raises infos to warnings', async () => {
    const root = tempTree({ '.bizflowrc.yaml': 'extends: all\n', 'f.bizflow.yaml': fs.readFileSync(mixed, 'utf8') });
    try {
      const [res] = JSON.parse((await run(['lint', '-f', 'json', 'f.bizflow.yaml'], { cwd: root })).out);
      assert.deepEqual([res.errorCount, res.warningCount, res.infoCount], [1, 3, 0]);
    } finally {
      removeTree(root);
    }
  });
});

describe('cli lint: locale', () => {
  it('speaks Chinese from the environment (LANG), both diagnostics and the CLI’s own words', async () => {
    const r = await run(['lint', oneError], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(r.out, /one-error\.bizflow\.yaml:5:10 {2}错误 {2}未知角色“slaes”/);
    assert.match(r.out, /✖ 1 个问题（1 个错误，0 个警告，0 个提示）\n$/);
    const ok = await run(['lint', p2pExample], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(ok.out, '✔ 没有发现问题\n');
  });

  it('LC_ALL beats LANG; --locale beats the environment', async () => {
    assert.match((await run(['lint', oneError], { env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } })).out, /个问题/);
    assert.match((await run(['lint', oneError], { env: { LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' } })).out, /1 problem/);
    assert.match((await run(['lint', oneError], { env: { LANGUAGE: 'zh_CN:en' } })).out, /个问题/);
    assert.match((await run(['lint', '--locale', 'en', oneError], { env: { LANG: 'zh_CN.UTF-8' } })).out, /1 problem \(1 error/);
    assert.match((await run(['lint', '--locale=zh-CN', oneError])).out, /未知角色/);
    assert.match((await run(['--locale', 'zh-CN', 'lint', oneError])).out, /未知角色/);
  });

  it('localises errors and usage', async () => {
    const r = await run(['lint', 'nope.yaml'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(r.err, 'bizflow: 找不到“nope.yaml”：文件或文件夹不存在。\n');
    assert.match((await run(['--help', '--locale', 'zh-CN'])).out, /用法：/);
    const json = JSON.parse((await run(['lint', '-f', 'json', '--locale', 'zh-CN', oneError])).out);
    assert.match(json[0].messages[0].message, /^未知角色“slaes”/);
  });
});

describe('cli: a clean file written on the fly', () => {
  it('lints a .bizflow.yml file found in a folder', async () => {
    const root = tempTree({ 'p/clean.bizflow.yml': CLEAN });
    try {
      const r = await run(['lint', 'p'], { cwd: root });
      assert.equal(r.code, 0, r.out + r.err);
      assert.equal(r.out, '✔ no problems\n');
    } finally {
      removeTree(root);
    }
  });
});
