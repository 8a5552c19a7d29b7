import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { REPORTERS } from '../../policies/reporters';
import type { CheckResult } from '../../policies/engine/result';
import { checkModels } from '../../policies/engine/engine';
import { loadHclDirectory } from '../../policies/model/load-hcl';
import { loadJsonFile } from '../../policies/model/load-path';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { ALL_RULES } from '../../policies/rules';
import { planReport, synthStack, synthStackReport } from '../helpers/report-stacks';
import { plan, tf } from '../helpers/rule-tester';
import { TODAY } from '../helpers/today';
import { analyse } from '../../policies/analysis/analysis';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Xml = any;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

function parse(report: CheckResult): Xml {
  const xml = REPORTERS.junit(analyse(report));
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites;
}

/** Failures the JUnit report must show: (input, rule) pairs with unsuppressed error findings. */
function expectedFailures(report: CheckResult): number {
  return new Set(
    report.findings
      .filter((f) => !f.suppressed && f.severity === 'error')
      .map((f) => `${f.file}\u0000${f.ruleId}`),
  ).size;
}

describe('JUnit report', () => {
  test('plan fixture: one suite, one case per rule that applies to plans; RES-004 fails listing both findings', () => {
    const report = planReport();
    const suites = parse(report);
    expect(Number(suites.failures)).toBe(expectedFailures(report));
    expect(Number(suites.failures)).toBe(
      new Set(report.findings.filter((f) => !f.suppressed && f.severity === 'error').map((f) => f.ruleId))
        .size,
    );
    expect(suites.testsuite).toHaveLength(1);
    const [suite] = suites.testsuite;
    expect(suite.name).toBe('plan __tests__/fixtures/reports/plan-destructive.json');
    expect(suite.property ?? suite.properties.property).toEqual([{ name: 'kind', value: 'plan' }]);
    const planRules = report.rules.filter((r) => !r.inputs || r.inputs.includes('plan'));
    expect(suite.testcase).toHaveLength(planRules.length);
    expect(suite.tests).toBe(String(planRules.length));
    expect(suite.testcase.filter((c: Xml) => c.failure)).toHaveLength(Number(suites.failures));
    const res004 = suite.testcase.find(
      (c: Xml) =>
        c.name === 'RES-004 Replicas, copies and every other place a resource names resolve to Norway',
    );
    expect(res004.failure.type).toBe('RES-004');
    expect(res004.failure.message).toBe(
      '2 findings: azurerm_cosmosdb_account.records, azurerm_storage_object_replication.data_to_replica',
    );
    expect(res004.failure['#text']).toContain('geo_location[1].location is "westeurope"');
    // Warnings do not fail a case, so the failure count matches the exit code's verdict.
    const warningRule = report.rules.find(
      (r) => r.severity === 'warning' && report.findings.some((f) => f.ruleId === r.id),
    );
    if (warningRule)
      expect(
        suite.testcase.find((c: Xml) => c.name.startsWith(`${warningRule.id} `)).failure,
      ).toBeUndefined();
  });

  test('a suppressed finding does not fail its case; it is listed in the case output with its reason', () => {
    const suites = parse(planReport());
    const res001 = suites.testsuite[0].testcase.find((c: Xml) => c.name.startsWith('RES-001 '));
    expect(res001.failure).toBeUndefined();
    expect(res001['system-out']).toContain('SUPPRESSED RES-001 azurerm_storage_account.replica');
    expect(res001['system-out']).toContain('suppressed until 2026-12-10');
  });

  test('synthesized stack: failure count equals the failing (input, rule) pairs', () => {
    const report = synthStackReport(synthStack().outdir);
    const suites = parse(report);
    expect(Number(suites.failures)).toBe(expectedFailures(report));
    expect(Number(suites.failures)).toBeGreaterThanOrEqual(3);
    const suite = suites.testsuite[0];
    expect(suite.name).toBe('stack data-noe');
    const failed = suite.testcase.filter((c: Xml) => c.failure).map((c: Xml) => c.failure.type);
    expect(failed).toEqual(expect.arrayContaining(['ENC-002', 'RES-004']));
    expect(failed).not.toContain('RES-001');
  });

  test('findings outside any input (a broken policy file) get their own suite', () => {
    const base = planReport();
    const broken = {
      ...base.findings[0],
      ruleId: 'TFS-003',
      file: 'policy.yaml suppressions[3]',
      address: 'policy.yaml suppressions[3]',
      suppressed: false,
      severity: 'error' as const,
    };
    const suites = parse({ ...base, findings: [...base.findings, broken] });
    expect(suites.testsuite.map((s: Xml) => s.name)).toEqual([
      'plan __tests__/fixtures/reports/plan-destructive.json',
      'policy files',
    ]);
    expect(Number(suites.failures)).toBe(expectedFailures(base) + 1);
  });

  test('a broken suppression in a stack’s code fails in the stack’s suite; a state and nested directories have suites of their own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'junit-'));
    const code = loadTerraformJson(
      {
        '//': { metadata: { stackName: 'web' } },
        ...tf({
          'azurerm_resource_group.web': {
            name: 'rg-web',
            location: 'norwayeast',
            '//': {
              metadata: { path: 'web/rg' },
              norway_policy: {
                suppressions: [{ ruleId: 'RES-001', reason: 'later', expires: '2026-12-20' }],
              },
            },
          },
        }),
      },
      { file: join(dir, 'web', 'cdk.tf.json') },
    );
    const { planned_values: values } = plan([
      { at: 'azurerm_resource_group.web', values: { name: 'rg-web', location: 'norwayeast' } },
    ]) as { planned_values: unknown };
    writeFileSync(join(dir, 'web.tfstate.json'), JSON.stringify({ format_version: '1.0', values }));
    for (const sub of ['nested', join('nested', 'sub')]) {
      mkdirSync(join(dir, sub));
      writeFileSync(
        join(dir, sub, 'main.tf'),
        'resource "azurerm_resource_group" "rg" {\n  name     = "rg"\n  location = "westeurope"\n}\n',
      );
    }
    const models = [
      code,
      loadJsonFile(join(dir, 'web.tfstate.json')),
      loadHclDirectory(join(dir, 'nested')),
      loadHclDirectory(join(dir, 'nested', 'sub')),
    ];
    const rules = ALL_RULES.filter((r) => r.id === 'RES-001' || r.id === 'TFS-003');
    const suites = parse(checkModels(models, { rules, today: TODAY }));
    const failures = Object.fromEntries(
      suites.testsuite.map((s: Xml) => [
        s.name,
        s.testcase.filter((c: Xml) => c.failure).map((c: Xml) => `${c.failure.type}: ${c.failure.message}`),
      ]),
    );
    expect(failures).toEqual({
      'stack web': ['TFS-003: 1 finding: azurerm_resource_group.web'],
      [`state web (${join(dir, 'web.tfstate.json')})`]: [],
      [`terraform ${join(dir, 'nested')}`]: ['RES-001: 1 finding: azurerm_resource_group.rg'],
      [`terraform ${join(dir, 'nested', 'sub')}`]: ['RES-001: 1 finding: azurerm_resource_group.rg'],
    });
  });
});
