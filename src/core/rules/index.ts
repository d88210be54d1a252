/**
 * Every rule of the catalogue, in the order of the specification. `RuleCode`
 * is derived from it, so the fixes dispatch, the per-code diagnostic data and
 * the docs are checked by the compiler against this one list.
 */
import type { Rule } from '../rule';
import type { DiagnosticDataByCode } from '../types';

import yamlSyntax from './yaml-syntax';
import yamlDuplicateKey from './yaml-duplicate-key';
import yamlTab from './yaml-tab';
import yamlFullWidth from './yaml-full-width';
import yamlIndentation from './yaml-indentation';
import schemaVersion from './schema-version';
import schemaRequired from './schema-required';
import schemaType from './schema-type';
import schemaEnum from './schema-enum';
import schemaUnknownKey from './schema-unknown-key';
import schemaMisplacedKey from './schema-misplaced-key';
import schemaId from './schema-id';
import refUnknownRole from './ref-unknown-role';
import refUnknownStep from './ref-unknown-step';
import refUnknownRequirement from './ref-unknown-requirement';
import refUnknownData from './ref-unknown-data';
import flowNoStart from './flow-no-start';
import flowNoEnd from './flow-no-end';
import flowUnreachable from './flow-unreachable';
import flowDeadEnd from './flow-dead-end';
import flowNoPathToEnd from './flow-no-path-to-end';
import flowDecisionBranches from './flow-decision-branches';
import flowEndHasNext from './flow-end-has-next';
import roleUnused from './role-unused';
import dataNotProduced from './data-not-produced';
import dataUsedBeforeProduced from './data-used-before-produced';
import dataUnused from './data-unused';
import handoffNoData from './handoff-no-data';
import reqNoAcceptance from './req-no-acceptance';
import reqUntraced from './req-untraced';
import reqDependsCycle from './req-depends-cycle';
import conflictContradiction from './conflict-contradiction';
import conflictRemovedStep from './conflict-removed-step';
import conflictUnagreedBurden from './conflict-unagreed-burden';
import conflictDependsRejected from './conflict-depends-rejected';
import conflictPriorityInversion from './conflict-priority-inversion';
import reviewStaleAgreement from './review-stale-agreement';
import reviewObjection from './review-objection';

const CATALOGUE = [
  yamlSyntax,
  yamlDuplicateKey,
  yamlTab,
  yamlFullWidth,
  yamlIndentation,
  schemaVersion,
  schemaRequired,
  schemaType,
  schemaEnum,
  schemaUnknownKey,
  schemaMisplacedKey,
  schemaId,
  refUnknownRole,
  refUnknownStep,
  refUnknownRequirement,
  refUnknownData,
  flowNoStart,
  flowNoEnd,
  flowUnreachable,
  flowDeadEnd,
  flowNoPathToEnd,
  flowDecisionBranches,
  flowEndHasNext,
  roleUnused,
  dataNotProduced,
  dataUsedBeforeProduced,
  dataUnused,
  handoffNoData,
  reqNoAcceptance,
  reqUntraced,
  reqDependsCycle,
  conflictContradiction,
  conflictRemovedStep,
  conflictUnagreedBurden,
  conflictDependsRejected,
  conflictPriorityInversion,
  reviewStaleAgreement,
  reviewObjection,
] as const;

/** The code of a rule of the catalogue: `'yaml/syntax' | 'yaml/duplicate-key' | …`. */
export type RuleCode = (typeof CATALOGUE)[number]['code'];

export const RULES: readonly Rule<RuleCode>[] = CATALOGUE;

export const RULE_CODES: readonly RuleCode[] = RULES.map((r) => r.code);

export const RULES_BY_CODE: ReadonlyMap<string, Rule<RuleCode>> = new Map(RULES.map((r) => [r.code, r]));

/** Whether `code` is the code of a rule of the catalogue. */
export function isRuleCode(code: string): code is RuleCode {
  return RULES_BY_CODE.has(code);
}

// The per-code diagnostic data (types.ts) names exactly the codes of the catalogue.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type DataCoversCatalogue = Assert<Same<RuleCode, keyof DiagnosticDataByCode>>;
