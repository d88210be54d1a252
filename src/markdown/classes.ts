/**
 * Class and attribute names of the HTML the markdown-it plugin writes and the
 * Markdown preview script reads (kept apart so the script does not bundle the
 * plugin and the core).
 */
export const MD_CLASSES = {
  block: 'bizflow-md-block',
  diagram: 'bizflow-md-diagram',
  notice: 'bizflow-md-notice',
  problems: 'bizflow-md-problems',
  problem: 'bizflow-md-problem',
  where: 'bizflow-md-where',
  code: 'bizflow-md-code',
  summary: 'bizflow-md-summary',
  failed: 'bizflow-md-failed',
} as const;

/** The diagram element's attribute holding the swimlane Mermaid text (HTML-escaped). */
export const MERMAID_ATTRIBUTE = 'data-bizflow-mermaid';
/** The diagram element's attribute with the localised "cannot draw" text the script shows before Mermaid's error. */
export const FAILED_ATTRIBUTE = 'data-bizflow-failed';
/** Set by the script on a diagram element: `drawn` or `failed` (the tests wait for it). */
export const STATE_ATTRIBUTE = 'data-bizflow-state';
