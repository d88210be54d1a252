// Guards for the layers (run by `npm test` as `npm run lint`, with --max-warnings 0).
//
// * src/core and src/shared are pure: no `vscode`, no Node built-ins, no DOM.
//   (The DOM part is enforced by their tsconfigs, which have no "DOM" lib; the
//   imports by `no-restricted-imports` here.)
// * No import cycles anywhere in src/.
// * Promises are awaited, returned or explicitly voided.
// * The guard rules may not be switched off by comments (test/unit/guards.test.ts checks).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const pureImports = {
  paths: [
    { name: 'vscode', message: 'src/core and src/shared are pure: the editor API belongs in src/extension.' },
    ...nodeBuiltins.map((name) => ({ name, message: 'src/core and src/shared are pure: Node built-ins belong in src/node or src/cli.' })),
  ],
  patterns: [
    { group: ['**/extension/**', '**/node/**', '**/cli/**', '**/webview/**'], message: 'src/core and src/shared may not import the layers above them.' },
  ],
};

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', 'packages/*/dist/**', 'test/**', 'bench/**', 'scripts/**', '**/*.mjs', '**/*.js'],
  },
  {
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.base],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.js', '.mjs', '.json'] } },
      'import-x/extensions': ['.ts'],
      'import-x/core-modules': ['vscode'],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', pureImports],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // No module-level mutable state in the core: a top-level `let`, or a
      // top-level Map/WeakMap/Set, is refused, unless it is a table built once
      // and typed ReadonlyMap / ReadonlySet (so the compiler refuses writes).
      'no-restricted-syntax': [
        'error',
        { selector: 'Program > VariableDeclaration[kind="let"]', message: 'No module-level mutable state in src/core (top-level let).' },
        { selector: 'Program > ExportNamedDeclaration > VariableDeclaration[kind="let"]', message: 'No module-level mutable state in src/core (top-level let).' },
        {
          selector: 'Program > VariableDeclaration > VariableDeclarator:not([id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly(Map|Set)$/]) > NewExpression[callee.name=/^(Map|WeakMap|Set|WeakSet)$/]',
          message: 'No module-level mutable state in src/core: build the table inside a function or an object the caller owns.',
        },
        {
          selector: 'Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator:not([id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly(Map|Set)$/]) > NewExpression[callee.name=/^(Map|WeakMap|Set|WeakSet)$/]',
          message: 'No module-level mutable state in src/core: build the table inside a function or an object the caller owns.',
        },
      ],
    },
  },
);
