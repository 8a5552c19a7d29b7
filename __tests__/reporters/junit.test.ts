import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { REPORTERS } from '../../policies/reporters';
import type { CheckResult } from '../../policies/engine/result';
import { planReport, synthStack, synthStackReport } from '../helpers/report-stacks';
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
});
