/**
 * How the nodes of the roles and requirements trees look: labels,
 * descriptions, codicons, tooltips and context values, in the UI language
 * (`bizflow.locale`, through `words.ts`).
 */
import { mdCode, showControls } from '../../core/escape';
import * as vscode from 'vscode';
import type { Priority, Status, StepType } from '../../core/model';
import type { AgreementState } from '../../core/review/read';
import type {
  AskedNode,
  BurdenChange,
  BurdenNode,
  ChangeNode,
  Decision,
  ConflictLevel,
  ConflictNode,
  NeedNode,
  RequirementGroupNode,
  RequirementGrouping,
  RequirementNode,
  RequirementSummary,
  RoleNode,
  RoleSectionNode,
  StepNode,
  TreeNode,
} from '../../core/tree';
import { wordsFor, type Words } from './words';

/** Context value fragment of items that can be revealed in the editor / shown in the preview. */
export const REVEALABLE = 'revealable';

const SEP = ' · ';

function icon(id: string, color?: string): vscode.ThemeIcon {
  return color ? new vscode.ThemeIcon(id, new vscode.ThemeColor(color)) : new vscode.ThemeIcon(id);
}

function levelColor(level: ConflictLevel | undefined): string | undefined {
  if (level === 'error') return 'list.errorForeground';
  if (level === 'warning') return 'list.warningForeground';
  return undefined;
}

function levelIcon(level: ConflictLevel): vscode.ThemeIcon {
  return icon(level === 'error' ? 'error' : 'warning', levelColor(level));
}

export function conflictsText(w: Words, n: number): string {
  return n === 1 ? w.t('1 conflict') : w.t('{0} conflicts', n);
}

/** "overridden by REQ-001, decided by 总监" (the requirement lost a recorded decision). */
export function overriddenText(w: Words, d: Decision): string {
  const by = d.decidedByName ?? d.decidedBy;
  return by === undefined ? w.t('overridden by {0}', d.winner) : w.t('overridden by {0}, decided by {1}', d.winner, by);
}

/** "overrides REQ-002, decided by 总监" (the requirement won a recorded decision). */
export function overridesText(w: Words, d: Decision): string {
  const by = d.decidedByName ?? d.decidedBy;
  return by === undefined ? w.t('overrides {0}', d.loser) : w.t('overrides {0}, decided by {1}', d.loser, by);
}

/** Decisions in a tooltip, one line each, with the deciding role's id. */
function appendDecisions(w: Words, m: vscode.MarkdownString, r: RequirementSummary): void {
  const line = (d: Decision, text: string) => {
    const who = d.decidedBy !== undefined && d.decidedByName !== undefined ? ` (${d.decidedBy})` : '';
    const owner = d.byOwner ? ` — ${w.t('the process owner')}` : '';
    append(m, '\n\n$(law) ', `${text}${who}${owner}`);
  };
  for (const d of r.overriddenBy) line(d, overriddenText(w, d));
  for (const d of r.overrides) line(d, overridesText(w, d));
}

export function statusLabel(w: Words, s: Status): string {
  switch (s) {
    case 'proposed':
      return w.t('Proposed');
    case 'accepted':
      return w.t('Accepted');
    case 'rejected':
      return w.t('Rejected');
    case 'done':
      return w.t('Done');
  }
}

export function priorityLabel(w: Words, p: Priority | undefined): string {
  switch (p) {
    case 'must':
      return w.t('Must have');
    case 'should':
      return w.t('Should have');
    case 'could':
      return w.t('Could have');
    case 'wont':
      return w.t("Won't have");
    default:
      return w.t('No priority');
  }
}

export function groupingLabel(w: Words, g: RequirementGrouping): string {
  switch (g) {
    case 'status':
      return w.t('by status');
    case 'priority':
      return w.t('by priority');
    case 'role':
      return w.t('by requesting role');
  }
}

function stepTypeLabel(w: Words, t: StepType): string {
  switch (t) {
    case 'start':
      return w.t('start');
    case 'end':
      return w.t('end');
    case 'decision':
      return w.t('decision');
    default:
      return w.t('task');
  }
}

/** The first sentence of a diagnostic message (the rest is how to fix it, shown in the tooltip). */
export function firstSentence(message: string): string {
  const end = /[.!?](?=\s)|[。！？]/u.exec(message);
  const s = end ? message.slice(0, end.index + 1).trim() : message.trim();
  return s.length ? s : message;
}

/** The display name, or the id when there is none. */
function labelOf(name: string | undefined, id: string): string {
  return name?.trim() ? name : id;
}

function reqLabel(r: RequirementSummary): string {
  return r.title !== undefined && r.title.trim() !== '' ? `${r.reqId} ${r.title}` : r.reqId;
}

function fromLabel(r: RequirementSummary): string | undefined {
  if (r.from === undefined) return undefined;
  return r.fromName ?? r.from;
}

function requirementIcon(r: RequirementSummary): vscode.ThemeIcon {
  if (r.level) return levelIcon(r.level);
  // lost a recorded decision: settled, out of the way
  if (r.overriddenBy.length) return icon('law', 'disabledForeground');
  switch (r.status) {
    case 'rejected':
      return icon('git-pull-request-closed', 'disabledForeground');
    case 'done':
      return icon('pass', 'testing.iconPassed');
    case 'accepted':
      return icon('git-pull-request', 'charts.blue');
    default:
      return icon('git-pull-request');
  }
}

function md(): vscode.MarkdownString {
  const m = new vscode.MarkdownString('', true);
  m.supportHtml = false;
  m.isTrusted = false;
  return m;
}

/** Appends Markdown (a line break, an icon), then plain text. */
function append(m: vscode.MarkdownString, markdown: string, text: string): void {
  m.appendMarkdown(markdown);
  appendPlain(m, text);
}

/** User text as plain text on the current line: `appendText` escapes Markdown but keeps line breaks (a new paragraph). */
function appendPlain(m: vscode.MarkdownString, text: string): vscode.MarkdownString {
  return m.appendText(showControls(text.replace(/\r\n|[\r\n\u2028\u2029\t]/g, ' ')));
}

function code(m: vscode.MarkdownString, text: string): vscode.MarkdownString {
  // an inline code span that can hold any backticks, and no line break
  return m.appendMarkdown(mdCode(text));
}

/** A tooltip that starts with the display name in bold and the id as code. */
function titled(name: string | undefined, id: string): vscode.MarkdownString {
  const m = md();
  append(m, '**', name ?? id);
  m.appendMarkdown('** ');
  code(m, id);
  return m;
}

function requirementTooltip(w: Words, r: RequirementSummary): vscode.MarkdownString {
  const m = md();
  append(m, '**', r.reqId);
  m.appendMarkdown('** ');
  if (r.title) appendPlain(m, r.title);
  append(m, '\n\n', `${w.t('Priority')}: ${r.priority ?? w.t('none')}`);
  append(m, '  \n', `${w.t('Status')}: ${r.status}`);
  const from = r.from === undefined ? w.t('none') : r.fromName ? `${r.fromName} (${r.from})` : r.from;
  append(m, '  \n', `${w.t('Asked by')}: ${from}`);
  if (r.conflicts.length) {
    m.appendMarkdown('\n\n');
    append(m, r.level === 'error' ? '$(error) ' : '$(warning) ', conflictsText(w, r.conflicts.length));
  }
  appendDecisions(w, m, r);
  return m;
}

function revealCommand(w: Words, args: unknown[]): vscode.Command {
  return { command: 'bizflow.tree.reveal', title: w.t('Reveal in Editor'), arguments: args };
}

/**
 * Builds the tree item of a node. `element` is what the tree holds (passed
 * back to the reveal command when the item is clicked).
 */
export function treeItem(node: TreeNode, element: unknown, grouping: RequirementGrouping, w: Words = wordsFor('en')): vscode.TreeItem {
  const item = build(w, node, grouping);
  item.id = node.id;
  if ('span' in node && node.span) {
    item.command = revealCommand(w, [element, { preserveFocus: true }]);
    item.contextValue = `${item.contextValue ?? ''} ${REVEALABLE}`.trim();
  }
  return item;
}

function build(w: Words, node: TreeNode, grouping: RequirementGrouping): vscode.TreeItem {
  switch (node.kind) {
    case 'role':
      return role(w, node);
    case 'section':
      return section(w, node);
    case 'step':
      return step(w, node);
    case 'asked':
      return asked(w, node);
    case 'burden':
      return burden(w, node);
    case 'change':
      return change(w, node);
    case 'need':
      return need(w, node);
    case 'group':
      return group(w, node);
    case 'requirement':
      return requirement(w, node, grouping);
    case 'conflict':
      return conflict(w, node);
  }
}

function role(w: Words, n: RoleNode): vscode.TreeItem {
  const item = new vscode.TreeItem(labelOf(n.name, n.roleId), vscode.TreeItemCollapsibleState.Collapsed);
  item.description = n.department ? `${n.roleId}${SEP}${n.department}` : n.roleId;
  item.iconPath = icon('person', levelColor(n.level));
  item.contextValue = 'bizflow.role';
  const m = titled(n.name, n.roleId);
  if (n.department) {
    append(m, '\n\n', `${w.t('Department')}: ${n.department}`);
  }
  if (n.concerns.length) {
    append(m, '  \n', `${w.t('Concerns')}: ${n.concerns.join(w.t(', '))}`);
  }
  if (n.unagreed) {
    append(
      m,
      '\n\n$(warning) ',
      n.unagreed === 1
        ? w.t('1 requirement changes its work without its sign-off')
        : w.t('{0} requirements change its work without its sign-off', n.unagreed),
    );
  }
  if (n.missingData) {
    append(
      m,
      '\n\n$(warning) ',
      n.missingData === 1
        ? w.t('1 data item it needs is produced by no step')
        : w.t('{0} data items it needs are produced by no step', n.missingData),
    );
  }
  item.tooltip = m;
  return item;
}

function section(w: Words, n: RoleSectionNode): vscode.TreeItem {
  let label: string;
  let ic: vscode.ThemeIcon;
  switch (n.section) {
    case 'steps':
      label = w.t('Steps in its lane');
      ic = icon('symbol-event');
      break;
    case 'asked':
      label = w.t('Requirements it asked for');
      ic = icon('git-pull-request');
      break;
    case 'burden': {
      label = w.t('Requirements that change its work');
      const unagreed = n.children.some((c) => c.kind === 'burden' && !c.agreed);
      ic = unagreed ? icon('warning', 'list.warningForeground') : icon('git-compare');
      break;
    }
    case 'changes': {
      label = w.t('What changes');
      const open = n.children.some((c) => c.kind === 'change' && (c.change === 'pending' || ('contested' in c && c.contested)));
      ic = open ? icon('diff', 'list.warningForeground') : icon('diff');
      break;
    }
    case 'needs': {
      label = w.t('Data it needs');
      const missing = n.children.some((c) => c.kind === 'need' && c.missing);
      ic = missing ? icon('database', 'list.warningForeground') : icon('database');
      break;
    }
  }
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.description = String(n.children.length);
  item.iconPath = ic;
  item.contextValue = `bizflow.section.${n.section}`;
  return item;
}

function step(w: Words, n: StepNode): vscode.TreeItem {
  const item = new vscode.TreeItem(labelOf(n.name, n.stepId), vscode.TreeItemCollapsibleState.None);
  const parts = [n.stepId];
  if (n.type !== 'task') parts.push(stepTypeLabel(w, n.type));
  if (n.conflictCount) parts.push(conflictsText(w, n.conflictCount));
  item.description = parts.join(SEP);
  const base = n.type === 'decision' ? 'git-compare' : n.type === 'start' ? 'debug-start' : n.type === 'end' ? 'debug-stop' : 'symbol-event';
  item.iconPath = icon(base, levelColor(n.level));
  item.contextValue = 'bizflow.step';
  const m = titled(n.name, n.stepId);
  append(m, '  \n', `${w.t('Type')}: ${n.type}`);
  if (n.conflictCount) {
    append(m, n.level === 'error' ? '\n\n$(error) ' : '\n\n$(warning) ', conflictsText(w, n.conflictCount));
  }
  item.tooltip = m;
  return item;
}

function asked(w: Words, n: AskedNode): vscode.TreeItem {
  const r = n.req;
  const item = new vscode.TreeItem(reqLabel(r), vscode.TreeItemCollapsibleState.None);
  const parts = [r.priority ?? w.t('no priority'), r.status];
  if (r.conflicts.length) parts.push(conflictsText(w, r.conflicts.length));
  for (const d of r.overriddenBy) parts.push(overriddenText(w, d));
  item.description = parts.join(SEP);
  item.iconPath = requirementIcon(r);
  item.tooltip = requirementTooltip(w, r);
  item.contextValue = 'bizflow.requirement';
  return item;
}

function changeText(w: Words, c: BurdenChange): string {
  switch (c.how) {
    case 'adds':
      return w.t('adds {0}', c.stepId);
    case 'removes':
      return w.t('removes {0}', c.stepId);
    case 'sets':
      return w.t('sets {0} = {1}', c.key ?? c.stepId, c.value ?? '');
  }
}

function burden(w: Words, n: BurdenNode): vscode.TreeItem {
  const r = n.req;
  const item = new vscode.TreeItem(reqLabel(r), vscode.TreeItemCollapsibleState.None);
  const parts: string[] = [];
  const from = fromLabel(r);
  if (from) parts.push(w.t('from {0}', from));
  parts.push(n.changes.map((c) => changeText(w, c)).join(w.t(', ')));
  parts.push(n.agreed ? w.t('agreed') : w.t('not agreed'));
  item.description = parts.join(SEP);
  item.iconPath = n.agreed ? icon('check', 'testing.iconPassed') : icon('warning', 'list.warningForeground');
  item.contextValue = n.agreed ? 'bizflow.burden' : 'bizflow.burden.unagreed';
  const m = requirementTooltip(w, r);
  m.appendMarkdown('\n\n');
  for (const c of n.changes) {
    append(m, '- ', changeText(w, c));
    m.appendMarkdown('\n');
  }
  m.appendMarkdown('\n');
  if (!n.agreed) m.appendMarkdown('$(warning) ');
  m.appendText(
    n.agreed
      ? w.t('This role has signed off ({0}).', 'agreed')
      : w.t('This role is not in the requirement\'s {0} list: its work changes without its sign-off.', 'agreed'),
  );
  item.tooltip = m;
  return item;
}

/** The words of an agreement state, for "What changes". */
function stateText(w: Words, s: AgreementState): string {
  switch (s) {
    case 'agreed':
      return w.t('agreed');
    case 'stale':
      return w.t('agreement stale');
    case 'object':
      return w.t('objects');
    case 'question':
      return w.t('open question');
    case 'none':
      return w.t('not agreed');
  }
}

function change(w: Words, n: ChangeNode): vscode.TreeItem {
  let label: string;
  const parts: string[] = [];
  let ic: vscode.ThemeIcon;
  const m = md();
  switch (n.change) {
    case 'added':
    case 'removed':
      label = `${n.change === 'added' ? w.t('Added') : w.t('Removed')}: ${labelOf(n.stepName, n.stepId)}`;
      ic = n.change === 'added' ? icon('diff-added', 'gitDecoration.addedResourceForeground') : icon('diff-removed', 'gitDecoration.deletedResourceForeground');
      if (n.requirements.length) parts.push(w.t('by {0}', n.requirements.join(w.t(', '))));
      if (n.contested) parts.push(w.t('contested'));
      break;
    case 'changed':
      label = `${w.t('Changed')}: ${labelOf(n.stepName, n.stepId)} · ${n.attribute}`;
      ic = icon('diff-modified', n.contested ? 'list.warningForeground' : 'gitDecoration.modifiedResourceForeground');
      parts.push(`${n.today ?? w.t('(not set)')} → ${n.contested ? w.t('contested: {0}', n.after.join(' / ')) : (n.after[0] ?? '')}`);
      if (n.requirements.length) parts.push(w.t('by {0}', n.requirements.join(w.t(', '))));
      break;
    case 'data':
      label = `${w.t('Data asked of it')}: ${n.dataId}`;
      ic = icon('database');
      if (n.requirements.length) parts.push(w.t('by {0}', n.requirements.join(w.t(', '))));
      break;
    case 'pending':
      label = `${w.t('Waiting for its agreement')}: ${n.title ? `${n.title} (${n.requirement})` : n.requirement}`;
      ic = n.state === 'object' || n.state === 'stale' ? icon('warning', 'list.warningForeground') : icon('question');
      parts.push(stateText(w, n.state));
      break;
  }
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.description = parts.join(SEP);
  item.iconPath = ic;
  item.contextValue = `bizflow.change.${n.change}`;
  appendPlain(m, [label, ...parts].join(' — '));
  item.tooltip = m;
  return item;
}

function need(w: Words, n: NeedNode): vscode.TreeItem {
  const item = new vscode.TreeItem(labelOf(n.name, n.dataId), vscode.TreeItemCollapsibleState.None);
  const parts: string[] = [];
  if (n.name?.trim()) parts.push(n.dataId);
  if (!n.declared) parts.push(w.t('not declared'));
  else if (n.external) parts.push(w.t('external'));
  else if (n.missing) parts.push(w.t('produced by no step'));
  item.description = parts.join(SEP);
  item.iconPath = !n.declared
    ? icon('error', 'list.errorForeground')
    : n.missing
      ? icon('warning', 'list.warningForeground')
      : icon('database');
  item.contextValue = n.missing ? 'bizflow.data.missing' : 'bizflow.data';
  const m = titled(n.name, n.dataId);
  if (n.missing || !n.declared) {
    append(
      m,
      '\n\n$(warning) ',
      !n.declared
        ? w.t('It is not declared under {0}.', 'data:')
        : w.t('No step produces it, so this role cannot get it.'),
    );
  }
  item.tooltip = m;
  return item;
}

/** Codicons of the status and priority groups (`proposed` and "no priority" have their own). */
const GROUP_ICONS: Readonly<Record<string, string>> = {
  accepted: 'pass',
  rejected: 'circle-slash',
  done: 'check-all',
  must: 'flame',
  should: 'arrow-up',
  could: 'arrow-down',
  wont: 'circle-slash',
};

const groupIcon = (key: string): string | undefined => (Object.hasOwn(GROUP_ICONS, key) ? GROUP_ICONS[key] : undefined);

function group(w: Words, n: RequirementGroupNode): vscode.TreeItem {
  let label: string;
  let ic: vscode.ThemeIcon;
  const parts: string[] = [];
  if (n.grouping === 'status') {
    label = statusLabel(w, n.key as Status);
    ic = icon(groupIcon(n.key) ?? 'circle-large-outline');
  } else if (n.grouping === 'priority') {
    label = priorityLabel(w, n.key === '' ? undefined : (n.key as Priority));
    ic = icon(groupIcon(n.key) ?? 'question');
  } else if (n.key === '') {
    label = w.t('No requesting role');
    ic = icon('question');
  } else {
    label = labelOf(n.name, n.key);
    parts.push(n.known ? n.key : w.t('{0} (unknown role)', n.key));
    ic = icon('person', n.known ? undefined : 'list.errorForeground');
  }
  parts.push(String(n.children.length));
  if (n.conflictCount) parts.push(conflictsText(w, n.conflictCount));
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.description = parts.join(SEP);
  item.iconPath = ic;
  item.contextValue = `bizflow.group.${n.grouping}`;
  const shared = n.conflictsInvolved - n.conflictCount;
  item.tooltip =
    `${label} (${n.key || '-'})` +
    (shared > 0
      ? '\n' +
        (shared === 1
          ? w.t('1 more conflict with a requirement of a group above is counted there.')
          : w.t('{0} more conflicts with requirements of the groups above are counted there.', shared))
      : '');
  return item;
}

function requirement(w: Words, n: RequirementNode, grouping: RequirementGrouping): vscode.TreeItem {
  const r = n.req;
  const item = new vscode.TreeItem(
    reqLabel(r),
    n.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  const parts: string[] = [r.priority ?? w.t('no priority')];
  const from = fromLabel(r);
  parts.push(from ?? w.t('no requesting role'));
  if (grouping !== 'status' && r.status !== 'proposed') parts.push(r.status);
  if (r.conflicts.length) parts.push(conflictsText(w, r.conflicts.length));
  // a recorded decision shows as decided, on both sides
  for (const d of r.overriddenBy) parts.push(overriddenText(w, d));
  for (const d of r.overrides) parts.push(overridesText(w, d));
  item.description = parts.join(SEP);
  item.iconPath = requirementIcon(r);
  item.tooltip = requirementTooltip(w, r);
  item.contextValue = r.conflicts.length ? 'bizflow.requirement.conflicted' : r.overriddenBy.length ? 'bizflow.requirement.overridden' : 'bizflow.requirement';
  return item;
}

function conflict(w: Words, n: ConflictNode): vscode.TreeItem {
  const c = n.conflict;
  const item = new vscode.TreeItem(firstSentence(c.message), vscode.TreeItemCollapsibleState.None);
  item.description = c.code;
  item.iconPath = levelIcon(c.severity === 'error' ? 'error' : 'warning');
  const m = md();
  m.appendMarkdown(c.severity === 'error' ? '$(error) ' : '$(warning) ');
  code(m, c.code);
  append(m, '\n\n', c.message);
  if (c.detail !== undefined) append(m, '\n\n', c.detail);
  item.tooltip = m;
  item.contextValue = 'bizflow.conflict';
  return item;
}
