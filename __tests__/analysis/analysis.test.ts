/** policies/analysis/analysis.ts: what analyse() derives from a check for the reporters, masked, grouped and kept. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analysis, analyse, InputSection } from '../../policies/analysis/analysis';
import { MASK } from '../../policies/analysis/mask';
import { clearSourceLineCache } from '../../policies/analysis/source-lines';
import { checkModels } from '../../policies/engine/engine';
import type { CheckResult, Finding } from '../../policies/engine/result';
import { loadHclDirectory } from '../../policies/model/load-hcl';
import { loadJsonFile } from '../../policies/model/load-path';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import type { DeclaredSuppression, TfModel } from '../../policies/model/types';
import { ALL_RULES } from '../../policies/rules';
import { defineRule, Rule } from '../../policies/rules/rule';
import { plan, tf } from '../helpers/rule-tester';
import { TODAY } from '../helpers/today';

const SQL_PASSWORD = 'Sql-Adm1n-Secret-Passw0rd';
const SHARED_SECRET = 'Shared-Vault-Secret-9876';

/** Quotes the values of every managed resource, as a careless rule might: the analysis must mask them. */
const QUOTES = defineRule({
  id: 'TST-910',
  title: 'Quotes attribute values',
  severity: 'warning',
  rationale: 'Exercises masking.',
  anchors: {},
  resourceTypes: ['azurerm_mssql_server', 'azurerm_storage_account'],
  fix: 'Never write Password=Example-0nly-Value into code.',
  *check({ resources }) {
    for (const resource of resources)
      yield { resource, message: `${resource.address} has ${JSON.stringify(resource.values)}.` };
  },
});

/** A finding about the model itself, on an address that is no resource. */
const BACKEND = defineRule({
  id: 'TST-911',
  title: 'Names the backend',
  severity: 'warning',
  rationale: 'Exercises findings without a resource.',
  anchors: {},
  resourceTypes: [],
  inputs: ['synth'],
  fix: 'None.',
  *check({ model }) {
    yield { address: 'terraform.backend', message: `state in a ${model.backend?.type} backend.` };
  },
});

const rule = (id: string): Rule => ALL_RULES.find((r) => r.id === id)!;
const RULES = [rule('RES-001'), rule('TFS-003'), QUOTES, BACKEND];

const SUPPRESSION_REASON = `Accepted until ${SQL_PASSWORD} is rotated; approved by the data protection officer.`;
const SUPPRESSIONS: readonly DeclaredSuppression[] = [
  {
    spec: {
      ruleId: 'RES-001',
      address: 'azurerm_mssql_server.sql',
      reason: SUPPRESSION_REASON,
      expires: '2026-12-20',
    },
    origin: { kind: 'file', where: 'norway-policy.yaml', index: 0 },
  },
  // No reason: a TFS-003 finding on the policy file, which belongs to no input.
  {
    spec: {
      ruleId: 'RES-001',
      address: 'azurerm_resource_group.rg',
      reason: undefined,
      expires: '2026-12-20',
    },
    origin: { kind: 'file', where: 'norway-policy.yaml', index: 1 },
  },
];

/** Pretty-printed as cdktf and our tests write them, so lines can be found. */
const json = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

let root: string;
let files: { stack: string; plan: string; infra: string };
let models: { stack: TfModel; plan: TfModel; infra: TfModel; shared: TfModel };
let result: CheckResult;
let analysis: Analysis;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'analysis-'));
  for (const dir of ['stack', 'plans', 'infra']) mkdirSync(join(root, dir));
  files = {
    stack: join(root, 'stack', 'cdk.tf.json'),
    plan: join(root, 'plans', 'prod.json'),
    infra: join(root, 'infra'),
  };
  writeFileSync(
    files.stack,
    json({
      '//': { metadata: { stackName: 'app' } },
      ...tf(
        {
          'azurerm_resource_group.rg': { name: 'rg-app', location: 'norwayeast' },
          'azurerm_mssql_server.sql': {
            name: 'sql-app',
            location: 'westeurope',
            administrator_login_password: SQL_PASSWORD,
          },
          'azurerm_storage_account.state': {
            name: 'sttfstateapp',
            location: 'norwayeast',
            account_replication_type: 'ZRS',
          },
          'data.azurerm_client_config.current': {},
        },
        {
          terraform: {
            backend: { azurerm: { storage_account_name: 'sttfstateapp', container_name: 'tfstate' } },
          },
        },
      ),
    }),
  );
  writeFileSync(
    files.plan,
    json(
      plan([
        { at: 'azurerm_resource_group.data', values: { name: 'rg-data', location: 'norwayeast' } },
        {
          at: 'azurerm_storage_account.data',
          values: { name: 'stdata', location: 'westeurope', account_replication_type: 'LRS' },
          actions: ['delete', 'create'],
          before: { name: 'stdata', location: 'norwayeast', account_replication_type: 'LRS' },
        },
      ]),
    ),
  );
  writeFileSync(
    join(files.infra, 'main.tf'),
    '\nresource "azurerm_resource_group" "legacy" {\n  name     = "rg-legacy"\n  location = "northeurope"\n}\n',
  );
  models = {
    stack: loadJsonFile(files.stack),
    plan: loadJsonFile(files.plan),
    infra: loadHclDirectory(files.infra),
    // Read to resolve references only, never reported on: its secret is masked all the same.
    shared: loadTerraformJson(
      {
        '//': { metadata: { stackName: 'shared' } },
        ...tf({ 'azurerm_key_vault_secret.api': { name: 'api', value: SHARED_SECRET, key_vault_id: 'kv' } }),
      },
      { file: 'cdktf.out/stacks/shared/cdk.tf.json' },
    ),
  };
  const { stack, plan: planModel, infra, shared } = models;
  result = checkModels([stack, planModel, infra, shared], {
    rules: RULES,
    today: TODAY,
    reportOn: [stack, planModel, infra],
    suppressions: SUPPRESSIONS,
  });
  analysis = analyse(result);
});

afterAll(() => {
  clearSourceLineCache();
  rmSync(root, { recursive: true, force: true });
});

const section = (label: string): InputSection => {
  const found = analysis.inputs.find((s) => s.label === label);
  if (!found) throw new Error(`no input ${label}: ${analysis.inputs.map((s) => s.label).join(', ')}`);
  return found;
};
const pairs = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.address]);
const byRule = (findings: readonly Finding[], ruleId: string, address: string): Finding => {
  const found = findings.find((f) => f.ruleId === ruleId && f.address === address);
  if (!found) throw new Error(`no ${ruleId} finding on ${address}`);
  return found;
};

describe('analyse: the masked result', () => {
  test('the engine really quotes the secret (otherwise the masking tests prove nothing)', () => {
    expect(byRule(result.findings, 'TST-910', 'azurerm_mssql_server.sql').message).toContain(SQL_PASSWORD);
  });

  test('a secret attribute value quoted in a message comes out as the mask', () => {
    expect(byRule(analysis.result.findings, 'TST-910', 'azurerm_mssql_server.sql').message).toBe(
      `azurerm_mssql_server.sql has {"name":"sql-app","location":"westeurope","administrator_login_password":"${MASK}"}.`,
    );
  });

  test('suppression reasons and fixes are masked too', () => {
    const suppressed = byRule(analysis.result.findings, 'RES-001', 'azurerm_mssql_server.sql');
    expect(suppressed.suppressed).toBe(true);
    expect(suppressed.suppression).toEqual({
      reason: `Accepted until ${MASK} is rotated; approved by the data protection officer.`,
      expires: '2026-12-20',
      declaredAt: 'norway-policy.yaml suppressions[0]',
    });
    expect(byRule(analysis.result.findings, 'TST-910', 'azurerm_storage_account.state').fix).toBe(
      `Never write Password=${MASK} into code.`,
    );
  });

  test('the verdict without the models: same summary, inputs, rules and day; the engine result is left as it was', () => {
    expect(Object.keys(analysis.result).sort()).toEqual([
      'checkedOn',
      'findings',
      'inputs',
      'rules',
      'summary',
    ]);
    expect(analysis.result.summary).toEqual(result.summary);
    expect(analysis.result.inputs).toEqual(result.inputs);
    expect(analysis.result.rules).toEqual(result.rules);
    expect(analysis.result.checkedOn).toBe(TODAY);
    expect(pairs(analysis.result.findings)).toEqual(pairs(result.findings));
    expect(byRule(result.findings, 'RES-001', 'azurerm_mssql_server.sql').suppression?.reason).toBe(
      SUPPRESSION_REASON,
    );
  });

  test('findings are masked once: every input section and `other` hold the masked findings of the result', () => {
    const masked = new Set(analysis.result.findings);
    const shown = [...analysis.inputs.flatMap((s) => s.findings), ...analysis.other];
    expect(shown).toHaveLength(analysis.result.findings.length);
    for (const finding of shown) expect(masked.has(finding)).toBe(true);
  });
});

describe('analyse: inputs and other', () => {
  test('the reported inputs, sorted by label; an input read only to resolve references is not one', () => {
    expect(analysis.inputs.map((s) => s.label)).toEqual([
      `plan ${files.plan}`,
      'stack app',
      `terraform ${files.infra}`,
    ]);
  });

  test('each input as reports describe it: origin, kind, stack when there is one, managed resources', () => {
    const described = analysis.inputs.map((s) => ({
      origin: s.origin,
      kind: s.kind,
      hasStack: 'stack' in s,
      stack: s.stack,
      managedResources: s.managedResources,
    }));
    expect(described).toEqual([
      { origin: files.plan, kind: 'plan', hasStack: false, stack: undefined, managedResources: 2 },
      // The data source is not counted.
      { origin: files.stack, kind: 'synth', hasStack: true, stack: 'app', managedResources: 3 },
      { origin: files.infra, kind: 'hcl', hasStack: false, stack: undefined, managedResources: 1 },
    ]);
  });

  test('findings grouped per input, in the result’s order', () => {
    expect(analysis.inputs.map((s) => [s.label, pairs(s.findings)])).toEqual([
      [
        `plan ${files.plan}`,
        [
          ['RES-001', 'azurerm_storage_account.data'],
          ['TST-910', 'azurerm_storage_account.data'],
        ],
      ],
      [
        'stack app',
        [
          ['TST-910', 'azurerm_mssql_server.sql'],
          ['TST-910', 'azurerm_storage_account.state'],
          ['TST-911', 'terraform.backend'],
          ['RES-001', 'azurerm_mssql_server.sql'],
        ],
      ],
      [`terraform ${files.infra}`, [['RES-001', 'azurerm_resource_group.legacy']]],
    ]);
    for (const s of analysis.inputs)
      expect(s.findings).toEqual(analysis.result.findings.filter((f) => s.findings.includes(f)));
  });

  test('a finding that belongs to no input, a broken suppression in the policy file, is in `other`', () => {
    expect(analysis.other.map((f) => [f.ruleId, f.file, f.message])).toEqual([
      [
        'TFS-003',
        'norway-policy.yaml suppressions[1]',
        'RES-001 suppression at norway-policy.yaml suppressions[1]: has a reason of 0 characters; write why, in at least 10.',
      ],
    ]);
  });
});

describe('analyse: what each input holds', () => {
  test('the inventory of each input, deleted resources excluded', () => {
    expect(section('stack app').inventory).toEqual({
      resources: 3,
      dataSources: 1,
      byType: [
        ['azurerm_mssql_server', 1],
        ['azurerm_resource_group', 1],
        ['azurerm_storage_account', 1],
      ],
      byLocation: [
        ['norwayeast', 2],
        ['westeurope', 1],
      ],
    });
    expect(section(`terraform ${files.infra}`).inventory).toEqual({
      resources: 1,
      dataSources: 0,
      byType: [['azurerm_resource_group', 1]],
      byLocation: [['northeurope', 1]],
    });
  });

  test('a plan input carries its plan summary; others none; `plans` lists the summaries in input order', () => {
    const planSection = section(`plan ${files.plan}`);
    expect(planSection.plan).toEqual({
      input: `plan ${files.plan}`,
      counts: { create: 1, update: 0, replace: 1, delete: 0, read: 0, 'no-op': 0 },
      changes: [
        {
          address: 'azurerm_resource_group.data',
          type: 'azurerm_resource_group',
          action: 'create',
          dataBearing: false,
        },
        {
          address: 'azurerm_storage_account.data',
          type: 'azurerm_storage_account',
          action: 'replace',
          dataBearing: true,
          locationChange: { from: 'norwayeast', to: 'westeurope' },
        },
      ],
      destructive: [
        {
          address: 'azurerm_storage_account.data',
          type: 'azurerm_storage_account',
          action: 'replace',
          dataBearing: true,
          locationChange: { from: 'norwayeast', to: 'westeurope' },
        },
      ],
    });
    expect(section('stack app').plan).toBeUndefined();
    expect(section(`terraform ${files.infra}`).plan).toBeUndefined();
    expect(analysis.plans).toHaveLength(1);
    expect(analysis.plans[0]).toBe(planSection.plan);
  });

  test('where each input’s state lives: the state account when it is in the estate, a local file without a backend block, nothing for a plan', () => {
    expect(section('stack app').state).toEqual({
      backend: 'azurerm',
      account: 'app/azurerm_storage_account.state',
      place: { location: 'norwayeast', status: 'norway' },
    });
    expect(section(`terraform ${files.infra}`).state).toEqual({
      backend: 'local',
      place: { status: 'unknown', detail: 'a local file' },
    });
    expect(section(`plan ${files.plan}`).state).toBeUndefined();
  });

  test('each input’s data-bearing resources; `residency` joins them in input order', () => {
    const where = (s: InputSection) => s.residency.map((e) => [e.address, e.primary.location]);
    expect(where(section(`plan ${files.plan}`))).toEqual([['azurerm_storage_account.data', 'westeurope']]);
    expect(where(section('stack app'))).toEqual([
      ['azurerm_mssql_server.sql', 'westeurope'],
      ['azurerm_storage_account.state', 'norwayeast'],
    ]);
    expect(where(section(`terraform ${files.infra}`))).toEqual([]);
    expect(analysis.residency.map((e) => e.address)).toEqual([
      'azurerm_storage_account.data',
      'azurerm_mssql_server.sql',
      'azurerm_storage_account.state',
    ]);
  });
});

describe('analyse: sections computed on first use, then kept', () => {
  test.each(['inputs', 'other', 'plans', 'residency'] as const)(
    '`%s` is computed when read, and the same value on every read',
    (key) => {
      const fresh = analyse(result);
      const descriptor = Object.getOwnPropertyDescriptor(fresh, key)!;
      expect(typeof descriptor.get).toBe('function');
      expect('value' in descriptor).toBe(false);
      expect(fresh[key]).toBe(fresh[key]);
    },
  );

  test.each(['inventory', 'plan', 'residency', 'state'] as const)(
    'an input’s `%s` is computed when read, and the same value on every read',
    (key) => {
      const sections = analyse(result).inputs;
      for (const s of sections) {
        expect(typeof Object.getOwnPropertyDescriptor(s, key)!.get).toBe('function');
        expect(s[key]).toBe(s[key]);
      }
      // At least one input has a value to keep (the plan has the plan summary, the stack the rest).
      expect(sections.filter((s) => s[key] !== undefined).length).toBeGreaterThan(0);
    },
  );

  test('an input’s residency is the same entries `residency` joins', () => {
    const fresh = analyse(result);
    const stackSection = fresh.inputs.find((s) => s.label === 'stack app')!;
    expect(fresh.residency[1]).toBe(stackSection.residency[0]);
  });
});

const lineOf = (file: string, text: string) => readFileSync(file, 'utf8').split('\n').indexOf(text) + 1;

describe('analyse: sourceLine', () => {
  test('a finding in Terraform JSON: the line of its resource block', () => {
    const finding = byRule(analysis.result.findings, 'TST-910', 'azurerm_mssql_server.sql');
    expect(finding.line).toBeUndefined();
    expect(analysis.sourceLine(finding)).toBe(lineOf(files.stack, '      "sql": {'));
    expect(analysis.sourceLine(finding)).toBe(15);
  });

  test('a finding in a plan: the line of the resource’s first address', () => {
    const finding = byRule(analysis.result.findings, 'RES-001', 'azurerm_storage_account.data');
    expect(analysis.sourceLine(finding)).toBe(
      lineOf(files.plan, '          "address": "azurerm_storage_account.data",'),
    );
    expect(analysis.sourceLine(finding)).toBe(19);
  });

  test('a finding that carries its line (plain Terraform) keeps it', () => {
    const finding = byRule(analysis.result.findings, 'RES-001', 'azurerm_resource_group.legacy');
    expect(finding.line).toBe(2);
    expect(analysis.sourceLine(finding)).toBe(2);
  });

  test.each<[string, () => Finding]>([
    [
      'a finding on an address that is no resource',
      () => byRule(analysis.result.findings, 'TST-911', 'terraform.backend'),
    ],
    ['a finding that belongs to no input', () => analysis.other[0]],
  ])('no line for %s', (_name, finding) => {
    expect(analysis.sourceLine(finding())).toBeUndefined();
  });
});

describe('analyse: sourceLine of an input no longer on disk', () => {
  test('no line when the JSON file the input was read from is gone', () => {
    const model = loadTerraformJson(
      tf({ 'azurerm_storage_account.gone': { name: 'stgone', location: 'norwayeast' } }),
      { file: join(root, 'stack', 'never-written.tf.json') },
    );
    const gone = analyse(checkModels([model], { rules: [QUOTES], today: TODAY }));
    const [finding] = gone.result.findings;
    expect([finding.ruleId, finding.address, finding.file]).toEqual([
      'TST-910',
      'azurerm_storage_account.gone',
      join(root, 'stack', 'never-written.tf.json'),
    ]);
    expect(gone.sourceLine(finding)).toBeUndefined();
  });
});

/** Flags every resource and data source it is given, whatever its location. */
const NAMES_ALL = defineRule({
  id: 'TST-912',
  title: 'Names every resource group',
  severity: 'warning',
  rationale: 'Exercises source lines.',
  anchors: {},
  resourceTypes: ['azurerm_resource_group'],
  fix: 'None.',
  *check({ resources }) {
    for (const resource of resources) yield { resource, message: `${resource.address} is here.` };
  },
});

describe('analyse: sourceLine of a state', () => {
  test('a finding in a state (terraform show -json of it): the line of the resource’s address, as in a plan', () => {
    const file = join(root, 'prod.tfstate.json');
    const { planned_values: values } = plan([
      { at: 'azurerm_resource_group.home', values: { name: 'rg-home', location: 'norwayeast' } },
      { at: 'azurerm_resource_group.abroad', values: { name: 'rg-abroad', location: 'westeurope' } },
    ]) as { planned_values: unknown };
    writeFileSync(file, json({ format_version: '1.0', terraform_version: '1.9.8', values }));
    const state = loadJsonFile(file);
    expect([state.kind, state.stack]).toEqual(['state', 'prod']);
    const checked = analyse(checkModels([state], { rules: [rule('RES-001')], today: TODAY }));
    const [finding] = checked.result.findings;
    expect([finding.address, finding.file, finding.line]).toEqual([
      'azurerm_resource_group.abroad',
      file,
      undefined,
    ]);
    expect(checked.sourceLine(finding)).toBe(
      lineOf(file, '          "address": "azurerm_resource_group.abroad",'),
    );
    expect(checked.sourceLine(finding)).toBe(19);
  });
});

describe('analyse: sourceLine of a data source named like a resource', () => {
  test('a data source and a resource of one type and name each get their own line', () => {
    const file = join(root, 'stack', 'same-names.tf.json');
    writeFileSync(
      file,
      json(
        tf({
          'azurerm_resource_group.rg': { name: 'rg-app', location: 'norwayeast' },
          'data.azurerm_resource_group.rg': { name: 'rg-shared' },
        }),
      ),
    );
    const checked = analyse(checkModels([loadJsonFile(file)], { rules: [NAMES_ALL], today: TODAY }));
    const lines = checked.result.findings.map((f) => [f.address, checked.sourceLine(f)]);
    expect(lines).toEqual([
      ['azurerm_resource_group.rg', 4],
      ['data.azurerm_resource_group.rg', 12],
    ]);
    const text = readFileSync(file, 'utf8').split('\n');
    expect([text[1], text[2], text[3]]).toEqual([
      '  "resource": {',
      '    "azurerm_resource_group": {',
      '      "rg": {',
    ]);
    expect([text[9], text[10], text[11]]).toEqual([
      '  "data": {',
      '    "azurerm_resource_group": {',
      '      "rg": {',
    ]);
  });
});

describe('analyse: a broken suppression written in a stack’s code', () => {
  let checked: Analysis;
  beforeAll(() => {
    const code = loadTerraformJson(
      {
        '//': { metadata: { stackName: 'web' } },
        ...tf({
          'azurerm_resource_group.web': {
            name: 'rg-web',
            location: 'westeurope',
            '//': {
              metadata: { path: 'web/rg' },
              norway_policy: {
                suppressions: [{ ruleId: 'RES-001', reason: 'later', expires: '2026-12-20' }],
              },
            },
          },
        }),
      },
      { file: join(root, 'stack', 'web.tf.json') },
    );
    checked = analyse(checkModels([code], { rules: [rule('RES-001'), rule('TFS-003')], today: TODAY }));
  });

  test('is grouped with its stack, not in `other`', () => {
    expect(checked.inputs.map((s) => [s.label, s.findings.map((f) => [f.ruleId, f.file])])).toEqual([
      [
        'stack web',
        [
          ['RES-001', join(root, 'stack', 'web.tf.json')],
          ['TFS-003', 'construct web/rg'],
        ],
      ],
    ]);
    expect(checked.other).toEqual([]);
  });

  test('has no line: it is written in code, not in the JSON', () => {
    const finding = checked.inputs[0].findings[1];
    expect([finding.ruleId, finding.address, finding.line]).toEqual([
      'TFS-003',
      'azurerm_resource_group.web',
      undefined,
    ]);
    expect(checked.sourceLine(finding)).toBeUndefined();
  });
});

describe('analyse: maskText', () => {
  test('masks the secrets of every checked input, reported or only read to resolve references', () => {
    expect(analysis.maskText(`sql: ${SQL_PASSWORD}; api: ${SHARED_SECRET}`)).toBe(
      `sql: ${MASK}; api: ${MASK}`,
    );
  });

  test('masks secret-shaped fragments and leaves everything else as it was', () => {
    expect(analysis.maskText('Endpoint=https://x;AccountKey=abc/def==; in norwayeast')).toBe(
      `Endpoint=https://x;AccountKey=${MASK}; in norwayeast`,
    );
    expect(analysis.maskText('azurerm_mssql_server.sql in westeurope (sql-app)')).toBe(
      'azurerm_mssql_server.sql in westeurope (sql-app)',
    );
  });
});

describe('analyse: a check with nothing to report', () => {
  test('no reported input: no sections, no findings, yet the secrets of the inputs read are masked', () => {
    const empty = analyse(checkModels([models.shared], { rules: RULES, today: TODAY, reportOn: [] }));
    expect({
      findings: empty.result.findings,
      inputs: empty.inputs,
      other: empty.other,
      plans: empty.plans,
      residency: empty.residency,
    }).toEqual({ findings: [], inputs: [], other: [], plans: [], residency: [] });
    expect(empty.maskText(SHARED_SECRET)).toBe(MASK);
  });

  test('no inputs at all', () => {
    const empty = analyse(checkModels([], { rules: RULES, today: TODAY }));
    expect([empty.inputs, empty.other, empty.plans, empty.residency]).toEqual([[], [], [], []]);
    expect(empty.maskText('nothing to hide')).toBe('nothing to hide');
  });
});
