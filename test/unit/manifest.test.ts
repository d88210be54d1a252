/**
 * The extension manifest as VS Code reads it: every `%key%` has its English
 * and Chinese text, every `vscode.l10n.t` text of src/extension has its
 * Chinese entry, the commands the README and docs name exist under exactly
 * that palette title, the editor defaults of the `bizflow` language, the
 * contributed snippets (the same as completion's) and the walkthrough.
 */
import { strict as assert } from 'assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { SNIPPETS } from '../../src/core/templates';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const json = (p: string) => JSON.parse(read(p));

const pkg = json('package.json');
const en = json('package.nls.json') as Record<string, string>;
const zh = json('package.nls.zh-cn.json') as Record<string, string>;

/** Every string value of a JSON value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((f) => {
    const p = `${dir}/${f}`;
    return statSync(path.join(ROOT, p)).isDirectory() ? files(p) : [p];
  });
}

/** Palette titles: "BizFlow: <title>" of every contributed command, in English. */
function paletteTitles(): Set<string> {
  return new Set(
    (pkg.contributes.commands as { title: string; category?: string }[]).map((c) => {
      const title = c.title.replace(/^%(.+)%$/, (_, k: string) => en[k] ?? c.title);
      return c.category ? `${c.category}: ${title}` : title;
    }),
  );
}

describe('manifest: what VS Code words from package.json', () => {
  it('every %key% of package.json has an English and a Chinese entry, and nothing is left over', () => {
    const keys = new Set(strings(pkg).flatMap((s) => [...s.matchAll(/^%([^%\s]+)%$/g)].map((m) => m[1])));
    assert.ok(keys.size > 40, `only ${keys.size} keys`);
    for (const k of keys) {
      assert.ok(typeof en[k] === 'string' && en[k].length > 0, `package.nls.json lacks ${k}`);
      assert.ok(typeof zh[k] === 'string' && zh[k].length > 0, `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(en).filter((k) => !keys.has(k)), [], 'unused keys in package.nls.json');
    assert.deepEqual(Object.keys(zh).filter((k) => !(k in en)), [], 'keys only in package.nls.zh-cn.json');
  });

  it('every vscode.l10n.t / w.t (tree words) text in src/extension has its Chinese entry, with the same placeholders', () => {
    const bundle = json('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    const used: string[] = [];
    for (const f of files('src/extension').filter((f) => f.endsWith('.ts'))) {
      for (const m of read(f).matchAll(/\b(?:l10n|w)\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) {
        used.push((m[1] ?? m[2]).replace(/\\(['"\\])/g, '$1'));
      }
    }
    assert.ok(used.length > 50, `found ${used.length}`);
    const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    for (const k of used) {
      assert.ok(k in bundle, `l10n/bundle.l10n.zh-cn.json lacks "${k}"`);
      assert.equal(placeholders(bundle[k]), placeholders(k), `placeholders of "${k}"`);
    }
  });

  it('every "**BizFlow: …**" command the README and docs name is a command title as the palette shows it', () => {
    const titles = paletteTitles();
    const named: string[] = [];
    for (const f of ['README.md', ...files('docs').filter((f) => f.endsWith('.md')), ...files('media/walkthrough/en')]) {
      for (const m of read(f).matchAll(/[*_]{1,2}(BizFlow: [^*_\n]+?)[*_]{1,2}/g)) named.push(`${f}: ${m[1]}`);
    }
    assert.ok(named.length >= 5, named.join('\n'));
    const unknown = named.filter((n) => !titles.has(n.slice(n.indexOf(': ') + 2)));
    assert.deepEqual(unknown, [], `known titles: ${[...titles].join(' | ')}`);
    // the Chinese walkthrough names them by their Chinese titles
    const zhTitles = new Set((pkg.contributes.commands as { title: string }[]).map((c) => `BizFlow: ${zh[c.title.slice(1, -1)]}`));
    for (const f of files('media/walkthrough/zh-cn')) {
      for (const m of read(f).matchAll(/\*\*(BizFlow: [^*\n]+)\*\*/g)) assert.ok(zhTitles.has(m[1]), `${f}: ${m[1]}`);
    }
  });

  it('the README names every command the palette shows, exactly as it shows it', () => {
    const palette = (pkg.contributes.menus.commandPalette as { command: string; when?: string }[]) ?? [];
    const hidden = new Set(palette.filter((m) => m.when === 'false').map((m) => m.command));
    const readme = read('README.md');
    const missing = (pkg.contributes.commands as { command: string; title: string }[])
      .filter((c) => !hidden.has(c.command))
      .map((c) => `BizFlow: ${en[c.title.slice(1, -1)]}`)
      .filter((t) => !readme.includes(`*${t}*`));
    assert.deepEqual(missing, []);
  });

  it('sets editor defaults for bizflow files: 2 spaces, no word suggestions, suggestions in strings, format on type', () => {
    const d = pkg.contributes.configurationDefaults['[bizflow]'];
    assert.equal(d['editor.tabSize'], 2);
    assert.equal(d['editor.insertSpaces'], true);
    assert.equal(d['editor.detectIndentation'], false);
    assert.equal(d['editor.wordBasedSuggestions'], 'off');
    assert.equal(d['editor.quickSuggestions'].strings, 'on');
    assert.equal(d['editor.formatOnType'], true);
    // keeps the indentation on Enter and indents after "key:", without re-indenting typed lines
    assert.equal(d['editor.autoIndent'], 'advanced');
    assert.equal(d['editor.suggest.snippetsPreventQuickSuggestions'], false);
  });

  it('contributes the snippets that completion offers, so that "Insert Snippet" lists them too', () => {
    const entry = pkg.contributes.snippets.find((s: { language: string }) => s.language === 'bizflow');
    assert.ok(entry);
    const file = json(entry.path);
    assert.deepEqual(Object.keys(file), Object.keys(SNIPPETS));
    for (const [name, spec] of Object.entries(SNIPPETS)) {
      assert.equal(file[name].prefix, spec.prefix, name);
      assert.deepEqual(file[name].body, spec.body, name);
      assert.equal(file[name].description, `${spec.description.en} · ${spec.description.zh}`, name);
      assert.equal(file[name].scope, 'bizflow');
    }
    assert.match(read('.vscodeignore'), /^!snippets\/\*\*$/m);
  });

  it('contributes the "Get started with BizFlow" walkthrough: story → … → export, in English and Chinese', () => {
    const [w] = pkg.contributes.walkthroughs;
    assert.equal(en[w.title.slice(1, -1)], 'Get started with BizFlow');
    assert.equal(zh[w.title.slice(1, -1)], 'BizFlow 入门');
    const ids = w.steps.map((s: { id: string }) => s.id.split('.').pop());
    assert.deepEqual(ids, ['story', 'roles', 'steps', 'data', 'requirements', 'conflicts', 'preview', 'export']);
    for (const s of w.steps) {
      const key = /^%(.+)%$/.exec(s.media.markdown)![1];
      for (const [nls, dir] of [[en, 'en'], [zh, 'zh-cn']] as const) {
        const p = nls[key];
        assert.equal(p, `media/walkthrough/${dir}/${s.id.split('.').pop()}.md`);
        assert.ok(existsSync(path.join(ROOT, p)), p);
        const text = read(p);
        assert.match(text, /^# /);
        if (dir === 'zh-cn') assert.match(text, /[\u4e00-\u9fff]/, p);
      }
      // command links in step descriptions point at contributed commands or views
      const commands = new Set([...pkg.contributes.commands.map((c: { command: string }) => c.command), 'bizflow.roles.focus', 'bizflow.requirements.focus']);
      for (const nls of [en, zh]) {
        for (const m of nls[s.description.slice(1, -1)].matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(m[1]), m[1]);
      }
    }
  });
});
