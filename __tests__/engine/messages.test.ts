/**
 * The engine shows each finding's address; a rule's message says only the problem. A message that
 * begins with its own address prints it twice in the text report (`address: address: …`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../policies/analysis/analysis';
import { checkModels } from '../../policies/engine/engine';
import { loadHclDirectory } from '../../policies/model/load-hcl';
import { loadJsonFile } from '../../policies/model/load-path';
import type { TfModel } from '../../policies/model/types';
import { ALL_RULES } from '../../policies/rules';
import { findingLine, formatText } from '../../policies/reporters/text';
import { TODAY } from '../helpers/today';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const RULES_DIR = path.resolve(__dirname, '../../policies/rules');

function inputs(): TfModel[] {
  return [
    loadJsonFile(path.join(FIXTURES, 'synth/cdk.tf.json'), 'fixture'),
    loadJsonFile(path.join(FIXTURES, 'plan/plan-1.2.json')),
    loadJsonFile(path.join(FIXTURES, 'plan/plan-0.1.json')),
    loadJsonFile(path.join(FIXTURES, 'reports/plan-destructive.json')),
    loadHclDirectory(path.join(FIXTURES, 'tf/violations')),
  ];
}

describe('messages say the problem; the engine adds the address', () => {
  const report = checkModels(inputs(), { rules: ALL_RULES, today: TODAY });

  test('the fixtures give findings of many rules', () => {
    expect(new Set(report.findings.map((f) => f.ruleId)).size).toBeGreaterThan(15);
  });

  test('no message begins with its finding address', () => {
    const doubled = report.findings
      .filter((f) => f.message.startsWith(f.address))
      .map((f) => `${f.ruleId} ${f.address}: ${f.message}`);
    expect(doubled).toEqual([]);
  });

  test('the text report shows each address once', () => {
    const twice = report.findings
      .map((f) => findingLine(f))
      .filter((line, i) => line.split(report.findings[i].address).length !== 2);
    expect(twice).toEqual([]);
    expect(formatText(analyse(report))).toContain(findingLine(report.findings[0]));
  });

  test('no rule source builds a message that starts with an address', () => {
    const files = readdirSync(RULES_DIR, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    const offenders = files.flatMap((file) =>
      readFileSync(path.join(RULES_DIR, file), 'utf8')
        .split('\n')
        .map((line, i) => [`${file}:${i + 1}`, line] as const)
        .filter(
          ([, line]) =>
            /message:\s*`\$\{([\w.]*address|at)\}/.test(line) || /\bmessage:\s*[\w.]*address\s*\+/.test(line),
        )
        .map(([where]) => where),
    );
    expect(offenders).toEqual([]);
  });
});
