/**
 * The review pack as an xlsx workbook (exceljs), and reading its returned
 * sign-off sheet. exceljs is loaded lazily (`import('exceljs')`), only when a
 * workbook is made or read: the CLI keeps it external (a dependency of the
 * CLI package), nothing else loads it.
 *
 * Sheets: "Read me", "Requirements", one per role ("Role <name>"), and
 * "Sign-off" (in the pack's language). The sign-off sheet has a fixed column
 * layout that the import reads by position, whatever the language:
 *   A role id · B role · C requirement id · D title · E fingerprint ·
 *   F on record · G verdict (list: agree, object, question) · H note · I date
 * Row 1 is the header; a row whose verdict is blank is skipped on import.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ExcelJSTypes from 'exceljs';
import type { SignOffInput } from '../core/review/import';
import { named, packWords } from '../core/review/pack-words';
import type { ReviewPack } from '../core/review/pack';

type ExcelJS = typeof ExcelJSTypes;

/**
 * exceljs: the bundle built beside the running script (dist/exceljs.js beside dist/cli.js or the CLI
 * package's dist/bizflow.js), else the installed package. Never loaded before a workbook is made or read.
 */
async function loadExcel(): Promise<ExcelJS> {
  const beside = path.join(__dirname, 'exceljs.js');
  if (fs.existsSync(beside)) {
    // a computed path: bundlers leave it to Node at run time
     
    const mod = require(beside) as ExcelJS & { default?: ExcelJS };
    return mod.default ?? mod;
  }
  const mod = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  return mod.default ?? mod;
}

/** Sheet names of the pack's own sheets in both languages, to find the sign-off sheet in a returned file. */
export const SIGN_OFF_SHEET_NAMES = [packWords('en').xlsx.signOff, packWords('zh-CN').xlsx.signOff];

/** `s` cut to at most `max` UTF-16 code units (as Excel counts), never inside a surrogate pair. */
export function excelText(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Column numbers (1-based) of the sign-off sheet. */
export const SIGN_OFF_COLUMNS = { roleId: 1, role: 2, requirement: 3, title: 4, fingerprint: 5, state: 6, verdict: 7, note: 8, date: 9 } as const;

const INVALID_SHEET_CHARS = /[[\]:*?/\\\u0000-\u001f]/g;

/** A worksheet name Excel accepts (≤ 31 characters, none of []:*?/\, not blank, no apostrophe at either end, not "History"), unique among `used` (case-insensitively). */
export function sheetName(base: string, used: Set<string>): string {
  let name = base.replace(INVALID_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  if (!name || name.toLowerCase() === 'history') name = `Sheet ${used.size + 1}`;
  const cut = (s: string, n: number) => {
    const chars = Array.from(s);
    return chars.length <= n ? s : chars.slice(0, n).join('').trim();
  };
  // Excel counts UTF-16 code units; keep a margin for characters beyond the BMP
  const fit = (s: string, n: number) => {
    let out = cut(s, n);
    while (out.length > n) out = Array.from(out).slice(0, -1).join('');
    return out;
  };
  let candidate = fit(name, 31);
  for (let k = 2; used.has(candidate.toLowerCase()); k++) {
    const suffix = ` (${k})`;
    candidate = fit(name, 31 - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

function styleHeader(ws: ExcelJSTypes.Worksheet): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  row.alignment = { vertical: 'top', wrapText: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function wrapAll(ws: ExcelJSTypes.Worksheet): void {
  ws.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
}

/** The review pack as an xlsx file. */
export async function packWorkbook(pack: ReviewPack, options: { file?: string } = {}): Promise<Buffer> {
  const Excel = await loadExcel();
  const w = packWords(pack.locale);
  const c = w.cols;
  const wb = new Excel.Workbook();
  wb.creator = 'BizFlow';
  wb.title = w.title(pack.process.name);
  const used = new Set<string>();
  const R = (id: string | undefined) => named(pack.roleNames, id);

  // read me
  const readme = wb.addWorksheet(sheetName(w.xlsx.readme, used));
  readme.columns = [{ width: 28 }, { width: 90 }];
  readme.addRow([w.title(pack.process.name)]).font = { bold: true, size: 14 };
  if (options.file) readme.addRow([w.generated(options.file)]);
  readme.addRow([w.process, pack.process.name]);
  if (pack.process.owner) readme.addRow([w.owner, R(pack.process.owner)]);
  if (pack.process.description) readme.addRow([w.description, pack.process.description]);
  readme.addRow([w.roles, pack.roleNames.map((r) => R(r.id)).join(w.t(', ', '、'))]);
  readme.addRow([w.counts(pack.process)]);
  readme.addRow([]);
  readme.addRow([w.intro]);
  readme.addRow([w.xlsx.returnHint]);
  readme.addRow([w.xlsx.verdictHelp]);
  readme.addRow([]);
  readme.addRow([w.decisions]).font = { bold: true };
  if (!pack.decisions.length) readme.addRow([w.noDecisions]);
  for (const d of pack.decisions) {
    const flags = [d.selfFavour ? w.selfFavour : '', d.unrecorded ? (d.decider ? w.unrecorded(R(d.decider)) : w.unrecordedNoOwner) : ''].filter(Boolean);
    readme.addRow([d.requirement, [w.decisionLine(d.requirement, d.overrides.join(', '), d.decidedBy ? R(d.decidedBy) : '—'), d.rationale ? `${w.rationale}: ${d.rationale}` : '', ...flags].filter(Boolean).join('\n')]);
  }
  readme.getColumn(1).alignment = { vertical: 'top', wrapText: true };
  readme.getColumn(2).alignment = { vertical: 'top', wrapText: true };

  // requirements
  const reqs = wb.addWorksheet(sheetName(w.xlsx.requirements, used));
  reqs.columns = [
    { header: c.id, key: 'id', width: 10 },
    { header: c.title, key: 'title', width: 34 },
    { header: c.from, key: 'from', width: 18 },
    { header: c.priority, key: 'priority', width: 10 },
    { header: c.status, key: 'status', width: 10 },
    { header: c.steps, key: 'steps', width: 26 },
    { header: c.affected, key: 'affected', width: 24 },
    { header: c.agreement, key: 'agreement', width: 28 },
    { header: c.conflicts, key: 'conflicts', width: 28 },
    { header: c.acceptance, key: 'acceptance', width: 40 },
    { header: c.source, key: 'source', width: 30 },
    { header: c.fingerprint, key: 'fingerprint', width: 11 },
  ];
  for (const r of pack.requirements) {
    reqs.addRow({
      id: r.id,
      title: [r.title ?? '', r.description ?? '', r.rationale ? `${w.rationale}: ${r.rationale}` : ''].filter(Boolean).join('\n'),
      from: R(r.from),
      priority: r.priority ?? '',
      status: w.status(r.status),
      steps: r.steps.map((s) => named(pack.stepNames, s)).join('\n'),
      affected: r.affectedRoles.map(R).join('\n'),
      agreement: [
        r.agreed.length ? w.agreedList(r.agreed.map(R).join(', ')) : '',
        r.pending.length ? w.pendingList(r.pending.map(R).join(', ')) : '',
        ...r.standings.filter((s) => s.state !== 'agreed' && s.state !== 'none').map((s) => `${R(s.role)}: ${w.state(s.state)}${s.note ? ` “${s.note}”` : ''}`),
      ]
        .filter(Boolean)
        .join('\n'),
      conflicts: r.conflicts.map((x) => `${x.code}${x.with.length ? ' ' + x.with.join(', ') : ''}`).join('\n'),
      acceptance: r.acceptance.length ? r.acceptance.map((a) => '• ' + a).join('\n') : w.noAcceptance,
      source: r.source ? [r.source.said ? `“${r.source.said}”` : '', [r.source.who, r.source.channel, r.source.on].filter(Boolean).join(' · ')].filter(Boolean).join('\n') : '',
      fingerprint: r.fingerprint,
    });
  }
  styleHeader(reqs);
  wrapAll(reqs);
  reqs.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 12 } };

  // one sheet per role
  for (const r of pack.roles) {
    const ws = wb.addWorksheet(sheetName(w.xlsx.role(r.name), used));
    ws.columns = [{ width: 30 }, { width: 14 }, { width: 16 }, { width: 50 }, { width: 16 }, { width: 12 }];
    ws.addRow([w.roleSection(R(r.id))]).font = { bold: true, size: 13 };
    if (r.department) ws.addRow([w.department, r.department]);
    if (r.concerns.length) ws.addRow([w.concerns, r.concerns.join(w.t(', ', '、'))]);
    ws.addRow([]);
    ws.addRow([w.lane]).font = { bold: true };
    ws.addRow([w.step, w.type, w.change, w.attributes]).font = { bold: true };
    for (const s of r.lane) {
      const attrs = s.attributes.map((a) =>
        a.contested ? `${a.name}: ${a.today ?? w.notSet} → ${w.contested}: ${a.contested.join(' / ')}` : a.after !== a.today ? `${a.name}: ${a.today ?? w.notSet} → ${a.after ?? w.notSet}` : `${a.name}: ${a.today}`,
      );
      ws.addRow([named(pack.stepNames, s.id), w.stepType(s.type), w.fate(s.fate) + (s.by.length ? ` (${s.by.join(', ')})` : ''), attrs.join('\n')]);
    }
    if (!r.lane.length) ws.addRow([w.noSteps]);
    ws.addRow([]);
    ws.addRow([w.asks]).font = { bold: true };
    ws.addRow([c.requirement, c.from, c.priority, c.asks, c.state, c.fingerprint]).font = { bold: true };
    for (const a of r.asks) ws.addRow([`${a.requirement} ${a.title ?? ''}`.trim(), R(a.from), a.priority ?? '', a.asks.map(w.askKind).join(', '), w.state(a.state), a.fingerprint]);
    if (!r.asks.length) ws.addRow([w.noAsks]);
    ws.addRow([]);
    ws.addRow([w.conflicts]).font = { bold: true };
    ws.addRow([w.conflicts, w.sides, w.decides, c.title]).font = { bold: true };
    for (const k of r.conflicts) {
      const sides = k.sides.map((s) => `${R(s.role)}: ${s.requirement ?? w.bears}`).join('\n');
      const decider = k.decider === undefined ? w.nobodyDecides : `${R(k.decider)} ${k.deciderFrom === 'owner' ? w.viaOwner : w.viaDecidedBy}${k.deciderIsParty ? '\n' + w.partyDecides : ''}`;
      ws.addRow([`${w.conflictKind(k)} (${k.code})`, sides, decider, k.message]);
    }
    if (!r.conflicts.length) ws.addRow([w.noConflicts]);
    ws.eachRow((row) => (row.alignment = { vertical: 'top', wrapText: true }));
  }

  // sign-off
  const so = wb.addWorksheet(sheetName(w.xlsx.signOff, used));
  so.columns = [
    { header: `${c.role} ID`, key: 'roleId', width: 12 },
    { header: c.role, key: 'role', width: 18 },
    { header: `${c.requirement} ID`, key: 'requirement', width: 12 },
    { header: c.title, key: 'title', width: 36 },
    { header: c.fingerprint, key: 'fingerprint', width: 11 },
    { header: c.state, key: 'state', width: 18 },
    { header: c.verdict, key: 'verdict', width: 22 },
    { header: c.note, key: 'note', width: 40 },
    { header: c.date, key: 'date', width: 13 },
  ];
  for (const s of pack.signOff) {
    so.addRow({ roleId: s.role, role: R(s.role), requirement: s.requirement, title: s.title ?? '', fingerprint: s.fingerprint, state: w.state(s.state), verdict: null, note: null, date: null });
  }
  styleHeader(so);
  for (let i = 2; i <= pack.signOff.length + 1; i++) {
    const row = so.getRow(i);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(SIGN_OFF_COLUMNS.verdict).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"agree,object,question"'],
      showErrorMessage: true,
      errorStyle: 'stop',
      // Excel's limits (ECMA-376 ST_Xstring maxLength on CT_DataValidation): titles 32, error 225, prompt 255 characters
      errorTitle: excelText(w.xlsx.verdictTitle, 32),
      error: excelText(w.xlsx.verdictHelp, 225),
      showInputMessage: true,
      promptTitle: excelText(w.xlsx.verdictTitle, 32),
      prompt: excelText(w.xlsx.verdictHelp, 255),
    };
    row.getCell(SIGN_OFF_COLUMNS.verdict).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    row.getCell(SIGN_OFF_COLUMNS.note).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    const date = row.getCell(SIGN_OFF_COLUMNS.date);
    date.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    date.note = w.xlsx.dateHelp;
  }
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}

export type ReadSignOff = { ok: true; rows: SignOffInput[]; skipped: number } | { ok: false; reason: 'not-xlsx' | 'no-sign-off-sheet'; detail?: string };

function cellText(v: ExcelJSTypes.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellText(o.result as ExcelJSTypes.CellValue);
    if (typeof o.text === 'string') return o.text;
    return '';
  }
  return String(v);
}

/** Excel's day number (1900 system) as YYYY-MM-DD, for date cells typed as plain numbers. */
function serialDate(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return undefined;
  const ms = Math.round((n - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The filled rows of a returned pack's sign-off sheet. */
export async function readSignOff(data: Buffer): Promise<ReadSignOff> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, reason: 'not-xlsx', detail: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
  }
  const ws = wb.worksheets.find((s) => SIGN_OFF_SHEET_NAMES.includes(s.name));
  if (!ws) return { ok: false, reason: 'no-sign-off-sheet' };
  const rows: SignOffInput[] = [];
  let skipped = 0;
  const C = SIGN_OFF_COLUMNS;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const get = (k: number) => cellText(row.getCell(k).value).trim();
    const verdict = get(C.verdict);
    const note = get(C.note);
    if (!verdict) {
      skipped++;
      return;
    }
    const dv = row.getCell(C.date).value;
    const on = typeof dv === 'number' ? serialDate(dv) ?? String(dv) : get(C.date);
    rows.push({
      row: n,
      role: get(C.roleId),
      requirement: get(C.requirement),
      verdict,
      note: note || undefined,
      on: on || undefined,
      fingerprint: get(C.fingerprint) || undefined,
    });
  });
  return { ok: true, rows, skipped };
}
