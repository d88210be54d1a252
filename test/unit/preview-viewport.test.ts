import { strict as assert } from 'assert';
import {
  clampScale,
  fitView,
  initialView,
  legibleScale,
  keepVisible,
  MAX_SCALE,
  MIN_SCALE,
  panBy,
  pngScale,
  wheelPixels,
  wheelZoomFactor,
  zoomAt,
} from '../../src/shared/preview-viewport';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);

describe('preview viewport', () => {
  it('zoomAt keeps the point under the cursor fixed', () => {
    const v = { scale: 1.3, x: 40, y: -25 };
    const cx = 300;
    const cy = 200;
    const before = { x: (cx - v.x) / v.scale, y: (cy - v.y) / v.scale };
    const z = zoomAt(v, 1.7, cx, cy);
    close(z.scale, 1.3 * 1.7);
    close(before.x * z.scale + z.x, cx);
    close(before.y * z.scale + z.y, cy);
  });

  it('clamps the scale', () => {
    assert.equal(zoomAt({ scale: 1, x: 0, y: 0 }, 1000, 0, 0).scale, MAX_SCALE);
    assert.equal(zoomAt({ scale: 1, x: 0, y: 0 }, 0.00001, 0, 0).scale, MIN_SCALE);
    assert.equal(clampScale(NaN), 1);
    assert.equal(clampScale(-2), 1);
  });

  it('fitView centres the whole diagram and does not blow small ones up', () => {
    const f = fitView(1000, 500, 516, 416, 8);
    close(f.scale, 0.5);
    close(f.x, 8);
    close(f.y, (416 - 250) / 2);
    assert.equal(fitView(10, 10, 1000, 1000).scale, 1.5);
    assert.deepEqual(fitView(0, 0, 100, 100), { scale: 1, x: 16, y: 16 });
  });

  it('initialView keeps big diagrams readable, starting at the anchor', () => {
    const small = initialView(400, 300, 800, 600);
    assert.deepEqual(small, fitView(400, 300, 800, 600));
    // fit to width, from the top, when the diagram is taller than the view and the text stays legible
    const tall = initialView(1000, 2000, 800, 600, 16, legibleScale(14));
    close(tall.scale, 768 / 1000);
    assert.equal(tall.y, 16);
    assert.ok(tall.scale * 14 >= 10);
    close(legibleScale(14), 10 / 14);
    // too wide for legible text at fit-to-width: the legible scale, starting at the start step
    const wide = initialView(4000, 300, 800, 600, 16, legibleScale(14), { x: 10, y: 150 });
    close(wide.scale, 10 / 14);
    close(wide.x, 16);
    const big = initialView(20000, 3000, 800, 600, 16, 0.5, { x: 100, y: 1500 });
    assert.equal(big.scale, 0.5);
    // the start step is in sight from the left edge: the band titles stay in view
    close(big.x, 16);
    // the start step far down: centred on it
    close(big.y, 300 - 750);
    const far = initialView(20000, 3000, 800, 600, 16, 0.5, { x: 5000, y: 100 });
    close(far.x, 32 - 2500);
    close(far.y, 16);
    const noAnchor = initialView(20000, 3000, 800, 600, 16, 0.5);
    assert.deepEqual(noAnchor, { scale: 0.5, x: 16, y: 16 });
  });

  it('keepVisible stops the diagram from leaving the view', () => {
    const v = keepVisible({ scale: 1, x: 5000, y: -5000 }, 400, 300, 800, 600, 40);
    assert.equal(v.x, 760);
    assert.equal(v.y, -260);
    assert.deepEqual(keepVisible({ scale: 1, x: 10, y: 10 }, 400, 300, 800, 600), { scale: 1, x: 10, y: 10 });
  });

  it('wheel helpers', () => {
    assert.equal(wheelPixels(3, 1, 500), 48);
    assert.equal(wheelPixels(1, 2, 500), 500);
    assert.equal(wheelPixels(7, 0, 500), 7);
    assert.ok(wheelZoomFactor(-100) > 1 && wheelZoomFactor(100) < 1);
    close(wheelZoomFactor(100) * wheelZoomFactor(-100), 1);
    assert.deepEqual(panBy({ scale: 2, x: 1, y: 1 }, 3, -4), { scale: 2, x: 4, y: -3 });
  });

  it('pngScale stays within canvas limits', () => {
    assert.equal(pngScale(800, 600, 2), 2);
    const s = pngScale(20000, 3000, 2);
    assert.ok(20000 * s <= 16384 + 1e-6);
    const a = pngScale(16000, 16000, 2);
    assert.ok(16000 * a * 16000 * a <= (16384 * 16384) / 2 + 1);
  });
});
