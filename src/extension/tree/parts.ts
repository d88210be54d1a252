/**
 * What builds and draws the Roles and Requirements trees: a chunk of the
 * desktop extension (dist/tree.js), required by ./views.ts the first time a
 * tree is built (esbuild.extension.mjs); the web build bundles it inline.
 */
export { childrenOf } from '../../core/tree';
export { answerTreeQuery } from '../../shared/view-queries';
export { unpackTree } from '../../core/tree-pack';
export { conflictsText, groupingLabel, treeItem } from './present';
