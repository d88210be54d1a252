/**
 * Deterministic generator of realistic BizFlow files for the benchmarks.
 *
 * A flow of N steps has:
 * - roles ≈ N/15 (at least 3; 20 for 300 steps), spread over ten departments,
 *   with concerns and the data they need;
 * - a data dictionary of ≈ N/3 items (a few external), produced by steps and
 *   needed by later steps and by roles;
 * - one start, a main end and a few "cancelled" ends; tasks in lanes that
 *   hand over every 2–6 steps; a decision every ~9 steps with 2–3 branches
 *   (pass, rework back 2–6 steps = a loop with an exit, escalate / cancel);
 *   an occasional parallel split;
 * - attributes on ~50 % of the steps (mode, sla, approver, system);
 * - requirements ≈ N/3 with steps / sets / adds / removes / agreed / depends /
 *   acceptance, MoSCoW priorities and statuses, a few recorded decisions
 *   (`overrides` + `decidedBy`), and a share (≈ 7 %) of requirements taking
 *   part in conflicts (contradictions, removed steps, unagreed burdens,
 *   rejected dependencies, priority inversions);
 * - Chinese names and texts, comments, block and flow style mixed.
 *
 * Same (steps, seed) → same text, byte for byte. About 280 bytes per step.
 *
 *   npx tsx bench/generate.ts 1000 [--seed 42] [--out FILE]
 */

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPTS: Array<[slug: string, name: string]> = [
  ['sales', '销售部'],
  ['service', '客服部'],
  ['warehouse', '仓储部'],
  ['logistics', '物流部'],
  ['finance', '财务部'],
  ['legal', '法务部'],
  ['purchase', '采购部'],
  ['quality', '质检部'],
  ['production', '生产部'],
  ['rnd', '研发部'],
];
const JOBS = ['专员', '主管', '经理', '总监', '助理', '工程师'];
const CONCERNS = ['赢单速度', '客户满意度', '出库效率', '少返工', '回款风险', '合规', '成本控制', '交付准时率', '数据准确', '流程可追溯', '库存周转', '质量稳定'];
const VERBS = ['登记', '审核', '复核', '确认', '分派', '处理', '归档', '通知', '核对', '评估', '签批', '录入', '校验', '汇总', '跟进', '下发'];
const THINGS = ['订单', '合同', '发票', '报价单', '库存', '运单', '付款申请', '退货单', '质检报告', '采购单', '客户资料', '工单', '对账单', '发货通知', '信用报告', '生产计划'];
const DATA_KINDS = ['order', 'contract', 'invoice', 'quote', 'stock', 'waybill', 'payment', 'return', 'qc-report', 'po', 'customer', 'ticket', 'statement', 'notice', 'credit', 'plan'];
const MODES = ['manual', 'automatic', 'semi-auto', 'manual-review'];
const SLAS = ['4h', '8h', '24h', '2d', '3d', '5d'];
const SYSTEMS = ['ERP', 'CRM', 'WMS', 'OA', 'TMS', 'MES'];
const BRANCH_PASS = ['通过', '合格', '同意', '满足'];
const BRANCH_BACK = ['退回', '不合格', '驳回', '需补充'];
const BRANCH_UP = ['升级', '特批', '转人工', '加急'];
const REQ_VERBS = ['优化', '简化', '自动化', '加强', '拉通', '规范', '缩短', '补充', '数字化', '合并'];
const ACCEPT = ['处理时长缩短到一天内', '每一步写入追溯日志', '异常单据自动提醒负责人', '报表每日自动生成', '客户可在线查询进度', '审批记录可导出', '金额超过 10 万须双人复核', '错误率低于千分之一', '与 ERP 数据一致', '移动端可操作'];
const QUALIFIERS = ['客户', '供应商', '内部', '跨部门', '紧急', '常规', '大额', '海外', '月度'];
const WHY = ['减少返工', '提升客户满意度', '缩短交付周期', '降低坏账风险', '满足审计要求', '三端数据拉通', '减少人工录入'];
const RATIONALES = ['客户投诉集中在此环节', '年度审计发现的问题', '降低人工成本', '总监会议决议', '与大客户合同约定'];

interface GenStep {
  id: string;
  name: string;
  type: 'start' | 'task' | 'decision' | 'end';
  role?: number;
  needs: string[];
  produces: string[];
  attrs: Array<[string, string]>;
  next?: string | string[] | Array<[string, string]>;
}

interface GenReq {
  id: string;
  title: string;
  from: number;
  priority: 'must' | 'should' | 'could' | 'wont';
  status: 'proposed' | 'accepted' | 'rejected' | 'done';
  steps: string[];
  sets: Array<[string, string]>;
  adds: string[];
  removes: string[];
  agreed: number[];
  depends: string[];
  overrides: string[];
  decidedBy?: number;
  rationale?: string;
  acceptance: string[];
}

export interface GeneratedFlow {
  text: string;
  steps: number;
  roles: number;
  data: number;
  requirements: number;
  /** Requirements built to take part in a conflict. */
  conflictRequirements: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function generateFlow(stepCount: number, seed = 42): GeneratedFlow {
  const N = Math.max(10, Math.floor(stepCount));
  const rand = rng(seed * 2654435761 + N);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number) => rand() < p;
  const w = String(N).length;

  // ---- roles ----
  const R = Math.max(3, Math.round(N / 15));
  const roleIds: string[] = [];
  const roleNames: string[] = [];
  const roleDept: number[] = [];
  const rw = String(R).length;
  for (let r = 0; r < R; r++) {
    const d = r % DEPTS.length;
    roleDept.push(d);
    roleIds.push(`${DEPTS[d][0]}-${pad(r + 1, rw)}`);
    roleNames.push(`${DEPTS[d][1]}${JOBS[Math.floor(r / DEPTS.length) % JOBS.length]}${r >= DEPTS.length * JOBS.length ? Math.floor(r / (DEPTS.length * JOBS.length)) + 1 : ''}`);
  }

  // ---- steps: types and flow ----
  const steps: GenStep[] = [];
  const stepId = (i: number) => `s${pad(i + 1, w)}`;
  // lanes: blocks of 2–6 steps, lanes change by a random walk that favours nearby roles
  let lane = 0;
  let left = int(2, 6);
  const isEnd = new Uint8Array(N);
  isEnd[N - 1] = 1;
  const kinds: Array<GenStep['type']> = new Array(N).fill('task');
  kinds[0] = 'start';
  kinds[N - 1] = 'end';
  const cancelAt = new Set<number>(); // decision index whose branch goes to a cancelled end at index+1
  for (let i = 1; i < N - 1; i++) {
    if (isEnd[i]) continue;
    if (i % 9 === 8 && i + 3 < N - 1) {
      kinds[i] = 'decision';
      if (chance(0.15)) {
        cancelAt.add(i);
        isEnd[i + 1] = 1;
        kinds[i + 1] = 'end';
      }
    }
  }
  for (let i = 0; i < N; i++) {
    const t = kinds[i];
    if (--left <= 0) {
      lane = chance(0.7) ? (lane + int(1, 3)) % R : int(0, R - 1);
      left = int(2, 6);
    }
    const verb = t === 'start' ? '接收' : t === 'end' ? (i === N - 1 ? '完成' : '取消') : t === 'decision' ? '判断' : pick(VERBS);
    const thing = pick(THINGS);
    const name =
      t === 'decision'
        ? `${verb}${thing}是否合规（${i + 1}）`
        : t === 'end'
          ? i === N - 1
            ? '流程完成'
            : `${verb}${thing}（${i + 1}）`
          : `${chance(0.6) ? pick(QUALIFIERS) : ''}${verb}${thing}${chance(0.3) ? `并${pick(VERBS)}` : ''}（${i + 1}）`;
    steps.push({
      id: stepId(i),
      name,
      type: t,
      role: t === 'end' && chance(0.5) ? undefined : lane,
      needs: [],
      produces: [],
      attrs: [],
    });
  }
  // next edges
  for (let i = 0; i < N; i++) {
    const s = steps[i];
    if (s.type === 'end') continue;
    let fwd = i + 1;
    while (fwd < N - 1 && isEnd[fwd] && !(s.type === 'decision' && cancelAt.has(i))) fwd++;
    if (s.type === 'decision') {
      const br: Array<[string, string]> = [];
      const pass = cancelAt.has(i) ? i + 2 : fwd;
      br.push([pick(BRANCH_PASS), stepId(pass)]);
      br.push([pick(BRANCH_BACK), stepId(Math.max(1, i - int(2, 6)))]); // rework loop
      if (cancelAt.has(i)) br.push(['取消', stepId(i + 1)]);
      else if (chance(0.4) && i + 5 < N - 1) {
        let up = i + int(2, 5);
        while (isEnd[up] && up < N - 1) up++;
        if (up !== pass) br.push([pick(BRANCH_UP), stepId(up)]);
      }
      s.next = br;
    } else if (chance(0.04) && fwd + 2 < N - 1 && !isEnd[fwd + 1]) {
      s.next = [stepId(fwd), stepId(fwd + 1)];
    } else {
      s.next = stepId(fwd);
    }
  }

  // ---- data ----
  const D = Math.max(3, Math.round(N / 3));
  const dataIds: string[] = [];
  const dataNames: string[] = [];
  const dataOwner: number[] = [];
  const dataExternal: boolean[] = [];
  const dw = String(D).length;
  for (let k = 0; k < D; k++) {
    const kind = k % DATA_KINDS.length;
    dataIds.push(`${DATA_KINDS[kind]}-${pad(k + 1, dw)}`);
    dataNames.push(`${THINGS[kind]}${k >= THINGS.length ? k + 1 : ''}`);
    dataOwner.push(int(0, R - 1));
    dataExternal.push(k % 20 === 7);
  }
  // each data item is produced by a step (external ones by none) and needed by 1–2 later steps
  const stepsForData = (k: number) => Math.min(N - 2, Math.floor(((k + 0.5) * (N - 2)) / D));
  for (let k = 0; k < D; k++) {
    const at = stepsForData(k);
    if (!dataExternal[k]) {
      let p = at;
      while (p < N - 1 && steps[p].type === 'end') p++;
      if (steps[p].type !== 'end') {
        steps[p].produces.push(dataIds[k]);
        dataOwner[k] = steps[p].role ?? dataOwner[k];
      }
    }
    const users = int(1, 2);
    for (let u = 0; u < users; u++) {
      const c = Math.min(N - 2, at + int(1, 12));
      if (steps[c].type === 'end' || steps[c].needs.includes(dataIds[k])) continue;
      steps[c].needs.push(dataIds[k]);
    }
  }
  // ---- attributes ----
  for (const s of steps) {
    if (s.type === 'start' || s.type === 'end' || !chance(0.5)) continue;
    s.attrs.push(['mode', pick(MODES)]);
    if (chance(0.6)) s.attrs.push(['sla', pick(SLAS)]);
    if (s.type === 'decision' || chance(0.2)) s.attrs.push(['approver', roleIds[int(0, R - 1)]]);
    if (chance(0.4)) s.attrs.push(['system', pick(SYSTEMS)]);
  }

  // ---- requirements ----
  const Q = Math.max(3, Math.round(N / 3));
  const reqs: GenReq[] = [];
  const qw = String(Q).length;
  const reqId = (q: number) => `REQ-${pad(q + 1, Math.max(3, qw))}`;
  const setKeys = new Map<string, number>(); // step.attr → requirement index that sets it
  const named = new Set<string>(); // steps named by some requirement
  const removed = new Set<string>();
  const taskSteps = steps.filter((s) => s.type === 'task' || s.type === 'decision');
  const stepNear = (q: number) => {
    const c = Math.floor(((q + rand()) * taskSteps.length) / Q);
    return taskSteps[Math.min(taskSteps.length - 1, Math.max(0, c))];
  };
  const priorities: GenReq['priority'][] = ['must', 'must', 'must', 'should', 'should', 'should', 'should', 'could', 'could', 'wont'];
  const statuses: GenReq['status'][] = ['proposed', 'proposed', 'proposed', 'proposed', 'accepted', 'accepted', 'accepted', 'done', 'done', 'rejected'];
  let conflictReqs = 0;
  const addedSteps = new Set<string>();
  for (let q = 0; q < Q; q++) {
    const anchor = stepNear(q);
    const from = chance(0.7) && anchor.role !== undefined ? anchor.role : int(0, R - 1);
    const r: GenReq = {
      id: reqId(q),
      title: `${pick(REQ_VERBS)}${pick(THINGS)}${pick(['流程', '审批', '数据', '交接', '环节'])}，${pick(WHY)}`,
      from,
      priority: pick(priorities),
      status: pick(statuses),
      steps: [],
      sets: [],
      adds: [],
      removes: [],
      agreed: [],
      depends: [],
      overrides: [],
      acceptance: [],
    };
    const agree = (role: number | undefined) => {
      if (role !== undefined && role !== r.from && !r.agreed.includes(role)) r.agreed.push(role);
    };
    // steps it is about
    const nSteps = int(0, 2);
    for (let k = 0; k < nSteps; k++) {
      const s = stepNear(q);
      if (!r.steps.includes(s.id) && !removed.has(s.id)) r.steps.push(s.id);
    }
    // sets: a fresh step.attribute (no clash)
    if (chance(0.6)) {
      const s = stepNear(q);
      const attr = pick(['mode', 'sla', 'approver', 'system', 'notify', 'channel']);
      const key = `${s.id}.${attr}`;
      if (!setKeys.has(key) && !removed.has(s.id)) {
        const value = attr === 'mode' ? pick(MODES) : attr === 'sla' ? pick(SLAS) : attr === 'approver' ? roleIds[int(0, R - 1)] : attr === 'system' ? pick(SYSTEMS) : pick(['短信', '邮件', '企业微信', '钉钉']);
        r.sets.push([key, value]);
        setKeys.set(key, q);
        agree(s.role);
      }
    }
    // adds: steps in (or agreed by) the asking role's lane
    if (chance(0.06)) {
      const s = stepNear(q);
      if (!addedSteps.has(s.id) && !removed.has(s.id) && s.type === 'task') {
        r.adds.push(s.id);
        addedSteps.add(s.id);
        agree(s.role);
      }
    }
    // depends on earlier, compatible requirements (acyclic: always backwards)
    if (q > 0 && chance(0.3)) {
      const d = reqs[Math.max(0, q - int(1, 8))];
      const ok = d.status !== 'rejected' && !(r.priority === 'must' && (d.priority === 'could' || d.priority === 'wont'));
      if (ok) r.depends.push(d.id);
    }
    // acceptance for almost every live must/should; often for the others
    const needsAcceptance = (r.priority === 'must' || r.priority === 'should') && r.status !== 'rejected';
    if ((needsAcceptance && chance(0.96)) || chance(0.5)) {
      const n = int(1, 4);
      for (let k = 0; k < n; k++) r.acceptance.push(pick(ACCEPT));
    }

    if (chance(0.3)) r.rationale = pick(RATIONALES);
    // ---- conflicts (≈ 7 % of the requirements take part in one) ----
    const roll = rand();
    if (roll < 0.025 && reqs.length > 0) {
      // contradiction with an earlier live requirement's `sets`
      for (let back = 1; back <= 10 && back <= reqs.length; back++) {
        const o = reqs[reqs.length - back];
        if (o.status === 'rejected' || o.sets.length === 0) continue;
        const [key, value] = o.sets[0];
        const other = key.endsWith('.mode') ? MODES.find((m) => m !== value)! : key.endsWith('.sla') ? SLAS.find((m) => m !== value)! : `${value}-改`;
        r.sets.push([key, other]);
        agree(steps.find((s) => s.id === key.slice(0, key.indexOf('.')))?.role);
        if (r.status === 'rejected') r.status = 'proposed';
        conflictReqs += 2;
        break;
      }
    } else if (roll < 0.035) {
      // removes a step another requirement names
      const victim = reqs.length ? reqs[reqs.length - 1].steps[0] ?? reqs[reqs.length - 1].sets[0]?.[0].split('.')[0] : undefined;
      if (victim && !r.steps.includes(victim)) {
        r.removes.push(victim);
        removed.add(victim);
        if (r.status === 'rejected') r.status = 'accepted';
        conflictReqs += 2;
      }
    } else if (roll < 0.05) {
      // changes another lane's step without its sign-off
      const s = stepNear(q);
      if (s.role !== undefined && s.role !== r.from && !removed.has(s.id)) {
        const key = `${s.id}.owner-check`;
        if (!setKeys.has(key)) {
          r.sets.push([key, pick(['required', 'skipped'])]);
          setKeys.set(key, q);
          r.agreed = r.agreed.filter((a) => a !== s.role);
          if (r.status === 'rejected') r.status = 'proposed';
          conflictReqs += 1;
        }
      }
    } else if (roll < 0.06 && q > 0) {
      // depends on a rejected requirement, or a must on a could (priority inversion)
      const d = reqs[Math.max(0, q - int(1, 5))];
      if (!r.depends.includes(d.id)) {
        if (d.status === 'rejected' || d.priority === 'could' || d.priority === 'wont') {
          r.depends.push(d.id);
          r.priority = 'must';
          if (r.status === 'rejected') r.status = 'proposed';
          conflictReqs += 1;
        }
      }
    } else if (roll < 0.075 && reqs.length > 0) {
      // a clash that was decided: overrides + decidedBy (no diagnostic)
      const o = reqs[reqs.length - 1];
      if (o.sets.length && o.status !== 'rejected') {
        const [key, value] = o.sets[0];
        r.sets.push([key, `${value}-新`]);
        r.overrides.push(o.id);
        r.decidedBy = int(0, R - 1);
        r.rationale = pick(RATIONALES);
        agree(steps.find((s) => s.id === key.slice(0, key.indexOf('.')))?.role);
      }
    }
    for (const s of r.steps) named.add(s);
    for (const [k] of r.sets) named.add(k.slice(0, k.indexOf('.')));
    reqs.push(r);
  }

  // ---- roles' needs ----
  const roleNeeds: string[][] = roleIds.map(() => []);
  for (let k = 0; k < D; k++) {
    if (chance(0.2)) roleNeeds[dataOwner[k] % R].push(dataIds[k]);
  }

  // ---- text ----
  const out: string[] = [];
  const list = (xs: readonly string[]) => `[${xs.join(', ')}]`;
  out.push(`# 生成的业务流程：${N} 个步骤，${R} 个角色（bench/generate.ts，seed ${seed}）`);
  out.push('bizflow: 1');
  out.push('process:');
  out.push(`  id: generated-${N}`);
  out.push(`  name: 端到端订单交付流程（${N} 步）`);
  out.push(`  owner: ${roleIds[0]}`);
  out.push('  description: 从客户询价、下单、信用审核、生产、仓储、物流到开票回款的跨部门流程');
  out.push('');
  out.push('roles:');
  for (let r = 0; r < R; r++) {
    out.push(`  ${roleIds[r]}:`);
    out.push(`    name: ${roleNames[r]}`);
    out.push(`    department: ${DEPTS[roleDept[r]][1]}`);
    out.push(`    concerns: ${list([CONCERNS[r % CONCERNS.length], CONCERNS[(r * 7 + 3) % CONCERNS.length]])}`);
    if (roleNeeds[r].length) out.push(`    needs: ${list(roleNeeds[r])}`);
  }
  out.push('');
  out.push('data:');
  for (let k = 0; k < D; k++) {
    out.push(`  ${dataIds[k]}: { name: ${dataNames[k]}, owner: ${roleIds[dataOwner[k] % R]}${dataExternal[k] ? ', external: true' : ''} }`);
  }
  out.push('');
  out.push('steps:');
  for (let i = 0; i < N; i++) {
    const s = steps[i];
    if (i > 0 && i % 100 === 0) out.push(`  # ---- 第 ${i + 1} 步起 ----`);
    out.push(`  ${s.id}:`);
    out.push(`    name: ${s.name}`);
    if (s.type !== 'task' || chance(0.4)) out.push(`    type: ${s.type}`);
    if (s.role !== undefined) out.push(`    role: ${roleIds[s.role]}`);
    if (s.needs.length) out.push(`    needs: ${list(s.needs)}`);
    if (s.produces.length) out.push(`    produces: ${list(s.produces)}`);
    if (s.attrs.length) {
      out.push('    attributes:');
      for (const [k, v] of s.attrs) out.push(`      ${k}: ${v}`);
    }
    if (s.next === undefined) continue;
    if (typeof s.next === 'string') out.push(`    next: ${s.next}`);
    else if (typeof s.next[0] === 'string') out.push(`    next: ${list(s.next as string[])}`);
    else {
      out.push('    next:');
      for (const [label, target] of s.next as Array<[string, string]>) out.push(`      ${label}: ${target}`);
    }
  }
  out.push('');
  out.push('requirements:');
  for (const r of reqs) {
    out.push(`  ${r.id}:`);
    out.push(`    title: ${r.title}`);
    out.push(`    from: ${roleIds[r.from]}`);
    out.push(`    priority: ${r.priority}`);
    if (r.status !== 'proposed' || chance(0.3)) out.push(`    status: ${r.status}`);
    if (r.steps.length) out.push(`    steps: ${list(r.steps)}`);
    if (r.sets.length) {
      out.push('    sets:');
      for (const [k, v] of r.sets) out.push(`      ${k}: ${v}`);
    }
    if (r.adds.length) out.push(`    adds: ${list(r.adds)}`);
    if (r.removes.length) out.push(`    removes: ${list(r.removes)}`);
    if (r.agreed.length) out.push(`    agreed: ${list(r.agreed.map((a) => roleIds[a]))}`);
    if (r.depends.length) out.push(`    depends: ${list(r.depends)}`);
    if (r.overrides.length) out.push(`    overrides: ${list(r.overrides)}`);
    if (r.decidedBy !== undefined) out.push(`    decidedBy: ${roleIds[r.decidedBy]}`);
    if (r.rationale) out.push(`    rationale: ${r.rationale}`);
    if (r.acceptance.length) {
      out.push('    acceptance:');
      for (const a of r.acceptance) out.push(`      - ${a}`);
    }
  }
  void named;
  return { text: out.join('\n') + '\n', steps: N, roles: R, data: D, requirements: Q, conflictRequirements: conflictReqs };
}

// CLI: npx tsx bench/generate.ts 1000 [--seed 42] [--out FILE]
if (typeof require !== 'undefined' && require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const g = generateFlow(n, Number(opt('seed') ?? 42));
  const out = opt('out');
  if (out) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('fs').writeFileSync(out, g.text);
    process.stderr.write(`wrote ${out}: ${g.steps} steps, ${g.roles} roles, ${g.data} data, ${g.requirements} requirements, ${Buffer.byteLength(g.text)} bytes\n`);
  } else {
    process.stdout.write(g.text);
  }
}
