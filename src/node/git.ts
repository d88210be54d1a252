/**
 * Reading a file as it was in a git revision (`REV:PATH`), for `bizflow diff`.
 * Runs `git show REV:PATH` (no shell) in the given folder; failures are
 * `GitError`s with git's own first line, never stack traces.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { decodeText } from './find-files';

export class GitError extends Error {
  constructor(
    readonly spec: string,
    readonly reason: 'no-git' | 'failed' | 'not-text' | 'too-large',
    readonly detail?: string,
  ) {
    super(`${spec}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'GitError';
  }
}

/** Largest file read from git (the same order as what the editor analyses). */
export const MAX_GIT_FILE = 64 * 1024 * 1024;

/**
 * `REV:PATH` as a git revision and path, or `undefined` for an ordinary file
 * argument: an existing file, a Windows drive path (`C:\…`), or no `REV:` part.
 */
export function parseRevisionSpec(arg: string, exists: (p: string) => boolean = fs.existsSync): { rev: string; path: string } | undefined {
  if (exists(arg)) return undefined;
  if (/^[A-Za-z]:[\\/]/.test(arg)) return undefined;
  const colon = arg.indexOf(':');
  if (colon <= 0) return undefined;
  return { rev: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/**
 * The text of PATH in REV, read through `git show` in `cwd`. A PATH starting
 * with `./` or `../` is relative to `cwd`, any other to the repository's top
 * (git's own rule).
 */
export function readGitFile(cwd: string, rev: string, filePath: string, git = 'git'): string {
  const spec = `${rev}:${filePath}`;
  if (rev.startsWith('-')) throw new GitError(spec, 'failed', 'a revision cannot start with "-"');
  const r = spawnSync(git, ['show', '--no-textconv', spec], {
    cwd,
    maxBuffer: MAX_GIT_FILE,
    windowsHide: true,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitError(spec, 'no-git');
    if (code === 'ENOBUFS') throw new GitError(spec, 'too-large');
    throw new GitError(spec, 'failed', r.error.message);
  }
  if (r.status !== 0) {
    const first = String(r.stderr ?? '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l) ?? `exit code ${r.status}`;
    throw new GitError(spec, 'failed', first.replace(/^fatal:\s*/, ''));
  }
  const { text, reason } = decodeText(r.stdout as Buffer);
  if (reason) throw new GitError(spec, 'not-text', reason);
  return text!;
}
