/** Reads the `bizflow.*` settings. */
import * as vscode from 'vscode';
import { isSeveritySetting, normalizeLocale, type Locale, type SeverityConfig, type SeveritySetting } from '../core';

export interface BizflowSettings {
  enable: boolean;
  lintWorkspace: boolean;
  debounceMs: number;
  locale: Locale;
  /** Severity layer from the settings (between the workspace rc file and the file's own `rules:`). */
  severity: SeverityConfig;
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
