/**
 * The format as a JSON Schema (draft-07) for yaml-language-server / Red Hat's
 * YAML extension (`schemas/bizflow.schema.json`, written by
 * `scripts/gen-json-schema.mjs`). The one module of the schema that knows the
 * rule catalogue: it sits above both the format table and the rules.
 */
import { pick } from '../i18n';
import { SEVERITY_WORDS } from '../model';
import { RULES } from '../rules/index';
import type { Locale } from '../types';
import { FORMAT, ID_PATTERN_SOURCE, SETS_KEY_PATTERN, TEXT_FORMATS, keySpec, type Context, type ValueType } from './format';

/** Rule codes a `rules:` map accepts. */
export function ruleCodes(): string[] {
  return RULES.map((r) => r.code);
}

// ---------------------------------------------------------------------------
// JSON Schema (draft-07) for yaml-language-server / Red Hat's YAML extension

export type JsonSchema = { [key: string]: unknown };

const SCALAR_TYPES = ['string', 'number', 'boolean', 'null'];

function jsonForType(type: ValueType, locale: Locale): JsonSchema {
  switch (type.kind) {
    case 'string':
      return type.format ? { type: ['string', 'number'], pattern: TEXT_FORMATS[type.format].source } : { type: ['string', 'number'] };
    case 'integer':
      return type.const !== undefined ? { type: 'integer', const: type.const } : { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return type.default !== undefined ? { type: 'string', enum: [...type.values], default: type.default } : { type: 'string', enum: [...type.values] };
    case 'ref':
      return { type: 'string' };
    case 'refList':
      return { type: ['array', 'null'], items: { type: 'string' } };
    case 'stringList':
      return { type: ['array', 'null'], items: { type: ['string', 'number', 'boolean'] } };
    case 'object':
      return { $ref: `#/definitions/${type.context}` };
    case 'objectList':
      return { type: ['array', 'null'], items: { $ref: `#/definitions/${type.context}` } };
    case 'items':
      return {
        type: ['object', 'null'],
        propertyNames: { pattern: ID_PATTERN_SOURCE },
        additionalProperties: { $ref: `#/definitions/${type.item}` },
      };
    case 'scalarMap':
      return {
        type: ['object', 'null'],
        propertyNames: { pattern: ID_PATTERN_SOURCE },
        additionalProperties: { type: SCALAR_TYPES },
      };
    case 'sets':
      return {
        type: ['object', 'null'],
        propertyNames: { pattern: SETS_KEY_PATTERN.source },
        additionalProperties: { type: SCALAR_TYPES },
      };
    case 'next':
      return {
        anyOf: [
          { type: 'string' },
          { type: 'array', items: { type: 'string' } },
          { type: 'object', additionalProperties: { type: 'string' } },
          { type: 'null' },
        ],
      };
    case 'ruleMap': {
      const properties: Record<string, JsonSchema> = {};
      for (const r of RULES) {
        properties[r.code] = { type: 'string', enum: [...SEVERITY_WORDS], description: pick(locale, r.description) };
      }
      return { type: ['object', 'null'], properties, additionalProperties: false };
    }
  }
}

function jsonForContext(context: Context, locale: Locale): JsonSchema {
  const spec = FORMAT[context];
  const properties: Record<string, JsonSchema> = {};
  for (const k of spec.keys) {
    properties[k.key] = { description: pick(locale, k.description), ...jsonForType(k.type, locale) };
  }
  const out: JsonSchema = {
    type: 'object',
    description: pick(locale, spec.description),
    properties,
    additionalProperties: false,
  };
  const required = spec.keys.filter((k) => k.required).map((k) => k.key);
  if (required.length) out.required = required;
  if (context === 'step') {
    const roleTypes = keySpec('step', 'role')!.requiredForTypes ?? [];
    out.allOf = [
      {
        // `role` is required for task and decision steps (a step without `type` is a task)
        if: { anyOf: [{ not: { required: ['type'] } }, { required: ['type'], properties: { type: { enum: [...roleTypes] } } }] },
        then: { required: ['role'] },
      },
      {
        // a decision branches with a map; every other step names a step id or a list
        if: { required: ['type'], properties: { type: { const: 'decision' } } },
        then: { properties: { next: { type: ['object', 'null'], additionalProperties: { type: 'string' } } } },
        else: { properties: { next: { type: ['string', 'array', 'null'], items: { type: 'string' } } } },
      },
    ];
  }
  return out;
}

/** The format as a JSON Schema (draft-07), with descriptions in one locale. */
export function toJsonSchema(locale: Locale = 'en'): JsonSchema {
  const top = jsonForContext('top', locale);
  const definitions: Record<string, JsonSchema> = {};
  for (const c of ['process', 'role', 'data', 'step', 'requirement', 'source', 'review'] as const) definitions[c] = jsonForContext(c, locale);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'BizFlow',
    ...top,
    definitions,
  };
}

/** The JSON Schema as the text of `schemas/bizflow.schema.json`. */
export function jsonSchemaText(locale: Locale = 'en'): string {
  return JSON.stringify(toJsonSchema(locale), null, 2) + '\n';
}
