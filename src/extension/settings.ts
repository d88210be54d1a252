/** Reads the `bizflow.*` settings. */
import * as vscode from 'vscode';
import { OUTLINE_MAX_ITEMS } from '../core/outline';
import { isSeveritySetting, normalizeLocale, type Locale, type SeverityConfig, type SeveritySetting } from '../core';

export interface BizflowSettings {
  enable: boolean;
  lintWorkspace: boolean;
  debounceMs: number;
  /** Larger files (in bytes, UTF-8) get one diagnostic and are not analysed; 0: no limit (`bizflow.maxFileSize`, in MB). */
  maxFileSize: number;
  /** How many entries the outline and breadcrumbs show at most (`bizflow.outline.maxItems`; OUTLINE_MAX_ITEMS by default). */
  outlineMaxItems: number;
  locale: Locale;
  /** Severity layer from the settings (between the workspace rc file and the file's own `rules:`). */
  severity: SeverityConfig;
}

const finiteOr = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The size limit setting in MB: a number ≥ 0, else the default 10. */
function megabytes(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 10;
}

export function readSettings(scope?: vscode.ConfigurationScope): BizflowSettings {
  const c = vscode.workspace.getConfiguration('bizflow', scope);
  const localeSetting = c.get<string>('locale', 'auto');
  const rulesRaw = c.get<Record<string, unknown>>('rules', {}) ?? {};
  const rules: Record<string, SeveritySetting> = Object.create(null);
  for (const [code, value] of Object.entries(rulesRaw)) {
    if (isSeveritySetting(value)) rules[code] = value;
  }
  return {
    enable: c.get<boolean>('enable', true),
    lintWorkspace: c.get<boolean>('lintWorkspace', true),
    debounceMs: Math.max(0, Math.min(5000, c.get<number>('debounceMs', 250))),
    maxFileSize: megabytes(c.get<unknown>('maxFileSize', 10)) * 1024 * 1024,
    outlineMaxItems: Math.max(1, Math.floor(finiteOr(c.get<unknown>('outline.maxItems'), OUTLINE_MAX_ITEMS))),
    locale: normalizeLocale(localeSetting === 'auto' || !localeSetting ? vscode.env.language : localeSetting),
    severity: { rules },
  };
}

export function isBizflowUri(uri: vscode.Uri): boolean {
  return /\.bizflow\.ya?ml$/i.test(uri.path);
}

export function isBizflowDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'bizflow' || isBizflowUri(doc.uri);
}
