/**
 * What a `file:` block may name and what reading it gave: shared by the
 * markdown-it plugin (./blocks.ts) and the editor's reader of referenced files
 * (src/extension/markdown.ts), which is in the extension's main bundle while
 * the plugin is a lazily loaded chunk (esbuild.extension.mjs).
 */

/** What reading a referenced file gave. */
export type FileRead =
  | { kind: 'text'; text: string }
  /** No such file (or not readable). */
  | { kind: 'missing' }
  /** Outside the workspace, an absolute path, or no document to resolve it against: refused. */
  | { kind: 'outside' }
  /** Not a `.yaml` / `.yml` file: refused. */
  | { kind: 'not-yaml' }
  /** Larger than the size limit. */
  | { kind: 'too-large' }
  /** Being read; the preview is refreshed when it arrives. */
  | { kind: 'pending' };

/**
 * A `file:` path as a relative URI path (`/`-separated; backslashes taken as
 * separators), or undefined when it is absolute (`/x`, `C:\x`, `\\server`, a
 * URI such as `file:///x` or `https://…`) or empty: those are refused. `..`
 * stays; the caller checks that the resolved file is inside the workspace.
 */
export function relativeReference(ref: string): string | undefined {
  const p = ref.trim().replace(/\\/g, '/');
  if (!p || p.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(p) || p.includes('\u0000')) return undefined;
  return p;
}

/** True for the files a `file:` block may name: `.yaml` / `.yml` (`.bizflow.yaml` included). */
export function isYamlReference(ref: string): boolean {
  return /\.ya?ml$/i.test(ref.trim());
}
