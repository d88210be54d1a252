import { strict as assert } from 'assert';
import { analyze } from '../../src/core/engine';
import { toMermaid } from '../../src/core/mermaid';
import { LineIndex } from '../../src/core/positions';
import { buildRenderModel, prepareRender, PREVIEW_LIMITS } from '../../src/extension/preview/model';
import { LayoutMemo, layoutKey, renderWithLaneFallback, withLanesReversed, type LaneLayout } from '../../src/shared/preview-mermaid';
import { yaml } from './helpers';

const ORDER_ERROR = "Cannot set properties of undefined (setting 'order')";

const file = yaml`
  bizflow: 1
  roles:
    a: { name: A }
    b: { name: B }
  steps:
    s: { name: S, type: start, role: a, next: t }
    t: { name: T, role: b, next: e }
    e: { name: E, type: end }
`;
const withLanes = toMermaid(analyze(file).model).text;
const withoutLanes = toMermaid(analyze(file).model, [], { lanes: false }).text;
const reversed = withLanesReversed(withLanes)!;

/** A fake Mermaid: fails with `error` on the texts in `fails`, records what it was asked to draw. */
function fakeMermaid(fails: Map<string, string>) {
  const asked: string[] = [];
  const render = async (text: string, attempt: number) => {
    asked.push(text === withLanes ? 'lanes' : text === reversed ? 'reversedLanes' : text === withoutLanes ? 'noLanes' : `other ${attempt}`);
    const error = fails.get(text);
    if (error) throw new Error(error);
    return `<svg>${attempt}</svg>`;
  };
  return { asked, render };
}

describe('preview: drawing without lanes when Mermaid cannot lay them out', () => {
  it('does not fire when the lanes render: one attempt', async () => {
    const m = fakeMermaid(new Map());
    const r = await renderWithLaneFallback({ text: withLanes, withoutLanes }, m.render);
    assert.equal(r.layout, 'lanes');
    assert.equal(r.result, '<svg>0</svg>');
    assert.deepEqual(r.failed, []);
    assert.deepEqual(m.asked, ['lanes']);
  });

  it('fires on the layout error: lanes reversed, then no lanes', async () => {
    const m = fakeMermaid(new Map([[withLanes, ORDER_ERROR], [reversed, ORDER_ERROR]]));
    const r = await renderWithLaneFallback({ text: withLanes, withoutLanes }, m.render);
    assert.equal(r.layout, 'noLanes');
    assert.equal(r.result, '<svg>2</svg>');
    assert.deepEqual(m.asked, ['lanes', 'reversedLanes', 'noLanes']);
    assert.deepEqual(r.failed, [
      { layout: 'lanes', error: ORDER_ERROR },
      { layout: 'reversedLanes', error: ORDER_ERROR },
    ]);
  });

  it('stops at the reversed lanes when they render', async () => {
    const m = fakeMermaid(new Map([[withLanes, ORDER_ERROR]]));
    const r = await renderWithLaneFallback({ text: withLanes, withoutLanes }, m.render);
    assert.equal(r.layout, 'reversedLanes');
    assert.deepEqual(m.asked, ['lanes', 'reversedLanes']);
  });

  it('does not fire on errors in the text itself, nor when stopped, nor without a lane-less text', async () => {
    const parse = fakeMermaid(new Map([[withLanes, 'Parse error on line 3: ...']]));
    await assert.rejects(renderWithLaneFallback({ text: withLanes, withoutLanes }, parse.render), /Parse error/);
    assert.deepEqual(parse.asked, ['lanes']);

    const stopped = fakeMermaid(new Map([[withLanes, ORDER_ERROR]]));
    await assert.rejects(renderWithLaneFallback({ text: withLanes, withoutLanes }, stopped.render, () => true), /setting 'order'/);
    assert.deepEqual(stopped.asked, ['lanes']);

    const none = fakeMermaid(new Map([[withLanes, ORDER_ERROR], [reversed, ORDER_ERROR]]));
    await assert.rejects(renderWithLaneFallback({ text: withLanes }, none.render), /setting 'order'/);
    assert.deepEqual(none.asked, ['lanes', 'reversedLanes']);
  });

  it('reports the last error when nothing renders', async () => {
    const m = fakeMermaid(new Map([[withLanes, ORDER_ERROR], [reversed, ORDER_ERROR], [withoutLanes, 'something else']]));
    await assert.rejects(renderWithLaneFallback({ text: withLanes, withoutLanes }, m.render), /something else/);
  });

  it('starts where the memo says for the same structure, and from the lanes when the memo does not apply', async () => {
    const memo = new LayoutMemo(2);
    memo.set(withLanes, 'noLanes');
    // a rename changes only labels: same structure, same outcome
    const renamed = withLanes.replace('"S"', '"S, renamed"');
    assert.equal(layoutKey(renamed), layoutKey(withLanes));
    assert.equal(memo.get(renamed), 'noLanes');
    const m = fakeMermaid(new Map());
    const r = await renderWithLaneFallback({ text: withLanes, withoutLanes, startWith: memo.get(withLanes) }, m.render);
    assert.equal(r.layout, 'noLanes');
    assert.deepEqual(m.asked, ['noLanes']);
    // another structure (one more edge) is not in the memo
    assert.equal(memo.get(withLanes + '  n0 --> n2\n'), undefined);
    // a memo entry that does not apply (no lane-less text): every attempt is made
    const all = fakeMermaid(new Map([[withLanes, ORDER_ERROR]]));
    const again = await renderWithLaneFallback({ text: withLanes, startWith: 'noLanes' }, all.render);
    assert.equal(again.layout, 'reversedLanes');
    assert.deepEqual(all.asked, ['lanes', 'reversedLanes']);
    // success with lanes forgets; the memo keeps only the last `size` structures
    memo.set(withLanes, 'lanes');
    assert.equal(memo.get(withLanes), undefined);
    const layouts: LaneLayout[] = ['noLanes', 'reversedLanes', 'noLanes'];
    layouts.forEach((l, i) => memo.set(`flowchart LR\n  n${i}["x"]\n`, l));
    assert.equal(memo.get('flowchart LR\n  n0["y"]\n'), undefined);
    assert.equal(memo.get('flowchart LR\n  n2["y"]\n'), 'noLanes');
  });

  it('fetches a lane-less text given as a function on the first layout failure, once, and only then', async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return withoutLanes;
    };
    // the lanes render: never asked for
    const ok = fakeMermaid(new Map());
    assert.equal((await renderWithLaneFallback({ text: withLanes, withoutLanes: fetch }, ok.render)).layout, 'lanes');
    assert.equal(calls, 0);
    // the reversed lanes render: asked for (on its way while they were tried), not drawn
    const rev = fakeMermaid(new Map([[withLanes, ORDER_ERROR]]));
    assert.equal((await renderWithLaneFallback({ text: withLanes, withoutLanes: fetch }, rev.render)).layout, 'reversedLanes');
    assert.equal(calls, 1);
    // both lane layouts fail: drawn without lanes, asked for once
    calls = 0;
    const m = fakeMermaid(new Map([[withLanes, ORDER_ERROR], [reversed, ORDER_ERROR]]));
    const r = await renderWithLaneFallback({ text: withLanes, withoutLanes: fetch }, m.render);
    assert.equal(r.layout, 'noLanes');
    assert.equal(r.result, '<svg>2</svg>');
    assert.deepEqual(m.asked, ['lanes', 'reversedLanes', 'noLanes']);
    assert.equal(calls, 1);
    // the request starts right after the first failure, before the reversed lanes are drawn
    const order: string[] = [];
    const timed = fakeMermaid(new Map([[withLanes, ORDER_ERROR], [reversed, ORDER_ERROR]]));
    await renderWithLaneFallback(
      { text: withLanes, withoutLanes: async () => (order.push('fetch'), withoutLanes) },
      (t, a) => (order.push(`render ${a}`), timed.render(t, a)),
    );
    assert.deepEqual(order, ['render 0', 'fetch', 'render 1', 'render 2']);
    // a parse error asks for nothing
    calls = 0;
    const parse = fakeMermaid(new Map([[withLanes, 'Parse error on line 3: ...']]));
    await assert.rejects(renderWithLaneFallback({ text: withLanes, withoutLanes: fetch }, parse.render), /Parse error/);
    assert.equal(calls, 0);
  });

  it('tells where to start next time after each layout failure, also when stopped half-way', async () => {
    const memo = new LayoutMemo();
    const m = fakeMermaid(new Map([[withLanes, ORDER_ERROR], [reversed, ORDER_ERROR]]));
    // a newer diagram is waiting after the first failure: stopped, but the failure is remembered
    await assert.rejects(
      renderWithLaneFallback({ text: withLanes, withoutLanes, onLayoutFailed: (next) => memo.set(withLanes, next) }, m.render, () => true),
      /setting 'order'/,
    );
    assert.equal(memo.get(withLanes), 'reversedLanes');
    const again = fakeMermaid(new Map([[withLanes, ORDER_ERROR], [reversed, ORDER_ERROR]]));
    const r = await renderWithLaneFallback(
      { text: withLanes, withoutLanes, startWith: memo.get(withLanes), onLayoutFailed: (next) => memo.set(withLanes, next) },
      again.render,
    );
    assert.equal(r.layout, 'noLanes');
    assert.deepEqual(again.asked, ['reversedLanes', 'noLanes'], 'the lanes are not tried again');
    assert.equal(memo.get(withLanes), 'noLanes');
    // a parse error is no layout failure: nothing remembered
    const parse = fakeMermaid(new Map([[withLanes, 'Parse error on line 3: ...']]));
    const told: LaneLayout[] = [];
    await assert.rejects(renderWithLaneFallback({ text: withLanes, withoutLanes, onLayoutFailed: (n) => told.push(n) }, parse.render));
    assert.deepEqual(told, []);
  });

  it('gives the last layout error when the lane-less text does not come', async () => {
    for (const fetch of [async () => undefined, async () => Promise.reject(new Error('timeout'))]) {
      const m = fakeMermaid(new Map([[withLanes, ORDER_ERROR], [reversed, ORDER_ERROR]]));
      await assert.rejects(renderWithLaneFallback({ text: withLanes, withoutLanes: fetch }, m.render), /setting 'order'/);
      assert.deepEqual(m.asked, ['lanes', 'reversedLanes']);
    }
  });

  it('with the memo at "no lanes", asks for the lane-less text first, and makes every attempt when there is none', async () => {
    const memo = new LayoutMemo();
    memo.set(withLanes, 'noLanes');
    let calls = 0;
    const m = fakeMermaid(new Map());
    const r = await renderWithLaneFallback(
      { text: withLanes, withoutLanes: async () => (calls++, withoutLanes), startWith: memo.get(withLanes) },
      m.render,
    );
    assert.equal(r.layout, 'noLanes');
    assert.equal(r.result, '<svg>0</svg>');
    assert.deepEqual(m.asked, ['noLanes']);
    assert.equal(calls, 1);
    const none = fakeMermaid(new Map([[withLanes, ORDER_ERROR]]));
    const again = await renderWithLaneFallback({ text: withLanes, withoutLanes: async () => undefined, startWith: 'noLanes' }, none.render);
    assert.equal(again.layout, 'reversedLanes');
    assert.deepEqual(none.asked, ['lanes', 'reversedLanes']);
  });

  it('the render model carries the lane-less text only when asked to; the parts give it on request', () => {
    const a = analyze(file);
    const model = buildRenderModel(a, new LineIndex(file), { fileName: 'x.bizflow.yaml' });
    assert.equal(model.mermaid, withLanes);
    assert.equal(model.mermaidWithoutLanes, undefined, 'not sent unless the panel needs it');
    const parts = prepareRender(a, new LineIndex(file), { fileName: 'x.bizflow.yaml' });
    assert.equal(parts.withoutLanes(), withoutLanes);
    assert.equal(buildRenderModel(a, new LineIndex(file), { fileName: 'x.bizflow.yaml', withoutLanes: true }).mermaidWithoutLanes, withoutLanes);
    const view = buildRenderModel(a, new LineIndex(file), { fileName: 'x.bizflow.yaml', role: 'b', withoutLanes: true });
    assert.equal(view.mermaidWithoutLanes, toMermaid(a.model, a.diagnostics, { role: 'b', lanes: false }).text);
    assert.equal(prepareRender(a, new LineIndex(file), { fileName: 'x.bizflow.yaml', role: 'b' }).withoutLanes(), view.mermaidWithoutLanes);
    // no lane (no role at all), or too large to draw: nothing to fall back to
    const laneless = yaml`
      bizflow: 1
      steps:
        s: { type: start, next: e }
        e: { type: end }
    `;
    assert.equal(buildRenderModel(analyze(laneless), new LineIndex(laneless), { fileName: 'y', withoutLanes: true }).mermaidWithoutLanes, undefined);
    assert.equal(prepareRender(analyze(laneless), new LineIndex(laneless), { fileName: 'y' }).withoutLanes(), undefined);
    const tiny = { ...PREVIEW_LIMITS, maxNodes: 1 };
    assert.equal(buildRenderModel(a, new LineIndex(file), { fileName: 'x', limits: tiny, withoutLanes: true }).mermaidWithoutLanes, undefined);
    assert.equal(prepareRender(a, new LineIndex(file), { fileName: 'x', limits: tiny }).withoutLanes(), undefined);
  });
});
