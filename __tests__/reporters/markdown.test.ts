import { formatMarkdown, MARKDOWN_MARKER, fitToBudget } from '../../policies/reporters/markdown';
import { REPORTERS } from '../../policies/reporters';
import type { CheckResult } from '../../policies/engine/result';
import { planReport, synthStack, synthStackReport } from '../helpers/report-stacks';
import { analyse } from '../../policies/analysis/analysis';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { checkModels } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';
import { loadJsonFile } from '../../policies/model/load-path';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { plan, tf } from '../helpers/rule-tester';
import { loadConfig } from '../../stacks/config/load';
import { buildPlatform } from '../../stacks/platform-app';
import { TODAY } from '../helpers/today';

/** The text between a heading-like marker and the next one. */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  expect(from).toBeGreaterThanOrEqual(0);
  const to = text.indexOf(end, from + start.length);
  return text.slice(from, to === -1 ? undefined : to);
}

function expectEveryFindingNamed(report: CheckResult, markdown: string): void {
  const findings = between(markdown, '### Findings', '### Stacks and plans');
  for (const f of report.findings) {
    const section = f.suppressed ? between(markdown, '### Suppressions', '### Stacks and plans') : findings;
    expect(section).toContain(`\`${f.address}\``);
    expect(section).toContain(f.ruleId);
    expect(section).toContain(f.title);
    if (f.constructPath) expect(section).toContain(`construct \`${f.constructPath}\``);
  }
}

/** GitHub rejects an issue or pull-request comment over this many characters. */
const COMMENT_LIMIT = 65_536;
const URL = 'https://github.com/org/repo/actions/runs/1/artifacts/2';

describe('Markdown report of a plan with a destructive change and a non-Norway replica', () => {
  let report: CheckResult;
  let markdown: string;
  beforeAll(() => {
    report = planReport();
    markdown = REPORTERS.markdown(analyse(report), {
      docsBaseUrl: 'https://github.com/hospital/norway-iac/blob/abc123/',
    });
  });

  test('starts with the marker CI uses to update its comment, then the verdict', () => {
    const [marker, verdict] = markdown.split('\n');
    expect(marker).toBe(MARKDOWN_MARKER);
    expect(verdict).toBe(`## ❌ Norway policy: ${report.summary.errors} errors block this change`);
  });

  test('counts the plan actions', () => {
    expect(markdown).toContain(
      '**Plan:** **6** to create · **1** to update · **1** to replace · **1** to delete',
    );
  });

  test('names both destructive changes to data-bearing resources in the caution block', () => {
    const caution = between(markdown, '> [!CAUTION]', '**Data residency:**');
    expect(caution).toContain('**2 destructive changes to data-bearing resources.**');
    expect(caution).toMatch(/\| \*\*DELETE\*\* \| `azurerm_storage_account\.archive` \|/);
    expect(caution).toMatch(/\| \*\*REPLACE\*\* \| `azurerm_storage_account\.data` \|/);
    expect(caution).not.toContain('azurerm_storage_account.replica');
  });

  test("names the replicas' location outside Norway and how the data gets there", () => {
    const residency = between(markdown, '**Data residency:**', '### Findings');
    expect(residency).toContain(
      '- `azurerm_storage_account.data`: replica in **westeurope** ❌ outside Norway via azurerm_storage_object_replication.data_to_replica → `azurerm_storage_account.replica`',
    );
    expect(residency).toContain(
      '- `azurerm_cosmosdb_account.records`: replica in **westeurope** ❌ outside Norway via geo_location[1]',
    );
    expect(residency).toContain(
      '- `azurerm_storage_account.replica`: primary in **westeurope** ❌ outside Norway',
    );
  });

  test('names every finding with rule, title, address and fix; links rules into RULES.md', () => {
    expectEveryFindingNamed(report, markdown);
    expect(markdown).toContain(
      '[**RES-004**](https://github.com/hospital/norway-iac/blob/abc123/RULES.md#res-004) Replicas, copies and every other place a resource names resolve to Norway',
    );
    const res004 = report.findings.find((f) => f.ruleId === 'RES-004')!;
    expect(markdown).toContain(`**Fix:** ${res004.fix}`);
  });

  test('highlights a suppression that expires within 30 days, with its reason', () => {
    const suppressions = between(markdown, '### Suppressions', '### Stacks and plans');
    expect(suppressions).toContain('**1 expires within 30 days**');
    expect(suppressions).toContain(
      'Temporary copy for the migration rehearsal, approved by the data protection officer (DPIA-2026-14)',
    );
    expect(suppressions).toContain('⏳ **2026-12-10** (in 15 days)');
  });

  test('draws the residency map as a Mermaid diagram with the westeurope group marked', () => {
    const diagram = between(markdown, '```mermaid', '```\n\n</details>');
    expect(diagram).toContain('flowchart LR');
    expect(diagram).toMatch(/subgraph g\d+\["⚠ westeurope"\]/);
    expect(diagram).toContain('["azurerm_storage_account.replica"]');
    expect(diagram).toMatch(/-- "replica" -->/);
    expect(diagram).toMatch(/-\. "encrypts" \.->/);
  });

  test('keeps per-input detail in a collapsed section with counts in its summary', () => {
    expect(markdown).toContain(
      '<details><summary>❌ <b>plan __tests__/fixtures/reports/plan-destructive.json</b> — 12 resources · (none) 6, norwayeast 5, westeurope 1 · +6 ~1 ±1 -1</summary>',
    );
    expect(markdown).toContain('| **delete** | `azurerm_storage_account.archive` | yes |');
    expect(markdown).toContain('| **replace** | `azurerm_storage_account.data` | yes |');
  });

  test('is stable: the same report formats to the same text', () => {
    expect(formatMarkdown(analyse(planReport()))).toBe(formatMarkdown(analyse(planReport())));
  });
});

describe('Markdown report of a synthesized stack', () => {
  let report: CheckResult;
  let markdown: string;
  beforeAll(() => {
    report = synthStackReport(synthStack().outdir);
    markdown = REPORTERS.markdown(analyse(report));
  });

  test('names every finding, its construct path and stack', () => {
    expect(report.findings.length).toBeGreaterThan(0);
    expectEveryFindingNamed(report, markdown);
    expect(markdown).toContain('construct `data-noe/journal`<br>stack `data-noe`');
  });

  test('says there are no plan changes and maps residency through references', () => {
    expect(markdown).not.toContain('**Plan');
    expect(markdown).toContain(
      '- `azurerm_cosmosdb_account.journal`: replica in **swedencentral** ❌ outside Norway via geo_location[1]',
    );
    expect(markdown).toContain(
      '| `azurerm_storage_account.records` | norwayeast | replica: norwaywest (paired region of norwayeast) via account_replication_type = GRS' +
        '<br>logs: norwayeast via azurerm_monitor_diagnostic_setting.records-blob-diagnostics (Log Analytics) → `azurerm_log_analytics_workspace.logs`' +
        '<br>key: norwayeast via customer_managed_key.key_vault_key_id → `azurerm_key_vault_key.key` |',
    );
  });

  test('says where the Terraform state lives, and that a state account outside the inputs is unresolved', () => {
    expect(markdown).toContain(
      '**Terraform state** (holds a copy of every attribute): azurerm backend, **unknown (state account sttfstatenoe001 is not in the checked estate; pass its stack, plan or state with --context)** ⚠️ unresolved',
    );
  });

  test('shows a construct suppression with its expiry highlighted', () => {
    expect(markdown).toContain(
      '| Migration source, removed after the cut-over (CHG-2291) | ⏳ **2026-12-05** (in 10 days) | construct data-noe/abroad |',
    );
  });

  test('without a docs URL, rule ids are bold text rather than links', () => {
    expect(markdown).not.toContain('RULES.md');
    expect(markdown).toContain(
      '**RES-004** Replicas, copies and every other place a resource names resolve to Norway',
    );
  });
});

describe('Markdown report of a stack, its state, and places known without a region', () => {
  let stateFile: string;
  let markdown: string;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'markdown-'));
    const code = loadTerraformJson(
      {
        '//': { metadata: { stackName: 'web' } },
        ...tf(
          {
            'azurerm_storage_account.abroad': {
              name: 'stabroad',
              location: 'westeurope',
              account_replication_type: 'GRS',
              // No reason: a TFS-003 finding on `construct web/abroad`.
              '//': {
                metadata: { path: 'web/abroad' },
                norway_policy: { suppressions: [{ ruleId: 'RES-001', reason: '', expires: '2026-12-20' }] },
              },
            },
            'azurerm_storage_account.limited': {
              name: 'stlimited',
              location: '${var.location}',
              account_replication_type: 'GRS',
            },
          },
          {
            variable: {
              location: {
                type: 'string',
                validation: [{ condition: '${contains(["norwayeast", "norwaywest"], var.location)}' }],
              },
            },
          },
        ),
      },
      { file: join(dir, 'web', 'cdk.tf.json') },
    );
    const { planned_values: values } = plan([
      { at: 'azurerm_resource_group.web', values: { name: 'rg-web', location: 'norwayeast' } },
    ]) as { planned_values: unknown };
    stateFile = join(dir, 'web.tfstate.json');
    writeFileSync(stateFile, JSON.stringify({ format_version: '1.0', values }));
    const rules = ALL_RULES.filter((r) => r.id === 'RES-001' || r.id === 'TFS-003');
    markdown = formatMarkdown(analyse(checkModels([code, loadJsonFile(stateFile)], { rules, today: TODAY })));
  });

  test('counts a broken suppression in the stack’s code with the stack, none outside any stack', () => {
    expect(markdown).not.toContain('Findings outside any stack or plan');
    expect(markdown).toContain('| stack web | synth | 2 | 2 | 0 | 0 | — |');
  });

  test('names the state apart from the stack’s code', () => {
    expect(markdown).toContain(`| state web (${stateFile}) | state | 1 | 0 | 0 | 0 | — |`);
  });

  test('says what is known of a place without a region: in Norway, outside Norway', () => {
    expect(markdown).toContain(
      '- `azurerm_storage_account.abroad`: replica in **outside Norway (paired region of westeurope)** ❌ outside Norway via account_replication_type = GRS',
    );
    expect(markdown).toContain(
      '| `azurerm_storage_account.limited` | in Norway (one of norwayeast, norwaywest) | replica: in Norway (paired region of one of norwayeast, norwaywest) via account_replication_type = GRS |',
    );
  });
});

describe('Markdown escaping', () => {
  test('a message with pipes, HTML and line breaks stays inside its table cell', () => {
    const base = planReport();
    const finding = { ...base.findings[0], message: 'a | b <script>alert(1)</script>\nnext line' };
    const markdown = formatMarkdown(analyse({ ...base, findings: [finding] }));
    expect(markdown).toContain('a \\| b &lt;script&gt;alert(1)&lt;/script&gt;<br>next line');
    expect(markdown).not.toContain('<script>');
  });
});

describe('fitToBudget', () => {
  const blocks = [
    ['## verdict', 'summary line'],
    [
      '<details open><summary>Errors</summary>',
      '',
      '| a | b |',
      '|---|---|',
      ...Array.from({ length: 200 }, (_, i) => `| row ${i} | ${'x'.repeat(40)} |`),
    ],
    ['### later section', 'text'],
  ];

  test('keeps everything when it fits', () => {
    expect(fitToBudget(blocks, 1_000_000)).toEqual(blocks.flat());
  });

  test('cuts the first block that does not fit, closes what it opened, counts the rows left out and links the full report', () => {
    // WHEN
    const out = fitToBudget(blocks, 4_000, URL);
    const text = out.join('\n');
    // THEN
    expect(Buffer.byteLength(text) + 1).toBeLessThanOrEqual(4_000);
    expect(out.slice(0, 2)).toEqual(['## verdict', 'summary line']);
    expect(text).not.toContain('### later section');
    const shownRows = out.filter((l) => l.startsWith('| row ')).length;
    expect(shownRows).toBeGreaterThan(0);
    expect(text).toContain(`_… ${200 - shownRows} more table rows left out._`);
    expect(text.match(/<details/g)).toHaveLength(1);
    expect(text.match(/<\/details>/g)).toHaveLength(1);
    expect(out.at(-1)).toMatch(
      new RegExp(
        `2 of 3 sections cut or left out\\. See \\[the full report\\]\\(${URL.replace(/[/.]/g, '\\$&')}\\)\\.$`,
      ),
    );
  });

  test('without a URL, points at the run artifacts', () => {
    expect(fitToBudget(blocks, 4_000).at(-1)).toContain("the full report in the workflow run's artifacts");
  });
});

describe('formatMarkdown with maxBytes', () => {
  test('a small report is unchanged by the budget', () => {
    const report = planReport();
    expect(formatMarkdown(analyse(report), { maxBytes: 1_000_000 })).toBe(formatMarkdown(analyse(report)));
  });

  test('the report for a 30-trust region fits one comment, with verdict, findings and residency first', () => {
    // GIVEN the default configuration with 30 trusts (62 stacks), synthesized and checked as CI does
    const { config } = loadConfig({ env: {} });
    const trusts = Array.from({ length: 30 }, (_, i) => ({
      name: `trust-${String(i + 1).padStart(2, '0')}`,
      code: `t${String(i + 1).padStart(2, '0')}`,
      environments: {
        dev: { addressSpace: `10.0.${4 * (i + 1)}.0/22`, instances: 1, vmSize: 'Standard_D2s_v5' },
        prod: { addressSpace: `10.64.${4 * (i + 1)}.0/22`, instances: 2, vmSize: 'Standard_D2s_v5' },
      },
      apps: {},
    }));
    const outdir = mkdtempSync(join(tmpdir(), 'norway-30-trusts-'));
    const app = new App({ outdir, stackTraces: false });
    // The guard is not under test here: the CLI's check of cdktf.out below is.
    buildPlatform(app, { ...config, trusts }, { policy: { rules: [] } });
    app.synth();
    const report = checkModels(loadCdktfOut(outdir), { rules: ALL_RULES, today: TODAY });
    expect(report.inputs).toHaveLength(65);

    // WHEN it is formatted in full and within a comment's budget
    const full = formatMarkdown(analyse(report));
    const comment = formatMarkdown(analyse(report), { maxBytes: 60_000, reportUrl: URL });

    // THEN the full one would not fit; the bounded one does, and keeps what a reviewer reads first
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(60_000);
    expect(comment.startsWith(`${MARKDOWN_MARKER}\n## `)).toBe(true);
    expect(comment).toContain('**Data residency:**');
    expect(comment).toContain('### Findings');
    expect(comment).toContain(`See [the full report](${URL}).`);
  }, 60_000);
});
