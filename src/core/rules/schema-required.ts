import { schemaRule } from './schema-rule';

/** Reports, by message id, what the shared schema walk found for `schema/required`. */
export default schemaRule({
  code: 'schema/required',
  severity: 'error',
  shownOn: 'the key of the map missing it',
  description: {
    en: 'A required key is missing (anchored on the key of the map that lacks it).',
    zh: '缺少必填键（标注在缺少该键的映射的键上）。',
  },
  fixable: false,
  messages: {
    missingTopKey: {
      en: 'The file has no "{{key}}", which is required ({{description}}). Add "{{key}}:" at the top level.',
      zh: '文件缺少必填的顶层键“{{key}}”（{{description}}）。请在顶层添加“{{key}}:”。',
    },
    missingRole: {
      en: 'Step "{{id}}" has no "role": a task or decision step must name the role whose lane it is in (a step without "type" is a task). Add "role: <role id>".',
      zh: '步骤“{{id}}”缺少“role”：task 和 decision 步骤必须指明所在泳道的角色（未写“type”的步骤即为 task）。请添加“role: <角色 id>”。',
    },
    missingKey: {
      en: '{{where}} is missing the required key "{{key}}". Add "{{key}}: {{placeholder}}".',
      zh: '{{where}}缺少必填键“{{key}}”。请添加“{{key}}: {{placeholder}}”。',
    },
  },
});
