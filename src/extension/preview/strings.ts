/**
 * Localised texts of the preview (webview and extension side), in BizFlow's
 * language (`bizflow.locale`, `auto` = VS Code's display language), looked up
 * in the l10n bundle (English texts are its keys; see src/extension/tree/words.ts).
 */
import type { Locale } from '../../core/types';
import type { WebviewStrings } from '../../shared/protocol';
import { readSettings } from '../settings';
import { wordsFor } from '../tree/words';

/** The preview's words in `locale` (default: the `bizflow.locale` setting). */
export function webviewStrings(locale: Locale = readSettings().locale): WebviewStrings {
  const t = wordsFor(locale).t;
  return {
    allRoles: t('All roles'),
    role: t('Role view'),
    onlyConflictLanes: t('Only lanes involved in conflicts'),
    zoomIn: t('Zoom in'),
    zoomOut: t('Zoom out'),
    fit: t('Fit to view'),
    resetZoom: t('Actual size'),
    exportSvg: t('Export SVG'),
    exportPng: t('Export PNG'),
    copyMermaid: t('Copy Mermaid source'),
    legend: t('Legend'),
    legendStartEnd: t('Start / end'),
    legendTask: t('Task'),
    legendDecision: t('Decision'),
    legendAdded: t('Added by a requirement'),
    legendRemoved: t('Removed by a requirement'),
    legendConflictError: t('Conflict (error)'),
    legendConflictWarning: t('Conflict (warning)'),
    legendDecided: t('Conflict decided'),
    legendProblemError: t('Problem (error)'),
    legendProblemWarning: t('Problem (warning)'),
    legendChanged: t('Changed'),
    legendContested: t('Contested (requirements disagree)'),
    modeWritten: t('As written'),
    modeWrittenTip: t('Every step of the file, what the live requirements add and remove marked'),
    modeToday: t('Today'),
    modeTodayTip: t('The flow before the requirements: the steps they add are not drawn (the review pack\'s "today")'),
    modeAfterTip: t('The flow as the live requirements would leave it: added, removed, changed and contested steps marked'),
    modeAfter: t('After the requirements'),
    modeDiff: t('Changes since {0}'),
    modeLabel: t('What the picture shows'),
    changeAdded: t('Added'),
    changeRemoved: t('Removed'),
    changeChanged: t('Changed: {0}'),
    changeContested: t('Contested: requirements disagree here'),
    conflictError: t('1 conflict error'),
    conflictErrors: t('{0} conflict errors'),
    conflictWarning: t('1 conflict warning'),
    conflictWarnings: t('{0} conflict warnings'),
    decidedConflict: t('1 decided'),
    decidedConflicts: t('{0} decided'),
    noConflicts: t('No conflicts'),
    conflictsOutOfDate: t('Conflicts: out of date'),
    syntaxError: t('Syntax error at {0}:{1}: {2}'),
    keptDiagram: t('The YAML does not parse: the diagram below is the last version that did, and is out of date.'),
    outOfDate: t('Out of date'),
    tooLarge: t('This process is too large to draw as one diagram ({0} steps, {1} arrows, {2} characters of Mermaid). Choose a role to see its view:'),
    renderFailed: t('The diagram could not be drawn: {0}. Choose a role to see a smaller view:'),
    showRoleView: t('Show the view of'),
    rendering: t('Drawing…'),
    empty: t('This file has no steps to draw yet.'),
    locked: t('Locked to this file'),
    clickToOpen: t('Click to go to the step in the editor'),
  };
}

const w = (locale?: Locale) => wordsFor(locale ?? readSettings().locale);

export const previewTitle = (fileName: string, locked: boolean, locale?: Locale): string =>
  locked ? w(locale).t('[Locked] Preview {0}', fileName) : w(locale).t('Preview {0}', fileName);

export const texts = {
  noConflicts: (locale?: Locale) => w(locale).t('No step is in a conflict: showing all lanes.'),
  roleChanges: (role: string, locale?: Locale) => w(locale).t('What changes for {0} after the requirements:', role),
  roleChangeCounts: (added: number, removed: number, changed: number, contested: number, locale?: Locale) =>
    w(locale).t('{0} step(s) added, {1} removed, {2} changed, {3} contested', added, removed, changed, contested),
  roleNoChange: (role: string, locale?: Locale) => w(locale).t('Nothing changes for {0} after the requirements.', role),
  diffNotRestored: (label: string, why: string, locale?: Locale) =>
    w(locale).t('The comparison with {0} could not be shown again ({1}): showing the file as written.', label, why),
  noDiffLoader: () => w().t('comparisons are not available in this editor'),
  todayLeftOut: (steps: string, locale?: Locale) => w(locale).t('Today: not drawn yet (a requirement adds them): {0}.', steps),
  diffShown: (other: string, locale?: Locale) => w(locale).t('Changes since {0}: added steps marked +, removed ones dashed, changed ones Δ.', other),
  showOnSwimlane: () => w().t('Show on the swimlane'),
  diffReady: (other: string) => w().t('Compared with {0}.', other),
  unknownRole: (role: string, locale?: Locale) => w(locale).t('Role "{0}" is not defined in this file: showing all roles.', role),
  noEditor: () => w().t('Open a BizFlow file (*.bizflow.yaml) to preview it.'),
  noPreview: () => w().t('Open a BizFlow preview first.'),
  exported: (path: string) => w().t('Diagram exported to {0}', path),
  exportFailed: (why: string) => w().t('Could not export the diagram: {0}', why),
  copied: () => w().t('Mermaid source copied to the clipboard.'),
  openFailed: (why: string) => w().t('Could not open the BizFlow preview: {0}', why),
  stepGone: (id: string) => w().t('Step "{0}" is no longer in the file.', id),
  saveLabel: () => w().t('Export'),
  svgFilter: () => w().t('SVG image'),
  pngFilter: () => w().t('PNG image'),
  timeout: () => w().t('the preview did not answer in time'),
};
