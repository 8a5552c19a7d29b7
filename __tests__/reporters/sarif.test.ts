import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type * as Sarif from 'sarif';
import { XMLParser } from 'fast-xml-parser';
import { REPORTERS } from '../../policies/reporters';
import { isDataBearing } from '../../policies/rules/data-bearing';
import type { CheckResult } from '../../policies/engine/result';
import { terraformJsonLine } from '../../policies/analysis/source-lines';
import {
  planReport,
  platformReport,
  PLAN_FILE,
  ROOT,
  STACK_ID,
  synthStack,
  synthStackReport,
  writeTemp,
} from '../helpers/report-stacks';
import { analyse } from '../../policies/analysis/analysis';
import { checkModels } from '../../policies/engine/engine';
import { loadJsonFile } from '../../policies/model/load-path';
import { ALL_RULES } from '../../policies/rules';
import { defineRule } from '../../policies/rules/rule';
import { plan as planDocument, tf } from '../helpers/rule-tester';
import { TODAY } from '../helpers/today';

const MULTITOOL = join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
const DOCS = 'https://github.com/hospital/norway-iac/blob/abc123/';

interface Validation {
  readonly errors: Map<string, string[]>;
  readonly seconds: number;
}

function canIsolateNetwork(): boolean {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Validate every file in one Multitool run (it takes ~2 s to start) with GitHub's ingestion rules on. */
function validate(files: readonly string[], dir: string): Validation {
  // npm did not run the package's postinstall, which makes the binary executable.
  chmodSync(MULTITOOL, 0o755);
  const output = join(dir, 'validation.sarif');
  const started = Date.now();
  const args = ['validate', ...files, '-o', output, '--rule-kind', 'Gh;Sarif', '--log', 'ForceOverwrite'];
  // The Multitool tries to reach the rules' help URIs; offline that waits ~5 s per file on DNS. In a
  // network namespace of its own (where the machine allows one) the attempt fails at once.
  const [command, commandArgs] = canIsolateNetwork()
    ? ['unshare', ['-n', MULTITOOL, ...args]]
    : [MULTITOOL, args];
  execFileSync(command, commandArgs, {
    stdio: 'pipe',
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  const seconds = (Date.now() - started) / 1000;
  const log = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
  const errors = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      if (result.level !== 'error') continue;
      const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      const file = files.find((f) => uri.endsWith(f.split('/').pop()!)) ?? uri;
      const list = errors.get(file) ?? [];
      list.push(`${result.ruleId}: ${JSON.stringify(result.message.arguments ?? result.message.text)}`);
      errors.set(file, list);
    }
  }
  return { errors, seconds };
}

/**
 * One file for the SARIF checks and the default platform's reports: the platform is synthesized once and
 * the Multitool (the slowest part, ~2 s per file) runs once over every SARIF file.
 */
const shared = {} as { platform: CheckResult };

describe('SARIF report', () => {
  let dir: string;
  let plan: CheckResult;
  let stack: CheckResult;
  let stackOut: string;
  let platform: CheckResult;
  let planLog: Sarif.Log;
  let stackLog: Sarif.Log;
  let validation: Validation;
  let files: { plan: string; stack: string; platform: string };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'norway-sarif-'));
    plan = planReport();
    stackOut = synthStack().outdir;
    stack = synthStackReport(stackOut);
    platform = platformReport().report;
    shared.platform = platform;
    const planText = REPORTERS.sarif(analyse(plan), { docsBaseUrl: DOCS, sourceRoot: ROOT });
    const stackText = REPORTERS.sarif(analyse(stack), { docsBaseUrl: DOCS, sourceRoot: stackOut });
    files = {
      plan: writeTemp(dir, 'plan.sarif', planText),
      stack: writeTemp(dir, 'stack.sarif', stackText),
      platform: writeTemp(dir, 'platform.sarif', REPORTERS.sarif(analyse(platform), { docsBaseUrl: DOCS })),
    };
    planLog = JSON.parse(planText);
    stackLog = JSON.parse(stackText);
    validation = validate(Object.values(files), dir);
  }, 180_000);

  test('validates with zero errors under the SARIF Multitool (SARIF and GitHub rules), for the plan, a stack and the default platform', () => {
    expect(Object.fromEntries(validation.errors)).toEqual({
      [files.plan]: [],
      [files.stack]: [],
      [files.platform]: [],
    });
    // Recorded so a slow validator shows up in the test log rather than as a mysteriously slow suite.
    expect(validation.seconds).toBeLessThan(30);
  });

  test('describes every rule that ran with full description, help and a help URI into RULES.md', () => {
    const rules = planLog.runs[0].tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(plan.rules.map((r) => r.id).sort());
    for (const rule of rules) {
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.help?.text).toContain('Fix: ');
      expect(rule.help?.markdown).toContain(`**${rule.id}: `);
      expect(rule.helpUri).toBe(`${DOCS}RULES.md#${rule.id.toLowerCase()}`);
    }
    const res001 = rules.find((r) => r.id === 'RES-001')!;
    expect(res001.defaultConfiguration?.level).toBe('error');
    expect(res001.properties?.['security-severity']).toBe('8.0');
  });

  test('maps severities to levels and points each result at the plan file with the address as logical location', () => {
    const results = planLog.runs[0].results!;
    expect(results).toHaveLength(plan.findings.length);
    const cosmos = results.find(
      (r) => r.ruleId === 'RES-004' && r.properties?.address === 'azurerm_cosmosdb_account.records',
    )!;
    expect(cosmos.level).toBe('error');
    expect(cosmos.locations![0].physicalLocation!.artifactLocation).toEqual({
      uri: PLAN_FILE,
      uriBaseId: '%SRCROOT%',
    });
    expect(cosmos.locations![0].logicalLocations).toEqual([
      { fullyQualifiedName: 'azurerm_cosmosdb_account.records', kind: 'resource' },
    ]);
    expect(planLog.runs[0].tool.driver.rules![cosmos.ruleIndex!].id).toBe('RES-004');
  });

  test('carries suppressed findings with a SARIF suppression: justification and expiry', () => {
    const suppressed = planLog.runs[0].results!.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].ruleId).toBe('RES-001');
    expect(suppressed[0].suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification:
          'Temporary copy for the migration rehearsal, approved by the data protection officer (DPIA-2026-14)',
        properties: {
          expires: '2026-12-10',
          declaredAt: expect.stringContaining('suppressions.yaml suppressions[0]'),
        },
      },
    ]);
    const inCode = stackLog.runs[0].results!.find((r) => r.suppressions)!;
    expect(inCode.suppressions![0].kind).toBe('inSource');
  });

  test('points synthesized findings at the TypeScript line that created the construct, the JSON as a related location', () => {
    const stackFile = join(stackOut, 'stacks', STACK_ID, 'cdk.tf.json');
    const result = stackLog.runs[0].results!.find((r) => r.ruleId === 'RES-004')!;
    const location = result.locations![0];
    // The creation site is relative to where synth ran (the project root, the usual --source-root).
    const source = join(ROOT, '__tests__', 'helpers', 'report-stacks.ts');
    expect(location.physicalLocation!.artifactLocation).toEqual({
      uri: relative(ROOT, source),
      uriBaseId: '%SRCROOT%',
    });
    // jest's swc transform does not map lines back; main.ts under ts-node does, exactly (checked in
    // __tests__/stacks/extensions.test.ts). Here: a line of the file.
    expect(location.physicalLocation!.region!.startLine!).toBeGreaterThan(0);
    const generated = result.relatedLocations![0].physicalLocation!;
    expect(generated.artifactLocation).toEqual({
      uri: relative(stackOut, stackFile),
      uriBaseId: '%SRCROOT%',
    });
    const line = generated.region!.startLine!;
    expect(line).toBe(terraformJsonLine(stackFile, 'azurerm_cosmosdb_account', 'journal'));
    expect(readFileSync(stackFile, 'utf8').split('\n')[line - 1].trim()).toBe('"journal": {');
    expect(location.logicalLocations).toEqual([
      { fullyQualifiedName: 'azurerm_cosmosdb_account.journal', kind: 'resource' },
      { fullyQualifiedName: 'data-noe/journal', kind: 'module' },
    ]);
  });

  test('points a finding in a state at its address, and one on a data source at its own block', () => {
    const { planned_values: values } = planDocument([
      { at: 'azurerm_resource_group.abroad', values: { name: 'rg-abroad', location: 'westeurope' } },
    ]) as { planned_values: unknown };
    const state = writeTemp(
      dir,
      'prod.tfstate.json',
      `${JSON.stringify({ format_version: '1.0', terraform_version: '1.9.8', values }, null, 2)}\n`,
    );
    const config = writeTemp(
      dir,
      'same-names.tf.json',
      `${JSON.stringify(
        tf({
          'azurerm_resource_group.rg': { name: 'rg-app', location: 'norwayeast' },
          'data.azurerm_resource_group.rg': { name: 'rg-shared' },
        }),
        null,
        2,
      )}\n`,
    );
    // Names every data source it is given.
    const dataSources = defineRule({
      id: 'TST-913',
      title: 'Names data sources',
      severity: 'warning',
      rationale: 'Exercises source lines.',
      anchors: {},
      resourceTypes: ['azurerm_resource_group'],
      fix: 'None.',
      *check({ resources }) {
        for (const resource of resources)
          if (resource.mode === 'data') yield { resource, message: `${resource.address} is read.` };
      },
    });
    const rules = [...ALL_RULES.filter((r) => r.id === 'RES-001'), dataSources];
    const report = checkModels([loadJsonFile(state), loadJsonFile(config)], { rules, today: TODAY });
    const log = JSON.parse(REPORTERS.sarif(analyse(report), { sourceRoot: dir })) as Sarif.Log;
    expect(
      log.runs[0].results!.map((r) => [
        r.ruleId,
        r.properties?.address,
        r.locations![0].physicalLocation!.artifactLocation!.uri,
        r.locations![0].physicalLocation!.region?.startLine,
      ]),
    ).toEqual([
      ['RES-001', 'azurerm_resource_group.abroad', 'prod.tfstate.json', 8],
      ['TST-913', 'data.azurerm_resource_group.rg', 'same-names.tf.json', 12],
    ]);
  });

  test('fingerprints are stable and distinct per finding', () => {
    const again = JSON.parse(
      REPORTERS.sarif(analyse(planReport()), { docsBaseUrl: DOCS, sourceRoot: ROOT }),
    ) as Sarif.Log;
    const prints = (log: Sarif.Log) =>
      log.runs[0].results!.map((r) => r.partialFingerprints!['norwayPolicy/v1']);
    expect(prints(again)).toEqual(prints(planLog));
    expect(new Set(prints(planLog)).size).toBe(planLog.runs[0].results!.length);
  });
});

/** The default platform as `cdktf synth` writes it (built in-process through `buildPlatform`). */
describe('reports of the default platform', () => {
  let report: CheckResult;
  let markdown: string;
  beforeAll(() => {
    report = shared.platform ?? platformReport().report;
    markdown = REPORTERS.markdown(analyse(report));
  });

  test('the verdict matches the report', () => {
    const verdict = markdown.split('\n')[1];
    if (report.summary.errors > 0)
      expect(verdict).toBe(
        `## ❌ Norway policy: ${report.summary.errors} error${report.summary.errors === 1 ? '' : 's'} block${report.summary.errors === 1 ? 's' : ''} this change`,
      );
    else expect(verdict).toMatch(/^## ✅ Norway policy: passed/);
  });

  test('names every finding with rule id, title and address', () => {
    for (const f of report.findings) {
      expect(markdown).toContain(`\`${f.address}\``);
      expect(markdown).toContain(`**${f.ruleId}** ${f.title}`);
    }
  });

  test('has a collapsed section per stack and maps every data-bearing resource', () => {
    const stacks = report.workspace.models.map((m) => m.stack!).sort();
    expect(stacks.length).toBeGreaterThan(1);
    for (const stack of stacks)
      expect(markdown).toMatch(new RegExp(`<details><summary>[✅❌] <b>stack ${stack}</b>`));
    const dataBearing = report.workspace.models.flatMap((m) =>
      m.resources.filter((r) => r.mode === 'managed' && isDataBearing(r.type)),
    );
    expect(dataBearing.length).toBeGreaterThan(0);
    for (const r of dataBearing) expect(markdown).toContain(`| \`${r.address}\` |`);
  });

  test("every remote-state stack's state resolves to the bootstrap's state account in Norway", () => {
    const remote = report.workspace.models.filter((m) => m.backend?.type === 'azurerm');
    expect(remote.length).toBeGreaterThan(0);
    const lines = markdown
      .split('\n')
      .filter(
        (l) =>
          l.startsWith('**Terraform state**') &&
          l.includes('azurerm backend in `bootstrap/azurerm_storage_account.'),
      );
    expect(lines).toHaveLength(remote.length);
    for (const line of lines) expect(line).toMatch(/`, norway(east|west)$/);
  });

  test('JUnit: a suite per stack and one failure per failing (stack, rule)', () => {
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase'].includes(n),
    }).parse(REPORTERS.junit(analyse(report)));
    expect(parsed.testsuites.testsuite).toHaveLength(report.workspace.models.length);
    const failing = new Set(
      report.findings
        .filter((f) => !f.suppressed && f.severity === 'error')
        .map((f) => `${f.file}\u0000${f.ruleId}`),
    );
    expect(Number(parsed.testsuites.failures)).toBe(failing.size);
  });
});
