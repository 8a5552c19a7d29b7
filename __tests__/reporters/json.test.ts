/** The JSON report (`policies/reporters/json.ts`): the document CI scripts read, written finding by finding. */
import { analyse } from '../../policies/analysis/analysis';
import { formatJson } from '../../policies/reporters/json';
import { REPORTERS } from '../../policies/reporters';
import { planReport, SECRETS } from '../helpers/report-stacks';

describe('formatJson', () => {
  const report = planReport();
  const analysis = analyse(report);
  const text = formatJson(analysis);
  const document = JSON.parse(text);

  it('is exactly JSON.stringify(document, null, 2) with a final newline', () => {
    expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it('holds the summary, the day, the inputs and every finding in the result order', () => {
    expect(Object.keys(document)).toEqual(['summary', 'checkedOn', 'inputs', 'findings']);
    expect(document.summary).toEqual(report.summary);
    expect(document.checkedOn).toBe(report.checkedOn);
    expect(
      document.findings.map((f: { ruleId: string; address: string }) => `${f.ruleId} ${f.address}`),
    ).toEqual(analysis.result.findings.map((f) => `${f.ruleId} ${f.address}`));
  });

  it('writes null for a missing stack and construct path, and the suppression of a suppressed finding', () => {
    const first = document.findings[0];
    expect(Object.keys(first).slice(0, 7)).toEqual([
      'ruleId',
      'severity',
      'title',
      'address',
      'stack',
      'constructPath',
      'file',
    ]);
    expect(first.stack).toBeNull();
    expect(first.constructPath).toBeNull();
    const suppressed = document.findings.find((f: { suppressed: boolean }) => f.suppressed);
    expect(suppressed.suppression).toEqual(
      expect.objectContaining({ reason: expect.any(String), expires: expect.any(String) }),
    );
  });

  it('writes an empty findings list as []', () => {
    const empty = formatJson({ ...analysis, result: { ...analysis.result, findings: [] } });
    expect(JSON.parse(empty).findings).toEqual([]);
    expect(empty).toContain('\n  "findings": []\n}\n');
  });

  it('carries no secret of the plan once masked', () => {
    const masked = REPORTERS.json(analysis);
    for (const secret of Object.values(SECRETS)) expect(masked).not.toContain(secret);
  });
});
