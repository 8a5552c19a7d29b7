/**
 * Where a rule is documented. Reporters (SARIF `helpUri`, Markdown links) and RULES.md share these
 * functions, so a link always lands on the rule's own section.
 */

/** The file the rule catalogue is generated into, relative to the repository root. */
export const RULES_DOC = 'RULES.md';

/** The stable anchor of a rule's section in RULES.md: `RES-001` → `res-001`. */
export function ruleAnchor(id: string): string {
  return id.toLowerCase();
}

/** A relative link to the rule's section: `RES-001` → `RULES.md#res-001`. */
export function ruleHelpUri(id: string): string {
  return `${RULES_DOC}#${ruleAnchor(id)}`;
}

/** Catalogue families by id prefix, in catalogue order. */
export const RULE_FAMILIES: readonly { readonly prefix: string; readonly name: string }[] = [
  { prefix: 'RES', name: 'Residency: every resource and every copy of data in Norway' },
  { prefix: 'ENC', name: 'Encryption' },
  { prefix: 'NET', name: 'Network exposure' },
  { prefix: 'IAM', name: 'Identity and access' },
  { prefix: 'ACC', name: 'Access from abroad: who may administer, from where' },
  { prefix: 'LOG', name: 'Logging' },
  { prefix: 'BCK', name: 'Backup and protection against loss' },
  { prefix: 'TFS', name: 'State and pipeline' },
  { prefix: 'CHG', name: 'Plan changes' },
];

const ALL_INPUTS = ['synth', 'plan', 'hcl'] as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

/** Minimal structural view of a rule, so this module needs nothing from the engine. */
export interface DocumentedRule {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly rationale: string;
  readonly anchors: {
    readonly mcsb?: readonly string[];
    readonly checkov?: readonly string[];
    readonly regulation?: readonly string[];
  };
  readonly resourceTypes: readonly string[] | 'all';
  readonly inputs?: readonly string[];
  readonly fix: string;
}

/** A Markdown table with padded columns, laid out as Prettier would, so formatting leaves the file alone. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function inputsOf(rule: DocumentedRule): string {
  return (rule.inputs ?? ALL_INPUTS).join(', ');
}

/** How many types a rule covers, for the summary table: a number, or `all` (with the catalogue's count). */
function typeCount(rule: DocumentedRule, catalogueTypes?: number): string {
  if (rule.resourceTypes === 'all') return catalogueTypes === undefined ? 'all' : `all (${catalogueTypes})`;
  return String(new Set(rule.resourceTypes).size);
}

function typesOf(rule: DocumentedRule, catalogueTypes?: number): string {
  if (rule.resourceTypes === 'all')
    return catalogueTypes === undefined
      ? 'all resource types'
      : `all resource types (${catalogueTypes} in the Azure catalogue)`;
  if (rule.resourceTypes.length === 0) return 'none (checks the configuration as a whole)';
  const types = [...new Set(rule.resourceTypes)].sort();
  return `${types.length} ${types.length === 1 ? 'type' : 'types'}: ${types.map(code).join(', ')}`;
}

function anchorsOf(rule: DocumentedRule): string[] {
  const lines: string[] = [];
  if (rule.anchors.mcsb?.length)
    lines.push(`- Microsoft cloud security benchmark: ${rule.anchors.mcsb.join(', ')}`);
  if (rule.anchors.checkov?.length)
    lines.push(`- Nearest Checkov checks: ${rule.anchors.checkov.map(code).join(', ')}`);
  if (rule.anchors.regulation?.length)
    lines.push(`- Regulation and sources: ${rule.anchors.regulation.join('; ')}`);
  return lines.length ? lines : ['- none'];
}

/**
 * RULES.md, generated from the rule metadata in catalogue order. A test regenerates it and compares it
 * with the committed file, so documentation and rules cannot drift.
 */
export function renderRulesMarkdown(
  rules: readonly DocumentedRule[],
  options: { readonly catalogueTypes?: number } = {},
): string {
  const out: string[] = [
    '# Policy rules',
    '',
    '<!-- Generated from the rule metadata by `npm run rules-doc` (scripts/generate-rules-md.ts). Do not edit by hand. -->',
    '',
    'Every rule runs on synthesized `cdk.tf.json`, on `terraform show -json` plans and on plain Terraform, unless its inputs say otherwise, and fails closed: a value that cannot be resolved is a finding, never a pass. Severity `error` fails synth and CI; `warning` is reported but does not fail.',
    '',
    `${rules.length} rules.`,
    '',
    ...table(
      ['ID', 'Severity', 'Title', 'Inputs', 'Types'],
      rules.map((r) => [
        `[${r.id}](#${ruleAnchor(r.id)})`,
        r.severity,
        cell(r.title),
        inputsOf(r),
        typeCount(r, options.catalogueTypes),
      ]),
    ),
  ];
  const families = [...RULE_FAMILIES];
  for (const rule of rules) {
    const prefix = rule.id.split('-')[0];
    if (!families.some((f) => f.prefix === prefix)) families.push({ prefix, name: prefix });
  }
  for (const family of families) {
    const members = rules.filter((r) => r.id.split('-')[0] === family.prefix);
    if (members.length === 0) continue;
    out.push('', `## ${family.prefix} — ${family.name}`);
    for (const rule of members) {
      out.push(
        '',
        `<a id="${ruleAnchor(rule.id)}"></a>`,
        '',
        `### ${rule.id}: ${rule.title}`,
        '',
        `**Severity:** ${rule.severity} · **Inputs:** ${inputsOf(rule)}`,
        '',
        rule.rationale,
        '',
        `**Fix:** ${rule.fix}`,
        '',
        '**Anchors:**',
        '',
        ...anchorsOf(rule),
        '',
        `**Resource types:** ${typesOf(rule, options.catalogueTypes)}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
