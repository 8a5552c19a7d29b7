/** The console format: one line per finding and a closing count; colour only when asked for. */
import { formatText } from '../../policies/reporters/text';
import { runCli } from '../../policies/cli';
import { PLAN_FILE, planReport, POLICY_FILE } from '../helpers/report-inputs';
import { analyse } from '../../policies/analysis/analysis';
import { TODAY } from '../helpers/today';

const ESC = '\u001b[';
const plain = (text: string) =>
  text
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^\d+m/, '')))
    .join('');

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

  test.each([
    ['a terminal outside CI', { isTTY: true, env: {} }, [], true],
    ['a terminal in CI', { isTTY: true, env: { CI: 'true' } }, [], false],
    ['a terminal with NO_COLOR', { isTTY: true, env: { NO_COLOR: '' } }, [], false],
    ['a pipe', { isTTY: false, env: {} }, [], false],
    ['a pipe with --color', { isTTY: false, env: {} }, ['--color'], true],
    ['a terminal with --no-color', { isTTY: true, env: {} }, ['--no-color'], false],
  ])('the CLI on %s chooses colour accordingly', (_, io, flags, coloured) => {
    let stdout = '';
    runCli(['check', PLAN_FILE, '--suppressions', POLICY_FILE, '--today', TODAY, ...flags], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      ...io,
    });
    expect(stdout.includes(ESC)).toBe(coloured);
    expect(plain(stdout)).toMatch(/\n(PASS|FAIL): /);
  });
});
