import { schemaRule } from './schema-rule';

/** Reports, by message id, what the shared schema walk found for `schema/type`. */
export default schemaRule({
  code: 'schema/type',
  severity: 'error',
  shownOn: 'the value',
  description: {
    en: 'A value has the wrong type (e.g. a single value where a list is expected).',
    zh: '值的类型不对（例如应为列表却写了单个值）。',
  },
  fixable: true,
  messages: {
    documentNotMap: {
      en: 'A BizFlow file must be a map of top-level keys (bizflow, process, roles, steps, …), but this document is {{actual}}.',
      zh: 'BizFlow 文件必须是由顶层键（bizflow、process、roles、steps 等）组成的映射，但此文档是{{actual}}。',
    },
    wrongType: {
      en: '{{what}} must be {{expected}}, but it is {{actual}}.',
      zh: '{{what}}应为{{expected}}，但这里是{{actual}}。',
    },
    wrongTypeHint: {
      en: '{{what}} must be {{expected}}, but it is {{actual}}. {{hint}}',
      zh: '{{what}}应为{{expected}}，但这里是{{actual}}。{{hint}}',
    },
    noValue: {
      en: '{{what}} has no value: write {{expected}} after the colon, or remove the key.',
      zh: '{{what}}没有值：请在冒号后写上{{expected}}；或删除该键。',
    },
    emptyEntry: {
      en: '{{entry}} is empty: write {{expected}} or remove the entry.',
      zh: '{{entry}}为空：请写上{{expected}}，或删除该项。',
    },
    emptyTarget: {
      en: '{{entry}} is empty: write a step id.',
      zh: '{{entry}}为空：请写上步骤 id。',
    },
  },
});
