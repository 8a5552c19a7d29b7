/** Machine-readable report: the contract later reporters and CI scripts build on. */
import type { Analysis } from '../analysis/analysis';
import type { Finding } from '../engine/result';

/**
 * The report is `JSON.stringify(document, null, 2)`, written finding by finding: one stringify of a
 * 50k-resource plan's report builds a string of thousands of pieces, which the secret mask and the
 * file write then spend longer joining than the stringify took. Joined parts make one flat string.
 */
export function formatJson({ result: report }: Analysis): string {
  const head = nested({ summary: report.summary, checkedOn: report.checkedOn, inputs: report.inputs }, 0);
  const findings = report.findings.map((f) => nested(jsonFinding(f), 2));
  const list = findings.length === 0 ? '[]' : `[\n    ${findings.join(',\n    ')}\n  ]`;
  // `head` ends with the document's closing `\n}`; the findings go before it.
  return `${head.slice(0, -2)},\n  "findings": ${list}\n}\n`;
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

/** `JSON.stringify(value, null, 2)` as it reads `depth` levels down in an enclosing document. */
function nested(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}
