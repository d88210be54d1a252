// The fixtures workspace (test/fixtures/workspace) as the integration tests found it. The tests edit its files in
// the editor and make scratch files in it (review-<time>-pack.html, mistake-<time>-1.bizflow.yaml, …), and
// restore or remove them; what one leaves behind (a missed undo, a save) would change the next run and the unit
// tests that read these files. So the launchers snapshot the workspace before a run, and after it put back what
// changed and fail: a test that leaves the fixtures changed is a defect.
//
// A run that is killed (SIGKILL, a closed terminal, a CI timeout) never gets to restore. The snapshot is therefore
// also written to disk (test/artifacts/, not committed) and removed once restored: the next run that finds it
// restores from it first, so what a killed run left behind is put back then, not taken into the new snapshot. The
// files it replaces or removes then are kept in test/artifacts/fixtures-left-<time>/ (they might be someone's edits
// made after the killed run): nothing is lost.
import fs from 'node:fs';
import path from 'node:path';

/** The files directly in `workspace` (the fixtures are a flat folder), by name, with their bytes. */
function read(workspace) {
  const files = new Map();
  for (const f of fs.existsSync(workspace) ? fs.readdirSync(workspace) : []) {
    const p = path.join(workspace, f);
    if (fs.statSync(p).isFile()) files.set(f, fs.readFileSync(p));
  }
  return files;
}

/**
 * Puts `workspace` back as `snapshot` holds it; returns what differed (`x (left behind)`, `x`, `x (deleted)`).
 * With `keep`, what it removes or replaces is moved into that folder first.
 */
function restore(workspace, snapshot, keep) {
  const changed = [];
  const away = (p) => {
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      fs.renameSync(p, path.join(keep, path.basename(p)));
    } else fs.rmSync(p, { recursive: true, force: true });
  };
  for (const f of fs.existsSync(workspace) ? fs.readdirSync(workspace) : []) {
    const p = path.join(workspace, f);
    if (!snapshot.has(f)) {
      changed.push(`${f} (left behind)`);
      away(p);
    } else if (!fs.statSync(p).isFile() || !fs.readFileSync(p).equals(snapshot.get(f))) {
      changed.push(f);
      away(p);
      fs.writeFileSync(p, snapshot.get(f));
    }
  }
  for (const [f, data] of snapshot) {
    if (!fs.existsSync(path.join(workspace, f))) {
      changed.push(`${f} (deleted)`);
      fs.writeFileSync(path.join(workspace, f), data);
    }
  }
  return changed;
}

/**
 * Snapshots `workspace` before a run (after restoring what an earlier, killed run left: reported through `log`);
 * returns `restore()`, to call after the run, which puts the workspace back, forgets the snapshot file and returns
 * what the run had changed.
 */
export function guardFixtures(workspace, snapshotFile, log = () => {}) {
  if (fs.existsSync(snapshotFile)) {
    let earlier;
    try {
      earlier = new Map(Object.entries(JSON.parse(fs.readFileSync(snapshotFile, 'utf8'))).map(([f, b64]) => [f, Buffer.from(b64, 'base64')]));
    } catch (e) {
      log(`the snapshot of an earlier run (${snapshotFile}) is unreadable and was ignored: ${e?.message ?? e}`);
    }
    if (earlier) {
      const keep = path.join(path.dirname(snapshotFile), `fixtures-left-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      const left = restore(workspace, earlier, keep);
      if (left.length) log(`an earlier run ended before restoring the fixtures; restored now: ${left.join(', ')} (what was there is kept in ${keep})`);
    }
  }
  const snapshot = read(workspace);
  fs.mkdirSync(path.dirname(snapshotFile), { recursive: true });
  fs.writeFileSync(snapshotFile, JSON.stringify(Object.fromEntries([...snapshot].map(([f, b]) => [f, b.toString('base64')]))));
  return () => {
    const changed = restore(workspace, snapshot);
    fs.rmSync(snapshotFile, { force: true });
    return changed;
  };
}
