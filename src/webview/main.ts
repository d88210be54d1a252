/**
 * The swimlane preview, running in the webview: receives render models from
 * the extension (see src/shared/protocol.ts), draws them with the bundled
 * Mermaid (no network), and tells the extension what it drew. The work is
 * done by `PreviewApp` and its parts (./app.ts).
 */
import type { WebviewInit } from '../shared/protocol';
import { PreviewApp } from './app';
import { Host } from './host';

const root = document.getElementById('bizflow-app')!;
const init = JSON.parse(root.dataset.init ?? '{}') as WebviewInit;
const app = new PreviewApp(new Host(init.state), root, init);
app.start();
