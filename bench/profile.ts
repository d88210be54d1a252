/**
 * A workload for V8's CPU profiler (bench/run.mjs runs it when a budget is
 * missed and summarises the profile):
 *
 *   node bench/.out/profile.js --file F --what analyze|afterParse|parse --reps N --cpuprofile OUT.cpuprofile
 *
 * The profile (the same .cpuprofile as `node --cpu-prof` writes, sampled
 * every 100 µs) covers only the workload, through node:inspector:
 * - analyze:    analyze(text), the whole pipeline
 * - afterParse: buildModel + analyzeModel on documents parsed before the
 *               profiler starts (so the parser is not in the profile)
 * - parse:      parseText(text)
 * With --memory it records the heap after each stage instead.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import { analyze, analyzeModel } from '../src/core/engine';
import { buildModel } from '../src/core/model';
import { parseText } from '../src/core/parse';
import { gc } from './stats';

const args = process.argv.slice(2);
const opt = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const text = fs.readFileSync(opt('file')!, 'utf8');
const what = opt('what', 'analyze');
const reps = Number(opt('reps', '5'));

if (args.includes('--memory')) {
  // heap after each stage, holding what the CLI holds (text, parse, model, diagnostics)
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  const at = (stage: string) => {
    gc();
    const m = process.memoryUsage();
    return { stage, heapUsedMB: mb(m.heapUsed), rssMB: mb(m.rss), externalMB: mb(m.external + m.arrayBuffers) };
  };
  const out = [at('text read')];
  const parsed = parseText(text);
  out.push(at('parsed (yaml Document + LineCounter)'));
  const model = buildModel(parsed);
  out.push(at('model built'));
  const diags = analyzeModel(model);
  out.push(at('analysed'));
  out.push({ ...at('peak RSS so far'), rssMB: mb(process.resourceUsage().maxRSS * 1024) });
  process.stdout.write(JSON.stringify({ stages: out, diagnostics: diags.length, keep: !!parsed && !!model }) + '\n');
} else {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  const work = async () => {
    const parsedDocs = what === 'afterParse' ? Array.from({ length: reps }, () => parseText(text)) : [];
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    for (let i = 0; i < reps; i++) {
      if (what === 'parse') parseText(text);
      else if (what === 'afterParse') analyzeModel(buildModel(parsedDocs[i]));
      else analyze(text);
    }
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(opt('cpuprofile')!, JSON.stringify(profile));
    session.disconnect();
  };
  work().catch((e) => {
    process.stderr.write(`profile: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
