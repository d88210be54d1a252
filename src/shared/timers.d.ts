/**
 * The timer functions that every runtime src/shared runs in provides (the
 * extension host, a worker, the webview). src/shared's tsconfig has neither
 * Node's types nor the DOM, so they are declared here, and nothing else is.
 */
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
