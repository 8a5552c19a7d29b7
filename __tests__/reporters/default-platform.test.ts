import { XMLParser } from 'fast-xml-parser';
import type { Report } from '../../policies/engine/report';
import { REPORTERS } from '../../policies/reporters';
import { isDataBearing } from '../../policies/rules/data-bearing';
import { platformReport } from './support';

/** The default platform as `cdktf synth` writes it (built in-process through `buildPlatform`). */
describe('reports of the default platform', () => {
  let report: Report;
  let markdown: string;
  beforeAll(() => {
    report = platformReport().report;
    markdown = REPORTERS.markdown(report);
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

  test('JUnit: a suite per stack and one failure per failing (stack, rule)', () => {
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['testsuite', 'testcase'].includes(n),
    }).parse(REPORTERS.junit(report));
    expect(parsed.testsuites.testsuite).toHaveLength(report.workspace.models.length);
    const failing = new Set(
      report.findings
        .filter((f) => !f.suppressed && f.severity === 'error')
        .map((f) => `${f.file}\u0000${f.ruleId}`),
    );
    expect(Number(parsed.testsuites.failures)).toBe(failing.size);
  });
});
