/**
 * JUnit XML for CI test views: one test suite per checked input (stack, plan, Terraform directory), one
 * test case per rule that applies to it. A case fails when the rule has unsuppressed error findings
 * there, so the failure count matches what blocks the pipeline; warnings and suppressed findings are
 * listed in the case's output without failing it.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { Analysis } from '../analysis/analysis';
import type { Finding } from '../engine/result';
import type { RuleMeta } from '../rules/rule';
import type { ReportOptions } from './options';

interface Suite {
  readonly name: string;
  readonly file?: string;
  readonly kind?: string;
  readonly rules: readonly RuleMeta[];
  readonly findings: readonly Finding[];
}

export function formatJunit(analysis: Analysis, _options: ReportOptions = {}): string {
  const { result: report, inputs, other } = analysis;
  const rules = [...report.rules].sort((a, b) => a.id.localeCompare(b.id));
  const suites: Suite[] = inputs.map((s) => ({
    name: s.label,
    file: s.origin,
    kind: s.kind,
    rules: rules.filter((r) => !r.inputs || r.inputs.includes(s.kind)),
    findings: s.findings,
  }));
  if (other.length > 0) {
    const ids = new Set(other.map((f) => f.ruleId));
    suites.push({ name: 'policy files', rules: rules.filter((r) => ids.has(r.id)), findings: other });
  }

  const failuresOf = (suite: Suite) => suite.rules.filter((r) => failing(suite, r).length > 0).length;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('testsuites', {
    name: 'norway-policy',
    tests: suites.reduce((n, s) => n + s.rules.length, 0),
    failures: suites.reduce((n, s) => n + failuresOf(s), 0),
    errors: 0,
    skipped: 0,
    time: 0,
  });
  for (const suite of suites) {
    const element = root.ele('testsuite', {
      name: suite.name,
      tests: suite.rules.length,
      failures: failuresOf(suite),
      errors: 0,
      skipped: 0,
      time: 0,
      timestamp: `${report.checkedOn}T00:00:00`,
      ...(suite.file ? { file: suite.file } : {}),
    });
    if (suite.kind) element.ele('properties').ele('property', { name: 'kind', value: suite.kind });
    for (const rule of suite.rules) testCase(element, suite, rule);
  }
  return doc.end({ prettyPrint: true, newline: '\n' }) + '\n';
}

function failing(suite: Suite, rule: RuleMeta): Finding[] {
  return suite.findings.filter((f) => f.ruleId === rule.id && !f.suppressed && f.severity === 'error');
}

function testCase(parent: XMLBuilder, suite: Suite, rule: RuleMeta): void {
  const all = suite.findings.filter((f) => f.ruleId === rule.id);
  const failures = failing(suite, rule);
  const element = parent.ele('testcase', {
    classname: `norway-policy.${suite.name}`,
    name: `${rule.id} ${rule.title}`,
    time: 0,
    ...(suite.file ? { file: suite.file } : {}),
  });
  if (failures.length > 0) {
    const addresses = [...new Set(failures.map((f) => f.address))];
    element
      .ele('failure', {
        type: rule.id,
        message: `${failures.length} finding${failures.length === 1 ? '' : 's'}: ${addresses.join(', ')}`,
      })
      .txt(failures.map(describe).join('\n\n'));
  }
  const notes = all.filter((f) => !failures.includes(f));
  if (notes.length > 0) element.ele('system-out').txt(notes.map(describe).join('\n\n'));
}

function describe(f: Finding): string {
  const lines = [
    `${f.suppressed ? 'SUPPRESSED' : f.severity.toUpperCase()} ${f.ruleId} ${f.address}`,
    ...(f.constructPath ? [`construct: ${f.constructPath}`] : []),
    `file: ${f.file}${f.line !== undefined ? `:${f.line}` : ''}`,
    f.message,
  ];
  if (f.suppression)
    lines.push(
      `suppressed until ${f.suppression.expires}: ${f.suppression.reason} [${f.suppression.declaredAt}]`,
    );
  else lines.push(`fix: ${f.fix}`);
  return lines.join('\n');
}
