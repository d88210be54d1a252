/**
 * ```bizflow blocks in Markdown (src/markdown): what a block asks for, its
 * analysis and problems with their lines, and the HTML the markdown-it
 * plugin writes (read back with a real HTML parser: names, ids and paths
 * cannot inject markup).
 */
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { analyzeBlock, blockRequest, isBizflowInfo, isYamlReference, relativeReference, type FileRead } from '../../src/markdown/blocks';
import { MERMAID_ATTRIBUTE, bizflowMarkdownIt, type BizflowMarkdownOptions } from '../../src/markdown/plugin';
import { analyze } from '../../src/core/engine';
import { toMermaid } from '../../src/core/mermaid';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const ROOT = path.resolve(__dirname, '../..');
const ORDER = fs.readFileSync(path.join(ROOT, 'examples/order-fulfilment.bizflow.yaml'), 'utf8');

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const k of kids) elements(k, out);
  if ('content' in node && node.content) elements(node.content as Node, out);
  return out;
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const hasClass = (el: Element, c: string) => (attr(el, 'class') ?? '').split(/\s+/).includes(c);
function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return ('childNodes' in node ? node.childNodes : []).map(text).join('');
}

function render(markdown: string, options: BizflowMarkdownOptions = {}, env: unknown = {}) {
  const md = bizflowMarkdownIt(new MarkdownIt(), options);
  const html = md.render(markdown, env);
  const all = elements(parse(html));
  const blocks = all.filter((e) => hasClass(e, 'bizflow-md-block'));
  const diagrams = all.filter((e) => hasClass(e, 'bizflow-md-diagram'));
  const problems = (block: Element) =>
    elements(block)
      .filter((e) => hasClass(e, 'bizflow-md-problem'))
      .map((li) => ({
        severity: attr(li, 'data-severity'),
        line: attr(li, 'data-problem-line') === undefined ? undefined : Number(attr(li, 'data-problem-line')),
        code: elements(li).find((e) => hasClass(e, 'bizflow-md-code')) ? text(elements(li).find((e) => hasClass(e, 'bizflow-md-code'))!) : undefined,
        text: text(li),
      }));
  return { html, all, blocks, diagrams, problems };
}

const fence = (body: string, info = 'bizflow') => '```' + info + '\n' + body + (body.endsWith('\n') ? '' : '\n') + '```\n';

const SMALL = `bizflow: 1
process:
  name: Small
roles:
  a: { name: Alpha }
  b: { name: Beta }
steps:
  s1: { name: Start, type: start, role: a, produces: [order], next: s2 }
  s2: { name: Work, role: b, needs: [order], produces: [goods], next: s3 }
  s3: { name: End, type: end, role: a, needs: [goods] }
`;

describe('markdown blocks: what a block asks for', () => {
  it('a `file:` block (with or without `role:`, quoted or not) vs a process written in the block', () => {
    assert.deepEqual(blockRequest('file: a/b.bizflow.yaml\n'), { kind: 'file', path: 'a/b.bizflow.yaml', role: undefined, line: 1 });
    assert.deepEqual(blockRequest('# c\nrole: finance\nfile: "x y.yaml"\n'), { kind: 'file', path: 'x y.yaml', role: 'finance', line: 3 });
    assert.equal(blockRequest(SMALL).kind, 'inline');
    // another key beside file: not a reference (the process's schema rules report it)
    assert.equal(blockRequest('file: a.yaml\nsteps: {}\n').kind, 'inline');
    assert.equal(blockRequest('file: [a]\n').kind, 'inline');
    assert.equal(blockRequest('file: a.yaml\nfile: b.yaml\n').kind, 'inline');
  });

  it('the info string: `bizflow` as its first word, any case; not `bizflowx` or `yaml`', () => {
    for (const s of ['bizflow', 'BizFlow', ' bizflow  title']) assert.ok(isBizflowInfo(s), s);
    for (const s of ['bizflowx', 'yaml', '', 'mermaid bizflow']) assert.ok(!isBizflowInfo(s), s);
  });

  it('references: relative paths only (absolute paths, drives, UNC and URIs refused); YAML files only', () => {
    assert.equal(relativeReference('a/b.yaml'), 'a/b.yaml');
    assert.equal(relativeReference('..\\x\\b.yaml'), '../x/b.yaml');
    for (const p of ['/etc/passwd', 'C:\\x.yaml', 'c:/x.yaml', '\\\\server\\x.yaml', 'file:///x.yaml', 'https://h/x.yaml', '', '  ', 'a\u0000.yaml']) {
      assert.equal(relativeReference(p), undefined, JSON.stringify(p));
    }
    for (const p of ['x.bizflow.yaml', 'x.YML', 'a/x.yaml']) assert.ok(isYamlReference(p), p);
    for (const p of ['.env', 'x.yaml.txt', 'x.md', 'secrets']) assert.ok(!isYamlReference(p), p);
  });
});

describe('markdown blocks: analysis and problems', () => {
  it('a process in the block: the Mermaid text is toMermaid\'s, problems carry lines relative to the block', () => {
    const body = SMALL.replace('next: s3 }', 'next: s9 }');
    const r = analyzeBlock(body, { locale: 'en' });
    const a = analyze(body, { locale: 'en' });
    assert.equal(r.mermaid, toMermaid(a.model, a.diagnostics, { locale: 'en' }).text);
    const unknown = r.problems.find((p) => p.code === 'ref/unknown-step')!;
    assert.equal(unknown.line, 9);
    assert.equal(unknown.in, 'block');
    assert.equal(r.title, 'Small');
    assert.equal(analyzeBlock(SMALL, { locale: 'en' }).problems.length, 0);
  });

  it('problems in both languages, per locale', () => {
    const body = SMALL.replace('next: s3 }', 'next: s9 }');
    const en = analyzeBlock(body, { locale: 'en' }).problems.find((p) => p.code === 'ref/unknown-step')!;
    const zh = analyzeBlock(body, { locale: 'zh-CN' }).problems.find((p) => p.code === 'ref/unknown-step')!;
    assert.match(en.message, /unknown step/);
    assert.match(zh.message, /[\u4e00-\u9fff]/);
    assert.notEqual(en.message, zh.message);
    assert.match(analyzeBlock('file: nope.yaml\n', { locale: 'zh-CN', readFile: () => ({ kind: 'missing' }) }).problems[0].message, /找不到文件/);
  });

  it('severity settings apply (a rule turned off is not listed)', () => {
    const body = SMALL.replace('next: s3 }', 'next: s9 }');
    const r = analyzeBlock(body, { locale: 'en', config: [{ rules: { 'ref/unknown-step': 'off' } }] });
    assert.ok(!r.problems.some((p) => p.code === 'ref/unknown-step'));
  });

  it('`file:` + `role:`: the role view of the file, lines of the file; an unknown role draws the whole process and says so', () => {
    const reads: string[] = [];
    const readFile = (p: string): FileRead => (reads.push(p), { kind: 'text', text: ORDER });
    const r = analyzeBlock('file: ../examples/order-fulfilment.bizflow.yaml\nrole: finance\n', { locale: 'en', readFile });
    assert.deepEqual(reads, ['../examples/order-fulfilment.bizflow.yaml']);
    const a = analyze(ORDER, { locale: 'en' });
    assert.equal(r.mermaid, toMermaid(a.model, a.diagnostics, { locale: 'en', role: 'finance' }).text);
    assert.equal(r.role, 'finance');
    const first = a.diagnostics[0];
    const line = ORDER.slice(0, first.span.start).split('\n').length;
    assert.ok(r.problems.some((p) => p.code === first.code && p.line === line && p.in === 'file'));

    const wrong = analyzeBlock('file: x.yaml\nrole: financ\n', { locale: 'en', readFile });
    assert.equal(wrong.mermaid, toMermaid(a.model, a.diagnostics, { locale: 'en' }).text);
    const p = wrong.problems[0];
    assert.equal(p.in, 'block');
    assert.equal(p.line, 1);
    assert.match(p.message, /Unknown role "financ".*Did you mean "finance"/);
  });

  it('a file that cannot be read: one clear problem on the `file:` line, no diagram, no throw', () => {
    const cases: Array<[FileRead | 'throw', RegExp]> = [
      [{ kind: 'missing' }, /File not found: "dir\/x.yaml"/],
      [{ kind: 'outside' }, /outside the workspace/],
      [{ kind: 'not-yaml' }, /not a BizFlow YAML file/],
      [{ kind: 'too-large' }, /size limit/],
      ['throw', /File not found/],
    ];
    for (const [read, re] of cases) {
      const r = analyzeBlock('# a comment\nfile: dir/x.yaml\n', {
        locale: 'en',
        readFile: () => {
          if (read === 'throw') throw new Error('boom');
          return read;
        },
      });
      assert.equal(r.mermaid, undefined);
      assert.equal(r.problems.length, 1);
      assert.equal(r.problems[0].severity, 'error');
      assert.equal(r.problems[0].line, 2);
      assert.match(r.problems[0].message, re);
    }
    const pending = analyzeBlock('file: x.yaml', { locale: 'en', readFile: () => ({ kind: 'pending' }) });
    assert.equal(pending.problems.length, 0);
    assert.match(pending.notice!, /Reading "x.yaml"/);
    assert.match(analyzeBlock('file: x.yaml', { locale: 'en' }).problems[0].message, /cannot be read here/);
  });

  it('bounded: a block over the size limit is not analysed; at most maxProblems listed, the rest counted', () => {
    const big = analyzeBlock(SMALL, { locale: 'en', maxSize: 50 });
    assert.equal(big.mermaid, undefined);
    assert.match(big.problems[0].message, /size limit/);
    const many = SMALL + Array.from({ length: 30 }, (_, i) => `  x${i}: { name: X, role: nobody, next: s1 }\n`).join('');
    const r = analyzeBlock(many, { locale: 'en', maxProblems: 5 });
    assert.equal(r.problems.length, 5);
    const total = r.counts.error + r.counts.warning + r.counts.info;
    assert.equal(r.more, total - 5);
    assert.ok(r.more > 0);
  });

  it('empty block and YAML syntax errors: a note or problems, never a throw', () => {
    assert.match(analyzeBlock('', { locale: 'en' }).notice!, /Nothing to draw/);
    const r = analyzeBlock('bizflow: 1\nsteps: [\n', { locale: 'en' });
    assert.ok(r.problems.some((p) => p.code === 'yaml/syntax'));
  });
});

describe('markdown-it plugin: HTML', () => {
  it('a bizflow fence becomes a block with the diagram text in an attribute and the problems listed; other fences untouched', () => {
    const body = SMALL.replace('next: s3 }', 'next: s9 }');
    const { html, blocks, diagrams, problems } = render('# PRD\n\n' + fence(body) + '\n' + fence('a: 1', 'yaml'));
    assert.equal(blocks.length, 1);
    assert.equal(diagrams.length, 1);
    const a = analyze(body, { locale: 'en' });
    assert.equal(attr(diagrams[0], MERMAID_ATTRIBUTE), toMermaid(a.model, a.diagnostics, { locale: 'en' }).text);
    const listed = problems(blocks[0]);
    const unknown = listed.find((p) => p.code === 'ref/unknown-step')!;
    assert.equal(unknown.line, 9);
    assert.equal(unknown.severity, 'error');
    assert.match(unknown.text, /line 9/);
    assert.match(html, /<pre><code class="language-yaml">a: 1\n<\/code><\/pre>/);
  });

  it('line numbers relative to the block, wherever the block is in the document', () => {
    const body = 'bizflow: 1\nsteps:\n  s1: { name: A, type: start, next: nowhere }\n';
    const { blocks, problems } = render('intro\n\n- list\n\n> quote\n\n' + fence(body));
    const p = problems(blocks[0]).find((x) => x.code === 'ref/unknown-step')!;
    assert.equal(p.line, 3);
  });

  it('a `file:` block: read through the option with markdown-it\'s env; the file\'s lines named with its path', () => {
    const seen: Array<[string, unknown]> = [];
    const env = { currentDocument: { scheme: 'file', path: '/w/docs/prd.md' } };
    const { blocks, diagrams, problems } = render(fence('file: ../examples/order-fulfilment.bizflow.yaml\nrole: warehouse'), {
      readFile: (p, e) => (seen.push([p, e]), { kind: 'text', text: ORDER }),
    }, env);
    assert.deepEqual(seen, [['../examples/order-fulfilment.bizflow.yaml', env]]);
    const a = analyze(ORDER, { locale: 'en' });
    assert.equal(attr(diagrams[0], MERMAID_ATTRIBUTE), toMermaid(a.model, a.diagnostics, { locale: 'en', role: 'warehouse' }).text);
    assert.match(problems(blocks[0])[0].text, /\.\.\/examples\/order-fulfilment\.bizflow\.yaml, line \d+/);
  });

  it('keeps the preview\'s source-line attributes (scroll sync) on the block', () => {
    const md = new MarkdownIt();
    // what VS Code's Markdown extension does: data-line and code-line on every block token with a map
    md.core.ruler.push('lines', (state) => {
      for (const t of state.tokens) if (t.map && t.type !== 'inline') {
        t.attrSet('data-line', String(t.map[0]));
        t.attrJoin('class', 'code-line');
      }
    });
    bizflowMarkdownIt(md);
    const all = elements(parse(md.render('para\n\n' + fence(SMALL))));
    const block = all.find((e) => hasClass(e, 'bizflow-md-block'))!;
    assert.equal(attr(block, 'data-line'), '2');
    assert.ok(hasClass(block, 'code-line'));
  });

  it('the locale option: Chinese summary and line labels', () => {
    const body = SMALL.replace('next: s3 }', 'next: s9 }');
    const { blocks, problems } = render(fence(body), { locale: () => 'zh-CN' });
    assert.match(problems(blocks[0]).find((p) => p.code === 'ref/unknown-step')!.text, /第 9 行/);
    assert.match(text(blocks[0]), /个问题/);
  });

  it('renders again from its cache with the same result, and sees a changed file', () => {
    let t = ORDER;
    const md = bizflowMarkdownIt(new MarkdownIt(), { readFile: () => ({ kind: 'text', text: t }) });
    const doc = fence('file: a.yaml');
    const first = md.render(doc);
    assert.equal(md.render(doc), first);
    t = SMALL;
    assert.notEqual(md.render(doc), first);
    assert.match(md.render(doc), /Small/);
  });

  it('hostile names, ids, roles and file names cannot inject markup: the page has only the plugin\'s own elements, and the texts read back as written', function () {
    this.timeout(60_000);
    const allowed = new Set(['html', 'head', 'body', 'div', 'p', 'ul', 'li', 'span', 'code']);
    const piece = fc.oneof(
      fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "'", '&amp;', '&lt;b&gt;', '</div>', '<!--', ']]>', '```', '\u2028', '${x}', '{{x}}'),
      fc.string({ maxLength: 8 }),
    );
    const hostile = fc.array(piece, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, roleName, fileName) => {
        const q = (s: string) => JSON.stringify(s);
        const body = `bizflow: 1\nprocess:\n  name: ${q(name)}\nroles:\n  r: { name: ${q(roleName)} }\nsteps:\n  s: { name: ${q(name)}, type: start, role: r, next: ${q(name)} }\n`;
        const fileBody = `file: ${q(fileName)}\nrole: ${q(roleName)}\n`;
        const { all, diagrams, blocks } = render(fence(body) + '\n' + fence(fileBody), { readFile: () => ({ kind: 'missing' }) });
        for (const el of all) {
          assert.ok(allowed.has(el.tagName), `unexpected <${el.tagName}>`);
          for (const a of el.attrs) assert.ok(!/^on/i.test(a.name) && !['src', 'href', 'style'].includes(a.name), `unexpected attribute ${a.name}`);
        }
        assert.equal(blocks.length, 2);
        const a = analyze(body, { locale: 'en' });
        assert.equal(attr(diagrams[0], MERMAID_ATTRIBUTE), toMermaid(a.model, a.diagnostics, { locale: 'en' }).text);
        // the file name reads back as written in the "not found" problem
        assert.equal(blockRequest(fileBody).kind, 'file');
        assert.ok(text(blocks[1]).includes(`File not found: "${fileName}"`), text(blocks[1]));
      }),
      { numRuns: 60 },
    );
  });
});
