/**
 * Severity configuration. Layers are applied from the lowest to the highest
 * priority: rule defaults → workspace `.bizflowrc` (`extends`, then `rules`)
 * → editor settings / API → the file's own `rules:` map.
 */
import type { Severity, SeveritySetting } from './types';

export type Preset = 'recommended' | 'all';

export interface SeverityConfig {
  extends?: Preset;
  rules?: Record<string, SeveritySetting>;
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function isSeveritySetting(v: unknown): v is SeveritySetting {
  return typeof v === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(v);
}

/**
 * Resolves the severity of one diagnostic.
 * `reported` is what the rule chose for this case (its default, or a case-dependent one).
 * Returns `undefined` when the rule is off.
 */
export function resolveSeverity(
  code: string,
  reported: Severity,
  layers: readonly SeverityConfig[],
): Severity | undefined {
  let sev: SeveritySetting = reported;
  for (const layer of layers) {
    if (layer.extends === 'all' && sev === 'info') sev = 'warning';
    if (layer.extends === 'recommended') sev = reported;
    const rules = layer.rules;
    // own keys only (the webview compiles the core with ES2020 lib: no Object.hasOwn)
    const s = rules && Object.prototype.hasOwnProperty.call(rules, code) ? rules[code] : undefined;
    if (s !== undefined && isSeveritySetting(s)) sev = s;
  }
  return sev === 'off' ? undefined : sev;
}
