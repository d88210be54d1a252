import { strict as assert } from 'assert';
import fc from 'fast-check';
import { analyze } from '../../src/core/engine';
import MarkdownIt from 'markdown-it';
import { mdCode, mdEscapeLine, mdEscapeText, showControls } from '../../src/core/escape';
import { hoverAt } from '../../src/core/hover';
import { buildSymbolIndex } from '../../src/core/symbols';

const BREAKS_OR_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;

describe('escape: user text in terminals and Markdown', function () {
  this.timeout(30000);
  it('showControls: C0, C1, ESC, bidi and zero-width characters as \\u{…}, other text unchanged', () => {
    assert.equal(showControls('a\u001b[31mb\u0007\n\t\u0085\u202e\u2066\u200b\ufeff'), 'a\\u{1b}[31mb\\u{7}\\u{a}\\u{9}\\u{85}\\u{202e}\\u{2066}\\u{200b}\\u{feff}');
    assert.equal(showControls('订单 — “ok” é 😀'), '订单 — “ok” é 😀');
  });

  it('mdEscapeText: one line, no link, image, HTML or code can start', () => {
    assert.equal(mdEscapeText('a\n\n![x](http://e) <b>&`c`'), 'a  !\\[x\\](http://e) &lt;b&gt;&amp;\\`c\\`');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = mdEscapeText(s);
        assert.doesNotMatch(e, BREAKS_OR_CONTROLS);
        assert.doesNotMatch(e, /(^|[^\\])(\\\\)*[[\]`<>*_|~$]/);
      }),
      { numRuns: 200 },
    );
  });

  it('mdEscapeLine: a line of its own renders as one plain paragraph (markdown-it): no list, heading, rule, code or quote', () => {
    const md = new MarkdownIt();
    const plain = (s: string) => {
      const html = md.render(mdEscapeLine(s));
      assert.ok(html === '' || /^<p>[^<]*<\/p>\n$/.test(html), `${JSON.stringify(s)} → ${JSON.stringify(html)}`);
    };
    for (const s of ['- a', '-', '+ a', '# a', '## a', '#', '1. a', '1) a', '1.', '123456789. a', '---', '- - -', '    code', '\t- a', '\n- a', ' # a', '= a', '> a', '***', '___', '~~~', '```']) plain(s);
    assert.equal(mdEscapeLine('- 列表样'), '\\- 列表样');
    assert.equal(mdEscapeLine('  1. 第一步'), '1\\. 第一步');
    assert.equal(mdEscapeLine('#5 会议室'), '\\#5 会议室');
    assert.equal(mdEscapeLine('a - b 1. c *d*'), 'a - b 1. c \\*d\\*'); // only the start of the line; the rest as mdEscapeText
    assert.equal(mdEscapeText('- a'), '- a'); // inline text (between code spans, after a label) keeps its start
    const chars = [...'-+#=1234567890.)( \t\n\r*_`~>[]!|&<\\:a订'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...chars), maxLength: 12 }), (s) => plain(s)),
      { numRuns: 500 },
    );
  });

  it('mdCode: a code span that holds any text on one line', () => {
    assert.equal(mdCode('id'), '`id`');
    assert.equal(mdCode('a`b'), '``a`b``');
    assert.equal(mdCode('`x'), '`` `x ``');
    assert.equal(mdCode('a\n\n![x](http://e)'), '`a\\u{a}\\u{a}![x](http://e)`');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const c = mdCode(s);
        assert.doesNotMatch(c, BREAKS_OR_CONTROLS);
        const fence = /^`+/.exec(c)![0];
        assert.ok(c.endsWith(fence));
        assert.ok(!c.slice(fence.length, c.length - fence.length).includes(fence), 'the fence does not occur inside');
      }),
      { numRuns: 200 },
    );
  });

  it('a hover on an id with blank lines keeps them inside its code span', () => {
    const text = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  "r\\n\\n![x](http://e)":\n    name: "n\\n\\n# h"\n';
    const { model, diagnostics } = analyze(text);
    const h = hoverAt(model, text.indexOf('"r\\n') + 1, 'en', diagnostics, buildSymbolIndex(model));
    assert.ok(h, 'a hover');
    assert.doesNotMatch(h!.markdown, /\n\n!\[x\]/);
    assert.doesNotMatch(h!.markdown, /\n\n# h/);
    assert.match(h!.markdown, /`r\\u\{a\}\\u\{a\}!\[x\]\(http:\/\/e\)`/);
  });
});
