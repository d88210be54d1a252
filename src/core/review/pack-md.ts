/**
 * The review pack as Markdown, for pasting into PRDs and wikis: the same
 * sections as the HTML, the swimlanes as ```mermaid blocks (GitHub, GitLab,
 * many wikis draw them), tables with every user text escaped.
 */
import { unchanged, type RoleImpact } from './impact';
import { named, packWords, type PackWords } from './pack-words';
import type { PackConflict, ReviewPack, RolePack } from './pack';

export interface MarkdownOptions {
  file?: string;
  generatedOn?: string;
}

/** Text safe inside a Markdown paragraph or table cell: no HTML, links, emphasis, code or cell breaks. */
export function md(s: string | undefined): string {
  return (s ?? '')
    .replace(/\r\n|[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|#~!]/g, (c) => '\\' + c)
    .replace(/&/g, '&amp;')
    .replace(/^([+\-=>]|\d+\.)/, '\\$1')
    .trim();
}

/** A lead-in such as "asked by " before the text that follows it: escaped, with the space at its end kept (md trims it). */
function lead(s: string): string {
  return md(s) + (s.endsWith(' ') ? ' ' : '');
}

function cell(items: string[]): string {
  return items.length ? items.join('<br>') : '—';
}

function impactMd(pack: ReviewPack, w: PackWords, r: RoleImpact): string {
  if (unchanged(r)) return `${md(w.nothing)}\n`;
  const N = (id: string) => md(named(pack.stepNames, id));
  const R = (id: string | undefined) => md(named(pack.roleNames, id));
  const who = (ids: string[]) =>
    ids
      .map((id) => {
        const q = pack.requirements.find((x) => x.id === id);
        return `${md(id)} (${md(w.priority(q?.priority))}, ${R(q?.from)})`;
      })
      .join(', ');
  const out: string[] = [];
  const add = (h: string, items: string[]) => items.length && out.push(`**${md(h)}**\n\n${items.map((i) => `- ${i}`).join('\n')}\n`);
  add(w.stepsAdded, r.stepsAdded.map((c) => `${c.contested ? `⚠ ${md(w.contested)}` : '➕'} ${N(c.step)} — ${lead(w.askedBy(''))}${who(c.by.map((a) => a.requirement))}${c.contested && c.against.length ? ` — ${lead(w.contestedBy(''))}${who(c.against.map((a) => a.requirement))}` : ''}`));
  add(w.stepsRemoved, r.stepsRemoved.map((c) => `${c.contested ? `⚠ ${md(w.contested)}` : '➖'} ~~${N(c.step)}~~ — ${lead(w.askedBy(''))}${who(c.by.map((a) => a.requirement))}${c.contested && c.against.length ? ` — ${lead(w.contestedBy(''))}${who(c.against.map((a) => a.requirement))}` : ''}`));
  add(
    w.stepsChanged,
    r.stepsChanged.map((c) => {
      const today = md(c.today ?? w.notSet);
      if (c.after.kind === 'value') return `${N(c.step)} \`${c.attribute}\`: ${today} → **${md(c.after.value)}** — ${lead(w.askedBy(''))}${who([c.after.requirement])}`;
      return `${N(c.step)} \`${c.attribute}\`: ${today} → ⚠ ${md(w.contested)}: ${c.asks.map((a) => `**${md(a.value)}** ← ${who([a.requirement])}`).join(w.t(' vs ', ' 对 '))}`;
    }),
  );
  add(w.provides, r.provides.map((d) => `\`${d.data}\` — ${md(d.to ? w.forStep(named(pack.stepNames, d.to.step)) : named(pack.stepNames, d.step))} (${md(d.requirements.join(', '))})`));
  add(w.needs, r.needs.map((d) => `\`${d.data}\` — ${md(w.atStep(named(pack.stepNames, d.step)))} (${md(d.requirements.join(', '))})`));
  add(
    w.handoffs,
    [...r.handoffsIn, ...r.handoffsOut]
      .filter((h) => h.change !== 'unchanged')
      .map((h) => `${h.contested ? `⚠ ${md(w.contested)}` : h.change === 'added' ? '➕' : '➖'} ${N(h.from)} [${R(h.fromRole)}] → ${N(h.to)} [${R(h.toRole)}]`),
  );
  const b = r.ledger.before;
  const a = r.ledger.after;
  out.push(
    `**${md(w.ledger)}**\n\n| | ${w.ledgerCols.map(md).join(' | ')} |\n|---|---|---|---|---|\n| ${md(w.before)} | ${b.steps} | ${b.decisions} | ${b.handoffs} | ${b.manual} |\n| ${md(w.afterWord)} | ${a.steps} | ${a.decisions} | ${a.handoffs} | ${a.manual} |\n` +
      (r.ledger.contested ? `\n⚠ ${md(w.contestedCount(r.ledger.contested))}\n` : ''),
  );
  return out.join('\n');
}

function conflictMd(pack: ReviewPack, w: PackWords, c: PackConflict): string {
  const R = (id: string | undefined) => md(named(pack.roleNames, id));
  const sides = c.sides.map((s) => `  - ${R(s.role)}: ${s.requirement ? `**${md(s.requirement)}** ${md(pack.requirements.find((x) => x.id === s.requirement)?.title)}` : md(w.bears)}`);
  const decider =
    c.decider === undefined
      ? md(w.nobodyDecides)
      : `${R(c.decider)} ${md(c.deciderFrom === 'owner' ? w.viaOwner : w.viaDecidedBy)}${c.deciderIsParty ? ` — **${md(w.partyDecides)}**` : ''}`;
  return `- **${md(w.conflictKind(c))}** (\`${c.code}\`, ${md(w.severity(c.severity))}): ${md(c.message)}\n  - ${md(w.sides)}:\n${sides.map((s) => '  ' + s).join('\n')}\n  - ${md(w.decides)}: ${decider}`;
}

function roleMd(pack: ReviewPack, w: PackWords, r: RolePack): string {
  const out: string[] = [`## ${md(w.roleSection(r.name))} (\`${r.id}\`)\n`];
  if (r.department) out.push(`${md(w.department)}: ${md(r.department)}  `);
  if (r.concerns.length) out.push(`${md(w.concerns)}: ${md(r.concerns.join(w.t(', ', '、')))}\n`);
  const waiting = r.asks.filter((a) => a.state !== 'agreed').length;
  out.push(`**${md(w.glance(waiting, r.conflicts.length, r.impact.stepsAdded.length, r.impact.stepsRemoved.length, r.impact.stepsChanged.length))}**\n`);
  out.push(`### ${md(w.lane)}\n`);
  if (r.lane.length) {
    out.push(`| ${md(w.step)} | ${md(w.type)} | ${md(w.change)} | ${md(w.attributes)} |\n|---|---|---|---|`);
    for (const s of r.lane) {
      const attrs = s.attributes.map((a) =>
        a.contested
          ? `\`${a.name}\`: ${md(a.today ?? w.notSet)} → ⚠ ${md(w.contested)} ${md(a.contested.join(' / '))}`
          : a.after !== a.today
            ? `\`${a.name}\`: ${md(a.today ?? w.notSet)} → **${md(a.after ?? w.notSet)}**`
            : `\`${a.name}\`: ${md(a.today)}`,
      );
      const fate = s.fate === 'kept' ? md(w.fate('kept')) : s.fate === 'contested' ? `⚠ ${md(w.fate(s.fate))}` : `**${md(w.fate(s.fate))}**`;
      out.push(`| ${md(s.name)} (\`${s.id}\`) | ${md(w.stepType(s.type))} | ${fate}${s.by.length ? ' ' + md(s.by.join(', ')) : ''} | ${cell(attrs)} |`);
    }
    out.push('');
  } else out.push(`${md(w.noSteps)}\n`);
  out.push(`### ${md(w.impact)}\n`, impactMd(pack, w, r.impact));
  out.push(`### ${md(w.asks)}\n`);
  if (r.asks.length) {
    const c = w.cols;
    out.push(`| ${md(c.requirement)} | ${md(c.from)} | ${md(c.priority)} | ${md(c.asks)} | ${md(c.state)} | ${md(c.fingerprint)} |\n|---|---|---|---|---|---|`);
    for (const a of r.asks) {
      out.push(`| **${md(a.requirement)}** ${md(a.title)} | ${md(named(pack.roleNames, a.from))} | ${md(w.priority(a.priority))} | ${md(a.asks.map(w.askKind).join(', '))} | ${md(w.state(a.state))} | \`${a.fingerprint}\` |`);
    }
    out.push('');
  } else out.push(`${md(w.noAsks)}\n`);
  out.push(`### ${md(w.conflicts)}\n`);
  out.push(r.conflicts.length ? r.conflicts.map((c) => conflictMd(pack, w, c)).join('\n') + '\n' : `${md(w.noConflicts)}\n`);
  return out.join('\n');
}

/** The review pack as Markdown. */
export function renderPackMarkdown(pack: ReviewPack, options: MarkdownOptions = {}): string {
  const w = packWords(pack.locale);
  const p = pack.process;
  const R = (id: string | undefined) => md(named(pack.roleNames, id));
  const out: string[] = [];
  out.push(`# ${md(w.title(p.name))}\n`);
  if (options.file !== undefined) out.push(`_${md(w.generated(options.file, options.generatedOn))}_\n`);
  out.push(`## ${md(w.summary)}\n`);
  out.push(`- ${md(w.process)}: ${md(p.name)}${p.id ? ` (\`${p.id}\`)` : ''}`);
  if (p.owner) out.push(`- ${md(w.owner)}: ${R(p.owner)}`);
  if (p.description) out.push(`- ${md(w.description)}: ${md(p.description)}`);
  out.push(`- ${md(w.roles)}: ${pack.roleNames.map((r) => R(r.id)).join(w.t(', ', '、'))}`);
  out.push(`- ${md(w.counts(p))}\n`);
  if (pack.syntaxErrors) out.push(`**${md(w.syntaxErrors)}**\n`);
  out.push(`${md(w.intro)}\n`);
  out.push(`## ${md(w.diagrams)}\n`);
  out.push(`### ${md(w.today)}\n\n\`\`\`mermaid\n${pack.diagrams.today.trimEnd()}\n\`\`\`\n`);
  out.push(`### ${md(w.after)}\n\n${md(w.legend)}: ${md(w.legendAdded)}${w.t(' (green)', '（绿色）')} · ${md(w.legendRemoved)} · ${md(w.legendContested)}${w.t(' (amber)', '（黄色）')}\n\n\`\`\`mermaid\n${pack.diagrams.after.trimEnd()}\n\`\`\`\n`);
  for (const r of pack.roles) out.push(roleMd(pack, w, r));
  const c = w.cols;
  out.push(`## ${md(w.requirements)}\n`);
  out.push(
    `| ${[c.id, c.title, c.from, c.priority, c.status, c.steps, c.affected, c.agreement, c.conflicts, c.acceptance, c.source].map(md).join(' | ')} |\n|${'---|'.repeat(11)}`,
  );
  for (const r of pack.requirements) {
    const standing = [r.agreed.length ? md(w.agreedList(r.agreed.join(', '))) : '', r.pending.length ? md(w.pendingList(r.pending.join(', '))) : '']
      .concat(r.standings.filter((s) => s.state !== 'agreed' && s.state !== 'none').map((s) => `${md(s.role)}: ${md(w.state(s.state))}${s.note ? ` “${md(s.note)}”` : ''}`))
      .filter(Boolean);
    const source = r.source ? [r.source.said ? `“${md(r.source.said)}”` : '', md([r.source.who, r.source.channel, r.source.on].filter(Boolean).join(' · '))].filter(Boolean) : [];
    out.push(
      `| **${md(r.id)}** | ${md(r.title)}${r.description ? '<br>' + md(r.description) : ''} | ${R(r.from)} | ${md(w.priority(r.priority))} | ${md(w.status(r.status))} | ${md(r.steps.join(', ')) || '—'} | ${md(r.affectedRoles.join(', ')) || '—'} | ${cell(standing)} | ${cell(r.conflicts.map((x) => `\`${x.code}\`${x.with.length ? ' ' + md(x.with.join(', ')) : ''}`))} | ${r.acceptance.length ? cell(r.acceptance.map((a) => '• ' + md(a))) : `**${md(w.noAcceptance)}**`} | ${cell(source)} |`,
    );
  }
  out.push(`\n## ${md(w.decisions)}\n`);
  if (!pack.decisions.length) out.push(`${md(w.noDecisions)}\n`);
  for (const d of pack.decisions) {
    let line = `- ${md(w.decisionLine(d.requirement, d.overrides.join(', '), d.decidedBy ? named(pack.roleNames, d.decidedBy) : '—'))}`;
    if (d.rationale) line += ` — ${md(w.rationale)}: ${md(d.rationale)}`;
    if (d.selfFavour) line += ` — **${md(w.selfFavour)}**`;
    if (d.unrecorded) line += ` — **${md(d.decider ? w.unrecorded(named(pack.roleNames, d.decider)) : w.unrecordedNoOwner)}**`;
    out.push(line);
  }
  out.push(`\n## ${md(w.signOff)}\n`);
  if (!pack.signOff.length) out.push(`${md(w.noSignOff)}\n`);
  else {
    out.push(`${md(w.signOffIntro)}\n`);
    out.push(`| ${[c.role, c.requirement, c.fingerprint, c.state, c.verdict, c.note, c.date].map(md).join(' | ')} |\n|${'---|'.repeat(7)}`);
    for (const s of pack.signOff) {
      out.push(`| ${R(s.role)} | **${md(s.requirement)}** ${md(s.title)} | \`${s.fingerprint}\` | ${md(w.state(s.state))} | ${w.verdictBoxes.map((b) => '☐ ' + md(b)).join(' ')} | | |`);
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
