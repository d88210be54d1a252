/**
 * VS Code for the Web: the web bundles (esbuild.web.mjs, the same options `npm run build` uses) contain no
 * Node built-in, and the Web Worker bundle answers analysis requests in a context that has only what a
 * browser's Web Worker has (no require, process, Buffer, module). The extension itself is tested in the
 * real Web Worker extension host of code-server by `npm run test:web` (test/web/).
 */
import { strict as assert } from 'assert';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import type { WorkerToHost } from '../../src/shared/worker-protocol';

const ROOT = path.resolve(__dirname, '../..');
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

interface Built {
  outfile: string;
  text: string;
  metafile: esbuild.Metafile;
}

async function buildWeb(): Promise<Built[]> {
  const { webBuilds } = (await import(path.join(ROOT, 'esbuild.web.mjs'))) as {
    webBuilds(o: { production?: boolean }): esbuild.BuildOptions[];
  };
  return Promise.all(
    webBuilds({ production: false }).map(async (options) => {
      const r = await esbuild.build({ ...options, absWorkingDir: ROOT, write: false, sourcemap: false, logLevel: 'silent' });
      assert.equal(r.outputFiles.length, 1);
      return { outfile: String(options.outfile), text: r.outputFiles[0].text, metafile: r.metafile! };
    }),
  );
}

/** The module specifiers a bundle leaves to its runtime (from esbuild's metafile). */
function externalImports(m: esbuild.Metafile): string[] {
  const out = new Set<string>();
  for (const o of Object.values(m.outputs)) for (const i of o.imports) if (i.external) out.add(i.path);
  // an input's import esbuild left unresolved: a package or built-in (a relative one is a TypeScript import used
  // only as a type, which esbuild lists as external and drops)
  for (const input of Object.values(m.inputs)) for (const i of input.imports) if (i.external && !i.path.startsWith('.')) out.add(i.path);
  return [...out].sort();
}

/** `require("x")` calls left in a bundle's text. */
function requireCalls(text: string): string[] {
  return [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
}

describe('web bundles (VS Code for the Web)', function () {
  this.timeout(60_000);
  let bundles: Built[];
  const bundle = (outfile: string) => bundles.find((b) => b.outfile === outfile)!;

  before(async () => {
    bundles = await buildWeb();
  });

  it('builds dist/web/extension.js and dist/web/worker.js for the browser', () => {
    assert.deepEqual(bundles.map((b) => b.outfile).sort(), ['dist/web/extension.js', 'dist/web/worker.js']);
  });

  it('the extension bundle imports nothing but `vscode`, and no Node built-in is among its inputs', () => {
    const b = bundle('dist/web/extension.js');
    assert.deepEqual(externalImports(b.metafile), ['vscode']);
    assert.deepEqual([...new Set(requireCalls(b.text))], ['vscode']);
    const inputs = Object.keys(b.metafile.inputs);
    assert.ok(inputs.includes('src/extension/extension.web.ts'));
    assert.ok(!inputs.includes('src/extension/nodeWorker.ts'), 'the Node worker factory stays out');
    assert.ok(!inputs.some((i) => i.startsWith('src/node/') || i.startsWith('src/cli/')), 'no src/node or src/cli');
    for (const i of inputs) assert.ok(!NODE_BUILTINS.has(i), i);
  });

  it('the worker bundle imports nothing at all', () => {
    const b = bundle('dist/web/worker.js');
    assert.deepEqual(externalImports(b.metafile), []);
    assert.deepEqual(requireCalls(b.text), []);
    assert.ok(!Object.keys(b.metafile.inputs).includes('src/worker/node.ts'));
  });

  it('the check can fail: a Node built-in in a web entry fails the build with these options', async () => {
    const { webBuilds } = (await import(path.join(ROOT, 'esbuild.web.mjs'))) as { webBuilds(): esbuild.BuildOptions[] };
    const [options] = webBuilds();
    await assert.rejects(
      esbuild.build({
        ...options,
        entryPoints: undefined,
        stdin: { contents: "import { randomBytes } from 'crypto'; export const n = randomBytes(4);", resolveDir: ROOT, loader: 'ts' },
        absWorkingDir: ROOT,
        write: false,
        logLevel: 'silent',
      }),
      /crypto/,
    );
  });

  it('the worker bundle answers a request in a context with only a Web Worker\'s globals', async () => {
    const b = bundle('dist/web/worker.js');
    const answers: WorkerToHost[] = [];
    const listeners: ((e: { data: unknown }) => void)[] = [];
    class WorkerGlobalScope {}
    const self = {
      postMessage: (m: WorkerToHost) => answers.push(structuredClone(m)),
      addEventListener: (type: string, l: (e: { data: unknown }) => void) => {
        if (type === 'message') listeners.push(l);
      },
    };
    // what a dedicated worker has that the bundle may use; deliberately no require, module, process, Buffer, setImmediate
    const context = vm.createContext({ self, WorkerGlobalScope, TextDecoder, TextEncoder, console, setTimeout, clearTimeout, queueMicrotask, structuredClone });
    vm.runInContext(b.text, context, { filename: 'dist/web/worker.js' });
    for (const name of ['require', 'module', 'process', 'Buffer']) assert.equal(vm.runInContext(`typeof ${name}`, context), 'undefined', name);
    assert.equal(listeners.length, 1, 'the worker listens as soon as it is loaded');
    const text = 'bizflow: 1\nprocess:\n  id: p\n  name: P\nroles:\n  a: { name: A }\nsteps:\n  s: { name: S, role: nobody, type: start, next: [e] }\n  e: { name: E, role: a, type: end }\n';
    listeners[0]({ data: { type: 'analyze', id: 7, text, locale: 'en', config: [] } });
    listeners[0]({ data: { type: 'bogus', id: 8 } });
    listeners[0]({ data: { type: 'bogus' } });
    assert.equal(answers.length, 2, 'a malformed message without an id gets no answer');
    assert.deepEqual(answers[1], { type: 'failed', id: 8, message: 'malformed request' }, 'one with an id is failed (its sender would wait)');
    const [a] = answers;
    assert.equal(a.type, 'analyzed');
    assert.equal(a.id, 7);
    if (a.type !== 'analyzed') return;
    assert.deepEqual(a.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)]), [['ref/unknown-role', 'nobody']]);
  });
});
