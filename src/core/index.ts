/** Public API of the BizFlow core: pure TypeScript, no editor dependency. */
export * from './types';
export * from './engine';
export * from './config';
export * from './positions';
export { parseText, type ParsedFile } from './parse';
export * from './model';
export { normalizeLocale } from './i18n';
export { RULES, RULES_BY_CODE } from './rules/index';
export { ruleDocAnchor, ruleDocUrl, type Rule } from './rule';
export * from './symbols';
export * from './rename';
export * from './edits';
