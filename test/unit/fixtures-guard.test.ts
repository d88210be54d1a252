/**
 * The integration launchers' guard of the fixtures workspace (test/integration/fixtures-guard.mjs): what a run
 * changes is put back after it, and what a killed run (no restore) left behind is put back at the next start,
 * kept aside rather than lost.
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

type Guard = (workspace: string, snapshotFile: string, log?: (m: string) => void) => () => string[];

describe('integration fixtures guard', () => {
  let guardFixtures: Guard;
  let tmp: string;
  let ws: string;
  let snap: string;
  before(async () => {
    ({ guardFixtures } = (await import(path.resolve(__dirname, '../integration/fixtures-guard.mjs'))) as { guardFixtures: Guard });
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-guard-'));
    ws = path.join(tmp, 'workspace');
    snap = path.join(tmp, 'artifacts', 'fixtures-snapshot.json');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'a.bizflow.yaml'), 'steps: {}\n');
    fs.writeFileSync(path.join(ws, 'b.md'), '# 说明\n');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const files = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

  it('a run that ends: what it changed, added or deleted is put back and reported, and the snapshot file removed', () => {
    const restore = guardFixtures(ws, snap);
    assert.ok(fs.existsSync(snap), 'the snapshot is on disk while the run runs');
    fs.writeFileSync(path.join(ws, 'a.bizflow.yaml'), 'steps: { x: {} }\n');
    fs.writeFileSync(path.join(ws, 'review-1-pack.html'), '<html>');
    fs.mkdirSync(path.join(ws, 'review-git-1'));
    fs.rmSync(path.join(ws, 'b.md'));
    assert.deepStrictEqual(restore().sort(), ['a.bizflow.yaml', 'b.md (deleted)', 'review-1-pack.html (left behind)', 'review-git-1 (left behind)']);
    assert.deepStrictEqual(files(ws), { 'a.bizflow.yaml': 'steps: {}\n', 'b.md': '# 说明\n' });
    assert.ok(!fs.existsSync(snap));
  });

  it('a run that changes nothing: nothing reported, nothing logged at the next start', () => {
    const logged: string[] = [];
    assert.deepStrictEqual(guardFixtures(ws, snap, (m) => logged.push(m))(), []);
    guardFixtures(ws, snap, (m) => logged.push(m));
    assert.deepStrictEqual(logged, []);
    assert.deepStrictEqual(files(ws), { 'a.bizflow.yaml': 'steps: {}\n', 'b.md': '# 说明\n' });
  });

  it('a killed run (never restored): the next start puts back its snapshot, keeps what it replaced aside, and snapshots the restored workspace', () => {
    guardFixtures(ws, snap); // killed: no restore
    fs.writeFileSync(path.join(ws, 'a.bizflow.yaml'), 'broken: [unclosed\n');
    fs.writeFileSync(path.join(ws, 'mistake-1-1.bizflow.yaml'), 'x：1\n');
    const logged: string[] = [];
    const restore = guardFixtures(ws, snap, (m) => logged.push(m));
    assert.deepStrictEqual(files(ws), { 'a.bizflow.yaml': 'steps: {}\n', 'b.md': '# 说明\n' });
    assert.strictEqual(logged.length, 1);
    assert.match(logged[0], /^an earlier run ended before restoring the fixtures; restored now: a\.bizflow\.yaml, mistake-1-1\.bizflow\.yaml \(left behind\) \(what was there is kept in /);
    const kept = fs.readdirSync(path.dirname(snap)).filter((f) => f.startsWith('fixtures-left-'));
    assert.strictEqual(kept.length, 1);
    assert.deepStrictEqual(files(path.join(path.dirname(snap), kept[0])), { 'a.bizflow.yaml': 'broken: [unclosed\n', 'mistake-1-1.bizflow.yaml': 'x：1\n' });
    // the new run's snapshot is of the restored workspace
    fs.writeFileSync(path.join(ws, 'c.txt'), 'c');
    assert.deepStrictEqual(restore(), ['c.txt (left behind)']);
  });

  it('an unreadable snapshot of an earlier run is reported and ignored: the workspace as it is becomes the snapshot', () => {
    fs.mkdirSync(path.dirname(snap), { recursive: true });
    fs.writeFileSync(snap, '{ not json');
    const logged: string[] = [];
    const restore = guardFixtures(ws, snap, (m) => logged.push(m));
    assert.strictEqual(logged.length, 1);
    assert.match(logged[0], /unreadable and was ignored/);
    assert.deepStrictEqual(restore(), []);
    assert.deepStrictEqual(files(ws), { 'a.bizflow.yaml': 'steps: {}\n', 'b.md': '# 说明\n' });
  });
});
