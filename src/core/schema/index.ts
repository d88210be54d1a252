/**
 * The BizFlow format: the format table, the words of its messages, the
 * schema walk and the YAML tree walk. The JSON Schema generator
 * (`json-schema.ts`) is left out on purpose: it knows the rule catalogue,
 * which itself depends on this folder.
 */
export * from './format';
export { suggestId, suggestWord, typeLabel } from './words';
export { documentStart, walkDocument, type SchemaCode, type SchemaFinding, type SchemaMessageIds, type SchemaWords, type SchemaFindings, type DocumentWalks } from './walk';
export { firstDefinition, type DuplicateKey, type YamlTreeFacts } from './yaml-tree';
