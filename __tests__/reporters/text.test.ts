/** The console format: one line per finding and a closing count; colour only when asked for. */
import { formatText } from '../../policies/reporters/text';
import { planReport } from '../helpers/report-inputs';
import { analyse } from '../../policies/analysis/analysis';
import { ESC, plain } from '../helpers/ansi';

describe('text reporter', () => {
  test('prints exactly one line per finding, then the count', () => {
    // GIVEN
    const report = planReport();
    // WHEN
    const lines = formatText(analyse(report)).trimEnd().split('\n');
    // THEN
    expect(lines).toHaveLength(report.findings.length + 1);
    report.findings.forEach((f, i) => {
      expect(
        lines[i].startsWith(
          `${f.suppressed ? 'SUPPRESSED' : f.severity.toUpperCase()} ${f.ruleId} ${f.address}`,
        ),
      ).toBe(true);
      expect(lines[i]).toContain(
        f.suppressed ? 'suppressed until' : `Fix: ${f.fix.replace(/\s*\n\s*/g, ' ')}`,
      );
    });
    const { errors, warnings, suppressed } = report.summary;
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^(PASS|FAIL): \\d+ resources in 1 input; ${errors} errors?, ${warnings} warnings?, ${suppressed} suppressed\\.$`,
      ),
    );
  });

  test('no colour by default; ANSI colour when asked for', () => {
    const report = planReport();
    expect(formatText(analyse(report))).not.toContain(ESC);
    const coloured = formatText(analyse(report), { color: true });
    expect(coloured).toContain(`${ESC}31mERROR${ESC}0m`);
    expect(plain(coloured)).toBe(formatText(analyse(report)));
  });
});
