import { readFileSync } from 'node:fs';
import { generateRulesMarkdown, RULES_DOC_PATH } from '../../scripts/generate-rules-md';
import { ALL_RULES, ruleById } from '../../policies/rules';
import { renderRulesMarkdown, ruleAnchor, ruleHelpUri } from '../../policies/rules/docs';

describe('RULES.md', () => {
  it('is current: regenerated from the rule metadata, it equals the committed file (run npm run rules-doc)', () => {
    expect(readFileSync(RULES_DOC_PATH, 'utf8')).toBe(generateRulesMarkdown());
  });

  it('has one anchor per rule, which ruleHelpUri links to', () => {
    const doc = readFileSync(RULES_DOC_PATH, 'utf8');
    for (const rule of ALL_RULES) {
      expect(doc).toContain(`<a id="${ruleAnchor(rule.id)}"></a>`);
      expect(doc).toContain(`### ${rule.id}: ${rule.title}`);
    }
    expect(ruleHelpUri('RES-001')).toBe('RULES.md#res-001');
    expect(ruleHelpUri('CHG-002')).toBe('RULES.md#chg-002');
  });
});

describe('renderRulesMarkdown', () => {
  it('escapes table cells, puts a rule of an unknown family in a section of its own after the catalogue families, and says when it has no anchors', () => {
    const markdown = renderRulesMarkdown([
      {
        id: 'XYZ-001',
        title: 'A rule | with a pipe\nand a line break',
        severity: 'warning',
        rationale: 'Because.',
        anchors: {},
        resourceTypes: [],
        fix: 'Fix it.',
      },
      {
        id: 'TFS-009',
        title: 'T',
        severity: 'error',
        rationale: 'R',
        anchors: { mcsb: ['DS-3'], checkov: ['CKV_1'], regulation: ['a', 'b'] },
        resourceTypes: ['b_t', 'a_t'],
        inputs: ['plan'],
        fix: 'F',
      },
    ]);
    const body = markdown.slice(markdown.indexOf('2 rules.'));
    expect(body).toBe(
      [
        '2 rules.',
        '',
        '| ID                  | Severity | Title                                  | Inputs           | Types |',
        '| ------------------- | -------- | -------------------------------------- | ---------------- | ----- |',
        '| [XYZ-001](#xyz-001) | warning  | A rule \\| with a pipe and a line break | synth, plan, hcl | 0     |',
        '| [TFS-009](#tfs-009) | error    | T                                      | plan             | 2     |',
        '',
        '## TFS — State and pipeline',
        '',
        '<a id="tfs-009"></a>',
        '',
        '### TFS-009: T',
        '',
        '**Severity:** error · **Inputs:** plan',
        '',
        'R',
        '',
        '**Fix:** F',
        '',
        '**Anchors:**',
        '',
        '- Microsoft cloud security benchmark: DS-3',
        '- Nearest Checkov checks: `CKV_1`',
        '- Regulation and sources: a; b',
        '',
        '**Resource types:** 2 types: `a_t`, `b_t`',
        '',
        '## XYZ — XYZ',
        '',
        '<a id="xyz-001"></a>',
        '',
        '### XYZ-001: A rule | with a pipe',
        'and a line break',
        '',
        '**Severity:** warning · **Inputs:** synth, plan, hcl',
        '',
        'Because.',
        '',
        '**Fix:** Fix it.',
        '',
        '**Anchors:**',
        '',
        '- none',
        '',
        '**Resource types:** none (checks the configuration as a whole)',
        '',
      ].join('\n'),
    );
  });
});

describe('the catalogue', () => {
  const FAMILIES = ['RES', 'ENC', 'NET', 'IAM', 'ACC', 'LOG', 'BCK', 'TFS', 'CHG'];

  it('lists every catalogue id once, in catalogue order', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const order = (id: string) => FAMILIES.indexOf(id.split('-')[0]) * 1000 + Number(id.split('-')[1]);
    expect([...ids].sort((a, b) => order(a) - order(b))).toEqual(ids);
    expect(ids).toEqual([
      ...['001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011', '012'].map(
        (n) => `RES-${n}`,
      ),
      ...['001', '002', '003', '004', '005'].map((n) => `ENC-${n}`),
      ...['001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011'].map((n) => `NET-${n}`),
      ...['001', '002', '003', '004'].map((n) => `IAM-${n}`),
      ...['001', '002', '003', '004'].map((n) => `ACC-${n}`),
      ...['001', '002', '003'].map((n) => `LOG-${n}`),
      ...['001', '002', '003'].map((n) => `BCK-${n}`),
      ...['001', '002', '003'].map((n) => `TFS-${n}`),
      'CHG-001',
      'CHG-002',
    ]);
  });

  it('gives every rule complete metadata', () => {
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^[A-Z]{3}-\d{3}$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.rationale.length).toBeGreaterThan(40);
      expect(rule.fix.length).toBeGreaterThan(20);
      expect(Object.values(rule.anchors).flat().length).toBeGreaterThan(0);
      expect(ruleById(rule.id)).toBe(rule);
    }
  });

  it('runs the plan-change rules on plans only, and the backend and literal-secret rules never on plans', () => {
    expect(ruleById('CHG-001')?.inputs).toEqual(['plan']);
    expect(ruleById('CHG-002')?.inputs).toEqual(['plan']);
    expect(ruleById('TFS-001')?.inputs).toEqual(['synth', 'hcl']);
    expect(ruleById('TFS-002')?.inputs).toEqual(['synth', 'hcl']);
  });
});
