import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

/** String literals passed to `t(…)` / `vscode.l10n.t(…)` in the preview's extension code. */
function l10nKeys(): string[] {
  const dir = 'src/extension/preview';
  const keys: string[] = [];
  for (const f of readdirSync(path.join(ROOT, dir))) {
    if (!f.endsWith('.ts')) continue;
    const src = read(`${dir}/${f}`);
    for (const m of src.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.push(m[1].replace(/\\'/g, "'").replace(/\\"/g, '"'));
  }
  return keys;
}

describe('preview localisation', () => {
  it('every runtime string of the preview has a Simplified Chinese translation', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const keys = l10nKeys();
    assert.ok(keys.length > 30, `found ${keys.length} strings`);
    const missing = keys.filter((k) => !(k in bundle));
    assert.deepEqual(missing, []);
    for (const k of keys) {
      const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(placeholders(bundle[k]), placeholders(k), `placeholders of ${k}`);
    }
  });

  it('every preview command has a localised title, palette entry and category', () => {
    const pkg = JSON.parse(read('package.json'));
    const en = JSON.parse(read('package.nls.json'));
    const zh = JSON.parse(read('package.nls.zh-cn.json'));
    const ids = ['bizflow.openPreview', 'bizflow.openPreviewToSide', 'bizflow.togglePreviewLock', 'bizflow.exportSvg', 'bizflow.exportPng', 'bizflow.copyMermaidSource'];
    for (const id of ids) {
      const c = pkg.contributes.commands.find((x: { command: string }) => x.command === id);
      assert.ok(c, id);
      assert.equal(c.category, 'BizFlow');
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && en[key] && zh[key], `${id}: ${c.title}`);
    }
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:bizflow.preview'));
    const kb = pkg.contributes.keybindings.find((k: { command: string }) => k.command === 'bizflow.openPreviewToSide');
    assert.match(kb.when, /editorLangId == bizflow/);
  });
});
