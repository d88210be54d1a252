/** The words of the review pack (HTML, Markdown, xlsx), in both languages. */
import { pick } from '../i18n';
import type { Priority, Status, StepType } from '../model';
import type { Locale } from '../types';
import type { StepFate } from './impact';
import type { AgreementState } from './read';
import type { PackConflict, ReviewPack } from './pack';

export function packWords(locale: Locale) {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  return {
    t,
    title: (proc: string) => t(`Review pack — ${proc}`, `评审材料 — ${proc}`),
    intro: t(
      'What the requirements change for each role, what each role is asked to agree to, the open conflicts and who decides them. Please read your section, then fill in the sign-off table.',
      '各项需求对每个角色带来的变化、请各角色确认的内容、未决冲突及其决定方。请阅读与您相关的章节，然后填写签字确认表。',
    ),
    generated: (file: string, on?: string) => t(`From ${file}${on ? `, ${on}` : ''}`, `来源：${file}${on ? `，${on}` : ''}`),
    contents: t('Contents', '目录'),
    summary: t('Process summary', '流程概要'),
    process: t('Process', '流程'),
    owner: t('Owner (decides conflicts)', '负责人（冲突决定方）'),
    description: t('Description', '说明'),
    counts: (p: ReviewPack['process']) =>
      t(
        `${p.roles} roles, ${p.steps} steps, ${p.requirements} requirements (${p.live} live), ${p.conflicts} open conflicts, ${p.pending} agreements pending`,
        `${p.roles} 个角色，${p.steps} 个步骤，${p.requirements} 项需求（${p.live} 项有效），${p.conflicts} 个未决冲突，${p.pending} 项确认待完成`,
      ),
    syntaxErrors: t('The file has YAML syntax errors: this pack shows only what could be read.', '文件有 YAML 语法错误：本材料只包含能读取的部分。'),
    diagrams: t('The swimlane: today and after the requirements', '泳道图：现状与需求实施后'),
    today: t('Today', '现状'),
    after: t('After the requirements', '需求实施后'),
    legend: t('Legend', '图例'),
    legendAdded: t('added step', '新增步骤'),
    legendRemoved: t('removed step (dashed)', '去掉的步骤（虚线）'),
    legendContested: t('contested: requirements disagree, not decided', '有争议：需求相互矛盾，尚未决定'),
    noPicture: (why: string) => t(`The picture could not be drawn here (${why}). The Mermaid text of the diagram follows; paste it into any Mermaid viewer.`, `此处无法绘制图片（${why}）。下面是该图的 Mermaid 文本，可粘贴到任意 Mermaid 查看器中。`),
    roles: t('Roles', '角色'),
    roleSection: (name: string) => t(`For ${name}`, `致 ${name}`),
    department: t('Department', '部门'),
    concerns: t('Concerns', '关注点'),
    lane: t('Your lane: today → after', '您的泳道：现状 → 实施后'),
    roleView: t('Your lane after the requirements, with the steps before and after it', '需求实施后您的泳道，以及前后相邻的步骤'),
    step: t('Step', '步骤'),
    type: t('Type', '类型'),
    change: t('Change', '变化'),
    attributes: t('How it works (today → after)', '工作方式（现状 → 实施后）'),
    noSteps: t('No step in this lane.', '该泳道没有步骤。'),
    impact: t('What changes for you', '对您的影响'),
    nothing: t('Nothing changes for this role.', '该角色没有变化。'),
    glance: (waiting: number, conflicts: number, added: number, removed: number, changed: number) =>
      t(
        `At a glance: ${waiting} requirement(s) wait for your agreement · ${conflicts} open conflict(s) · in your lane ${added} step(s) added, ${removed} removed, ${changed} change(s) in how steps work`,
        `概览：${waiting} 项需求等待您确认 · ${conflicts} 个未决冲突 · 您的泳道中新增 ${added} 个步骤，去掉 ${removed} 个，${changed} 处工作方式改变`,
      ),
    stepsAdded: t('Steps added to your lane', '泳道中新增的步骤'),
    stepsRemoved: t('Steps removed from your lane', '泳道中去掉的步骤'),
    stepsChanged: t('Steps that work differently', '工作方式改变的步骤'),
    provides: t('Data you must newly provide', '需要新提供的数据'),
    needs: t('Data you newly need', '新需要的数据'),
    handoffs: t('Hand-offs that change', '变化的交接'),
    ledger: t('Before → after', '变化前 → 变化后'),
    ledgerCols: [t('steps', '步骤'), t('decisions', '判断'), t('hand-offs', '交接'), t('manual steps', '人工步骤')],
    before: t('before', '变化前'),
    afterWord: t('after', '变化后'),
    contestedCount: (n: number) => t(`${n} point(s) contested (not counted after)`, `${n} 处有争议（未计入变化后）`),
    askedBy: (who: string) => t(`asked by ${who}`, `提出：${who}`),
    contestedBy: (who: string) => t(`contested by ${who}`, `有争议：${who}`),
    forStep: (what: string) => t(`for ${what}`, `供${what}使用`),
    atStep: (what: string) => t(`at ${what}`, `用于${what}`),
    asks: t('What you are asked to agree to', '请您确认的需求'),
    noAsks: t('No requirement of another role touches your lane.', '没有其他角色的需求涉及您的泳道。'),
    conflicts: t('Conflicts you are party to', '您参与的冲突'),
    noConflicts: t('No open conflict.', '没有未决冲突。'),
    sides: t('Sides', '各方'),
    decides: t('Who decides', '决定方'),
    viaOwner: t('(process owner)', '（流程负责人）'),
    viaDecidedBy: t('(decidedBy)', '（decidedBy）'),
    nobodyDecides: t('nobody named: set the process owner or decidedBy', '未指定：请设置流程负责人或 decidedBy'),
    partyDecides: t('⚠ the one who decides is a party to this conflict', '⚠ 决定方本身是冲突的一方'),
    bears: t('bears the change', '承担变化'),
    requirements: t('Requirements', '需求'),
    cols: {
      id: t('ID', '编号'),
      title: t('Title', '标题'),
      from: t('From', '提出方'),
      priority: t('Priority', '优先级'),
      status: t('Status', '状态'),
      steps: t('Steps', '步骤'),
      affected: t('Affected roles', '受影响角色'),
      agreement: t('Agreed / pending', '已同意 / 待确认'),
      conflicts: t('Conflicts', '冲突'),
      acceptance: t('Acceptance criteria', '验收标准'),
      source: t('Source', '来源'),
      fingerprint: t('Fingerprint', '指纹'),
      role: t('Role', '角色'),
      requirement: t('Requirement', '需求'),
      state: t('On record', '当前记录'),
      verdict: t('Verdict (agree / object / question)', '意见（agree 同意 / object 反对 / question 疑问）'),
      note: t('Note', '备注'),
      date: t('Date', '日期'),
      signature: t('Signature', '签名'),
      asks: t('Asks of you', '涉及内容'),
    },
    noAcceptance: t('none — nobody can tell when it is done', '无 — 无法判断何时完成'),
    agreedList: (l: string) => t(`agreed: ${l}`, `已同意：${l}`),
    pendingList: (l: string) => t(`pending: ${l}`, `待确认：${l}`),
    said: t('said', '原话'),
    rationale: t('Rationale', '理由'),
    decisions: t('Decision log', '决策记录'),
    noDecisions: t('No decision recorded (no requirement has overrides).', '没有记录的决策（没有需求写 overrides）。'),
    decisionLine: (winner: string, losers: string, by: string) => t(`${winner} wins over ${losers}; decided by ${by}`, `${winner} 优先于 ${losers}；决定方：${by}`),
    selfFavour: t('⚠ decided by the role that asked for the winning requirement (in its own favour)', '⚠ 由胜出需求的提出方自己决定（有利于自己）'),
    unrecorded: (owner: string) => t(`⚠ who decided is not recorded (decidedBy); the process owner ${owner} should`, `⚠ 未记录决定方（decidedBy）；应由流程负责人 ${owner} 决定`),
    unrecordedNoOwner: t('⚠ who decided is not recorded (decidedBy)', '⚠ 未记录决定方（decidedBy）'),
    signOff: t('Sign-off', '签字确认'),
    signOffIntro: t(
      'One row per role and requirement it is asked to agree to. The fingerprint identifies the version you sign: a later change to the requirement makes the agreement stale.',
      '每个角色对每项请其确认的需求一行。指纹标识您所确认的版本：之后需求若有改动，该确认即失效。',
    ),
    noSignOff: t('No requirement waits for another role’s agreement.', '没有需要其他角色确认的需求。'),
    dash: '—',
    none: t('none', '无'),
    notSet: t('(not set)', '（未设置）'),
    contested: t('contested', '有争议'),
    live: t('live', '有效'),
    priority: (p?: Priority) =>
      p === undefined ? '—' : ({ must: t('must', '必须 must'), should: t('should', '应该 should'), could: t('could', '可以 could'), wont: t("won't", '不做 wont') } as const)[p],
    status: (s: Status) => ({ proposed: t('proposed', '提议'), accepted: t('accepted', '已接受'), rejected: t('rejected', '已拒绝'), done: t('done', '已完成') } as const)[s],
    stepType: (s: StepType) => ({ start: t('start', '开始'), task: t('task', '任务'), decision: t('decision', '判断'), end: t('end', '结束') } as const)[s],
    fate: (f: StepFate) => ({ kept: t('kept', '保留'), added: t('added', '新增'), removed: t('removed', '去掉'), contested: t('contested', '有争议') } as const)[f],
    state: (s: AgreementState) =>
      ({
        agreed: t('agreed', '已同意'),
        stale: t('agreed to an earlier version (stale)', '同意的是旧版本（已失效）'),
        object: t('objects', '反对'),
        question: t('open question', '有疑问'),
        none: t('not given', '尚未表态'),
      } as const)[s],
    askKind: (a: string) =>
      ({ adds: t('adds a step', '新增步骤'), sets: t('changes how a step works', '改变步骤工作方式'), removes: t('removes a step', '去掉步骤'), steps: t('concerns your steps', '涉及您的步骤') } as Record<string, string>)[a] ?? a,
    conflictKind: (c: PackConflict) =>
      ({
        'conflict/contradiction': t('Requirements contradict each other', '需求相互矛盾'),
        'conflict/unagreed-burden': t('Work changed for a role that has not agreed', '改变了未同意角色的工作'),
      } as Record<string, string>)[c.code] ?? c.code,
    conflictShort: (code: string) =>
      ({ 'conflict/contradiction': t('contradiction', '矛盾'), 'conflict/unagreed-burden': t('change without agreement', '未经同意的改动') } as Record<string, string>)[code] ?? code.replace(/^conflict\//, ''),
    severity: (s: string) => (s === 'error' ? t('error', '错误') : s === 'warning' ? t('warning', '警告') : t('info', '提示')),
    verdictBoxes: [t('agree', 'agree 同意'), t('object', 'object 反对'), t('question', 'question 疑问')],
    xlsx: {
      requirements: t('Requirements', '需求'),
      signOff: t('Sign-off', '签字确认'),
      readme: t('Read me', '说明'),
      role: (name: string) => t(`Role ${name}`, `角色 ${name}`),
      /** The verdict list's prompt and error title (Excel: at most 32 characters). */
      verdictTitle: t('Verdict', '意见'),
      verdictHelp: t('Choose agree, object or question; leave blank to skip.', '请选择 agree（同意）、object（反对）或 question（疑问）；不填则跳过。'),
      dateHelp: t('YYYY-MM-DD; blank = the day it is imported', 'YYYY-MM-DD；不填则为导入当天'),
      returnHint: t(
        'Fill in the Sign-off sheet (verdict, note, date) and send the file back. The PM imports it with: bizflow review --import FILE.xlsx PROCESS.bizflow.yaml',
        '请在“签字确认”表中填写意见、备注和日期，然后将文件发回。产品经理用以下命令导入：bizflow review --import 文件.xlsx 流程.bizflow.yaml',
      ),
    },
  };
}

export type PackWords = ReturnType<typeof packWords>;

/** `name (id)` for a role or a step, or just the id when they are the same. */
export function named(names: { id: string; name: string }[], id: string | undefined): string {
  if (id === undefined) return '—';
  const n = names.find((x) => x.id === id)?.name;
  return n && n !== id ? `${n} (${id})` : id;
}
