/**
 * The review pack as one self-contained HTML file (pure string building):
 * no script, no network request (a Content-Security-Policy forbids any), no
 * external font, inline CSS with A4 print rules (one role per printed page,
 * body text 10.5 pt). Every text from the file is HTML-escaped; the diagrams
 * are SVG rendered beforehand by Mermaid (src/node/mermaid-render.ts) and
 * passed in, or a note with the Mermaid text when they could not be drawn.
 */
import type { Locale } from '../types';
import { unchanged, type RoleImpact } from './impact';
import { named, packWords, type PackWords } from './pack-words';
import type { PackConflict, ReviewPack, RolePack } from './pack';

export interface PackPictures {
  today?: string;
  after?: string;
  /** Role id → its view of the after picture. */
  roles?: Record<string, string>;
  /** Why the pictures are missing (e.g. Chromium not found). */
  error?: string;
}

export interface HtmlOptions {
  /** The file as the user named it. */
  file?: string;
  /** YYYY-MM-DD shown in the header. */
  generatedOn?: string;
  pictures?: PackPictures;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text for element content and quoted attribute values. */
export function esc(s: string | undefined): string {
  return (s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
}

/** An SVG from Mermaid, if it is safe to inline (no script, no event handler, no external reference). */
export function safeSvg(svg: string | undefined): string | undefined {
  if (!svg) return undefined;
  const s = svg.replace(/^\s*<\?xml[^>]*>\s*/, '');
  if (!/^<svg[\s>]/.test(s)) return undefined;
  if (/<script|<iframe|<object|<embed|\son[a-z]+\s*=|javascript:|(?:href|src)\s*=\s*["']\s*(?:https?:|\/\/)|@import|url\(\s*["']?\s*(?:https?:|\/\/)/i.test(s)) return undefined;
  return s;
}

const CSS = `
:root { --ink:#1f2328; --muted:#57606a; --line:#d0d7de; --head:#f6f8fa; --accent:#1f4e79; --add:#1a7f37; --addbg:#e6f7ea; --rm:#6e7781; --warn:#9a6700; --warnbg:#fff3cd; --err:#cf222e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; color: var(--ink); background: #fff;
  font: 10.5pt/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 20pt; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 15pt; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 12pt; margin: 18px 0 6px; }
h4 { font-size: 10.5pt; margin: 10px 0 2px; }
p, ul { margin: 6px 0; }
ul { padding-left: 20px; }
.muted { color: var(--muted); }
.meta { color: var(--muted); margin: 0 0 10px; }
code, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 9.5pt; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
tr { break-inside: avoid; page-break-inside: avoid; }
td ul { margin: 0; padding-left: 16px; }
.tag { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 9pt; border: 1px solid var(--line); white-space: nowrap; }
.added { background: var(--addbg); color: var(--add); border-color: var(--add); }
.removed { color: var(--rm); border-style: dashed; text-decoration: line-through; }
.contested { background: var(--warnbg); color: var(--warn); border-color: var(--warn); }
.agreed { color: var(--add); border-color: var(--add); }
.stale, .object, .question { color: var(--err); border-color: var(--err); }
.none { color: var(--muted); }
.flag { color: var(--err); font-weight: 600; }
.glance { background: var(--head); border: 1px solid var(--line); padding: 6px 10px; font-weight: 600; }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
.summary dt { color: var(--muted); }
.summary dd { margin: 0; }
.toc { columns: 2; }
figure { margin: 10px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure > svg { max-width: 100%; height: auto; display: block; }
figure.role-view > svg { max-height: 110mm; }
.nopic { border: 1px dashed var(--warn); background: var(--warnbg); padding: 8px 10px; }
.nopic pre { white-space: pre-wrap; font-size: 9pt; margin: 6px 0 0; }
.legend span { margin-right: 12px; }
.conflict { border-left: 4px solid var(--warn); padding: 4px 10px; margin: 8px 0; background: #fffdf5; }
.conflict.error { border-left-color: var(--err); }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 3px solid var(--line); color: var(--muted); }
.sign td.blank { min-width: 90px; }
.boxes { white-space: nowrap; }
.reqs td:nth-child(2) { min-width: 13em; }
.reqs td:nth-child(10) { min-width: 12em; }
.reqs td:nth-child(1) { white-space: nowrap; }
.role-section { break-before: page; page-break-before: always; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .page-break { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
  .toc { display: none; }
}
`;

function tag(cls: string, text: string): string {
  return `<span class="tag ${cls}">${esc(text)}</span>`;
}

function roleName(pack: ReviewPack, id: string | undefined): string {
  return esc(named(pack.roleNames, id));
}

function stepName(pack: ReviewPack, id: string): string {
  return esc(named(pack.stepNames, id));
}

function reqRef(pack: ReviewPack, id: string): string {
  const r = pack.requirements.find((x) => x.id === id);
  return `<b>${esc(id)}</b>${r?.title ? ' ' + esc(r.title) : ''}`;
}

function list(items: string[]): string {
  return items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '';
}

function picture(w: PackWords, caption: string, svg: string | undefined, mermaid: string, error: string | undefined): string {
  const safe = safeSvg(svg);
  if (safe) return `<figure><figcaption>${esc(caption)}</figcaption>${safe}</figure>`;
  const why = error ?? w.t('no picture', '没有图片');
  return `<figure><figcaption>${esc(caption)}</figcaption><div class="nopic"><p>${esc(w.noPicture(why))}</p><pre>${esc(mermaid)}</pre></div></figure>`;
}

function askWho(pack: ReviewPack, w: PackWords, reqs: string[]): string {
  return reqs
    .map((id) => {
      const r = pack.requirements.find((x) => x.id === id);
      return `${esc(id)} (${esc(w.priority(r?.priority))}, ${roleName(pack, r?.from)})`;
    })
    .join(', ');
}

function impactHtml(pack: ReviewPack, w: PackWords, r: RoleImpact): string {
  if (unchanged(r)) return `<p class="muted">${esc(w.nothing)}</p>`;
  const parts: string[] = [];
  const add = (h: string, items: string[]) => items.length && parts.push(`<h4>${esc(h)}</h4>${list(items)}`);
  add(
    w.stepsAdded,
    r.stepsAdded.map(
      (c) =>
        `${tag(c.contested ? 'contested' : 'added', c.contested ? w.contested : w.fate('added'))} ${stepName(pack, c.step)} — ${esc(w.askedBy(''))}${askWho(pack, w, c.by.map((a) => a.requirement))}` +
        (c.contested && c.against.length ? ` — ${esc(w.contestedBy(''))}${askWho(pack, w, c.against.map((a) => a.requirement))}` : ''),
    ),
  );
  add(
    w.stepsRemoved,
    r.stepsRemoved.map(
      (c) =>
        `${tag(c.contested ? 'contested' : 'removed', c.contested ? w.contested : w.fate('removed'))} ${stepName(pack, c.step)} — ${esc(w.askedBy(''))}${askWho(pack, w, c.by.map((a) => a.requirement))}` +
        (c.contested && c.against.length ? ` — ${esc(w.contestedBy(''))}${askWho(pack, w, c.against.map((a) => a.requirement))}` : ''),
    ),
  );
  add(
    w.stepsChanged,
    r.stepsChanged.map((c) => {
      const today = c.today ?? w.notSet;
      if (c.after.kind === 'value') {
        const after = c.after;
        return `${stepName(pack, c.step)} <code>${esc(c.attribute)}</code>: ${esc(today)} → <b>${esc(after.value)}</b> — ${esc(w.askedBy(''))}${askWho(pack, w, [after.requirement])}`;
      }
      const sides = c.asks.map((a) => `<b>${esc(a.value)}</b> ← ${askWho(pack, w, [a.requirement])}`).join(` <i>${esc(w.t('vs', '对'))}</i> `);
      return `${stepName(pack, c.step)} <code>${esc(c.attribute)}</code>: ${esc(today)} → ${tag('contested', w.contested)} ${sides}`;
    }),
  );
  add(
    w.provides,
    r.provides.map(
      (d) => `<code>${esc(d.data)}</code> — ${esc(d.to ? w.forStep(named(pack.stepNames, d.to.step) + (d.to.role ? ` [${named(pack.roleNames, d.to.role)}]` : '')) : named(pack.stepNames, d.step))} (${esc(d.requirements.join(', '))})`,
    ),
  );
  add(w.needs, r.needs.map((d) => `<code>${esc(d.data)}</code> — ${esc(w.atStep(named(pack.stepNames, d.step)))} (${esc(d.requirements.join(', '))})`));
  const hand = [...r.handoffsIn, ...r.handoffsOut].filter((h) => h.change !== 'unchanged');
  add(
    w.handoffs,
    hand.map(
      (h) =>
        `${tag(h.contested ? 'contested' : h.change === 'added' ? 'added' : 'removed', h.contested ? w.contested : w.fate(h.change === 'added' ? 'added' : 'removed'))} ${stepName(pack, h.from)} [${roleName(pack, h.fromRole)}] → ${stepName(pack, h.to)} [${roleName(pack, h.toRole)}]`,
    ),
  );
  const b = r.ledger.before;
  const a = r.ledger.after;
  parts.push(
    `<h4>${esc(w.ledger)}</h4><table><tr><th></th>${w.ledgerCols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>` +
      `<tr><th>${esc(w.before)}</th><td>${b.steps}</td><td>${b.decisions}</td><td>${b.handoffs}</td><td>${b.manual}</td></tr>` +
      `<tr><th>${esc(w.afterWord)}</th><td>${a.steps}</td><td>${a.decisions}</td><td>${a.handoffs}</td><td>${a.manual}</td></tr></table>` +
      (r.ledger.contested ? `<p>${tag('contested', w.contestedCount(r.ledger.contested))}</p>` : ''),
  );
  return parts.join('\n');
}

function conflictHtml(pack: ReviewPack, w: PackWords, c: PackConflict): string {
  const sides = c.sides.map((s) =>
    s.requirement ? `${roleName(pack, s.role)}: ${reqRef(pack, s.requirement)}` : `${roleName(pack, s.role)}: ${esc(w.bears)}`,
  );
  const decider =
    c.decider === undefined
      ? esc(w.nobodyDecides)
      : `${roleName(pack, c.decider)} ${esc(c.deciderFrom === 'owner' ? w.viaOwner : w.viaDecidedBy)}` + (c.deciderIsParty ? ` <span class="flag">${esc(w.partyDecides)}</span>` : '');
  return (
    `<div class="conflict ${c.severity === 'error' ? 'error' : ''}"><p><b>${esc(w.conflictKind(c))}</b> ${tag(c.severity === 'error' ? 'stale' : 'contested', w.severity(c.severity))} <code>${esc(c.code)}</code></p>` +
    `<p>${esc(c.message)}</p><p>${esc(w.sides)}:</p>${list(sides)}<p>${esc(w.decides)}: ${decider}</p></div>`
  );
}

function roleHtml(pack: ReviewPack, w: PackWords, r: RolePack, svg: string | undefined): string {
  const head =
    `<section class="role-section" id="role-${esc(r.id)}"><h2>${esc(w.roleSection(r.name))} <span class="id">${esc(r.id)}</span></h2>` +
    `<dl class="summary">${r.department ? `<dt>${esc(w.department)}</dt><dd>${esc(r.department)}</dd>` : ''}${r.concerns.length ? `<dt>${esc(w.concerns)}</dt><dd>${esc(r.concerns.join(w.t(', ', '、')))}</dd>` : ''}</dl>`;
  const lane = r.lane.length
    ? `<table><tr><th>${esc(w.step)}</th><th>${esc(w.type)}</th><th>${esc(w.change)}</th><th>${esc(w.attributes)}</th></tr>` +
      r.lane
        .map((s) => {
          const cls = s.fate === 'kept' ? 'none' : s.fate;
          const attrs = s.attributes.map((a) => {
            if (a.contested) return `<code>${esc(a.name)}</code>: ${esc(a.today ?? w.notSet)} → ${tag('contested', w.contested)} ${esc(a.contested.join(' / '))}`;
            if (a.after !== a.today) return `<code>${esc(a.name)}</code>: ${esc(a.today ?? w.notSet)} → <b>${esc(a.after ?? w.notSet)}</b> (${esc(a.requirements.join(', '))})`;
            return `<code>${esc(a.name)}</code>: ${esc(a.today)}`;
          });
          return `<tr><td>${esc(s.name)} <span class="id">${esc(s.id)}</span></td><td>${esc(w.stepType(s.type))}</td><td>${tag(cls, w.fate(s.fate))}${s.by.length ? ` <span class="muted">${esc(s.by.join(', '))}</span>` : ''}</td><td>${list(attrs)}</td></tr>`;
        })
        .join('') +
      '</table>'
    : `<p class="muted">${esc(w.noSteps)}</p>`;
  const asks = r.asks.length
    ? `<table><tr><th>${esc(w.cols.requirement)}</th><th>${esc(w.cols.from)}</th><th>${esc(w.cols.priority)}</th><th>${esc(w.cols.asks)}</th><th>${esc(w.cols.state)}</th><th>${esc(w.cols.fingerprint)}</th></tr>` +
      r.asks
        .map(
          (a) =>
            `<tr><td>${reqRef(pack, a.requirement)}</td><td>${roleName(pack, a.from)}</td><td>${esc(w.priority(a.priority))}</td><td>${esc(a.asks.map(w.askKind).join(w.t(', ', '、')))}</td><td>${tag(a.state, w.state(a.state))}</td><td><code>${esc(a.fingerprint)}</code></td></tr>`,
        )
        .join('') +
      '</table>'
    : `<p class="muted">${esc(w.noAsks)}</p>`;
  const conflicts = r.conflicts.length ? r.conflicts.map((c) => conflictHtml(pack, w, c)).join('\n') : `<p class="muted">${esc(w.noConflicts)}</p>`;
  const waiting = r.asks.filter((a) => a.state !== 'agreed').length;
  const glance = `<p class="glance">${esc(w.glance(waiting, r.conflicts.length, r.impact.stepsAdded.length, r.impact.stepsRemoved.length, r.impact.stepsChanged.length))}</p>`;
  const safe = safeSvg(svg);
  const pic = safe ? `<figure class="role-view"><figcaption>${esc(w.roleView)}</figcaption>${safe}</figure>` : '';
  return `${head}${glance}<h3>${esc(w.lane)}</h3>${pic}${lane}<h3>${esc(w.impact)}</h3>${impactHtml(pack, w, r.impact)}<h3>${esc(w.asks)}</h3>${asks}<h3>${esc(w.conflicts)}</h3>${conflicts}</section>`;
}

function requirementsHtml(pack: ReviewPack, w: PackWords): string {
  const c = w.cols;
  const rows = pack.requirements.map((r) => {
    const standing = [
      r.agreed.length ? esc(w.agreedList(r.agreed.map((x) => named(pack.roleNames, x)).join(', '))) : '',
      r.pending.length ? esc(w.pendingList(r.pending.map((x) => named(pack.roleNames, x)).join(', '))) : '',
      ...r.standings.filter((s) => s.state !== 'agreed' && s.state !== 'none').map((s) => `${roleName(pack, s.role)}: ${tag(s.state, w.state(s.state))}${s.note ? ` <q>${esc(s.note)}</q>` : ''}`),
    ].filter(Boolean);
    const source = r.source
      ? `<blockquote>${r.source.said ? `<q>${esc(r.source.said)}</q><br>` : ''}${esc([r.source.who, r.source.channel, r.source.on].filter(Boolean).join(' · '))}</blockquote>`
      : '';
    const acceptance = r.acceptance.length
      ? list(r.acceptance.map(esc))
      : `<span class="${r.priority === 'must' && r.live ? 'flag' : 'muted'}">${esc(r.priority === 'must' && r.live ? w.noAcceptance : w.none)}</span>`;
    const titleCell =
      `${esc(r.title ?? '')}` +
      (r.description ? `<br><span class="muted">${esc(r.description)}</span>` : '') +
      (r.rationale ? `<br><span class="muted">${esc(w.rationale)}: ${esc(r.rationale)}</span>` : '') +
      source;
    return (
      `<tr id="req-${esc(r.id)}"><td><b>${esc(r.id)}</b></td><td>${titleCell}</td><td>${roleName(pack, r.from)}</td><td>${esc(w.priority(r.priority))}</td>` +
      `<td>${tag(r.live ? 'none' : 'removed', w.status(r.status))}</td><td>${esc(r.steps.map((s) => named(pack.stepNames, s)).join(', '))}</td>` +
      `<td>${esc(r.affectedRoles.map((x) => named(pack.roleNames, x)).join(', ') || w.dash)}</td><td>${standing.join('<br>') || w.dash}</td>` +
      `<td>${r.conflicts.length ? list(r.conflicts.map((x) => `<span title="${esc(x.code)}">${esc(w.conflictShort(x.code))}</span>${x.with.length ? ' ' + esc(x.with.join(', ')) : ''}`)) : w.dash}</td><td>${acceptance}</td></tr>`
    );
  });
  return (
    `<section class="page-break" id="requirements"><h2>${esc(w.requirements)}</h2><table class="reqs"><tr><th>${esc(c.id)}</th><th>${esc(c.title)} / ${esc(c.source)}</th><th>${esc(c.from)}</th><th>${esc(c.priority)}</th><th>${esc(c.status)}</th>` +
    `<th>${esc(c.steps)}</th><th>${esc(c.affected)}</th><th>${esc(c.agreement)}</th><th>${esc(c.conflicts)}</th><th>${esc(c.acceptance)}</th></tr>${rows.join('')}</table></section>`
  );
}

function decisionsHtml(pack: ReviewPack, w: PackWords): string {
  const items = pack.decisions.map((d) => {
    const by = d.decidedBy ? named(pack.roleNames, d.decidedBy) : w.dash;
    let line = esc(w.decisionLine(d.requirement, d.overrides.join(', '), by));
    if (d.rationale) line += ` — ${esc(w.rationale)}: ${esc(d.rationale)}`;
    if (d.selfFavour) line += ` <span class="flag">${esc(w.selfFavour)}</span>`;
    if (d.unrecorded) line += ` <span class="flag">${esc(d.decider ? w.unrecorded(named(pack.roleNames, d.decider)) : w.unrecordedNoOwner)}</span>`;
    return line;
  });
  return `<section id="decisions"><h2>${esc(w.decisions)}</h2>${items.length ? list(items) : `<p class="muted">${esc(w.noDecisions)}</p>`}</section>`;
}

function signOffHtml(pack: ReviewPack, w: PackWords): string {
  const c = w.cols;
  if (!pack.signOff.length) return `<section class="page-break" id="sign-off"><h2>${esc(w.signOff)}</h2><p class="muted">${esc(w.noSignOff)}</p></section>`;
  const rows = pack.signOff.map(
    (s) =>
      `<tr><td>${roleName(pack, s.role)}</td><td>${reqRef(pack, s.requirement)}</td><td><code>${esc(s.fingerprint)}</code></td><td>${tag(s.state, w.state(s.state))}</td>` +
      `<td class="boxes">${w.verdictBoxes.map((b) => '☐ ' + esc(b)).join('<br>')}</td><td class="blank"></td><td class="blank"></td><td class="blank"></td></tr>`,
  );
  return (
    `<section class="page-break sign" id="sign-off"><h2>${esc(w.signOff)}</h2><p>${esc(w.signOffIntro)}</p><table><tr><th>${esc(c.role)}</th><th>${esc(c.requirement)}</th><th>${esc(c.fingerprint)}</th>` +
    `<th>${esc(c.state)}</th><th>${esc(c.verdict)}</th><th>${esc(c.note)}</th><th>${esc(c.date)}</th><th>${esc(c.signature)}</th></tr>${rows.join('')}</table></section>`
  );
}

/** The review pack as a self-contained HTML document. */
export function renderPackHtml(pack: ReviewPack, options: HtmlOptions = {}): string {
  const locale: Locale = pack.locale;
  const w = packWords(locale);
  const p = pack.process;
  const pics = options.pictures ?? {};
  const toc = [
    `<li><a href="#summary">${esc(w.summary)}</a></li>`,
    `<li><a href="#diagrams">${esc(w.diagrams)}</a></li>`,
    ...pack.roles.map((r) => `<li><a href="#role-${esc(r.id)}">${esc(w.roleSection(r.name))}</a></li>`),
    `<li><a href="#requirements">${esc(w.requirements)}</a></li>`,
    `<li><a href="#decisions">${esc(w.decisions)}</a></li>`,
    `<li><a href="#sign-off">${esc(w.signOff)}</a></li>`,
  ];
  const summary =
    `<section id="summary"><h2>${esc(w.summary)}</h2><dl class="summary"><dt>${esc(w.process)}</dt><dd>${esc(p.name)}${p.id ? ` <span class="id">${esc(p.id)}</span>` : ''}</dd>` +
    (p.owner ? `<dt>${esc(w.owner)}</dt><dd>${roleName(pack, p.owner)}</dd>` : '') +
    (p.description ? `<dt>${esc(w.description)}</dt><dd>${esc(p.description)}</dd>` : '') +
    `<dt>${esc(w.roles)}</dt><dd>${esc(pack.roleNames.map((r) => named(pack.roleNames, r.id)).join(w.t(', ', '、')))}</dd></dl>` +
    `<p>${esc(w.counts(p))}</p>${pack.syntaxErrors ? `<p class="flag">${esc(w.syntaxErrors)}</p>` : ''}<p>${esc(w.intro)}</p><ul class="toc">${toc.join('')}</ul></section>`;
  const legend = `<p class="legend"><b>${esc(w.legend)}:</b> ${tag('added', w.legendAdded)} ${tag('removed', w.legendRemoved)} ${tag('contested', w.legendContested)}</p>`;
  const diagrams =
    `<section id="diagrams" class="page-break"><h2>${esc(w.diagrams)}</h2>` +
    picture(w, w.today, pics.today, pack.diagrams.today, pics.error) +
    legend +
    picture(w, w.after, pics.after, pack.diagrams.after, pics.error) +
    '</section>';
  return (
    `<!DOCTYPE html>\n<html lang="${locale === 'zh-CN' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(w.title(p.name))}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
    `<header><h1>${esc(w.title(p.name))}</h1>${options.file !== undefined ? `<p class="meta">${esc(w.generated(options.file, options.generatedOn))}</p>` : ''}</header>\n` +
    summary +
    '\n' +
    diagrams +
    '\n' +
    pack.roles.map((r) => roleHtml(pack, w, r, pics.roles?.[r.id])).join('\n') +
    '\n' +
    requirementsHtml(pack, w) +
    '\n' +
    decisionsHtml(pack, w) +
    '\n' +
    signOffHtml(pack, w) +
    '\n</body>\n</html>\n'
  );
}
