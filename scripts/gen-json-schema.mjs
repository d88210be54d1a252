#!/usr/bin/env node
// Writes the JSON Schema (draft-07) of the BizFlow format, generated from
// src/core/schema/json-schema.ts, for Red Hat's YAML extension / yaml-language-server.
//
//   npx tsx scripts/gen-json-schema.mjs           write schemas/bizflow.schema.json
//   npx tsx scripts/gen-json-schema.mjs --check   exit 1 if the file is out of date
//
// A unit test (test/unit/schema.test.ts) fails when the committed file and the
// generated text differ.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from '../src/core/schema/json-schema.ts';

const { jsonSchemaText } = schema.default ?? schema;
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'bizflow.schema.json');
const text = jsonSchemaText('en');

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current !== text) {
    console.error(`${out} is out of date: run npx tsx scripts/gen-json-schema.mjs`);
    process.exit(1);
  }
  console.log(`${out} is up to date`);
} else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
