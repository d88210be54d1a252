/**
 * Stryker's mocha runner (per-test coverage) loads every test file once and then, for each mutant, runs the
 * covering tests again in the same process. A result computed while the file loads (at module level or in a
 * `describe` body) was computed once, without any mutant: the tests asserting on it can never fail for a mutant
 * and kill nothing (test/unit/tree.test.ts built its trees in a describe body and none of its 22 tests killed a
 * mutant of src/core/tree.ts). Such results are computed inside each `it` here. This guard finds a call, at load
 * time, of a function imported from src/core or src/cli (the code Stryker mutates), directly or through a local
 * helper that calls one. Code in a nested function is not run at load time unless it is called there: arrows
 * given to other calls (`cases.forEach((c) => …)`) and immediately called functions count as load time, the
 * callbacks of `it` and the hooks do not. Test titles (the first arguments of `it`/`describe`) are not results
 * and are not checked.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const MUTATED = /\/src\/(core|cli)(\/|$)/;
const SUITES = new Set(['describe', 'context', 'suite']);
const NOT_AT_LOAD = new Set(['it', 'itTiming', 'specify', 'test', 'before', 'beforeEach', 'after', 'afterEach', 'xit']);

/** `describe`, `describe.only`, `it.skip`… → `describe`, `it`. */
function mochaName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) return callee.expression.text;
  return undefined;
}

function isFunctionLike(n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n);
}

/** Where `text` (a test file) calls code of src/core or src/cli while it loads: `line: callee`. */
export function loadTimeCalls(text: string, fileName = 'x.test.ts'): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;

  // identifiers imported from the mutated code; namespaces (`import * as core`) apart
  const imported = new Set<string>();
  const namespaces = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause) continue;
    if (st.importClause.isTypeOnly || !MUTATED.test(st.moduleSpecifier.text)) continue;
    const clause = st.importClause;
    if (clause.name) imported.add(clause.name.text);
    const b = clause.namedBindings;
    if (b && ts.isNamespaceImport(b)) namespaces.add(b.name.text);
    if (b && ts.isNamedImports(b)) for (const e of b.elements) if (!e.isTypeOnly) imported.add(e.name.text);
  }

  /** The name a call reaches mutated code through, if any. */
  const target = (callee: ts.Expression, reaching: Set<string>): string | undefined => {
    if (ts.isIdentifier(callee) && reaching.has(callee.text)) return callee.text;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && namespaces.has(callee.expression.text))
      return callee.getText(sf);
    return undefined;
  };

  // local helpers (function declarations, `const f = () => …`) whose bodies call mutated code, to a fixed point
  const locals: [string, ts.Node][] = [];
  const collect = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name && n.body) locals.push([n.name.text, n.body]);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && isFunctionLike(n.initializer))
      locals.push([n.name.text, n.initializer.body]);
    ts.forEachChild(n, collect);
  };
  collect(sf);
  const reaching = new Set(imported);
  const callsAnywhere = (n: ts.Node): boolean =>
    ((ts.isCallExpression(n) || ts.isNewExpression(n)) && target(n.expression, reaching) !== undefined) ||
    (ts.forEachChild(n, callsAnywhere) ?? false);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, body] of locals)
      if (!reaching.has(name) && callsAnywhere(body)) {
        reaching.add(name);
        grew = true;
      }
  }

  const found: string[] = [];
  /** `n` runs at load time; nested functions only where they are called there. */
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isClassDeclaration(n) || ts.isClassExpression(n)) return;
    if (isFunctionLike(n)) return; // a function that is only defined here
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      const args: readonly ts.Expression[] = n.arguments ?? [];
      const name = target(n.expression, reaching);
      if (name !== undefined) found.push(`${at(n)}: ${name}`);
      const mocha = ts.isCallExpression(n) ? mochaName(n.expression) : undefined;
      if (mocha !== undefined && (SUITES.has(mocha) || NOT_AT_LOAD.has(mocha))) {
        // titles are not results; a suite's body runs now, a test's or a hook's later
        const body = args.find(isFunctionLike);
        if (body && SUITES.has(mocha)) visitBody(body);
        return;
      }
      visit(n.expression);
      for (const a of args) {
        if (isFunctionLike(a)) visitBody(a); // callbacks given to other calls are called now
        else visit(a);
      }
      return;
    }
    if (ts.isParenthesizedExpression(n) && isFunctionLike(n.expression) && ts.isCallExpression(n.parent)) {
      visitBody(n.expression); // (() => …)()
      return;
    }
    ts.forEachChild(n, visit);
  };
  const visitBody = (f: ts.ArrowFunction | ts.FunctionExpression) => {
    for (const p of f.parameters) visit(p);
    visit(f.body);
  };
  for (const st of sf.statements) visit(st);
  return found;
}

/** Every .ts file under `dir`, relative to ROOT. */
function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return files(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

describe('test files call the mutated code inside their tests, never while loading', () => {
  const head = [
    "import { analyze } from '../../src/core/engine';",
    "import * as cli from '../../src/cli/args';",
    "import { parseYaml } from '../../src/node/yaml';",
    "import type { Model } from '../../src/core/types';",
    "import { yaml } from './helpers';",
  ].join('\n');
  const check = (body: string) => loadTimeCalls(`${head}\n${body}`);

  it('reports calls at module level and in describe bodies, directly or through a local helper', () => {
    assert.deepEqual(check('const r = analyze(text);'), ['6: analyze']);
    assert.deepEqual(check("describe('x', () => {\n  const r = analyze(text);\n  it('a', () => assert.ok(r));\n});"), [
      '7: analyze',
    ]);
    assert.deepEqual(check("describe.only('x', function () {\n  describe('y', () => {\n    const a = cli.parseArgs([]);\n  });\n});"), [
      '8: cli.parseArgs',
    ]);
    // the defect of tree.test.ts: a helper that calls analyze, called in the describe body
    assert.deepEqual(
      check("function tree(t: string) { return analyze(t).model; }\ndescribe('x', () => {\n  const t = tree(text);\n  it('a', () => {});\n});"),
      ['8: tree'],
    );
    const helper = 'const build = (t: string) => {\n  const r = analyze(t);\n  return r;\n};\n';
    assert.deepEqual(check(`${helper}const all = cases.map((c) => build(c));`), ['10: build']);
    assert.deepEqual(check("describe('x', () => {\n  for (const c of cases) {\n    const r = new Engine(analyze(c));\n  }\n});"), [
      '8: analyze',
    ]);
    assert.deepEqual(check('const r = (() => analyze(text))();'), ['6: analyze']);
    assert.deepEqual(check("cases.forEach((c) => {\n  const r = analyze(c);\n  it('a', () => assert.ok(r));\n});"), ['7: analyze']);
  });

  it('does not report calls inside tests, hooks and helpers not called while loading, nor other code', () => {
    assert.deepEqual(check("describe('x', () => {\n  it('a', () => {\n    const r = analyze(text);\n  });\n});"), []);
    assert.deepEqual(check('function tree(t: string) { return analyze(t).model; }\nconst later = () => tree(text);'), []);
    assert.deepEqual(check("describe('x', () => {\n  const t = () => analyze(text);\n  it('a', () => assert.ok(t()));\n});"), []);
    assert.deepEqual(check("describe('x', () => {\n  beforeEach(() => analyze(text));\n  it.skip('b', function () { cli.parseArgs([]); });\n});"), []);
    // other code: src/node, test helpers, types, and names that only look alike
    assert.deepEqual(check("const doc = parseYaml(yaml`a: 1`);\nconst m: Model | undefined = undefined;\nconst o = { analyze: 1 };\nconst n = o.analyze;"), []);
    assert.deepEqual(check('class Probe { run() { return analyze(text); } }'), []);
    // titles are not results
    assert.deepEqual(check("for (const c of cases) it(`${cli.describeArgs(c)}`, () => {});"), []);
  });

  it('holds for every unit test file Stryker runs', () => {
    // the files stryker.config.mjs leaves out of mutation runs (browsers, external programs, source readers)
    const config = fs.readFileSync(path.join(ROOT, 'stryker.config.mjs'), 'utf8');
    const notRun = new Set(Array.from(config.matchAll(/'(test\/unit\/[^']+\.ts)'/g), (m) => m[1]));
    assert.ok(notRun.has('test/unit/load-time-calls.test.ts'), 'this guard reads sources: not run by Stryker either');
    const offenders: string[] = [];
    for (const f of files('test/unit').filter((x) => !notRun.has(x))) {
      for (const hit of loadTimeCalls(fs.readFileSync(path.join(ROOT, f), 'utf8'), f)) offenders.push(`${f}:${hit}`);
    }
    assert.deepEqual(offenders, [], 'compute results inside each `it` (Stryker runs the tests again for every mutant)');
  });
});
