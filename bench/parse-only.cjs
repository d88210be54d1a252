// The memory floor for `bizflow lint FILE`: a Node process that only reads the
// file and parses it with `yaml`, with the options src/core/parse.ts uses, and
// keeps the document alive (as the linter must while it analyses).
//   /usr/bin/time -v node bench/parse-only.cjs FILE
const fs = require('node:fs');
const { LineCounter, parseDocument } = require('yaml');

const text = fs.readFileSync(process.argv[2], 'utf8');
const lineCounter = new LineCounter();
const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, version: '1.2' });
process.stdout.write(`${doc.errors.length} errors, ${lineCounter.lineStarts.length} lines, maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
