/**
 * Files on disk for the CLI: expanding PATH arguments into BizFlow files, and
 * reading a file as UTF-8 text. Failures are `FileError`s with a reason the
 * caller turns into a message (never a stack trace).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Names searched for inside folders. */
export const BIZFLOW_FILE_PATTERN = /\.bizflow\.ya?ml$/;

export type FileErrorReason =
  | 'not-found'
  | 'is-directory'
  | 'not-a-file'
  | 'permission'
  | 'binary'
  | 'utf16'
  | 'not-utf8'
  | 'io';

export class FileError extends Error {
  constructor(
    /** The path as the user gave it (or as found). */
    readonly path: string,
    readonly reason: FileErrorReason,
    /** The system's own words, for `io`. */
    readonly detail?: string,
  ) {
    super(`${path}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'FileError';
  }
}

function fromErrno(p: string, e: unknown): FileError {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new FileError(p, 'not-found');
    case 'EISDIR':
      return new FileError(p, 'is-directory');
    case 'EACCES':
    case 'EPERM':
      return new FileError(p, 'permission');
    default:
      return new FileError(p, 'io', err?.code ?? (err instanceof Error ? err.message : String(e)));
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes file bytes as UTF-8 text (BOM removed); `undefined` reason when fine. */
export function decodeText(bytes: Uint8Array): { text?: string; reason?: FileErrorReason } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { reason: 'utf16' };
  }
  if (bytes.indexOf(0) !== -1) return { reason: 'binary' };
  try {
    return { text: utf8.decode(bytes) }; // the decoder drops a UTF-8 BOM (ignoreBOM: false)
  } catch {
    return { reason: 'not-utf8' };
  }
}

/** Reads a file as UTF-8 text, without a BOM. Throws a `FileError`. */
export function readTextFile(file: string, shownAs: string = file): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw fromErrno(shownAs, e);
  }
  if (st.isDirectory()) throw new FileError(shownAs, 'is-directory');
  if (!st.isFile()) throw new FileError(shownAs, 'not-a-file');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw fromErrno(shownAs, e);
  }
  const { text, reason } = decodeText(bytes);
  if (reason) throw new FileError(shownAs, reason);
  return text!;
}

export interface ExpandedPaths {
  /** Absolute paths, in argument order; each folder's files sorted; no duplicates. */
  files: string[];
  /** Arguments that do not exist or cannot be searched. */
  errors: FileError[];
}

/** Plain code-unit order, independent of the machine's locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Expands PATH arguments: a file is taken as given (whatever its name); a
 * folder is searched recursively for `*.bizflow.yaml` / `*.bizflow.yml`,
 * skipping `node_modules` and folders whose name starts with a dot.
 */
export function expandPaths(args: readonly string[], cwd: string = process.cwd()): ExpandedPaths {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: FileError[] = [];
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      errors.push(fromErrno(arg, e));
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(abs, arg, found, errors, new Set());
      found.sort(byCodeUnit).forEach(add);
    } else {
      add(abs);
    }
  }
  return { files, errors };
}

function walk(dir: string, shown: string, out: string[], errors: FileError[], active: Set<string>): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (e) {
    errors.push(fromErrno(shown, e));
    return;
  }
  if (active.has(real)) return; // a symbolic link back up the tree
  active.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push(fromErrno(shown, e));
    active.delete(real);
    return;
  }
  entries.sort((a, b) => byCodeUnit(a.name, b.name));
  for (const ent of entries) {
    const full = path.join(dir, ent.name);
    let isDir = ent.isDirectory();
    let isFile = ent.isFile();
    if (ent.isSymbolicLink()) {
      try {
        const st = fs.statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link: nothing to lint
      }
    }
    if (isDir) {
      if (ent.name === 'node_modules' || ent.name.startsWith('.')) continue;
      walk(full, path.join(shown, ent.name), out, errors, active);
    } else if (isFile && BIZFLOW_FILE_PATTERN.test(ent.name)) {
      out.push(full);
    }
  }
  active.delete(real);
}
