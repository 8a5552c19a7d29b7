/**
 * GitHub-flavoured Markdown for pull-request comments and job summaries. A reviewer reads it top down:
 * the verdict, what the change destroys, where data goes, what fails and how to fix it; the detail per
 * stack or plan sits in collapsed sections so hundreds of stacks stay readable. Every list is sorted.
 */
import type { Analysis, InputSection } from '../analysis/analysis';
import { CHANGE_ACTIONS, ChangeAction, PlannedChange, PlanSummary } from '../analysis/changes';
import { DataResidency, describePlace, hasResidencyConcern, Place } from '../analysis/places';
import type { Finding, Verdict } from '../engine/result';
import type { Severity } from '../rules/rule';
import { ReportOptions, ruleHelpUrl } from './options';

/** Hidden marker the CI workflow uses to find and update its own pull-request comment. */
export const MARKDOWN_MARKER = '<!-- norway-policy-report -->';
/** Suppressions expiring within this many days are highlighted. */
export const EXPIRY_WARNING_DAYS = 30;
/** Sections with more rows than this start collapsed. */
const OPEN_LIMIT = 25;
/** Mermaid stops rendering large graphs; above this many nodes the table stands alone. */
const MAX_DIAGRAM_NODES = 80;

const SEVERITY_HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings' };
const ACTION_VERBS: Record<ChangeAction, string> = {
  create: 'to create',
  update: 'to update',
  replace: 'to replace',
  delete: 'to delete',
  read: 'to read',
  'no-op': 'unchanged',
};
const STATUS_MARK: Record<Place['status'], string> = {
  norway: '🇳🇴',
  outside: '❌ outside Norway',
  unknown: '⚠️ unresolved',
};

export function formatMarkdown(analysis: Analysis, options: ReportOptions = {}): string {
  const { result: report, inputs, other, residency, plans } = analysis;
  // Blocks in the order a reviewer reads them; a size budget keeps whole blocks from the top.
  const blocks: string[][] = [[MARKDOWN_MARKER, ...verdict(report)]];
  if (plans.length > 0) blocks.push(planOverview(plans));
  blocks.push(residencyOverview(residency));
  blocks.push(findingsSection(report, options));
  blocks.push(suppressionsSection(report, options));
  if (other.length > 0) {
    blocks.push(['', `Findings outside any stack or plan: ${other.length} (listed above).`]);
  }
  blocks.push(['', '### Stacks and plans', '', ...inputsTable(inputs)]);
  for (const section of inputs) blocks.push(['', ...inputDetails(section)]);
  const lines =
    options.maxBytes === undefined ? blocks.flat() : fitToBudget(blocks, options.maxBytes, options.reportUrl);
  return `${lines.join('\n')}\n`;
}

/** Room kept for the closing note of a shortened report. */
const NOTE_RESERVE = 600;

/**
 * Whole blocks from the top while they fit; the first that does not is cut at a line (open
 * `<details>` and code fences closed, the rows left out counted), the rest left out, and a note
 * points at the full report. Sizes are UTF-8 bytes: never fewer than the characters GitHub counts.
 */
export function fitToBudget(
  blocks: readonly (readonly string[])[],
  maxBytes: number,
  reportUrl?: string,
): string[] {
  const size = (line: string) => Buffer.byteLength(line, 'utf8') + 1;
  const total = blocks.reduce((n, b) => n + b.reduce((m, l) => m + size(l), 0), 0);
  if (total <= maxBytes) return blocks.flat();
  const budget = Math.max(0, maxBytes - NOTE_RESERVE);
  const out: string[] = [];
  let used = 0;
  let shown = 0;
  for (const block of blocks) {
    const blockSize = block.reduce((m, l) => m + size(l), 0);
    if (used + blockSize <= budget) {
      out.push(...block);
      used += blockSize;
      shown++;
      continue;
    }
    const kept: string[] = [];
    for (const line of block) {
      if (used + size(line) > budget - 100) break;
      kept.push(line);
      used += size(line);
    }
    const dropped = block.slice(kept.length);
    if (kept.length > 0) {
      const rows = dropped.filter((l) => l.startsWith('| ')).length;
      out.push(
        ...kept,
        ...closeOpen(kept),
        '',
        `_… ${rows > 0 ? `${rows} more table rows` : 'the rest of this section'} left out._`,
      );
    }
    break;
  }
  const left = blocks.length - shown;
  const where = reportUrl
    ? `[the full report](${reportUrl})`
    : "the full report in the workflow run's artifacts";
  out.push(
    '',
    '> [!NOTE]',
    `> Shortened to fit one comment (${total} bytes in full): ${left} of ${blocks.length} sections cut or left out. See ${where}.`,
  );
  return out;
}

/** Closing tags for `<details>` and code fences a cut left open. */
function closeOpen(lines: readonly string[]): string[] {
  const fences = lines.filter((l) => l.startsWith('```')).length;
  const open = lines.reduce(
    (n, l) => n + (l.match(/<details/g)?.length ?? 0) - (l.match(/<\/details>/g)?.length ?? 0),
    0,
  );
  return [
    ...(fences % 2 === 1 ? ['```'] : []),
    ...Array.from({ length: Math.max(0, open) }, () => '</details>'),
  ];
}

function verdict(report: Verdict): string[] {
  const { resources, errors, warnings, suppressed } = report.summary;
  const inputs = report.inputs.length;
  const headline =
    errors > 0
      ? `## ❌ Norway policy: ${plural(errors, 'error')} block${errors === 1 ? 's' : ''} this change`
      : `## ✅ Norway policy: passed${warnings > 0 ? ` with ${plural(warnings, 'warning')}` : ''}`;
  return [
    headline,
    '',
    `**${resources}** resources in **${inputs}** input${inputs === 1 ? '' : 's'} · **${errors}** error${errors === 1 ? '' : 's'} · ` +
      `**${warnings}** warning${warnings === 1 ? '' : 's'} · **${suppressed}** suppressed · checked on ${report.checkedOn}`,
  ];
}

function planOverview(plans: readonly PlanSummary[]): string[] {
  const totals = sumCounts(plans);
  const out = ['', `**Plan${plans.length === 1 ? '' : 's'}:** ${countsLine(totals)}`];
  const destructive = plans.flatMap((p) => p.destructive.map((c) => ({ change: c, plan: p })));
  if (destructive.length === 0) {
    out.push('', 'No data-bearing resource is deleted or replaced.');
    return out;
  }
  out.push(
    '',
    '> [!CAUTION]',
    `> **${plural(destructive.length, 'destructive change')} to data-bearing resources.** Deleting or replacing them loses the data they hold.`,
    '',
    '| Action | Resource | Type | Plan |',
    '|---|---|---|---|',
  );
  for (const { change, plan } of destructive) {
    out.push(
      `| **${change.action.toUpperCase()}** | ${code(change.address)}${locationNote(change)} | ${code(change.type)} | ${cell(plan.input)} |`,
    );
  }
  return out;
}

function residencyOverview(residency: readonly DataResidency[]): string[] {
  const copies = residency.reduce((n, r) => n + r.copies.length, 0);
  const concerns = residency.filter(hasResidencyConcern);
  const outside = residency.reduce(
    (n, r) =>
      n +
      (r.primary.status === 'outside' ? 1 : 0) +
      r.copies.filter((c) => c.place.status === 'outside').length,
    0,
  );
  const unresolved = residency.reduce(
    (n, r) =>
      n +
      (r.primary.status === 'unknown' ? 1 : 0) +
      r.copies.filter((c) => c.place.status === 'unknown').length,
    0,
  );
  const out = [
    '',
    `**Data residency:** ${plural(residency.length, 'data-bearing resource')} with ${plural(copies, 'copy', 'copies')}; ` +
      (outside + unresolved === 0
        ? 'every primary and every copy is in Norway.'
        : `**${outside}** outside Norway, **${unresolved}** unresolved.`),
  ];
  if (concerns.length === 0) return out;
  out.push('');
  for (const entry of concerns) {
    if (entry.primary.status !== 'norway')
      out.push(
        `- ${code(entry.address)}: primary in **${describePlace(entry.primary)}** ${STATUS_MARK[entry.primary.status]}`,
      );
    for (const copy of entry.copies.filter((c) => c.place.status !== 'norway')) {
      out.push(
        `- ${code(entry.address)}: ${copy.kind} in **${describePlace(copy.place)}** ${STATUS_MARK[copy.place.status]} via ${cell(copy.via)}` +
          (copy.target && copy.target !== copy.via ? ` → ${code(copy.target)}` : ''),
      );
    }
  }
  return out;
}

function findingsSection(report: Verdict, options: ReportOptions): string[] {
  const active = report.findings.filter((f) => !f.suppressed);
  const out = ['', '### Findings', ''];
  if (active.length === 0) {
    out.push('No unsuppressed findings.');
    return out;
  }
  for (const severity of ['error', 'warning'] as const) {
    const list = active.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    out.push(
      `<details${list.length <= OPEN_LIMIT ? ' open' : ''}><summary><b>${SEVERITY_HEADINGS[severity]} (${list.length})</b></summary>`,
      '',
    );
    // Grouped by rule, so each fix is written once however many resources fail it.
    for (const ruleId of [...new Set(list.map((f) => f.ruleId))].sort()) {
      const group = list.filter((f) => f.ruleId === ruleId);
      out.push(
        `${ruleCell(group[0], options)} — ${plural(group.length, 'finding')}<br>`,
        `**Fix:** ${cell(group[0].fix)}`,
        '',
        '| Resource | Problem |',
        '|---|---|',
        ...group.map((f) => `| ${resourceCell(f)} | ${cell(f.message)} |`),
        '',
      );
    }
    out.push('</details>', '');
  }
  return out;
}

function suppressionsSection(report: Verdict, options: ReportOptions): string[] {
  const suppressed = report.findings.filter((f) => f.suppressed && f.suppression);
  if (suppressed.length === 0) return [];
  const expiringSoon = suppressed.filter(
    (f) => daysUntil(report.checkedOn, f.suppression!.expires) <= EXPIRY_WARNING_DAYS,
  );
  const out = [
    '### Suppressions',
    '',
    `${plural(suppressed.length, 'finding')} suppressed` +
      (expiringSoon.length > 0
        ? `; **${expiringSoon.length} expire${expiringSoon.length === 1 ? 's' : ''} within ${EXPIRY_WARNING_DAYS} days** ⏳.`
        : '.'),
    '',
    `<details${suppressed.length <= OPEN_LIMIT ? ' open' : ''}><summary><b>Suppressed findings (${suppressed.length})</b></summary>`,
    '',
    '| Rule | Resource | Reason | Expires | Declared at |',
    '|---|---|---|---|---|',
  ];
  for (const f of suppressed) {
    const s = f.suppression!;
    const days = daysUntil(report.checkedOn, s.expires);
    const expires =
      days <= EXPIRY_WARNING_DAYS
        ? `⏳ **${s.expires}** (${days === 0 ? 'today' : `in ${plural(days, 'day')}`})`
        : s.expires;
    out.push(
      `| ${ruleCell(f, options)} | ${resourceCell(f)} | ${cell(s.reason)} | ${expires} | ${cell(s.declaredAt)} |`,
    );
  }
  out.push('', '</details>', '');
  return out;
}

function inputsTable(inputs: readonly InputSection[]): string[] {
  const out = [
    '| Input | Kind | Resources | Errors | Warnings | Suppressed | Changes |',
    '|---|---|---:|---:|---:|---:|---|',
  ];
  for (const section of inputs) {
    const active = section.findings.filter((f) => !f.suppressed);
    const plan = section.plan;
    out.push(
      `| ${cell(section.label)} | ${section.kind} | ${section.managedResources} | ` +
        `${active.filter((f) => f.severity === 'error').length} | ${active.filter((f) => f.severity === 'warning').length} | ` +
        `${section.findings.length - active.length} | ${plan ? shortCounts(plan.counts) : '—'} |`,
    );
  }
  return out;
}

function inputDetails(section: InputSection): string[] {
  const { inventory: inv, plan, residency, state } = section;
  const errors = section.findings.filter((f) => !f.suppressed && f.severity === 'error').length;
  const summary =
    `${errors > 0 ? '❌' : '✅'} <b>${html(section.label)}</b> — ${plural(inv.resources, 'resource')}` +
    ` · ${inv.byLocation.map(([l, n]) => `${html(l)} ${n}`).join(', ') || 'no resources'}` +
    (plan ? ` · ${html(shortCounts(plan.counts))}` : '');
  const out = [`<details><summary>${summary}</summary>`, ''];
  out.push(
    '| Resource type | Count |',
    '|---|---:|',
    ...inv.byType.map(([t, n]) => `| ${code(t)} | ${n} |`),
    '',
  );
  out.push(
    '| Location | Resources |',
    '|---|---:|',
    ...inv.byLocation.map(([l, n]) => `| ${cell(l)} | ${n} |`),
    '',
  );
  if (state) {
    const account = state.account ? ` in ${code(state.account)}` : '';
    out.push(
      `**Terraform state** (holds a copy of every attribute): ${state.backend} backend${account}, ${placeText(state.place)}`,
      '',
    );
  }
  if (plan) out.push(...planDetails(plan));
  if (residency.length > 0) out.push(...residencyTable(residency), ...mermaid(residency));
  out.push('</details>');
  return out;
}

function planDetails(plan: PlanSummary): string[] {
  const out = [`**Changes:** ${countsLine(plan.counts)}`, ''];
  if (plan.changes.length === 0) return out;
  out.push('| Action | Resource | Data-bearing |', '|---|---|---|');
  for (const change of plan.changes) {
    const action =
      change.action === 'delete' || change.action === 'replace' ? `**${change.action}**` : change.action;
    out.push(
      `| ${action} | ${code(change.address)}${locationNote(change)} | ${change.dataBearing ? 'yes' : ''} |`,
    );
  }
  out.push('');
  return out;
}

function residencyTable(residency: readonly DataResidency[]): string[] {
  const out = ['**Data residency**', '', '| Resource | Primary | Copies |', '|---|---|---|'];
  for (const entry of residency) {
    const copies = entry.copies.map(
      (c) =>
        `${c.kind}: ${placeText(c.place)} via ${cell(c.via)}${c.target && c.target !== c.via ? ` → ${code(c.target)}` : ''}`,
    );
    out.push(`| ${code(entry.address)} | ${placeText(entry.primary)} | ${copies.join('<br>') || 'none'} |`);
  }
  out.push('');
  return out;
}

/** A flowchart per input: resources grouped by location, one edge per copy. */
function mermaid(residency: readonly DataResidency[]): string[] {
  const nodes = new Map<string, { id: string; label: string; group: string; outside: boolean }>();
  const edges: string[] = [];
  const node = (key: string, label: string, place: Place) => {
    let existing = nodes.get(key);
    if (!existing) {
      existing = {
        id: `n${nodes.size}`,
        label,
        group: place.location ?? (place.status === 'outside' ? 'outside Norway' : 'unresolved'),
        outside: place.status !== 'norway',
      };
      nodes.set(key, existing);
    }
    return existing.id;
  };
  for (const entry of residency) {
    const from = node(entry.address, entry.address, entry.primary);
    for (const copy of entry.copies) {
      const key = copy.target ?? `${entry.address} ${copy.kind} ${copy.via}`;
      const label = copy.target ?? `${copy.kind} of ${entry.name} (${copy.via})`;
      const to = node(key, label, copy.place);
      edges.push(
        copy.kind === 'key' ? `  ${to} -. "encrypts" .-> ${from}` : `  ${from} -- "${copy.kind}" --> ${to}`,
      );
    }
  }
  if (nodes.size > MAX_DIAGRAM_NODES)
    return [
      `_The diagram is left out: ${nodes.size} nodes are more than GitHub renders well; the table above is complete._`,
      '',
    ];
  const groups = [...new Set([...nodes.values()].map((n) => n.group))].sort();
  const out = ['```mermaid', 'flowchart LR'];
  groups.forEach((group, i) => {
    const members = [...nodes.values()].filter((n) => n.group === group);
    const outside = members.some((n) => n.outside);
    out.push(`  subgraph g${i}["${mermaidText(outside ? `⚠ ${group}` : group)}"]`);
    for (const member of members) out.push(`    ${member.id}["${mermaidText(member.label)}"]`);
    out.push('  end');
    if (outside) out.push(`  style g${i} fill:#fde2e2,stroke:#c00`);
  });
  out.push(...edges, '```', '');
  return out;
}

function placeText(place: Place): string {
  const text = describePlace(place);
  if (place.status === 'norway') return cell(text);
  return `**${cell(text)}** ${STATUS_MARK[place.status]}`;
}

function ruleCell(f: Finding, options: ReportOptions): string {
  const url = ruleHelpUrl(f.ruleId, options);
  return `${url ? `[**${f.ruleId}**](${url})` : `**${f.ruleId}**`} ${cell(f.title)}`;
}

function resourceCell(f: Finding): string {
  const parts = [code(f.address)];
  if (f.constructPath) parts.push(`construct ${code(f.constructPath)}`);
  if (f.stack) parts.push(`stack ${code(f.stack)}`);
  else parts.push(`in ${code(f.file)}${f.line !== undefined ? `:${f.line}` : ''}`);
  return parts.join('<br>');
}

function locationNote(change: PlannedChange): string {
  return change.locationChange
    ? ` (moves from ${cell(String(change.locationChange.from))} to ${cell(String(change.locationChange.to))})`
    : '';
}

function sumCounts(plans: readonly PlanSummary[]): Record<ChangeAction, number> {
  const totals = { create: 0, update: 0, replace: 0, delete: 0, read: 0, 'no-op': 0 };
  for (const plan of plans) for (const action of CHANGE_ACTIONS) totals[action] += plan.counts[action];
  return totals;
}

function countsLine(counts: Readonly<Record<ChangeAction, number>>): string {
  return (['create', 'update', 'replace', 'delete'] as const)
    .map((a) => `**${counts[a]}** ${ACTION_VERBS[a]}`)
    .join(' · ');
}

function shortCounts(counts: Readonly<Record<ChangeAction, number>>): string {
  return `+${counts.create} ~${counts.update} ±${counts.replace} -${counts.delete}`;
}

function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Text safe inside a table cell: no raw HTML, no column breaks, no line breaks. */
function cell(text: string): string {
  return html(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An inline code span; backticks inside are replaced because they would end it. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``;
}

function mermaidText(text: string): string {
  return text
    .replace(/"/g, '#quot;')
    .replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))
    .replace(/\r?\n/g, ' ');
}
