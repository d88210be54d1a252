/**
 * Finding and loading `.bizflowrc.json` / `.bizflowrc.yaml` / `.bizflowrc.yml`
 * on disk. The nearest file walking up from a linted file's folder applies,
 * up to the project root: the nearest folder with `.git` or `package.json`
 * (like the editor, which stops at the workspace folder), else the
 * filesystem root; `--config FILE` replaces discovery entirely.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RC_FILE_NAMES, parseRcFile, rcFormatOf, type RcParseResult } from '../core/rcfile';
import type { Locale } from '../core/types';
import { readTextFile } from './find-files';

export interface LoadedRc extends RcParseResult {
  /** Absolute path of the file. */
  path: string;
  /** The file's text (BOM removed), for turning problem offsets into lines. */
  text: string;
}

/** Loads and parses one rc file. Throws a `FileError` when it cannot be read. */
export function loadRcFile(file: string, locale: Locale = 'en'): LoadedRc {
  const abs = path.resolve(file);
  const text = readTextFile(abs);
  const parsed = parseRcFile(text, { format: rcFormatOf(abs), locale });
  return { ...parsed, path: abs, text };
}

/** What marks a project's root folder: the rc lookup does not go above it. */
export const PROJECT_ROOT_MARKERS = ['.git', 'package.json'] as const;

function isProjectRoot(dir: string): boolean {
  return PROJECT_ROOT_MARKERS.some((m) => fs.existsSync(path.join(dir, m)));
}

/** The rc file that sits directly in `dir`, if any (first of RC_FILE_NAMES). */
function rcIn(dir: string): string | undefined {
  for (const name of RC_FILE_NAMES) {
    const p = path.join(dir, name);
    try {
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not there (or not visible): keep looking
    }
  }
  return undefined;
}

export interface ConfigResolverOptions {
  /** `--config FILE`: used for every file, no discovery. */
  explicit?: string;
  locale?: Locale;
  /** Base for a relative `explicit` path (defaults to process.cwd()). */
  cwd?: string;
}

/**
 * Resolves the configuration of each linted file. Lookups are cached per
 * folder and each rc file is read and parsed once.
 */
export class ConfigResolver {
  private readonly dirCache = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedRc>();
  private readonly explicit?: string;
  private readonly locale: Locale;

  constructor(options: ConfigResolverOptions = {}) {
    this.locale = options.locale ?? 'en';
    if (options.explicit !== undefined) this.explicit = path.resolve(options.cwd ?? process.cwd(), options.explicit);
  }

  /** Path of the rc file that applies to `file` (absolute), or undefined when there is none. */
  rcPathFor(file: string): string | undefined {
    if (this.explicit !== undefined) return this.explicit;
    return this.findUp(path.dirname(path.resolve(file))) ?? undefined;
  }

  /** The loaded rc file that applies to `file`, or undefined. Throws a `FileError` when it cannot be read. */
  configFor(file: string): LoadedRc | undefined {
    const rc = this.rcPathFor(file);
    return rc === undefined ? undefined : this.load(rc);
  }

  /** Loads (once) an rc file by path. */
  load(rcPath: string): LoadedRc {
    let l = this.loaded.get(rcPath);
    if (!l) {
      l = loadRcFile(rcPath, this.locale);
      this.loaded.set(rcPath, l);
    }
    return l;
  }

  private findUp(dir: string): string | null {
    const visited: string[] = [];
    let found: string | null = null;
    let d = dir;
    for (;;) {
      const cached = this.dirCache.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(d);
      const here = rcIn(d);
      if (here) {
        found = here;
        break;
      }
      const parent = path.dirname(d);
      if (parent === d || isProjectRoot(d)) break; // filesystem or project root
      d = parent;
    }
    for (const v of visited) this.dirCache.set(v, found);
    return found;
  }
}
