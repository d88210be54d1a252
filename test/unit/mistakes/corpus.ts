/**
 * The mutation corpus of issue 11: every line of every example file, with each
 * typing mistake that fits the line.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';

export interface Mutation {
  file: string;
  /** 0-based line. */
  line: number;
  kind: 'tab' | 'fullWidthColon' | 'fullWidthComma' | 'fullWidthDash' | 'fullWidthSpace' | 'indentMore' | 'indentLess' | 'nestedTopKey';
  original: string;
  text: string;
}

const DIR = path.resolve(__dirname, '../../../examples');

export const EXAMPLE_FILES: { file: string; text: string }[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.bizflow.yaml'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(path.join(DIR, f), 'utf8') }));

/** Lines of block scalars and comments are text, not syntax: no mutation there. */
function mutations(file: string, original: string): Mutation[] {
  const lines = original.split('\n');
  const out: Mutation[] = [];
  const withLine = (i: number, s: string, kind: Mutation['kind']) => {
    const copy = lines.slice();
    copy[i] = s;
    out.push({ file, line: i, kind, original, text: copy.join('\n') });
  };
  let prevTop: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i];
    const lead = /^ */.exec(s)![0];
    const rest = s.slice(lead.length);
    if (rest === '' || rest.startsWith('#')) continue;
    if (lead.length > 0) withLine(i, '\t' + rest, 'tab');
    if (lead.length >= 2) withLine(i, '\u3000' + lead.slice(2) + rest, 'fullWidthSpace');
    const colon = rest.indexOf(': ');
    const isKey = /^(- )?[^\s#'"[\]{},:-][^\s:#]*: /.test(rest);
    if (isKey && colon >= 0) withLine(i, lead + rest.slice(0, colon) + '：' + rest.slice(colon + 2), 'fullWidthColon');
    const flow = /: \[([^\]"'{]*)\]\s*$/.exec(rest);
    if (flow && flow[1].includes(', ')) withLine(i, s.replace(/\[([^\]]*)\]/, (m) => m.replace(', ', '，')), 'fullWidthComma');
    if (rest.startsWith('- ')) withLine(i, lead + '－ ' + rest.slice(2), 'fullWidthDash');
    if (lead.length >= 2) {
      withLine(i, '  ' + s, 'indentMore');
      withLine(i, s.slice(2), 'indentLess');
    }
    if (lead.length === 0) {
      if (prevTop !== undefined) withLine(i, '  ' + s, 'nestedTopKey');
      prevTop = i;
    } else if (lead.length === 0) {
      withLine(i, '  ' + s, 'indentMore');
    }
  }
  return out;
}

export const MUTATIONS: Mutation[] = EXAMPLE_FILES.flatMap((f) => mutations(f.file, f.text));
