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
  /** Larger than the size limit (`detail`: its size in bytes). */
  | 'too-large'
  /** A name that is not valid UTF-8 (it cannot be shown or opened by its decoded name). */
  | 'bad-name'
  | 'io';

/** Files larger than this are not read (`--max-file-size`, the editor's `bizflow.maxFileSize`): 10 MB. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export class FileError extends Error {
  constructor(
    /** The path as the user gave it (or as found). */
    readonly path: string,
    readonly reason: FileErrorReason,
    /** The system's own words, for `io`; the size in bytes, for `too-large`. */
    readonly detail?: string,
    /** The size limit in bytes, for `too-large`. */
    readonly limit?: number,
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

/**
 * Reads a file as UTF-8 text, without a BOM. Throws a `FileError`; a file
 * larger than `maxBytes` (0: no limit) is not read (`too-large`).
 */
export function readTextFile(file: string, shownAs: string = file, maxBytes: number = DEFAULT_MAX_FILE_SIZE): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw fromErrno(shownAs, e);
  }
  if (st.isDirectory()) throw new FileError(shownAs, 'is-directory');
  if (!st.isFile()) throw new FileError(shownAs, 'not-a-file');
  if (maxBytes > 0 && st.size > maxBytes) throw new FileError(shownAs, 'too-large', String(st.size), maxBytes);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw fromErrno(shownAs, e);
  }
  // it grew between stat and read
  if (maxBytes > 0 && bytes.length > maxBytes) throw new FileError(shownAs, 'too-large', String(bytes.length), maxBytes);
  const { text, reason } = decodeText(bytes);
  if (reason) throw new FileError(shownAs, reason);
  return text!;
}

export interface ExpandedPaths {
  /** Absolute paths, in argument order; each folder's files sorted; no duplicates (by real path). */
  files: string[];
  /**
   * Arguments that do not exist or cannot be searched, folders that cannot be
   * read and files whose name is not UTF-8: each one path's problem, the rest is still found.
   */
  errors: FileError[];
}

/** Plain code-unit order, independent of the machine's locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The real path of a file or folder (itself when it cannot be resolved: the read reports why). */
function realOf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Expands PATH arguments: a file is taken as given (whatever its name); a
 * folder is searched recursively for `*.bizflow.yaml` / `*.bizflow.yml`,
 * skipping `node_modules` and folders whose name starts with a dot. Folders
 * are walked by real path, each once (symbolic-link loops and diamonds), and
 * a file reached by several paths is listed once, under the first.
 */
export function expandPaths(args: readonly string[], cwd: string = process.cwd()): ExpandedPaths {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: FileError[] = [];
  const walked = new Set<string>();
  const add = (f: string) => {
    const real = realOf(f);
    if (!seen.has(real)) {
      seen.add(real);
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
      walk(abs, arg, found, errors, walked);
      found.sort(byCodeUnit).forEach(add);
    } else {
      add(abs);
    }
  }
  return { files, errors };
}

/** Whether a name read as bytes survives decoding as UTF-8 (otherwise the decoded name names another file). */
function isUtf8Name(raw: Buffer): boolean {
  return Buffer.from(raw.toString('utf8'), 'utf8').equals(raw);
}

function walk(dir: string, shown: string, out: string[], errors: FileError[], walked: Set<string>): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (e) {
    errors.push(fromErrno(shown, e));
    return;
  }
  if (walked.has(real)) return; // already searched: a symbolic link loop or diamond
  walked.add(real);
  let entries: fs.Dirent<Buffer>[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    errors.push(fromErrno(shown, e));
    return;
  }
  const named = entries.map((ent) => ({ ent, name: ent.name.toString('utf8') }));
  named.sort((a, b) => byCodeUnit(a.name, b.name));
  for (const { ent, name } of named) {
    const full = path.join(dir, name);
    if (!isUtf8Name(ent.name)) {
      // the decoded name (with U+FFFD) is another path: say so for what would have been linted
      if (BIZFLOW_FILE_PATTERN.test(name) || ent.isDirectory()) errors.push(new FileError(path.join(shown, name), 'bad-name'));
      continue;
    }
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
      if (name === 'node_modules' || name.startsWith('.')) continue;
      walk(full, path.join(shown, name), out, errors, walked);
    } else if (isFile && BIZFLOW_FILE_PATTERN.test(name)) {
      out.push(full);
    }
  }
}
