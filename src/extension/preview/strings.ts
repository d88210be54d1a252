/** Localised texts of the preview (webview and extension side). */
import * as vscode from 'vscode';
import type { WebviewStrings } from '../../shared/protocol';

export function webviewStrings(): WebviewStrings {
  const t = vscode.l10n.t;
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
    conflictErrors: t('{0} conflict errors'),
    conflictWarnings: t('{0} conflict warnings'),
    noConflicts: t('No conflicts'),
    syntaxError: t('Syntax error at {0}:{1}: {2}'),
    keptDiagram: t('The diagram shows the last version without syntax errors.'),
    tooLarge: t('This process is too large to draw as one diagram ({0} steps, {1} arrows, {2} characters of Mermaid). Choose a role to see its view:'),
    renderFailed: t('The diagram could not be drawn: {0}. Choose a role to see a smaller view:'),
    withoutLanes: t('Mermaid could not lay out the swimlanes of this diagram, so it is shown without lanes (each step names its role below its name). Choose a role to see its view with lanes:'),
    showRoleView: t('Show the view of'),
    rendering: t('Drawing…'),
    empty: t('This file has no steps to draw yet.'),
    locked: t('Locked to this file'),
    clickToOpen: t('Click to go to the step in the editor'),
  };
}

export const previewTitle = (fileName: string, locked: boolean): string =>
  locked ? vscode.l10n.t('[Locked] Preview {0}', fileName) : vscode.l10n.t('Preview {0}', fileName);

export const texts = {
  noConflicts: () => vscode.l10n.t('No step is in a conflict: showing all lanes.'),
  unknownRole: (role: string) => vscode.l10n.t('Role "{0}" is not defined in this file: showing all roles.', role),
  noEditor: () => vscode.l10n.t('Open a BizFlow file (*.bizflow.yaml) to preview it.'),
  noPreview: () => vscode.l10n.t('Open a BizFlow preview first.'),
  exported: (path: string) => vscode.l10n.t('Diagram exported to {0}', path),
  exportFailed: (why: string) => vscode.l10n.t('Could not export the diagram: {0}', why),
  copied: () => vscode.l10n.t('Mermaid source copied to the clipboard.'),
  openFailed: (why: string) => vscode.l10n.t('Could not open the BizFlow preview: {0}', why),
  stepGone: (id: string) => vscode.l10n.t('Step "{0}" is no longer in the file.', id),
  saveLabel: () => vscode.l10n.t('Export'),
  svgFilter: () => vscode.l10n.t('SVG image'),
  pngFilter: () => vscode.l10n.t('PNG image'),
  timeout: () => vscode.l10n.t('the preview did not answer in time'),
};
