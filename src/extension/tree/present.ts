/**
 * How the nodes of the roles and requirements trees look: labels,
 * descriptions, codicons, tooltips and context values, in the UI language
 * (`vscode.l10n.t`).
 */
import { mdCode, showControls } from '../../core/escape';
import * as vscode from 'vscode';
import type { Priority, Status, StepType } from '../../core/model';
import type {
  AskedNode,
  BurdenChange,
  BurdenNode,
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

export function conflictsText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 conflict') : vscode.l10n.t('{0} conflicts', n);
}

export function statusLabel(s: Status): string {
  switch (s) {
    case 'proposed':
      return vscode.l10n.t('Proposed');
    case 'accepted':
      return vscode.l10n.t('Accepted');
    case 'rejected':
      return vscode.l10n.t('Rejected');
    case 'done':
      return vscode.l10n.t('Done');
  }
}

export function priorityLabel(p: Priority | undefined): string {
  switch (p) {
    case 'must':
      return vscode.l10n.t('Must have');
    case 'should':
      return vscode.l10n.t('Should have');
    case 'could':
      return vscode.l10n.t('Could have');
    case 'wont':
      return vscode.l10n.t("Won't have");
    default:
      return vscode.l10n.t('No priority');
  }
}

export function groupingLabel(g: RequirementGrouping): string {
  switch (g) {
    case 'status':
      return vscode.l10n.t('by status');
    case 'priority':
      return vscode.l10n.t('by priority');
    case 'role':
      return vscode.l10n.t('by requesting role');
  }
}

function stepTypeLabel(t: StepType): string {
  switch (t) {
    case 'start':
      return vscode.l10n.t('start');
    case 'end':
      return vscode.l10n.t('end');
    case 'decision':
      return vscode.l10n.t('decision');
    default:
      return vscode.l10n.t('task');
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

function requirementTooltip(r: RequirementSummary): vscode.MarkdownString {
  const m = md();
  append(m, '**', r.reqId);
  m.appendMarkdown('** ');
  if (r.title) appendPlain(m, r.title);
  append(m, '\n\n', `${vscode.l10n.t('Priority')}: ${r.priority ?? vscode.l10n.t('none')}`);
  append(m, '  \n', `${vscode.l10n.t('Status')}: ${r.status}`);
  const from = r.from === undefined ? vscode.l10n.t('none') : r.fromName ? `${r.fromName} (${r.from})` : r.from;
  append(m, '  \n', `${vscode.l10n.t('Asked by')}: ${from}`);
  if (r.conflicts.length) {
    m.appendMarkdown('\n\n');
    append(m, r.level === 'error' ? '$(error) ' : '$(warning) ', conflictsText(r.conflicts.length));
  }
  return m;
}

function revealCommand(args: unknown[]): vscode.Command {
  return { command: 'bizflow.tree.reveal', title: vscode.l10n.t('Reveal in Editor'), arguments: args };
}

/**
 * Builds the tree item of a node. `element` is what the tree holds (passed
 * back to the reveal command when the item is clicked).
 */
export function treeItem(node: TreeNode, element: unknown, grouping: RequirementGrouping): vscode.TreeItem {
  const item = build(node, grouping);
  item.id = node.id;
  if ('span' in node && node.span) {
    item.command = revealCommand([element, { preserveFocus: true }]);
    item.contextValue = `${item.contextValue ?? ''} ${REVEALABLE}`.trim();
  }
  return item;
}

function build(node: TreeNode, grouping: RequirementGrouping): vscode.TreeItem {
  switch (node.kind) {
    case 'role':
      return role(node);
    case 'section':
      return section(node);
    case 'step':
      return step(node);
    case 'asked':
      return asked(node);
    case 'burden':
      return burden(node);
    case 'need':
      return need(node);
    case 'group':
      return group(node);
    case 'requirement':
      return requirement(node, grouping);
    case 'conflict':
      return conflict(node);
  }
}

function role(n: RoleNode): vscode.TreeItem {
  const item = new vscode.TreeItem(labelOf(n.name, n.roleId), vscode.TreeItemCollapsibleState.Collapsed);
  item.description = n.department ? `${n.roleId}${SEP}${n.department}` : n.roleId;
  item.iconPath = icon('person', levelColor(n.level));
  item.contextValue = 'bizflow.role';
  const m = titled(n.name, n.roleId);
  if (n.department) {
    append(m, '\n\n', `${vscode.l10n.t('Department')}: ${n.department}`);
  }
  if (n.concerns.length) {
    append(m, '  \n', `${vscode.l10n.t('Concerns')}: ${n.concerns.join(vscode.l10n.t(', '))}`);
  }
  if (n.unagreed) {
    append(m, '\n\n$(warning) ', vscode.l10n.t('{0} requirement(s) change its work without its sign-off', n.unagreed));
  }
  if (n.missingData) {
    append(m, '\n\n$(warning) ', vscode.l10n.t('{0} data item(s) it needs are produced by no step', n.missingData));
  }
  item.tooltip = m;
  return item;
}

function section(n: RoleSectionNode): vscode.TreeItem {
  let label: string;
  let ic: vscode.ThemeIcon;
  switch (n.section) {
    case 'steps':
      label = vscode.l10n.t('Steps in its lane');
      ic = icon('symbol-event');
      break;
    case 'asked':
      label = vscode.l10n.t('Requirements it asked for');
      ic = icon('git-pull-request');
      break;
    case 'burden': {
      label = vscode.l10n.t('Requirements that change its work');
      const unagreed = n.children.some((c) => c.kind === 'burden' && !c.agreed);
      ic = unagreed ? icon('warning', 'list.warningForeground') : icon('git-compare');
      break;
    }
    case 'needs': {
      label = vscode.l10n.t('Data it needs');
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

function step(n: StepNode): vscode.TreeItem {
  const item = new vscode.TreeItem(labelOf(n.name, n.stepId), vscode.TreeItemCollapsibleState.None);
  const parts = [n.stepId];
  if (n.type !== 'task') parts.push(stepTypeLabel(n.type));
  if (n.conflictCount) parts.push(conflictsText(n.conflictCount));
  item.description = parts.join(SEP);
  const base = n.type === 'decision' ? 'git-compare' : n.type === 'start' ? 'debug-start' : n.type === 'end' ? 'debug-stop' : 'symbol-event';
  item.iconPath = icon(base, levelColor(n.level));
  item.contextValue = 'bizflow.step';
  const m = titled(n.name, n.stepId);
  append(m, '  \n', `${vscode.l10n.t('Type')}: ${n.type}`);
  if (n.conflictCount) {
    append(m, n.level === 'error' ? '\n\n$(error) ' : '\n\n$(warning) ', conflictsText(n.conflictCount));
  }
  item.tooltip = m;
  return item;
}

function asked(n: AskedNode): vscode.TreeItem {
  const r = n.req;
  const item = new vscode.TreeItem(reqLabel(r), vscode.TreeItemCollapsibleState.None);
  const parts = [r.priority ?? vscode.l10n.t('no priority'), r.status];
  if (r.conflicts.length) parts.push(conflictsText(r.conflicts.length));
  item.description = parts.join(SEP);
  item.iconPath = requirementIcon(r);
  item.tooltip = requirementTooltip(r);
  item.contextValue = 'bizflow.requirement';
  return item;
}

function changeText(c: BurdenChange): string {
  switch (c.how) {
    case 'adds':
      return vscode.l10n.t('adds {0}', c.stepId);
    case 'removes':
      return vscode.l10n.t('removes {0}', c.stepId);
    case 'sets':
      return vscode.l10n.t('sets {0} = {1}', c.key ?? c.stepId, c.value ?? '');
  }
}

function burden(n: BurdenNode): vscode.TreeItem {
  const r = n.req;
  const item = new vscode.TreeItem(reqLabel(r), vscode.TreeItemCollapsibleState.None);
  const parts: string[] = [];
  const from = fromLabel(r);
  if (from) parts.push(vscode.l10n.t('from {0}', from));
  parts.push(n.changes.map(changeText).join(vscode.l10n.t(', ')));
  parts.push(n.agreed ? vscode.l10n.t('agreed') : vscode.l10n.t('not agreed'));
  item.description = parts.join(SEP);
  item.iconPath = n.agreed ? icon('check', 'testing.iconPassed') : icon('warning', 'list.warningForeground');
  item.contextValue = n.agreed ? 'bizflow.burden' : 'bizflow.burden.unagreed';
  const m = requirementTooltip(r);
  m.appendMarkdown('\n\n');
  for (const c of n.changes) {
    append(m, '- ', changeText(c));
    m.appendMarkdown('\n');
  }
  m.appendMarkdown('\n');
  if (!n.agreed) m.appendMarkdown('$(warning) ');
  m.appendText(
    n.agreed
      ? vscode.l10n.t('This role has signed off ({0}).', 'agreed')
      : vscode.l10n.t('This role is not in the requirement\'s {0} list: its work changes without its sign-off.', 'agreed'),
  );
  item.tooltip = m;
  return item;
}

function need(n: NeedNode): vscode.TreeItem {
  const item = new vscode.TreeItem(labelOf(n.name, n.dataId), vscode.TreeItemCollapsibleState.None);
  const parts: string[] = [];
  if (n.name?.trim()) parts.push(n.dataId);
  if (!n.declared) parts.push(vscode.l10n.t('not declared'));
  else if (n.external) parts.push(vscode.l10n.t('external'));
  else if (n.missing) parts.push(vscode.l10n.t('produced by no step'));
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
        ? vscode.l10n.t('It is not declared under {0}.', 'data:')
        : vscode.l10n.t('No step produces it, so this role cannot get it.'),
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

function group(n: RequirementGroupNode): vscode.TreeItem {
  let label: string;
  let ic: vscode.ThemeIcon;
  const parts: string[] = [];
  if (n.grouping === 'status') {
    label = statusLabel(n.key as Status);
    ic = icon(groupIcon(n.key) ?? 'circle-large-outline');
  } else if (n.grouping === 'priority') {
    label = priorityLabel(n.key === '' ? undefined : (n.key as Priority));
    ic = icon(groupIcon(n.key) ?? 'question');
  } else if (n.key === '') {
    label = vscode.l10n.t('No requesting role');
    ic = icon('question');
  } else {
    label = labelOf(n.name, n.key);
    parts.push(n.known ? n.key : vscode.l10n.t('{0} (unknown role)', n.key));
    ic = icon('person', n.known ? undefined : 'list.errorForeground');
  }
  parts.push(String(n.children.length));
  if (n.conflictCount) parts.push(conflictsText(n.conflictCount));
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.description = parts.join(SEP);
  item.iconPath = ic;
  item.contextValue = `bizflow.group.${n.grouping}`;
  item.tooltip = `${label} (${n.key || '-'})`;
  return item;
}

function requirement(n: RequirementNode, grouping: RequirementGrouping): vscode.TreeItem {
  const r = n.req;
  const item = new vscode.TreeItem(
    reqLabel(r),
    n.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  const parts: string[] = [r.priority ?? vscode.l10n.t('no priority')];
  const from = fromLabel(r);
  parts.push(from ?? vscode.l10n.t('no requesting role'));
  if (grouping !== 'status' && r.status !== 'proposed') parts.push(r.status);
  if (r.conflicts.length) parts.push(conflictsText(r.conflicts.length));
  item.description = parts.join(SEP);
  item.iconPath = requirementIcon(r);
  item.tooltip = requirementTooltip(r);
  item.contextValue = r.conflicts.length ? 'bizflow.requirement.conflicted' : 'bizflow.requirement';
  return item;
}

function conflict(n: ConflictNode): vscode.TreeItem {
  const c = n.conflict;
  const item = new vscode.TreeItem(firstSentence(c.message), vscode.TreeItemCollapsibleState.None);
  item.description = c.code;
  item.iconPath = levelIcon(c.severity === 'error' ? 'error' : 'warning');
  const m = md();
  m.appendMarkdown(c.severity === 'error' ? '$(error) ' : '$(warning) ');
  code(m, c.code);
  append(m, '\n\n', c.message);
  item.tooltip = m;
  item.contextValue = 'bizflow.conflict';
  return item;
}
