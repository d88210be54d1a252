import { strict as assert } from 'assert';
import { frameSvg, LEGEND_WORDS, legendItems, PALETTES, textWidth } from '../../src/shared/preview-theme';

describe('export frame (title, legend, background)', () => {
  const diagram = '<svg id="bizflow-svg-3" width="400" height="200" viewBox="-8 -8 400 200" style="max-width: 400px;"><style>#bizflow-svg-3 .node{fill:red}</style><g class="node"><rect/></g></svg>';
  const items = legendItems(LEGEND_WORDS.en, PALETTES.light);

  it('puts the diagram, unchanged inside, below the title and above the legend, on the background', () => {
    const f = frameSvg(diagram, { title: 'Order <handling> & co', legend: items, palette: PALETTES.light });
    assert.match(f.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="(\d+)" height="(\d+)"/);
    assert.match(f.svg, /<rect class="bf-background"[^>]*fill="#ffffff"/);
    assert.match(f.svg, /<text class="bf-title"[^>]*>Order &lt;handling&gt; &amp; co<\/text>/, 'escaped');
    // the diagram keeps its root (its id scopes Mermaid's styles) and viewBox, placed below the title
    const nested = /<svg x="24" y="(\d+)" width="400" height="200" id="bizflow-svg-3" viewBox="-8 -8 400 200">/.exec(f.svg);
    assert.ok(nested, f.svg.slice(0, 800));
    assert.ok(f.svg.includes('<style>#bizflow-svg-3 .node{fill:red}</style><g class="node"><rect/></g></svg>'));
    const legendAt = f.svg.indexOf('<g class="bf-legend"');
    assert.ok(legendAt > f.svg.indexOf('<g class="node">'), 'legend after the diagram');
    for (const it of items) assert.ok(f.svg.includes(`>${it.label}</text>`), it.label);
    assert.ok(f.width >= 400 + 48 && f.height > 200 + 22 + 24, `${f.width}×${f.height}`);
    assert.ok(f.svg.endsWith('</g></svg>'));
  });

  it('wraps the legend to the diagram width, and a long title widens the picture', () => {
    const narrow = frameSvg(diagram, { title: 't', legend: items, palette: PALETTES.light });
    const rows = new Set([...narrow.svg.matchAll(/translate\([\d.]+,(\d+)\)/g)].map((m) => m[1]));
    assert.ok(rows.size >= 2, 'more than one legend row');
    const title = '很长的流程名称'.repeat(10);
    const wide = frameSvg(diagram, { title, legend: items, palette: PALETTES.light });
    assert.ok(wide.width >= textWidth(title, 22), `${wide.width}`);
    assert.equal(textWidth('审批', 10), 20);
  });

  it('subtitle, Chinese legend, and input without an <svg> returned as is', () => {
    const f = frameSvg(diagram, { title: 'P', subtitle: 'Role view: Sales', legend: legendItems(LEGEND_WORDS['zh-CN'], PALETTES.dark), palette: PALETTES.dark });
    assert.match(f.svg, /<text class="bf-subtitle"[^>]*>Role view: Sales<\/text>/);
    assert.ok(f.svg.includes('冲突已决定') && f.svg.includes('fill="#1e1e1e"'));
    assert.deepEqual(frameSvg('nothing', { title: 'P', legend: [], palette: PALETTES.light }), { svg: 'nothing', width: 0, height: 0 });
  });
});
