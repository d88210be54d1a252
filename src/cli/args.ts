/** Command-line parsing: `--name value`, `--name=value`, `-n value`, `--` ends the options. */
import { nearest } from '../core/suggest';

export interface OptionSpec {
  name: string;
  short?: string;
  /** Takes a value (otherwise a flag). */
  value: boolean;
}

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

export type ArgError =
  | { kind: 'unknown-option'; option: string; suggestion?: string }
  | { kind: 'missing-value'; option: string }
  | { kind: 'no-value-expected'; option: string }
  | { kind: 'repeated'; option: string };

export class ArgParseError extends Error {
  constructor(readonly error: ArgError) {
    super(`${error.kind}: ${error.option}`);
    this.name = 'ArgParseError';
  }
}

/** Parses `argv` against the option specs; throws an `ArgParseError`. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const set = (spec: OptionSpec, shown: string, v: string | true) => {
    if (options.has(spec.name)) throw new ArgParseError({ kind: 'repeated', option: shown });
    options.set(spec.name, v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) {
        const s = nearest(name, specs.map((x) => x.name));
        throw new ArgParseError({ kind: 'unknown-option', option: `--${name}`, suggestion: s && `--${s}` });
      }
      if (!spec.value) {
        if (eq !== -1) throw new ArgParseError({ kind: 'no-value-expected', option: `--${name}` });
        set(spec, `--${name}`, true);
      } else if (eq !== -1) {
        set(spec, `--${name}`, a.slice(eq + 1));
      } else {
        if (i + 1 >= argv.length) throw new ArgParseError({ kind: 'missing-value', option: `--${name}` });
        set(spec, `--${name}`, argv[++i]);
      }
    } else if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      const letter = a.slice(1, 2);
      const spec = byShort.get(letter);
      if (!spec) throw new ArgParseError({ kind: 'unknown-option', option: a });
      if (!spec.value) {
        if (a.length > 2) throw new ArgParseError({ kind: 'unknown-option', option: a });
        set(spec, `-${letter}`, true);
      } else if (a.length > 2) {
        set(spec, `-${letter}`, a.slice(a[2] === '=' ? 3 : 2));
      } else {
        if (i + 1 >= argv.length) throw new ArgParseError({ kind: 'missing-value', option: a });
        set(spec, `-${letter}`, argv[++i]);
      }
    } else {
      positionals.push(a);
    }
  }
  return { options, positionals };
}
