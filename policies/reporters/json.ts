/** Machine-readable report: the contract later reporters and CI scripts build on. */
import type { Analysis } from '../analysis/analysis';

export function formatJson({ result: report }: Analysis): string {
  const document = {
    summary: report.summary,
    checkedOn: report.checkedOn,
    inputs: report.inputs,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      address: f.address,
      stack: f.stack ?? null,
      constructPath: f.constructPath ?? null,
      file: f.file,
      ...(f.line !== undefined ? { line: f.line } : {}),
      message: f.message,
      fix: f.fix,
      suppressed: f.suppressed,
      ...(f.suppression ? { suppression: f.suppression } : {}),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
