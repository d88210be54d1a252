/**
 * The preview webview's words (toolbar, legend, notices), in BizFlow's
 * language; kept apart from ./strings.ts so that they load with the preview
 * chunk (dist/preview.js), not with the main bundle (its size budget).
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
