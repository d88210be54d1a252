/**
 * Starter content: the new-file template (command "BizFlow: New File") and
 * the snippets that completion offers where a new item starts (a role under
 * `roles:`, a step or decision under `steps:`, a requirement under
 * `requirements:`, the whole file in an empty document). The template lints
 * clean: a new file starts with no problems.
 */
import type { Texts } from './i18n';
import type { Locale } from './types';

const EN = `# A new BizFlow process: who does which step, what data each role needs,
# and what each stakeholder asks for. Replace the ids and names with your own.
bizflow: 1
process:
  id: new-process
  name: New process
  owner: manager
  description: From a request to its approval

roles:
  requester:
    name: Requester
    department: Business
    concerns: [a quick answer]
    needs: [request]
  manager:
    name: Manager
    department: Management
    concerns: [risk under control]
    needs: [request]

steps:
  submit:
    name: Submit the request
    type: start
    role: requester
    produces: [request]
    next: review
  review:
    name: Review the request
    type: decision
    role: manager
    needs: [request]
    next:
      approved: done
      rejected: done
  done:
    name: Done
    type: end

requirements:
  REQ-001:
    title: Every request is answered within one working day
    from: requester
    priority: should
    steps: [review]
    acceptance:
      - A request submitted in the morning is approved or rejected the same day
`;

const ZH = `# 新的 BizFlow 流程：谁做哪一步、每个角色需要哪些数据、各干系人提出了什么需求。
# 请把下面的 id 和名称换成你自己的。
bizflow: 1
process:
  id: new-process
  name: 新流程
  owner: manager
  description: 从提交申请到审批完成

roles:
  requester:
    name: 申请人
    department: 业务部
    concerns: [尽快得到答复]
    needs: [request]
  manager:
    name: 审批人
    department: 管理层
    concerns: [风险可控]
    needs: [request]

steps:
  submit:
    name: 提交申请
    type: start
    role: requester
    produces: [request]
    next: review
  review:
    name: 审核申请
    type: decision
    role: manager
    needs: [request]
    next:
      通过: done
      驳回: done
  done:
    name: 完成
    type: end

requirements:
  REQ-001:
    title: 每个申请在一个工作日内得到答复
    from: requester
    priority: should
    steps: [review]
    acceptance:
      - 上午提交的申请当天给出审批结果
`;

/**
 * The content of a new BizFlow file, in the user's language. With a process
 * name (what the user typed in "New File"), the starter's `process.name` is
 * that name and its `process.id` an id made from it (`new-process` when the
 * name has no Latin letters, e.g. a Chinese name).
 */
export function newFileTemplate(locale: Locale = 'en', processName?: string): string {
  const base = locale === 'zh-CN' ? ZH : EN;
  const name = (processName ?? '').replace(/\s+/g, ' ').trim();
  if (!name) return base;
  const id = processIdFor(name);
  return base
    .replace(/^  id: new-process$/m, `  id: ${id}`)
    .replace(/^  name: (New process|新流程)$/m, () => `  name: ${yamlScalar(name)}`);
}

/** A process id from a name: its Latin letters and digits in lower case, joined by `-` (`new-process` when none). */
export function processIdFor(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const id = words.join('-').replace(/^[^a-z]+/, '').slice(0, 60).replace(/-+$/, '');
  return id || 'new-process';
}

/** A one-line text as a YAML scalar: plain when that reads back as the same string, double-quoted otherwise. */
export function yamlScalar(text: string): string {
  const plainSafe =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/(: |:$| #|[\u0000-\u001f\u007f])/.test(text) &&
    !/\s$/.test(text) &&
    !/^(true|false|null|~|yes|no|on|off|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A safe file name for a process name: `<name>.bizflow.yaml`. Chinese and
 * other letters are kept; path separators, characters reserved on Windows,
 * macOS or Linux, control characters `#`, `%` and runs of spaces become `-`; leading
 * dots and trailing dots or spaces are dropped; names reserved by Windows get
 * `-process` added; at most 80 characters before the extension. An empty or
 * unusable name gives `new-process.bizflow.yaml`.
 */
export function safeFileName(processName: string): string {
  let base = processName
    .normalize('NFC')
    .trim()
    .replace(/\.bizflow\.ya?ml$/i, '')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*#%\s]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.\-]+/, '')
    .replace(/[.\- ]+$/, '');
  base = Array.from(base).slice(0, 80).join('').replace(/[.\- ]+$/, '');
  if (!base) base = 'new-process';
  if (RESERVED_WINDOWS.test(base)) base += '-process';
  return `${base}.bizflow.yaml`;
}

export interface SnippetSpec {
  prefix: string;
  /** Shown in the suggestion list. */
  description: Texts;
  /** Lines of the snippet body; indentation is relative to the line the snippet is inserted on. */
  body: string[];
}

/** Escapes text for a snippet body (`$`, `}` and `\` are special there). */
export function snippetEscape(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

export const SNIPPETS: Readonly<Record<string, SnippetSpec>> = {
  'BizFlow file': {
    prefix: 'new-file',
    description: { en: 'A new BizFlow process file', zh: '新的 BizFlow 流程文件' },
    body: snippetEscape(EN).replace(/\n$/, '').split('\n'),
  },
  'BizFlow role': {
    prefix: 'new-role',
    description: { en: 'A role (swimlane) under roles:', zh: '角色（泳道），写在 roles: 下' },
    body: ['${1:role-id}:', '  name: ${2:Name}', '  department: ${3:Department}', '  concerns: [$4]', '  needs: [$5]'],
  },
  'BizFlow step': {
    prefix: 'new-step',
    description: { en: 'A task step under steps:', zh: '任务步骤，写在 steps: 下' },
    body: ['${1:step-id}:', '  name: ${2:Name}', '  role: ${3:role-id}', '  needs: [$4]', '  produces: [$5]', '  next: ${6:next-step}'],
  },
  'BizFlow decision': {
    prefix: 'new-decision',
    description: { en: 'A decision step with two branches under steps:', zh: '带两个分支的判断步骤，写在 steps: 下' },
    body: [
      '${1:decision-id}:',
      '  name: ${2:Name}',
      '  type: decision',
      '  role: ${3:role-id}',
      '  needs: [$4]',
      '  next:',
      '    ${5:approved}: ${6:next-step}',
      '    ${7:rejected}: ${8:other-step}',
    ],
  },
  'BizFlow requirement': {
    prefix: 'new-requirement',
    description: { en: 'A stakeholder requirement under requirements:', zh: '干系人需求，写在 requirements: 下' },
    body: [
      '${1:REQ-001}:',
      '  title: ${2:One line}',
      '  from: ${3:role-id}',
      '  priority: ${4|must,should,could,wont|}',
      '  steps: [$5]',
      '  acceptance:',
      '    - ${6:How to check it is done}',
    ],
  },
};

/**
 * The default texts of the snippets' placeholders (`role-id`, `next-step`, …).
 * When one of them is still in the file, completion offers the ids in its
 * place: the editor filters suggestions by the word at the cursor, which is
 * the placeholder itself, so the adapter adds it to what the ids match on.
 */
export const SNIPPET_PLACEHOLDERS: ReadonlySet<string> = new Set(
  Object.values(SNIPPETS).flatMap((s) => [...s.body.join('\n').matchAll(/\$\{\d+:([a-z]+-[a-z]+)\}/g)].map((m) => m[1])),
);
