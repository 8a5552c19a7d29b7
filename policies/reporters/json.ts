/** Machine-readable report: the contract later reporters and CI scripts build on. */
import type { Analysis } from '../analysis/analysis';
import type { Finding } from '../engine/result';

/**
 * The report is one `JSON.stringify(document, null, 2)`: the engine's own serialiser indents nested
 * values natively, which at 24k findings is four times faster than stringifying finding by finding and
 * re-indenting each (docs/performance.md, ninth round).
 */
export function formatJson({ result: report }: Analysis): string {
  const document = {
    summary: report.summary,
    checkedOn: report.checkedOn,
    inputs: report.inputs,
    findings: report.findings.map(jsonFinding),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function jsonFinding(f: Finding) {
  return {
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
  };
}
