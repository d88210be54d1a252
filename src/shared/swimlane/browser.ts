/**
 * Entry of the browser bundle `dist/bizflow-swimlane.js` (IIFE, global
 * `BizflowSwimlane`), injected into the page where Mermaid runs by
 * src/node/mermaid-render.ts (`bizflow render --format svg`, tests, bench).
 * The webview imports ./render directly instead.
 */
export { BIZFLOW_LAYOUT, registerSwimlaneLayout, renderSwimlane, withBizflowLayout } from './render';
