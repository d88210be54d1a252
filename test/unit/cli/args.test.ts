/** Command-line parsing (src/cli/args.ts): every spelling of an option, and every error with the option as the user wrote it. */
import { strict as assert } from 'assert';
import * as path from 'node:path';
import { ArgParseError, parseArgs, type ArgError, type OptionSpec } from '../../../src/cli/args';
import { fixtures, run } from '../../fixtures/cli/harness';

const SPECS: OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'max-warnings', value: true },
  { name: 'quiet', short: 'q', value: false },
  { name: 'verbose', value: false },
];

/** The options as a plain object, and the positionals. */
function parse(...argv: string[]): { options: Record<string, string | true>; positionals: string[] } {
  const r = parseArgs(argv, SPECS);
  return { options: Object.fromEntries(r.options), positionals: r.positionals };
}

/** The error `parseArgs` throws for `argv`. */
function errorOf(...argv: string[]): ArgError {
  try {
    parseArgs(argv, SPECS);
  } catch (e) {
    assert.ok(e instanceof ArgParseError, String(e));
    assert.equal(e.name, 'ArgParseError');
    assert.equal(e.message, `${e.error.kind}: ${e.error.option}`);
    return e.error;
  }
  assert.fail(`no error for ${argv.join(' ')}`);
}

describe('cli: argument parsing', () => {
  it('reads a value in every form: --name value, --name=value, -n value, -nVALUE, -n=VALUE', () => {
    const want = { options: { format: 'json' }, positionals: ['a.yaml'] };
    assert.deepEqual(parse('--format', 'json', 'a.yaml'), want);
    assert.deepEqual(parse('--format=json', 'a.yaml'), want);
    assert.deepEqual(parse('-f', 'json', 'a.yaml'), want);
    assert.deepEqual(parse('-fjson', 'a.yaml'), want);
    assert.deepEqual(parse('-f=json', 'a.yaml'), want);
    assert.deepEqual(parse('a.yaml', '-c=rc.json'), { options: { config: 'rc.json' }, positionals: ['a.yaml'] });
  });

  it('keeps everything after the first "=" of a value, and an empty value', () => {
    assert.deepEqual(parse('--config=a=b.json').options, { config: 'a=b.json' });
    assert.deepEqual(parse('-c=a=b.json').options, { config: 'a=b.json' });
    assert.deepEqual(parse('-c==x').options, { config: '=x' });
    assert.deepEqual(parse('--format=').options, { format: '' });
    assert.deepEqual(parse('-f=').options, { format: '' });
  });

  it('reads a glued short value that holds "-<digit>" further on as the value (only "-<digit>" at the start is a number)', () => {
    assert.deepEqual(parse('-f-1', 'a.yaml'), { options: { format: '-1' }, positionals: ['a.yaml'] });
    assert.deepEqual(parse('-c=a-2.json'), { options: { config: 'a-2.json' }, positionals: [] });
  });

  it('takes the next word as the value even when it looks like an option', () => {
    assert.deepEqual(parse('--format', '--quiet'), { options: { format: '--quiet' }, positionals: [] });
    assert.deepEqual(parse('-f', '-q'), { options: { format: '-q' }, positionals: [] });
  });

  it('reads flags, long and short', () => {
    assert.deepEqual(parse('-q', 'x', '--verbose'), { options: { quiet: true, verbose: true }, positionals: ['x'] });
  });

  it('keeps the order of positionals; "-", negative numbers and everything after "--" are positionals', () => {
    assert.deepEqual(parse('b', '-', 'a', '-5', '-1x'), { options: {}, positionals: ['b', '-', 'a', '-5', '-1x'] });
    assert.deepEqual(parse('a', '--', '--format', 'json', '-q', '--'), { options: {}, positionals: ['a', '--format', 'json', '-q', '--'] });
    assert.deepEqual(parse('--', 'x'), { options: {}, positionals: ['x'] });
    assert.deepEqual(parse('-q', '--'), { options: { quiet: true }, positionals: [] });
    assert.deepEqual(parse(), { options: {}, positionals: [] });
  });

  it('an unknown long option, with the nearest known name', () => {
    assert.deepEqual(errorOf('--fromat', 'json'), { kind: 'unknown-option', option: '--fromat', suggestion: '--format' });
    assert.deepEqual(errorOf('--fromat=json'), { kind: 'unknown-option', option: '--fromat', suggestion: '--format' });
    assert.deepEqual(errorOf('--zzzzzzzz'), { kind: 'unknown-option', option: '--zzzzzzzz', suggestion: undefined });
    assert.deepEqual([errorOf('--=x').kind, errorOf('--=x').option], ['unknown-option', '--']);
  });

  it('an unknown short option, as written', () => {
    assert.deepEqual(errorOf('-x'), { kind: 'unknown-option', option: '-x' });
    assert.deepEqual(errorOf('-xyz'), { kind: 'unknown-option', option: '-xyz' });
    // a flag letter followed by more letters is not a bundle of flags
    assert.deepEqual(errorOf('-qf'), { kind: 'unknown-option', option: '-qf' });
  });

  it('a flag given a value', () => {
    assert.deepEqual(errorOf('--verbose=yes'), { kind: 'no-value-expected', option: '--verbose' });
    assert.deepEqual(errorOf('--quiet='), { kind: 'no-value-expected', option: '--quiet' });
  });

  it('an option missing its value at the end', () => {
    assert.deepEqual(errorOf('a', '--format'), { kind: 'missing-value', option: '--format' });
    assert.deepEqual(errorOf('a', '-f'), { kind: 'missing-value', option: '-f' });
    assert.deepEqual(parse('-f', '').options, { format: '' });
  });

  it('an option given twice, in any spelling, named as written the second time', () => {
    assert.deepEqual(errorOf('--format', 'json', '--format', 'text'), { kind: 'repeated', option: '--format' });
    assert.deepEqual(errorOf('--format=json', '-f', 'text'), { kind: 'repeated', option: '-f' });
    assert.deepEqual(errorOf('-fjson', '--format=text'), { kind: 'repeated', option: '--format' });
    assert.deepEqual(errorOf('-q', '--quiet'), { kind: 'repeated', option: '--quiet' });
    assert.deepEqual(errorOf('--quiet', '-q'), { kind: 'repeated', option: '-q' });
    assert.deepEqual(errorOf('--format=json', '-ftext'), { kind: 'repeated', option: '-f' });
    assert.deepEqual(errorOf('-c', 'a.json', '-c=b.json'), { kind: 'repeated', option: '-c' });
  });
});

describe('cli: the -f=json and -c=FILE forms', () => {
  const oneError = path.join(fixtures, 'one-error.bizflow.yaml');
  const rc = path.join(fixtures, 'warn-role.bizflowrc.yml');

  it('lint -f=json writes the JSON report', async () => {
    const r = await run(['lint', '-f=json', oneError]);
    assert.equal(r.code, 1);
    const [file] = JSON.parse(r.out);
    assert.deepEqual(file.messages.map((m: { ruleId: string; severity: number }) => [m.ruleId, m.severity]), [['ref/unknown-role', 2]]);
  });

  it('lint -c=FILE (and -cFILE, --config=FILE) uses that configuration', async () => {
    for (const c of [`-c=${rc}`, `-c${rc}`, `--config=${rc}`]) {
      const r = await run(['lint', '-fjson', c, oneError]);
      assert.equal(r.code, 0, c);
      const [file] = JSON.parse(r.out);
      assert.deepEqual(file.messages.map((m: { ruleId: string; severity: number }) => [m.ruleId, m.severity]), [['ref/unknown-role', 0]], c);
    }
  });

  it('render -r=ROLE -f=FORMAT reads like --role ROLE --format FORMAT', async () => {
    const a = await run(['render', '-r=sales', '-f=mermaid', oneError]);
    const b = await run(['render', '--role', 'sales', '--format', 'mermaid', oneError]);
    assert.equal(a.code, 0, a.err);
    assert.equal(a.out, b.out);
    assert.notEqual(a.out, '');
  });
});
