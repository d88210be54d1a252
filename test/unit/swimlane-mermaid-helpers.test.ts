/**
 * BizFlow's swimlane layout relies on Mermaid's internal layout helpers
 * (`internalHelpers`, deprecated in Mermaid's typings). Mermaid's version is
 * pinned; these tests fail when the pin, the installed copy or the helpers
 * (names, parameters of the ones we call) change, so an upgrade is a
 * deliberate step (re-run test/unit/swimlane-chromium.test.ts after it).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REQUIRED_HELPERS } from '../../src/shared/swimlane/mermaid-layout';

const ROOT = path.resolve(__dirname, '../..');
const MERMAID = path.dirname(require.resolve('mermaid/package.json'));
const PINNED = '11.17.2';

/** The text of Mermaid's chunk that defines `name` (its unminified ESM build). */
function chunkDefining(re: RegExp): string {
  const dir = path.join(MERMAID, 'dist', 'chunks', 'mermaid.core');
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.mjs')) continue;
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    if (re.test(text)) return text;
  }
  assert.fail(`no Mermaid chunk matches ${re}`);
}

describe('Mermaid layout helpers used by the BizFlow swimlane layout', () => {
  it('Mermaid is pinned to an exact version, and that version is installed', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const spec = pkg.devDependencies?.mermaid ?? pkg.dependencies?.mermaid;
    assert.equal(spec, PINNED, 'an exact version, no range');
    assert.equal(JSON.parse(fs.readFileSync(path.join(MERMAID, 'package.json'), 'utf8')).version, PINNED);
  });

  it('passes every helper we call to layout algorithms (internalHelpers)', () => {
    const text = chunkDefining(/var internalHelpers = \{/);
    const body = /var internalHelpers = \{([^}]*)\}/.exec(text)![1];
    const names = body.split(',').map((x) => x.split(':')[0].trim()).filter(Boolean);
    for (const h of REQUIRED_HELPERS) assert.ok(names.includes(h), `internalHelpers has ${h}: ${names.join(', ')}`);
    assert.match(text, /layoutRenderer\.render\(data4Layout, svg, internalHelpers, \{/, 'render(data4Layout, svg, helpers, options)');
    assert.match(text, /var registerLayoutLoaders = .*\(loaders\) => \{\n\s*for \(const loader of loaders\) \{\n\s*layoutAlgorithms\[loader\.name\] = loader;/);
  });

  it('the helpers keep the parameters we pass', () => {
    assert.match(chunkDefining(/var insertEdge = /), /var insertEdge = \/\* @__PURE__ \*\/ __name\(function\(elem, edge, clusterDb, diagramType, startNode, endNode, diagramId, skipIntersect = false\)/);
    assert.match(chunkDefining(/var positionEdgeLabel = /), /var positionEdgeLabel = \/\* @__PURE__ \*\/ __name\(\(edge, paths\) =>/);
    assert.match(chunkDefining(/var insertEdgeLabel = /), /var insertEdgeLabel = \/\* @__PURE__ \*\/ __name\(async \(elem, edge\) =>/);
    assert.match(chunkDefining(/async function insertNode\(/), /async function insertNode\(elem, node, renderOptions\)/);
    const clusters = chunkDefining(/var insertCluster = /);
    assert.match(clusters, /var insertCluster = \/\* @__PURE__ \*\/ __name\(async \(elem, node\) =>/);
    // the band shape we ask for, and the node fields it reads
    assert.match(clusters, /var swimlane = /);
    assert.match(clusters, /const isLR = node\.direction === "LR";/);
    assert.match(clusters, /node\.swimlaneContentTop/);
  });
});
