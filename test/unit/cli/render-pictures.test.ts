/**
 * `bizflow render --format svg` without a browser: `renderCommand` with a drawer
 * that returns canned pictures or fails (src/cli/render-markdown.ts,
 * PictureDrawer), so the SVG paths of render.ts and render-markdown.ts (file
 * names, the text written, errors, exit codes) are checked in every run,
 * mutation runs included (the Chromium tests of render*.test.ts are skipped there).
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_USAGE, type CliContext } from '../../../src/cli/context';
import { messages } from '../../../src/cli/messages';
import { renderCommand } from '../../../src/cli/render';
import { isMarkdownFile, type PictureDrawer } from '../../../src/cli/render-markdown';
import { analyze } from '../../../src/core/engine';
import { showControls } from '../../../src/core/escape';
import { toMermaid } from '../../../src/core/mermaid';
import type { Locale } from '../../../src/core/types';
import { analyzeBlock } from '../../../src/markdown/blocks';
import { ChromiumMissingError } from '../../../src/node/chromium';
import type { FlowDiagram, RenderResult } from '../../../src/node/mermaid-render';
import { orderExample, removeTree, repoRoot, run, tempTree } from '../../fixtures/cli/harness';

const ORDER = fs.readFileSync(orderExample, 'utf8');
const mermaidOf = (text: string, role?: string) => {
  const { model, diagnostics } = analyze(text);
  return toMermaid(model, diagnostics, { role }).text;
};
/** A process without a name, with a role without a name. */
const NAMELESS = `bizflow: 1
roles:
  a: {}
steps:
  s1: { name: Start, type: start, role: a, next: s2 }
  s2: { name: End, type: end, role: a }
`;
const INLINE = `bizflow: 1
process: { name: Inline }
roles:
  a: { name: Alpha }
steps:
  s1: { name: Start, type: start, role: a, next: s2 }
  s2: { name: End, type: end, role: a }
`;
/** A clean process in two lanes (referenced from Markdown with `role: w`). */
const TWO = `bizflow: 1
process: { name: Two }
roles:
  a: { name: Alpha }
  w: { name: Warehouse }
steps:
  s1: { name: Start, type: start, role: a, next: s2, produces: [order] }
  s2: { name: Pick, type: task, role: w, needs: [order], next: s3, produces: [parcel] }
  s3: { name: End, type: end, role: a, needs: [parcel] }
`;
const fence = (body: string) => '```bizflow\n' + body + (body.endsWith('\n') ? '' : '\n') + '```\n';

/** What the drawer was asked to do. */
interface Calls {
  flows: FlowDiagram[];
  launches: number;
  renders: string[][];
  closes: number;
}

/**
 * A drawer: `picture(text, k)` gives the k-th picture (k counted over all texts drawn) or throws;
 * `launch` throws `launchError` if given.
 */
function drawer(picture: (text: string, k: number) => RenderResult, launchError?: unknown): { drawer: PictureDrawer; calls: Calls } {
  const calls: Calls = { flows: [], launches: 0, renders: [], closes: 0 };
  let k = 0;
  return {
    calls,
    drawer: {
      async renderFlow(diagram) {
        calls.flows.push(diagram);
        return picture(diagram.text, k++);
      },
      async launch() {
        calls.launches++;
        if (launchError !== undefined) throw launchError;
        return {
          async render(texts) {
            calls.renders.push([...texts]);
            return texts.map((t) => picture(t, k++));
          },
          async close() {
            calls.closes++;
          },
        };
      },
    },
  };
}

const svgs = (...pictures: RenderResult[]) => drawer((_, k) => pictures[k]);
const throwing = (e: unknown) =>
  drawer(() => {
    throw e;
  });

/** `bizflow render ARGV` with the drawer, in a context made as src/cli/cli.ts `main` makes it. */
async function render(argv: string[], d: PictureDrawer, opts: { cwd?: string; locale?: Locale } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const locale = opts.locale ?? 'en';
  const m = messages(locale);
  const warn = (message: string) => void (err += m.prefix + showControls(message.replace(/\r\n|[\r\n]/g, ' ')) + '\n');
  const ctx: CliContext = {
    io: { stdout: (s) => void (out += s), stderr: (s) => void (err += s) },
    cwd: opts.cwd ?? repoRoot,
    env: {},
    locale,
    m,
    fail(message) {
      warn(message);
      return EXIT_USAGE;
    },
    warn,
  };
  const code = await renderCommand(argv, ctx, d);
  return { code, out, err };
}

describe('cli render --format svg, drawn without a browser', () => {
  describe('a BizFlow file', () => {
    it('writes the picture as given, with one final newline, and asks for the diagram framed with the process name', async () => {
      for (const [svg, want] of [
        ['<svg>a</svg>', '<svg>a</svg>\n'],
        ['<svg>a</svg>\n', '<svg>a</svg>\n'],
        ['\n<svg>a</svg>', '\n<svg>a</svg>\n'],
      ]) {
        const d = svgs({ svg });
        const r = await render(['--format', 'svg', orderExample], d.drawer);
        assert.deepEqual(r, { code: 0, out: want, err: '' }, JSON.stringify(svg));
        assert.deepEqual(d.calls.flows, [{ text: mermaidOf(ORDER), title: '订单履约流程', subtitle: undefined, locale: 'en' }]);
        assert.equal(d.calls.launches, 0);
      }
    });

    it('--role: the role’s view, its name as the subtitle (its id when it has none); the locale is passed on', async () => {
      const d = svgs({ svg: '<svg/>' }, { svg: '<svg/>' });
      assert.equal((await render(['-f', 'svg', '-r', 'warehouse', '--locale', 'zh-CN', orderExample], d.drawer, { locale: 'zh-CN' })).code, 0);
      const { model, diagnostics } = analyze(ORDER, { locale: 'zh-CN' });
      assert.deepEqual(d.calls.flows[0], {
        text: toMermaid(model, diagnostics, { role: 'warehouse', locale: 'zh-CN' }).text,
        title: '订单履约流程',
        subtitle: '仓库主管',
        locale: 'zh-CN',
      });
      const root = tempTree({ 'plain.bizflow.yaml': NAMELESS });
      try {
        const r = await render(['-f', 'svg', '-r', 'a', 'plain.bizflow.yaml'], d.drawer, { cwd: root });
        assert.deepEqual(r, { code: 0, out: '<svg/>\n', err: '' });
        assert.deepEqual(d.calls.flows[1], { text: mermaidOf(NAMELESS, 'a'), title: 'plain', subtitle: 'a', locale: 'en' });
      } finally {
        removeTree(root);
      }
    });

    it('a process without a name is titled with the file name without .bizflow.yaml / .bizflow.yml (any case, at the end only)', async () => {
      const names: Record<string, string> = {
        'flow.bizflow.yaml': 'flow',
        'flow.bizflow.yml': 'flow',
        'Flow.BizFlow.YAML': 'Flow',
        'a.bizflow.yml.bizflow.yaml': 'a.bizflow.yml',
        'flow.yaml': 'flow.yaml',
      };
      const root = tempTree(Object.fromEntries(Object.keys(names).map((n) => [n, NAMELESS])));
      try {
        for (const [file, title] of Object.entries(names)) {
          const d = svgs({ svg: '<svg/>' });
          assert.equal((await render(['-f', 'svg', file], d.drawer, { cwd: root })).code, 0);
          assert.deepEqual(d.calls.flows, [{ text: mermaidOf(NAMELESS), title, subtitle: undefined, locale: 'en' }], file);
        }
      } finally {
        removeTree(root);
      }
    });

    it('no picture: the drawer’s first error line, trimmed, or "no output"; exit 2, nothing on stdout', async () => {
      const cases: [RenderResult, string][] = [
        [{ error: '  Parse error on line 3:  \n---^\nExpecting NODE' }, 'Parse error on line 3:'],
        [{}, 'no output'],
        [{ svg: '', error: 'empty picture' }, 'empty picture'],
        [{ svg: '' }, 'no output'],
      ];
      for (const [result, detail] of cases) {
        const r = await render(['-f', 'svg', orderExample], svgs(result).drawer);
        assert.deepEqual(r, { code: 2, out: '', err: `bizflow: cannot render the SVG: ${detail}\n` }, JSON.stringify(result));
      }
      const zh = await render(['-f', 'svg', '--locale', 'zh-CN', orderExample], svgs({}).drawer, { locale: 'zh-CN' });
      assert.deepEqual(zh, { code: 2, out: '', err: 'bizflow: 无法生成 SVG：no output\n' });
    });

    it('a drawer that throws: one line, Chromium or playwright-core missing said as such; exit 2', async () => {
      const en = messages('en');
      const named = (name: string, message: string, extra: object = {}) => Object.assign(Object.assign(new Error(message), { name }), extra);
      const cases: [unknown, string][] = [
        [new Error(' page crashed \n    at x (y.js:1:1)'), en.svgFailed('page crashed')],
        ['not an Error\nsecond line', en.svgFailed('not an Error')],
        [new ChromiumMissingError('no executable at /x'), en.chromiumMissing('no executable at /x')],
        [new ChromiumMissingError(' cannot load it \n more', 'playwright'), en.playwrightMissing('cannot load it')],
        // a ChromiumMissingError from another copy of the module: told by its name; without a detail, its message
        [named('ChromiumMissingError', ' no browser here \n more'), en.chromiumMissing('no browser here')],
        [named('ChromiumMissingError', 'x', { detail: 'none found', missing: 'playwright' }), en.playwrightMissing('none found')],
        [named('TypeError', 'ChromiumMissingError'), en.svgFailed('ChromiumMissingError')],
      ];
      for (const [e, message] of cases) {
        const r = await render(['-f', 'svg', orderExample], throwing(e).drawer);
        assert.deepEqual(r, { code: 2, out: '', err: `bizflow: ${message}\n` }, String(e));
      }
      assert.match(en.chromiumMissing('x'), /^cannot render the SVG: Chromium was not found \(x\)\./);
      assert.match(en.playwrightMissing('x'), /^cannot render the SVG: the optional package playwright-core is not installed \(x\)\./);
    });

    it('--format mermaid (the default) never asks the drawer', async () => {
      const d = throwing(new Error('not to be called'));
      for (const argv of [[orderExample], ['-f', 'mermaid', orderExample]]) {
        const r = await render(argv, d.drawer);
        assert.deepEqual(r, { code: 0, out: mermaidOf(ORDER), err: '' });
      }
      assert.deepEqual(d.calls, { flows: [], launches: 0, renders: [], closes: 0 });
    });
  });

  describe('a Markdown file', () => {
    const PRD = [fence(INLINE), fence('file: missing.yaml'), fence('file: o.yaml\nrole: w')].join('\n');
    // fences on lines 1, 11 and 15
    const texts = () => [mermaidOf(INLINE), mermaidOf(TWO, 'w')];
    const MISSING = 'prd.md:12: error: File not found: "missing.yaml" (paths are relative to the Markdown file).\n';

    it('one browser for all blocks, closed; each picture after a comment naming it; the blocks that cannot be drawn fail (exit 1)', async () => {
      const root = tempTree({ 'prd.md': PRD, 'o.yaml': TWO });
      try {
        const d = svgs({ svg: '<svg>1</svg>' }, { svg: '\n<svg>3</svg>\n' });
        const r = await render(['-f', 'svg', 'prd.md'], d.drawer, { cwd: root });
        assert.equal(r.out, '<!-- bizflow: prd.md block 1, line 1 -->\n<svg>1</svg>\n<!-- bizflow: prd.md block 3, line 15 -->\n\n<svg>3</svg>\n');
        assert.equal(r.err, MISSING);
        assert.equal(r.code, 1);
        assert.deepEqual(d.calls, { flows: [], launches: 1, renders: [texts()], closes: 1 });
      } finally {
        removeTree(root);
      }
    });

    it('-o DIR: NAME-N.svg per drawn block (NAME without .md / .markdown at the end), the picture as given', async () => {
      const names: Record<string, string> = { 'prd.md': 'prd', 'Spec.MARKDOWN': 'Spec', 'notes.markdown.md': 'notes.markdown', 'a.mdx.md': 'a.mdx' };
      const root = tempTree({ ...Object.fromEntries(Object.keys(names).map((n) => [n, PRD])), 'o.yaml': TWO });
      try {
        for (const [file, name] of Object.entries(names)) {
          const out = path.join(root, 'out-' + name);
          const d = svgs({ svg: '<svg>1</svg>' }, { svg: '<svg>3</svg>\n' });
          const r = await render(['-f', 'svg', '-o', 'out-' + name, file], d.drawer, { cwd: root });
          assert.equal(r.code, 1, file);
          assert.equal(r.out, '');
          const files = [`${name}-1.svg`, `${name}-3.svg`];
          assert.deepEqual(fs.readdirSync(out).sort(), files);
          assert.equal(fs.readFileSync(path.join(out, files[0]), 'utf8'), '<svg>1</svg>\n');
          assert.equal(fs.readFileSync(path.join(out, files[1]), 'utf8'), '<svg>3</svg>\n');
          assert.equal(r.err, MISSING.replace('prd.md', file) + files.map((f) => `bizflow: wrote ${path.join(out, f)}\n`).join(''));
        }
        // and --format mermaid writes NAME-N.mmd
        const r = await render(['-o', 'mmd', 'notes.markdown.md'], svgs().drawer, { cwd: root });
        assert.equal(r.code, 1);
        assert.deepEqual(fs.readdirSync(path.join(root, 'mmd')).sort(), ['notes.markdown-1.mmd', 'notes.markdown-3.mmd']);
        assert.equal(fs.readFileSync(path.join(root, 'mmd', 'notes.markdown-3.mmd'), 'utf8'), texts()[1]);
      } finally {
        removeTree(root);
      }
    });

    it('a block the drawer cannot draw: its first error line, the others still written, exit 1', async () => {
      const root = tempTree({ 'prd.md': PRD, 'o.yaml': TWO });
      try {
        const cases: [RenderResult, string][] = [
          [{ error: 'Lexical error on line 2\nmore' }, 'Lexical error on line 2'],
          [{}, ''],
          [{ svg: '' }, ''],
        ];
        for (const [result, detail] of cases) {
          const d = svgs(result, { svg: '<svg>3</svg>' });
          const r = await render(['-f', 'svg', 'prd.md'], d.drawer, { cwd: root });
          assert.equal(r.code, 1);
          assert.equal(r.out, '<!-- bizflow: prd.md block 3, line 15 -->\n<svg>3</svg>\n');
          assert.equal(r.err, `${MISSING}prd.md:1: error: cannot render the SVG: ${detail}\n`);
        }
        const zh = await render(['-f', 'svg', '--locale', 'zh-CN', 'prd.md'], svgs({ error: 'x' }, { svg: '<svg/>' }).drawer, { cwd: root, locale: 'zh-CN' });
        assert.match(zh.err, /^prd\.md:1: error: 无法生成 SVG: x\n$/m);
        // every block drawn: exit 0; only the drawing failed: exit 1
        const all = tempTree({ 'ok.md': fence(INLINE) + fence(INLINE) });
        try {
          assert.deepEqual(await render(['-f', 'svg', 'ok.md'], svgs({ svg: '<svg/>' }, { svg: '<svg/>' }).drawer, { cwd: all }), {
            code: 0,
            out: '<!-- bizflow: ok.md block 1, line 1 -->\n<svg/>\n<!-- bizflow: ok.md block 2, line 10 -->\n<svg/>\n',
            err: '',
          });
          assert.deepEqual(await render(['-f', 'svg', 'ok.md'], svgs({ svg: '<svg/>' }, { error: 'Syntax error' }).drawer, { cwd: all }), {
            code: 1,
            out: '<!-- bizflow: ok.md block 1, line 1 -->\n<svg/>\n',
            err: 'ok.md:10: error: cannot render the SVG: Syntax error\n',
          });
        } finally {
          removeTree(all);
        }
      } finally {
        removeTree(root);
      }
    });

    it('no browser, or a drawer that throws: the one-line error, exit 2, the browser closed; none launched when no block can be drawn', async () => {
      const en = messages('en');
      const root = tempTree({ 'prd.md': PRD, 'o.yaml': TWO, 'broken.md': fence('file: missing.yaml') });
      try {
        const missing = drawer(() => ({ svg: '<svg/>' }), new ChromiumMissingError('no executable at /x'));
        const r = await render(['-f', 'svg', 'prd.md'], missing.drawer, { cwd: root });
        assert.deepEqual(r, { code: 2, out: '', err: `${MISSING}bizflow: ${en.chromiumMissing('no executable at /x')}\n` });
        const crash = throwing(new Error('Target page, context or browser has been closed\nCall log: …'));
        const c = await render(['-f', 'svg', 'prd.md'], crash.drawer, { cwd: root });
        assert.deepEqual(c, { code: 2, out: '', err: `${MISSING}bizflow: ${en.svgFailed('Target page, context or browser has been closed')}\n` });
        assert.deepEqual(crash.calls, { flows: [], launches: 1, renders: [texts()], closes: 1 }, 'closed after a failure too');
        // nothing to draw: no browser wanted (none here), only the blocks' errors
        const none = drawer(() => ({ svg: '<svg/>' }), new ChromiumMissingError('no executable at /x'));
        const b = await render(['-f', 'svg', 'broken.md'], none.drawer, { cwd: root });
        assert.deepEqual(b, { code: 1, out: '', err: MISSING.replace('prd.md:12', 'broken.md:2') });
        assert.equal(none.calls.launches, 0);
      } finally {
        removeTree(root);
      }
    });

    it('the comment before each block cannot end early: "--" in the name is "- -" in SVG, a line break a space in Mermaid', async () => {
      const root = tempTree({ 'a--b.md': fence(INLINE), 'x\ny\rz.md': fence(INLINE) });
      try {
        const svg = await render(['-f', 'svg', 'a--b.md'], svgs({ svg: '<svg/>' }).drawer, { cwd: root });
        assert.equal(svg.out, '<!-- bizflow: a- -b.md block 1, line 1 -->\n<svg/>\n');
        const mmd = await render(['a--b.md'], svgs().drawer, { cwd: root });
        assert.equal(mmd.out, `%% bizflow: a--b.md block 1, line 1\n${mermaidOf(INLINE)}`);
        const broken = await render(['x\ny\rz.md'], svgs().drawer, { cwd: root });
        assert.equal(broken.out, `%% bizflow: x y z.md block 1, line 1\n${mermaidOf(INLINE)}`);
      } finally {
        removeTree(root);
      }
    });
  });

  it('the Chromium drawer, without Chromium: the same one-line error for a BizFlow file and a Markdown file', async () => {
    const en = messages('en');
    const root = tempTree({ 'prd.md': fence(INLINE), 'o.bizflow.yaml': ORDER });
    const saved = process.env.BIZFLOW_CHROMIUM;
    process.env.BIZFLOW_CHROMIUM = path.join(root, 'no-chromium');
    try {
      const want = `bizflow: ${en.chromiumMissing(`no executable at ${path.join(root, 'no-chromium')}`)}\n`;
      for (const file of ['o.bizflow.yaml', 'prd.md']) {
        const r = await run(['render', '--format', 'svg', file], { cwd: root });
        assert.deepEqual(r, { code: 2, out: '', err: want }, file);
      }
    } finally {
      if (saved === undefined) delete process.env.BIZFLOW_CHROMIUM;
      else process.env.BIZFLOW_CHROMIUM = saved;
      removeTree(root);
    }
  });
});

describe('cli render: options and problems (Markdown and BizFlow files)', () => {
  it('isMarkdownFile: .md and .markdown at the end of the name, any case', () => {
    for (const f of ['a.md', 'A.MD', 'dir/x.markdown', 'x.Markdown']) assert.equal(isMarkdownFile(f), true, f);
    for (const f of ['a.md.bizflow.yaml', 'a.mdx', 'a.markdown.yml', 'md', 'a.md/b.yaml']) assert.equal(isMarkdownFile(f), false, f);
  });

  it('a BizFlow file named like Markdown in the middle is read as YAML', async () => {
    const root = tempTree({ 'notes.md.bizflow.yaml': INLINE });
    try {
      assert.deepEqual(await run(['render', 'notes.md.bizflow.yaml'], { cwd: root }), { code: 0, out: mermaidOf(INLINE), err: '' });
    } finally {
      removeTree(root);
    }
  });

  it('usage errors name the render command; --config FILE is read relative to the working folder', async () => {
    const unknown = await run(['render', '--bogus', orderExample]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^bizflow: unknown option "--bogus"\. Run "bizflow render --help" for usage\.\n$/);
    const root = tempTree({
      'cfg/quiet.json': JSON.stringify({ rules: { 'conflict/contradiction': 'off', 'conflict/unagreed-burden': 'off' } }),
      'o.bizflow.yaml': ORDER,
      'prd.md': fence('file: o.bizflow.yaml'),
      'rc/.bizflowrc.json': JSON.stringify({ rules: { 'conflict/contradiction': 'off', 'conflict/unagreed-burden': 'off' } }),
      'rc/o.bizflow.yaml': ORDER,
    });
    try {
      const loud = await run(['render', 'o.bizflow.yaml'], { cwd: root });
      assert.match(loud.out, /\bclass [\w,]+ conflict\n/);
      const quiet = await run(['render', '--config', 'cfg/quiet.json', 'o.bizflow.yaml'], { cwd: root });
      // as the same settings in a .bizflowrc.json beside the file
      assert.deepEqual(quiet, { code: 0, out: (await run(['render', 'rc/o.bizflow.yaml'], { cwd: root })).out, err: '' });
      assert.doesNotMatch(quiet.out, /conflict/);
      const md = await run(['render', '-c', 'cfg/quiet.json', 'prd.md'], { cwd: root });
      assert.equal(md.code, 0);
      assert.equal(md.out, `%% bizflow: prd.md block 1, line 1\n${quiet.out}`);
      assert.doesNotMatch(md.err, /conflict\//);
      assert.match((await run(['render', 'prd.md'], { cwd: root })).err, /\[conflict\/contradiction\]$/m);
      const missing = await run(['render', '--config', 'cfg/none.json', 'o.bizflow.yaml'], { cwd: root });
      assert.deepEqual(missing, { code: 2, out: '', err: 'bizflow: cannot find "cfg/none.json": no such file or folder.\n' });
    } finally {
      removeTree(root);
    }
  });

  it('a Markdown block’s problems: the block’s own on its fence or `file:` line, "… and N more"; a block not drawn fails only for an error', async () => {
    const many = 'bizflow: 1\nroles:\n  a: { name: A }\nsteps:\n' + Array.from({ length: 60 }, (_, i) => `  s${i}: { name: S${i}, type: task, role: a, next: zz }\n`).join('');
    const root = tempTree({
      'role.md': '# t\n\n' + fence(INLINE) + '\n' + fence('file: o.yaml\nrole: nobody'),
      'many.md': fence(many),
      'empty.md': fence('bizflow: 1\nfoo: 1'),
      'o.yaml': INLINE,
      'lenient/.bizflowrc.json': JSON.stringify({ rules: { 'schema/required': 'warning' } }),
      'lenient/empty.md': fence('bizflow: 1\nfoo: 1'),
    });
    try {
      const r = await run(['render', '--role', 'nobody', 'role.md'], { cwd: root });
      assert.equal(r.code, 0);
      assert.equal(
        r.err,
        // an inline block: on its fence line (3); a `file:` block: on its `file:` line (fence 13 + 1), in the Markdown file
        'role.md:3: warning: Unknown role "nobody": the whole process is drawn. Roles: a.\n' +
          'role.md:14: warning: Unknown role "nobody": the whole process is drawn. Roles: a.\n',
      );
      const m = await run(['render', 'many.md'], { cwd: root });
      const more = analyzeBlock(many, { locale: 'en', maxSize: 0 }).more;
      assert.ok(more > 0);
      const lines = m.err.split('\n');
      assert.equal(lines.length, 52);
      assert.equal(lines[50], `many.md:1: … and ${more} more problems`);
      assert.equal((await run(['render', '--locale', 'zh-CN', 'many.md'], { cwd: root })).err.split('\n')[50], `many.md:1: …… 另有 ${more} 个问题`);
      // nothing drawn: an error (among warnings) fails, warnings alone do not
      const noProcess = 'The file has no "process", which is required (the process this file describes: its name, id, owner and description). Add "process:" at the top level. [schema/required]';
      const foo = 'Unknown top-level key "foo". Keys allowed here: bizflow, process, roles, data, steps, requirements, rules. [schema/unknown-key]';
      const e = await run(['render', 'empty.md'], { cwd: root });
      assert.deepEqual(e, { code: 1, out: '', err: `empty.md:2: error: ${noProcess}\nempty.md:3: warning: ${foo}\n` });
      const w = await run(['render', 'lenient/empty.md'], { cwd: root });
      assert.deepEqual(w, { code: 0, out: '', err: `lenient/empty.md:2: warning: ${noProcess}\nlenient/empty.md:3: warning: ${foo}\n` });
    } finally {
      removeTree(root);
    }
  });
});
