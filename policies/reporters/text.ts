/** Console report: one block per finding, then a verdict line. */
import type { Report } from '../engine/report';

export function formatText(report: Report): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    const tag = f.suppressed ? 'suppressed' : f.severity;
    const where = [f.stack && `stack ${f.stack}`, f.constructPath && `construct ${f.constructPath}`]
      .filter(Boolean)
      .join(', ');
    lines.push(`${tag.toUpperCase()} ${f.ruleId} ${f.address}${where ? ` (${where})` : ''}`);
    lines.push(`  ${f.message}`);
    if (f.suppression)
      lines.push(
        `  suppressed until ${f.suppression.expires}: ${f.suppression.reason} [${f.suppression.declaredAt}]`,
      );
    else lines.push(`  fix: ${f.fix}`);
  }
  const { resources, errors, warnings, suppressed } = report.summary;
  const inputs = report.inputs.length;
  lines.push(
    `${errors > 0 ? 'FAIL' : 'PASS'}: ${resources} resources in ${inputs} input${inputs === 1 ? '' : 's'}; ` +
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${suppressed} suppressed.`,
  );
  return `${lines.join('\n')}\n`;
}
