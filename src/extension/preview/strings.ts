/**
 * Localised texts of the preview, extension side (the webview's words are in
 * ./webview-strings.ts, loaded with the preview chunk), in BizFlow's
 * language (`bizflow.locale`, `auto` = VS Code's display language), looked up
 * in the l10n bundle (English texts are its keys; see src/extension/tree/words.ts).
 */
import type { Locale } from '../../core/types';
import { readSettings } from '../settings';
import { wordsFor } from '../tree/words';

const w = (locale?: Locale) => wordsFor(locale ?? readSettings().locale);

export const previewTitle = (fileName: string, locked: boolean, locale?: Locale): string =>
  locked ? w(locale).t('[Locked] Preview {0}', fileName) : w(locale).t('Preview {0}', fileName);

export const texts = {
  noConflicts: (locale?: Locale) => w(locale).t('No step is in a conflict: showing all lanes.'),
  roleChanges: (role: string, locale?: Locale) => w(locale).t('What changes for {0} after the requirements:', role),
  roleChangeCounts: (added: number | string, removed: number | string, changed: number | string, contested: number | string, locale?: Locale) =>
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
