/** The CLI on careless and hostile input: each file its own result, bounded sizes, escaped text, correct positions. */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/engine';
import { LineIndex } from '../../../src/core/positions';
import { parseSize } from '../../../src/cli/lint';
import { ConfigResolver } from '../../../src/node/config-files';
import { expandPaths } from '../../../src/node/find-files';
import { CLEAN, STACK_LINE, fixtures, orderExample, removeTree, run, tempTree } from '../../fixtures/cli/harness';

const oneError = fs.readFileSync(path.join(fixtures, 'one-error.bizflow.yaml'), 'utf8');
const ESC_OR_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

describe('cli on hostile input', () => {
  describe('size limit', () => {
    it('parses sizes, 1 MB = 1024 KB; rejects what is not a size', () => {
      assert.equal(parseSize('10MB'), 10 * 1024 * 1024);
      assert.equal(parseSize('500kb'), 500 * 1024);
      assert.equal(parseSize('1.5 M'), 1.5 * 1024 * 1024);
      assert.equal(parseSize('20000000'), 20000000);
      assert.equal(parseSize('0'), 0);
      for (const bad of ['', 'ten', '-1', '1TB', '1e9', 'MB', '1.5.2']) assert.equal(parseSize(bad), undefined, bad);
    });

    it('a file over the limit is that file\'s I/O error (exit 2); the others are still linted', async () => {
      const root = tempTree({ 'big.bizflow.yaml': CLEAN + '#'.repeat(3000) + '\n', 'small.bizflow.yaml': oneError });
      try {
        const r = await run(['lint', '--max-file-size', '2KB', '.'], { cwd: root });
        assert.equal(r.code, 2);
        assert.equal(
          r.err,
          'bizflow: "big.bizflow.yaml" is not linted: it is 3.1 KB, larger than the limit of 2 KB (raise it with --max-file-size).\n',
        );
        assert.match(r.out, /^small\.bizflow\.yaml:5:10 +error/);
        assert.doesNotMatch(r.out, /big/);
        const raised = await run(['lint', '--max-file-size', '0', '.'], { cwd: root });
        assert.equal(raised.code, 1, raised.err);
        assert.equal(raised.err, '');
        const bad = await run(['lint', '--max-file-size', 'huge', '.'], { cwd: root });
        assert.equal(bad.code, 2);
        assert.match(bad.err, /^bizflow: --max-file-size needs a size such as 10MB/);
      } finally {
        removeTree(root);
      }
    });

    it('the default limit is 10 MB, checked before reading (a sparse 100 MB file costs nothing)', async () => {
      const root = tempTree({ 'ok.bizflow.yaml': CLEAN });
      try {
        const fd = fs.openSync(path.join(root, 'huge.bizflow.yaml'), 'w');
        fs.ftruncateSync(fd, 100 * 1024 * 1024);
        fs.closeSync(fd);
        const r = await run(['lint', '--format', 'json', '.'], { cwd: root });
        assert.equal(r.code, 2);
        assert.match(r.err, /"huge\.bizflow\.yaml" is not linted: it is 100 MB, larger than the limit of 10 MB/);
        assert.doesNotMatch(r.err, STACK_LINE);
        assert.deepEqual(JSON.parse(r.out).map((x: any) => path.basename(x.filePath)), ['ok.bizflow.yaml']);
      } finally {
        removeTree(root);
      }
    });
  });

  describe('every file gets its own result', () => {
    it('`lint ""` is a usage error', async () => {
      const r = await run(['lint', '']);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.match(r.err, /^bizflow: an empty PATH \(""\) names no file or folder\./);
    });

    it('unreadable, vanished (dangling link given by name) and binary files are reported, the rest is linted', async () => {
      const root = tempTree({
        'a.bizflow.yaml': oneError,
        'bin.bizflow.yaml': Buffer.from([0x89, 0x50, 0, 0]),
        'locked.bizflow.yaml': CLEAN,
      });
      try {
        fs.symlinkSync(path.join(root, 'gone.yaml'), path.join(root, 'vanished.bizflow.yaml'));
        fs.chmodSync(path.join(root, 'locked.bizflow.yaml'), 0);
        const asRoot = process.getuid?.() === 0; // root reads a file without permissions
        const r = await run(['lint', 'a.bizflow.yaml', 'bin.bizflow.yaml', 'vanished.bizflow.yaml', 'locked.bizflow.yaml'], { cwd: root });
        assert.equal(r.code, 2);
        const errs = r.err.trimEnd().split('\n');
        assert.ok(errs.includes('bizflow: cannot find "vanished.bizflow.yaml": no such file or folder.'), r.err);
        assert.ok(errs.includes('bizflow: "bin.bizflow.yaml" is a binary file, not UTF-8 text.'), r.err);
        if (!asRoot) assert.ok(errs.includes('bizflow: cannot read "locked.bizflow.yaml": permission denied.'), r.err);
        assert.match(r.out, /^a\.bizflow\.yaml:5:10 +error/);
      } finally {
        removeTree(root);
      }
    });

    it('a file whose name is not UTF-8 is reported by a visible name, and the folder is still linted', async () => {
      const root = tempTree({ 'ok.bizflow.yaml': oneError });
      try {
        const bad = Buffer.concat([Buffer.from(root + '/x'), Buffer.from([0xff, 0xfe]), Buffer.from('.bizflow.yaml')]);
        fs.writeFileSync(bad, CLEAN);
        const r = await run(['lint', '.'], { cwd: root });
        assert.equal(r.code, 2);
        assert.equal(r.err, 'bizflow: "x\uFFFD\uFFFD.bizflow.yaml" is skipped: its name is not valid UTF-8; rename it.\n');
        assert.match(r.out, /^ok\.bizflow\.yaml:5:10 +error/);
      } finally {
        removeTree(root);
      }
    });

    it('walks folders by real path, once each: a symbolic-link diamond 14 levels deep lists its one file once, reading each folder once', function () {
      this.timeout(20000);
      const root = tempTree({ 'd14/only.bizflow.yaml': CLEAN });
      // the bounded work, counted: the folders read (a walk by path would read 2^15 - 1 of them)
      const nodeFs: typeof fs = require('node:fs');
      const readdirSync = nodeFs.readdirSync;
      const read: string[] = [];
      try {
        for (let i = 0; i < 14; i++) {
          fs.mkdirSync(path.join(root, `d${i}`), { recursive: true });
          fs.symlinkSync(path.join(root, `d${i + 1}`), path.join(root, `d${i}`, 'left'));
          fs.symlinkSync(path.join(root, `d${i + 1}`), path.join(root, `d${i}`, 'right'));
        }
        nodeFs.readdirSync = ((dir: fs.PathLike, ...rest: unknown[]) => {
          read.push(path.relative(fs.realpathSync(root), fs.realpathSync(dir)));
          return (readdirSync as (...a: unknown[]) => unknown)(dir, ...rest);
        }) as typeof readdirSync;
        const { files, errors } = expandPaths(['d0', 'd14'], root);
        nodeFs.readdirSync = readdirSync;
        assert.deepEqual(errors, []);
        assert.deepEqual(files.map((f) => path.relative(root, f)), [path.join('d0', ...Array(14).fill('left'), 'only.bizflow.yaml')]);
        assert.deepEqual(read, Array.from({ length: 15 }, (_, i) => `d${i}`), 'each real folder read once, in walk order');
      } finally {
        nodeFs.readdirSync = readdirSync;
        removeTree(root);
      }
    });

    it('the rc lookup stops at the project root (.git or package.json)', () => {
      const root = tempTree({
        '.bizflowrc.json': '{ "rules": { "ref/unknown-role": "off" } }',
        'proj/package.json': '{}',
        'proj/src/a.bizflow.yaml': oneError,
        'repo/.git/HEAD': 'ref: x',
        'repo/b.bizflow.yaml': oneError,
        'loose/c.bizflow.yaml': oneError,
      });
      try {
        const resolver = new ConfigResolver();
        assert.equal(resolver.rcPathFor(path.join(root, 'proj/src/a.bizflow.yaml')), undefined);
        assert.equal(resolver.rcPathFor(path.join(root, 'repo/b.bizflow.yaml')), undefined);
        assert.equal(resolver.rcPathFor(path.join(root, 'loose/c.bizflow.yaml')), path.join(root, '.bizflowrc.json'));
      } finally {
        removeTree(root);
      }
    });

    it('json: fatalErrorCount counts yaml/syntax errors, which are marked fatal as ESLint marks parse errors', async () => {
      const root = tempTree({ 'bad.bizflow.yaml': 'bizflow: 1\nprocess: [unclosed\n', 'ok.bizflow.yaml': CLEAN });
      try {
        const r = await run(['lint', '-f', 'json', '.'], { cwd: root });
        const [bad, ok] = JSON.parse(r.out);
        const syntax = bad.messages.filter((m: any) => m.ruleId === 'yaml/syntax');
        assert.ok(syntax.length >= 1);
        assert.equal(bad.fatalErrorCount, syntax.length);
        for (const m of bad.messages) assert.equal(m.fatal, m.ruleId === 'yaml/syntax' ? true : undefined);
        assert.equal(ok.fatalErrorCount, 0);
      } finally {
        removeTree(root);
      }
    });
  });

  describe('terminal injection', () => {
    it('names and file names with ESC, BEL, bidi, zero-width and newlines are shown as \\u{…} on one line', async () => {
      const nasty = 'x\u001b]0;pwned\u0007\u001b[2J\u202e\u200b';
      const fileName = 'f\u001b[31m\nfake.bizflow.yaml:1:1  error  forged.bizflow.yaml';
      const root = tempTree({ [fileName]: oneError.replace('owner: slaes', `owner: "${nasty.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a').replace(/\u202e/g, '\\u202e').replace(/\u200b/g, '\\u200b')}"`) });
      try {
        const r = await run(['lint', '.'], { cwd: root });
        assert.equal(r.code, 1, r.err);
        assert.doesNotMatch(r.out, ESC_OR_CONTROL);
        const lines = r.out.trimEnd().split('\n');
        assert.equal(lines.length, 3, r.out); // the finding, a blank line, the summary
        assert.ok(lines[0].startsWith('f\\u{1b}[31m\\u{a}fake.bizflow.yaml:1:1  error  forged.bizflow.yaml:5:11  error'), lines[0]);
        assert.ok(lines[0].includes('x\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{202e}\\u{200b}'), lines[0]);
        const missing = await run(['lint', 'no\u001b[31m.bizflow.yaml'], { cwd: root });
        assert.equal(missing.err, 'bizflow: cannot find "no\\u{1b}[31m.bizflow.yaml": no such file or folder.\n');
      } finally {
        removeTree(root);
      }
    });
  });

  describe('line breaks: CRLF and lone CR', () => {
    it('LineIndex: an offset between CR and LF is the end of its line; characters past a line stop before its break', () => {
      const idx = new LineIndex('ab\r\ncd\ref\ngh');
      assert.deepEqual(idx.position(3), { line: 0, character: 2 });
      assert.deepEqual(idx.position(2), { line: 0, character: 2 });
      assert.deepEqual(idx.position(4), { line: 1, character: 0 });
      assert.deepEqual(idx.position(7), { line: 2, character: 0 });
      assert.deepEqual(idx.oneBased({ start: 0, end: 3 }), { line: 1, column: 1, endLine: 1, endColumn: 3 });
      assert.equal(idx.offset(0, 99), 2);
      assert.equal(idx.offset(1, 99), 6);
      assert.equal(idx.offset(2, 99), 9);
      assert.equal(idx.offset(3, 99), 12);
    });

    it('the same file with LF, CRLF or lone-CR breaks gives the same findings at the same lines and columns', function () {
      this.timeout(60000);
      const base = fs.readFileSync(orderExample, 'utf8');
      const where = (text: string) => {
        const idx = new LineIndex(text);
        return analyze(text, { locale: 'en' }).diagnostics.map((d) => `${d.code} ${JSON.stringify(idx.oneBased(d.span))}`);
      };
      const lf = where(base);
      fc.assert(
        fc.property(fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }), (breaks) => {
          // a lone CR before a break that starts with LF would make one CRLF of two (blank) lines
          fc.pre(!breaks.some((b, i) => b === '\r' && breaks[(i + 1) % breaks.length] !== '\r'));
          let k = 0;
          const text = base.replace(/\n/g, () => breaks[k++ % breaks.length]);
          assert.deepEqual(where(text), lf);
        }),
        { numRuns: 25 },
      );
    });

    it('a yaml/syntax error at the end of a CRLF line ends at the line end, not one column past it', () => {
      for (const text of ['bizflow: 1\r\nprocess: "unclosed\r\nroles: {}\r\n', 'bizflow: 1\r\nsteps: [a, b\r\n']) {
        const idx = new LineIndex(text);
        const lines = text.split(/\r\n/);
        for (const d of analyze(text).diagnostics) {
          const p = idx.oneBased(d.span);
          assert.ok(p.endColumn <= lines[p.endLine - 1].length + 1, `${d.code} ${JSON.stringify(p)}`);
        }
      }
    });
  });
});
