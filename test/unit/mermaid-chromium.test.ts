/**
 * The diagrams of toMermaid rendered by the REAL Mermaid in headless Chromium
 * (one browser for the whole file). Chromium is required: without it this
 * file fails (CI installs it), it does not skip.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generateFlow } from '../../bench/generate';
import { analyze } from '../../src/core/engine';
import { toMermaid } from '../../src/core/mermaid';
import { ChromiumMissingError, MermaidRenderer, renderMermaid } from '../../src/node/mermaid-render';
import { removeTree, run, tempTree } from '../fixtures/cli/harness';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const FIXTURES = path.resolve(__dirname, '../fixtures');

const FILES = [
  path.join(EXAMPLES, 'order-fulfilment.bizflow.yaml'),
  path.join(EXAMPLES, 'procure-to-pay.bizflow.yaml'),
  path.join(FIXTURES, 'hostile.bizflow.yaml'),
  path.join(FIXTURES, 'hostile-keywords.bizflow.yaml'),
];

interface SvgFacts {
  parseError?: string;
  nodes: Array<{ id: string; classes: string[]; text: string }>;
  clusters: Array<{ id: string; text: string }>;
  edgeLabels: string[];
  elementNames: string[];
  styleElements: number;
  dangerous: string[];
}

/**
 * Parses the SVG as XML in the page (so it must be a well-formed file) and
 * reads what a user would see. Plain JavaScript source, so the test
 * transpiler adds nothing to it.
 */
const INSPECT_SVG = `(svg) => {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const text = (el) => (el ? el.textContent : '') || '';
  const all = Array.from(root.querySelectorAll('*')).concat([root]);
  const dangerous = [];
  for (const el of all) {
    const name = el.localName.toLowerCase();
    if (['script', 'img', 'image', 'iframe', 'object', 'embed', 'a', 'b', 'i', 'link', 'meta', 'base', 'form', 'input', 'video', 'audio', 'use', 'animate', 'set'].includes(name)) {
      dangerous.push('<' + name + '>');
    }
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) dangerous.push(name + ' @' + a.name);
      if (/href$/i.test(a.name)) dangerous.push(name + ' @' + a.name);
      if (/javascript:/i.test(a.value)) dangerous.push(name + ' @' + a.name + '=' + a.value);
    }
  }
  return {
    parseError: doc.querySelector('parsererror') ? text(doc.querySelector('parsererror')) : undefined,
    nodes: Array.from(root.querySelectorAll('g.node')).map((g) => ({
      id: g.id,
      classes: (g.getAttribute('class') || '').split(/\\s+/),
      text: text(g.querySelector('.nodeLabel') || g),
    })),
    clusters: Array.from(root.querySelectorAll('g.cluster')).map((g) => ({ id: g.id, text: text(g.querySelector('.cluster-label')) })),
    edgeLabels: Array.from(root.querySelectorAll('g.edgeLabel')).map((g) => text(g)),
    elementNames: Array.from(new Set(all.map((el) => el.localName))),
    styleElements: root.querySelectorAll('style').length,
    dangerous,
  };
}`;

/** What a label should read once drawn: whitespace runs are one space (HTML would show them so). */
const norm = (s: string) => s.replace(/\u2060/g, '').replace(/\s+/g, ' ').trim();

/** Elements Mermaid's flowchart SVG is made of (with HTML labels). */
const EXPECTED_ELEMENTS = new Set([
  'svg', 'style', 'g', 'defs', 'marker', 'path', 'polygon', 'circle', 'rect', 'foreignObject', 'div', 'span', 'p',
  'filter', 'feDropShadow', 'line', 'ellipse', 'text', 'tspan', 'title', 'desc',
]);

describe('Mermaid diagrams rendered by Mermaid in headless Chromium', function () {
  this.timeout(30_000);
  let renderer: MermaidRenderer | undefined;

  before(async function () {
    this.timeout(60_000);
    // Fails (not skips) when Chromium is missing: the message says how to install it.
    renderer = await MermaidRenderer.launch();
  });

  after(async () => {
    await renderer?.close();
  });

  async function renderAndInspect(text: string): Promise<SvgFacts> {
    assert.ok(renderer, 'the browser was not started (see the failure of the "before all" hook)');
    const [res] = await renderer.render([text]);
    assert.equal(res.error, undefined, `Mermaid rejected the diagram: ${res.error}\n${text}`);
    assert.ok(res.svg && res.svg.startsWith('<svg'), 'an SVG comes back');
    const facts = (await renderer.page.evaluate(([src, svg]) => (0, eval)(src)(svg), [INSPECT_SVG, res.svg])) as SvgFacts;
    assert.equal(facts.parseError, undefined, 'the SVG is well-formed XML');
    return facts;
  }

  for (const file of FILES) {
    const text = fs.readFileSync(file, 'utf8');
    const { model, diagnostics } = analyze(text);
    const views: Array<string | undefined> = [undefined, ...model.roles.list.map((r) => r.id)];

    for (const role of views) {
      it(`${path.basename(file)}${role === undefined ? '' : ` --role ${role}`}: renders every step and lane as plain text`, async () => {
        const result = toMermaid(model, diagnostics, { role });
        assert.equal(result.warnings, undefined);
        const facts = await renderAndInspect(result.text);

        // no markup got in
        assert.deepEqual(facts.dangerous, []);
        assert.deepEqual(facts.elementNames.filter((n) => !EXPECTED_ELEMENTS.has(n)), []);
        assert.equal(facts.styleElements, 1, "only Mermaid's own <style>");

        // which steps and lanes should be drawn, worked out here from the model
        const byId = model.steps.byId;
        const laneOf = (id: string) => {
          const r = byId.get(id)?.role?.id;
          return r !== undefined && model.roles.byId.has(r) ? r : undefined;
        };
        let wantSteps = model.steps.list.map((s) => s.id);
        let wantLanes = model.roles.list.map((r) => r.id).filter((r) => r === role || wantSteps.some((id) => laneOf(id) === r));
        if (role !== undefined) {
          const own = new Set(model.steps.list.filter((s) => laneOf(s.id) === role).map((s) => s.id));
          const shown = new Set(own);
          for (const s of model.steps.list) {
            for (const e of s.next) {
              if (!byId.has(e.target.id)) continue;
              if (own.has(s.id)) shown.add(e.target.id);
              if (own.has(e.target.id)) shown.add(s.id);
            }
          }
          wantSteps = wantSteps.filter((id) => shown.has(id));
          wantLanes = wantLanes.filter((r) => r === role || wantSteps.some((id) => laneOf(id) === r));
        }

        // one band per lane (and one for steps without a known role), labelled with the role's name and department, as text
        const loose = wantSteps.some((id) => laneOf(id) === undefined);
        assert.equal(facts.clusters.length, wantLanes.length + (loose ? 1 : 0), 'number of lanes');
        assert.deepEqual([...result.laneIds.keys()], wantLanes, 'lanes in the order of roles:');
        for (const r of wantLanes) {
          const laneId = result.laneIds.get(r);
          const cluster = facts.clusters.find((c) => c.id === laneId || c.id.endsWith(`-${laneId}`));
          assert.ok(cluster, `lane of role ${r}`);
          const role = model.roles.byId.get(r)!;
          const dept = role.department?.trim() ? ` · ${role.department}` : '';
          assert.equal(norm(cluster.text), norm((role.name?.trim() ? role.name : role.id) + dept), `name of role ${r}`);
        }
        if (loose) assert.equal(norm(facts.clusters.find((c) => c.id === 'unassigned')?.text ?? ''), 'unassigned');

        // one node per step (the invisible placeholders of empty lanes aside), labelled as text
        const stepNodes = facts.nodes.filter((n) => !n.classes.includes('emptyLane'));
        assert.equal(stepNodes.length, wantSteps.length, 'number of steps');
        for (const id of wantSteps) {
          const step = byId.get(id)!;
          const nodeId = result.nodeIds.get(id);
          const node = stepNodes.find((n) => new RegExp(`-flowchart-${nodeId}-\\d+$`).test(n.id));
          assert.ok(node, `node of step ${id}`);
          assert.equal(norm(node.text), norm(step.name ?? id), `name of step ${id}`);
        }

        // branch labels, as text
        const wantLabels: string[] = [];
        const shown = new Set(wantSteps);
        for (const s of model.steps.list) {
          for (const e of s.next) {
            if (!shown.has(s.id) || !shown.has(e.target.id) || !e.label) continue;
            if (role !== undefined && laneOf(s.id) !== role && laneOf(e.target.id) !== role) continue;
            wantLabels.push(norm(e.label));
          }
        }
        assert.deepEqual(facts.edgeLabels.map(norm).filter(Boolean).sort(), wantLabels.sort());

        // the classes reach the SVG
        if (role === undefined) {
          const marked = (cls: string) =>
            stepNodes.filter((n) => n.classes.includes(cls)).map((n) => /-flowchart-(n\d+)-\d+$/.exec(n.id)![1]).sort();
          const expect = (ids: Iterable<string>) => [...new Set(ids)].map((id) => result.nodeIds.get(id)!).sort();
          const live = model.requirements.list.filter((r) => r.live);
          assert.deepEqual(marked('added'), expect(live.flatMap((r) => r.adds.map((a) => a.id)).filter((id) => byId.has(id))));
          assert.deepEqual(marked('removed'), expect(live.flatMap((r) => r.removes.map((a) => a.id)).filter((id) => byId.has(id))));
          const inConflict = diagnostics
            .filter((d) => d.code.startsWith('conflict/'))
            .flatMap((d) => (d.data?.steps ?? []).filter((id) => byId.has(id)));
          assert.deepEqual(marked('conflict'), expect(inConflict));
        }
      });
    }
  }

  it('the order-fulfilment conflict on "pick" is drawn with the conflict class', async () => {
    const { model, diagnostics } = analyze(fs.readFileSync(FILES[0], 'utf8'));
    const result = toMermaid(model, diagnostics);
    const facts = await renderAndInspect(result.text);
    const pick = facts.nodes.find((n) => new RegExp(`-flowchart-${result.nodeIds.get('pick')}-\\d+$`).test(n.id));
    assert.ok(pick);
    assert.ok(pick.classes.includes('conflict'), `classes: ${pick.classes.join(' ')}`);
    const doubleCheck = facts.nodes.find((n) => n.text === '出库复核');
    assert.ok(doubleCheck?.classes.includes('added'));
  });

  it('draws any generated name as the same text (fuzz, one diagram)', async () => {
    const alphabet = ['"', "'", '[', ']', '(', ')', '{', '}', '|', '#', '%%', ';', ':', '`', '<', '>', '&', '\\n', '\\', '$$', ' ', 'end', 'direction TB', 'C4Container', '%%{init: {"theme":"dark"}}%%', '<b>', '</b>', '<img src=x onerror=alert(1)>', '\u00a0', '审批', '🚚', '-->', 'fa:fa-user', '#35;', '&lt;', '\uFB02\u00B0', '\u00B6\u00DF'];
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const names: string[] = [];
    for (let i = 0; i < 60; i++) {
      let s = '';
      for (let k = 1 + rnd(8); k > 0; k--) s += alphabet[rnd(alphabet.length)];
      names.push(s);
    }
    const steps = names
      .map((name, i) => `  s${i}:\n    name: ${JSON.stringify(name)}\n    type: ${i === 0 ? 'start' : i === names.length - 1 ? 'end' : 'task'}\n    role: r${i % 3}\n${i < names.length - 1 ? `    next: s${i + 1}\n` : ''}`)
      .join('');
    const roles = [0, 1, 2].map((i) => `  r${i}:\n    name: ${JSON.stringify(names[i * 7])}\n`).join('');
    const { model, diagnostics } = analyze(`bizflow: 1\nprocess:\n  name: fuzz\nroles:\n${roles}steps:\n${steps}`);
    assert.equal(model.steps.list.length, names.length);
    const result = toMermaid(model, diagnostics);
    const facts = await renderAndInspect(result.text);
    assert.deepEqual(facts.dangerous, []);
    assert.equal(facts.nodes.length, names.length);
    for (let i = 0; i < names.length; i++) {
      const node = facts.nodes.find((n) => new RegExp(`-flowchart-${result.nodeIds.get(`s${i}`)}-\\d+$`).test(n.id));
      const want = names[i].trim() === '' ? `s${i}` : names[i]; // a blank name shows the id
      assert.equal(norm(node?.text ?? '<missing>'), norm(want), `step s${i}`);
    }
    assert.deepEqual(facts.clusters.map((c) => norm(c.text)).sort(), [0, 1, 2].map((i) => norm(names[i * 7])).sort());
  });

  describe('swimlanes dagre could not lay out', () => {
    // A generated flow of 150 steps and 10 lanes (seed 3, with conflicts) on which Mermaid's dagre layout
    // throws with its lanes ("Cannot set properties of undefined (setting 'order')"); the old preview and CLI
    // fell back to no lanes. BizFlow's swimlane layout draws it with its lanes.
    const crashing = generateFlow(150, 3).text;

    it('draws it with every lane and every step, and conflict highlighting', async function () {
      this.timeout(300_000);
      assert.ok(renderer);
      const { model, diagnostics } = analyze(crashing);
      const lanes = toMermaid(model, diagnostics);
      const r = await renderer.renderFlow({ text: lanes.text });
      assert.equal(r.error, undefined);
      assert.ok(r.svg?.startsWith('<svg'), 'an SVG');
      const facts = (await renderer.page.evaluate(([src, svg]) => (0, eval)(src)(svg), [INSPECT_SVG, r.svg!])) as SvgFacts;
      assert.equal(facts.parseError, undefined);
      assert.deepEqual(facts.dangerous, []);
      assert.equal(facts.clusters.length, lanes.laneIds.size + (lanes.unassignedLane ? 1 : 0), 'every lane');
      assert.equal(facts.nodes.length, model.steps.list.length, 'every step');
      const inConflict = new Set(diagnostics.filter((d) => d.code.startsWith('conflict/')).flatMap((d) => d.data?.steps ?? []));
      assert.ok(inConflict.size > 0);
      const marked = facts.nodes.filter((n) => n.classes.includes('conflict')).length;
      assert.equal(marked, [...inConflict].filter((id) => lanes.nodeIds.has(id)).length, 'conflict highlighting kept');
    });

    it('bizflow render --format svg draws its lanes, with nothing on stderr (exit 0)', async function () {
      this.timeout(300_000);
      const dir = tempTree({ 'flow.bizflow.yaml': crashing });
      try {
        const r = await run(['render', '--format', 'svg', 'flow.bizflow.yaml'], { cwd: dir });
        assert.equal(r.code, 0, r.err);
        assert.match(r.out, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assert.match(r.out, /<g class="cluster swimlane[" ]/, 'lanes in the SVG');
        assert.equal(r.err, '');
      } finally {
        removeTree(dir);
      }
    });
  });

  it('returns Mermaid’s message for a text it rejects, and keeps working', async () => {
    assert.ok(renderer);
    const [bad, good] = await renderer.render(['flowchart LR\n  a[unclosed\n', 'flowchart LR\n  a --> b\n']);
    assert.equal(bad.svg, undefined);
    assert.match(bad.error ?? '', /Parse error|Expecting|Lexical error/);
    assert.equal(good.error, undefined);
    assert.ok(good.svg?.startsWith('<svg'));
  });

  it('says clearly, on one line, when Chromium is missing', async () => {
    await assert.rejects(renderMermaid(['flowchart LR\n  a --> b\n'], { executablePath: '/nonexistent/chromium' }), (e: unknown) => {
      assert.ok(e instanceof ChromiumMissingError);
      assert.match(e.message, /\/nonexistent\/chromium/);
      assert.match(e.message, /apt-get install -y chromium/);
      assert.ok(!e.message.includes('\n'));
      return true;
    });
  });
});
