import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, loadRcFile } from '../../../src/node/config-files';
import { FileError, decodeText, expandPaths, readTextFile } from '../../../src/node/find-files';
import { fixtures, removeTree, tempTree } from '../../fixtures/cli/harness';

describe('find-files: expandPaths', () => {
  let root: string;
  before(() => {
    root = tempTree({
      'b.bizflow.yaml': 'x',
      'a.bizflow.yml': 'x',
      'notes.yaml': 'x',
      'readme.md': 'x',
      'sub/z.bizflow.yaml': 'x',
      'sub/deeper/c.bizflow.yaml': 'x',
      'sub/.hidden/h.bizflow.yaml': 'x',
      '.git/g.bizflow.yaml': 'x',
      'node_modules/pkg/n.bizflow.yaml': 'x',
      'sub/node_modules/m.bizflow.yaml': 'x',
      'odd-name.txt': 'x',
      '.dot.bizflow.yaml': 'x',
    });
  });
  after(() => removeTree(root));

  const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

  it('searches folders recursively for *.bizflow.yaml|yml, sorted, skipping node_modules and dot-folders', () => {
    const { files, errors } = expandPaths(['.'], root);
    assert.deepEqual(errors, []);
    assert.deepEqual(rel(files), [
      '.dot.bizflow.yaml',
      'a.bizflow.yml',
      'b.bizflow.yaml',
      'sub/deeper/c.bizflow.yaml',
      'sub/z.bizflow.yaml',
    ]);
    assert.ok(files.every((f) => path.isAbsolute(f)));
  });

  it('takes files as given, whatever their name, in argument order, without duplicates', () => {
    const { files } = expandPaths(['odd-name.txt', 'sub', 'sub/z.bizflow.yaml', 'a.bizflow.yml'], root);
    assert.deepEqual(rel(files), ['odd-name.txt', 'sub/deeper/c.bizflow.yaml', 'sub/z.bizflow.yaml', 'a.bizflow.yml']);
  });

  it('searches a dot-folder or node_modules that is named explicitly', () => {
    assert.deepEqual(rel(expandPaths(['sub/.hidden'], root).files), ['sub/.hidden/h.bizflow.yaml']);
    assert.deepEqual(rel(expandPaths([path.join(root, 'node_modules')], '/').files), ['node_modules/pkg/n.bizflow.yaml']);
  });

  it('reports a missing path as not-found, with the path as given', () => {
    const { files, errors } = expandPaths(['missing.bizflow.yaml', 'a.bizflow.yml'], root);
    assert.equal(files.length, 1);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].path, 'missing.bizflow.yaml');
    assert.equal(errors[0].reason, 'not-found');
  });

  it('is deterministic and survives a symbolic link loop', function () {
    const loopRoot = tempTree({ 'x/one.bizflow.yaml': 'x' });
    try {
      try {
        fs.symlinkSync(loopRoot, path.join(loopRoot, 'x', 'back'), 'dir');
      } catch {
        this.skip();
      }
      const a = expandPaths([loopRoot]).files;
      const b = expandPaths([loopRoot]).files;
      assert.deepEqual(a, b);
      assert.deepEqual(a.map((f) => path.relative(loopRoot, f)), [path.join('x', 'one.bizflow.yaml')]);
    } finally {
      removeTree(loopRoot);
    }
  });
});

describe('find-files: readTextFile / decodeText', () => {
  let root: string;
  before(() => {
    root = tempTree({
      'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('bizflow: 1\n名: 值\n')]),
      'binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'utf16.yaml': Buffer.from('\ufeffbizflow: 1\n', 'utf16le'),
      'latin1.yaml': Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]),
      'dir/x': 'x',
    });
  });
  after(() => removeTree(root));

  const reason = (file: string) => {
    try {
      readTextFile(path.join(root, file), file);
    } catch (e) {
      assert.ok(e instanceof FileError);
      assert.equal(e.path, file);
      return e.reason;
    }
    return 'read';
  };

  it('reads UTF-8 and strips the BOM', () => {
    assert.equal(readTextFile(path.join(root, 'bom.yaml')), 'bizflow: 1\n名: 值\n');
  });

  it('refuses binary, UTF-16, non-UTF-8 files, folders and missing files with a reason', () => {
    assert.equal(reason('binary.yaml'), 'binary');
    assert.equal(reason('utf16.yaml'), 'utf16');
    assert.equal(reason('latin1.yaml'), 'not-utf8');
    assert.equal(reason('dir'), 'is-directory');
    assert.equal(reason('nope.yaml'), 'not-found');
    assert.equal(reason('bom.yaml'), 'read');
  });

  it('decodeText agrees on bytes', () => {
    assert.deepEqual(decodeText(Buffer.from('a: 1')), { text: 'a: 1' });
    assert.equal(decodeText(Buffer.from([0x61, 0x00])).reason, 'binary');
  });
});

describe('config-files: ConfigResolver', () => {
  const rcRoot = path.join(fixtures, 'rc');

  it('finds the nearest rc file walking up from the file’s folder', () => {
    const r = new ConfigResolver();
    assert.equal(r.rcPathFor(path.join(rcRoot, 'plain/owner-typo.bizflow.yaml')), path.join(rcRoot, '.bizflowrc.json'));
    assert.equal(r.rcPathFor(path.join(rcRoot, 'sub/owner-typo.bizflow.yaml')), path.join(rcRoot, 'sub/.bizflowrc.yaml'));
    assert.equal(r.rcPathFor(path.join(rcRoot, 'sub/deep/owner-typo.bizflow.yaml')), path.join(rcRoot, 'sub/.bizflowrc.yaml'));
  });

  it('loads the configuration with its problems', () => {
    const rc = new ConfigResolver().configFor(path.join(rcRoot, 'sub/deep/owner-typo.bizflow.yaml'))!;
    assert.deepEqual(rc.config, { rules: { 'ref/unknown-role': 'warning' } });
    assert.deepEqual(rc.problems.map((p) => [p.code, p.suggestion]), [['rc/unknown-rule', 'role/unused']]);
    const top = new ConfigResolver().configFor(path.join(rcRoot, 'plain/owner-typo.bizflow.yaml'))!;
    assert.deepEqual(top.config, { extends: 'recommended', rules: { 'ref/unknown-role': 'off' } });
  });

  it('uses --config for every file instead of discovery (relative to cwd)', () => {
    const r = new ConfigResolver({ explicit: 'warn-role.bizflowrc.yml', cwd: fixtures });
    const rc = r.configFor(path.join(rcRoot, 'sub/owner-typo.bizflow.yaml'))!;
    assert.equal(rc.path, path.join(fixtures, 'warn-role.bizflowrc.yml'));
    assert.deepEqual(rc.config, { rules: { 'ref/unknown-role': 'info' } });
  });

  it('throws a FileError for a missing --config file', () => {
    const r = new ConfigResolver({ explicit: 'nope.json', cwd: fixtures });
    assert.throws(() => r.configFor(path.join(rcRoot, 'sub/owner-typo.bizflow.yaml')), (e: unknown) => e instanceof FileError && e.reason === 'not-found');
  });

  it('prefers .bizflowrc.json over .yaml in one folder, finds none in a folder tree without one, and caches per folder', () => {
    const root = tempTree({
      'a/.bizflowrc.json': '{"rules": {"data/unused": "off"}}',
      'a/.bizflowrc.yaml': 'rules:\n  data/unused: error\n',
      'a/b/c/f.bizflow.yaml': '',
      'other/g.bizflow.yaml': '',
    });
    try {
      const r = new ConfigResolver();
      const f = path.join(root, 'a/b/c/f.bizflow.yaml');
      assert.equal(r.rcPathFor(f), path.join(root, 'a/.bizflowrc.json'));
      const outside = r.rcPathFor(path.join(root, 'other/g.bizflow.yaml'));
      // nothing in the temporary tree; only a stray rc file above the temp folder could be found
      assert.ok(outside === undefined || !outside.startsWith(root), String(outside));
      // cached: removing the files after the first lookup does not change the answer
      fs.rmSync(path.join(root, 'a/.bizflowrc.json'));
      assert.equal(r.rcPathFor(f), path.join(root, 'a/.bizflowrc.json'));
      assert.equal(r.rcPathFor(path.join(root, 'a/b/other.bizflow.yaml')), path.join(root, 'a/.bizflowrc.json'));
      // a new resolver looks again
      assert.equal(new ConfigResolver().rcPathFor(f), path.join(root, 'a/.bizflowrc.yaml'));
    } finally {
      removeTree(root);
    }
  });

  it('loadRcFile reads a file and reports a fatal syntax error', () => {
    const rc = loadRcFile(path.join(fixtures, 'broken.bizflowrc.json'));
    assert.equal(rc.fatal, true);
    assert.equal(rc.problems[0].code, 'rc/syntax');
  });
});
