/**
 * Console report: one line per finding (severity, rule, address, construct path, message, fix), then
 * one closing count. One line each, so `grep` and CI logs show a finding whole.
 */
import type { Analysis } from '../analysis/analysis';
import type { Finding, Verdict } from '../engine/result';
import type { ReportOptions } from './options';

const ANSI = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  dim: '\u001b[2m',
  green: '\u001b[32m',
  reset: '\u001b[0m',
};

type Paint = (colour: keyof typeof ANSI, text: string) => string;

/** A finding as one line: newlines inside messages are folded, so one finding never spans two lines. */
export function findingLine(f: Finding, paint: Paint = (_, t) => t): string {
  const tag = f.suppressed ? 'SUPPRESSED' : f.severity.toUpperCase();
  const colour = f.suppressed ? 'dim' : f.severity === 'error' ? 'red' : 'yellow';
  const where = [
    f.stack && `stack ${f.stack}`,
    f.constructPath && `construct ${f.constructPath}`,
    f.creation ? `${f.creation.file}:${f.creation.line}` : f.line !== undefined && `${f.file}:${f.line}`,
  ]
    .filter(Boolean)
    .join(', ');
  const tail = f.suppression
    ? `suppressed until ${f.suppression.expires}: ${f.suppression.reason} [${f.suppression.declaredAt}]`
    : `Fix: ${f.fix}`;
  const line = `${paint(colour, tag)} ${f.ruleId} ${f.address}${where ? ` (${where})` : ''}: ${f.message} ${tail}`;
  return line.replace(/\s*\r?\n\s*/g, ' ');
}

/** The closing count, e.g. `FAIL: 31 resources in 2 inputs; 1 error, 4 warnings, 0 suppressed.` */
export function countLine(report: Verdict, paint: Paint = (_, t) => t): string {
  const { resources, errors, warnings, suppressed } = report.summary;
  const inputs = report.inputs.length;
  const verdict = errors > 0 ? paint('red', 'FAIL') : paint('green', 'PASS');
  return (
    `${verdict}: ${resources} resources in ${inputs} input${inputs === 1 ? '' : 's'}; ` +
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${suppressed} suppressed.`
  );
}

export function formatText({ result: report }: Analysis, options: ReportOptions = {}): string {
  const paint: Paint = options.color ? (c, t) => `${ANSI[c]}${t}${ANSI.reset}` : (_, t) => t;
  const lines = report.findings.map((f) => findingLine(f, paint));
  lines.push(countLine(report, paint));
  return `${lines.join('\n')}\n`;
}
