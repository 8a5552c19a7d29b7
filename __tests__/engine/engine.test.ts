import { checkModels } from '../../policies/engine/engine';
import { defineRule } from '../../policies/rules/rule';
import { globToRegExp } from '../../policies/engine/suppressions';
import { isIsoDate } from '../../policies/model/dates';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { RES_001 } from '../../policies/rules/residency/res-001-norway-location';
import { TFS_003 } from '../../policies/rules/state/tfs-003-valid-suppressions';
import { loadPlan } from '../../policies/model/load-plan';

const model = (resources: Record<string, Record<string, unknown>>) =>
  loadTerraformJson({ resource: resources }, { file: 'stack.tf.json', stack: 'unit' });

const twoAccounts = () =>
  model({
    azurerm_storage_account: {
      b: { name: 'b', location: 'westeurope' },
      a: { name: 'a', location: 'swedencentral' },
    },
  });

describe('engine', () => {
  test('a rule that throws becomes an error finding for that rule, never a pass', () => {
    const broken = defineRule({
      ...RES_001,
      id: 'XXX-001',
      check: () => {
        throw new Error('boom');
      },
    });
    const report = checkModels([twoAccounts()], { rules: [broken], today: '2026-11-25' });
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'XXX-001',
        severity: 'error',
        address: 'stack.tf.json',
        suppressed: false,
      }),
    ]);
    expect(report.findings[0].message).toContain(
      'The rule failed on this input and could not check it: boom.',
    );
    expect(report.summary.errors).toBe(1);
  });

  test('findings are sorted by severity, rule id, stack and address, whatever the input order', () => {
    const report = checkModels([twoAccounts()], { rules: [RES_001], today: '2026-11-25' });
    expect(report.findings.map((f) => f.address)).toEqual([
      'azurerm_storage_account.a',
      'azurerm_storage_account.b',
    ]);
    expect(report.summary).toEqual({ resources: 2, errors: 2, warnings: 0, suppressed: 0 });
  });

  test('the same address in several inputs: a finding without a stack first, then stacks by name', () => {
    const config = (stack: string | undefined) =>
      loadTerraformJson(
        { resource: { azurerm_storage_account: { a: { name: 'a', location: 'westeurope' } } } },
        { file: `${stack ?? 'plain'}.tf.json`, stack },
      );
    const report = checkModels([config('platform'), config(undefined), config('bootstrap')], {
      rules: [RES_001],
      today: '2026-11-25',
    });
    expect(report.findings.map((f) => [f.stack, f.address])).toEqual([
      [undefined, 'azurerm_storage_account.a'],
      ['bootstrap', 'azurerm_storage_account.a'],
      ['platform', 'azurerm_storage_account.a'],
    ]);
  });

  test('a policy-file suppression matches addresses by glob and is counted as suppressed', () => {
    const report = checkModels([twoAccounts()], {
      rules: [RES_001, TFS_003],
      today: '2026-11-25',
      suppressions: [
        {
          spec: {
            ruleId: 'RES-001',
            address: 'azurerm_storage_account.a',
            reason: 'Approved exception ticket 42',
            expires: '2026-11-25',
          },
          origin: { kind: 'file', where: 'policy.yaml', index: 0 },
        },
      ],
    });
    expect(report.findings.map((f) => [f.address, f.suppressed])).toEqual([
      ['azurerm_storage_account.b', false],
      ['azurerm_storage_account.a', true],
    ]);
    expect(report.summary).toEqual({ resources: 2, errors: 1, warnings: 0, suppressed: 1 });
  });

  test('TFS-003 itself cannot be suppressed', () => {
    const report = checkModels([twoAccounts()], {
      rules: [RES_001, TFS_003],
      today: '2026-11-25',
      suppressions: [
        {
          spec: {
            ruleId: 'TFS-003',
            address: '*',
            reason: 'Hide all broken suppressions',
            expires: '2027-01-01',
          },
          origin: { kind: 'file', where: 'p.yaml', index: 0 },
        },
      ],
    });
    expect(report.findings.filter((f) => f.ruleId === 'TFS-003').map((f) => f.message)).toEqual([
      'TFS-003 suppression at p.yaml suppressions[0]: has address "*", which is only a wildcard; name the resource (a glob may cover its instances or module).',
      'TFS-003 suppression at p.yaml suppressions[0]: tries to suppress TFS-003, which cannot be suppressed.',
    ]);
  });

  const glob = (ruleId: string) => ({
    spec: {
      ruleId,
      address: 'azurerm_storage_account.a',
      reason: 'Approved exception ticket 42',
      expires: '2026-12-01',
    },
    origin: { kind: 'file' as const, where: 'policy.yaml', index: 0 },
  });

  test('without a rule that judges suppressions, no suppression applies (fail closed)', () => {
    const report = checkModels([twoAccounts()], {
      rules: [RES_001],
      today: '2026-11-25',
      suppressions: [glob('RES-001')],
    });
    expect(report.findings.map((f) => [f.ruleId, f.address, f.suppressed])).toEqual([
      ['RES-001', 'azurerm_storage_account.a', false],
      ['RES-001', 'azurerm_storage_account.b', false],
    ]);
  });

  test('a judging rule that fails applies no suppression, and the failure is a finding', () => {
    const broken = defineRule({
      ...TFS_003,
      check: () => {
        throw new Error('boom');
      },
    });
    const report = checkModels([twoAccounts()], {
      rules: [RES_001, broken],
      today: '2026-11-25',
      suppressions: [glob('RES-001')],
    });
    expect(report.findings.map((f) => [f.ruleId, f.address, f.suppressed])).toEqual([
      ['RES-001', 'azurerm_storage_account.a', false],
      ['RES-001', 'azurerm_storage_account.b', false],
      ['TFS-003', 'suppressions', false],
    ]);
  });

  test('the judging rule sees every suppression once, with the rules and the day of the check', () => {
    const seen: string[] = [];
    const spy = defineRule({
      ...TFS_003,
      check({ suppressions, rules, today, resources }) {
        seen.push(
          ...suppressions.map(
            (s) =>
              `${s.declaredAt} ${s.address} ${today} ${rules.map((r) => r.id).join(',')} ${resources.length}`,
          ),
        );
        return [];
      },
    });
    const report = checkModels([twoAccounts(), twoAccounts()], {
      rules: [RES_001, spy],
      today: '2026-11-25',
      suppressions: [glob('RES-001')],
    });
    expect(seen).toEqual([
      'policy.yaml suppressions[0] azurerm_storage_account.a 2026-11-25 RES-001,TFS-003 0',
    ]);
    expect(report.summary.suppressed).toBe(2);
  });
});

describe('suppression helpers', () => {
  test.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-2-1', false],
    ['2026-12-31T00:00:00Z', false],
  ])('isIsoDate(%j) is %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  test.each([
    ['module.*.azurerm_public_ip.bastion', 'module.hub.azurerm_public_ip.bastion', true],
    ['azurerm_storage_account.sa[*]', 'azurerm_storage_account.sa[0]', true],
    ['azurerm_storage_account.sa', 'azurerm_storage_account.sa2', false],
    ['azurerm_?.x', 'azurerm_a.x', true],
  ])('glob %j vs %j → %s', (glob, address, expected) =>
    expect(globToRegExp(glob).test(address)).toBe(expected),
  );
});

describe('plans: what exists after apply', () => {
  const plan = {
    format_version: '1.2',
    planned_values: { root_module: { resources: [] } },
    resource_changes: [
      {
        address: 'azurerm_storage_account.old',
        mode: 'managed',
        type: 'azurerm_storage_account',
        name: 'old',
        provider_name: 'registry.terraform.io/hashicorp/azurerm',
        change: {
          actions: ['delete'],
          before: { name: 'old', location: 'westeurope' },
          after: null,
          after_unknown: {},
        },
      },
    ],
  };

  test('configuration rules do not judge a resource the plan deletes; plan rules still see it', () => {
    const model = loadPlan(plan, { file: 'plan.json' });
    const sawDeleted = defineRule({
      ...RES_001,
      id: 'CHG-900',
      inputs: ['plan'],
      check: (c) => c.resources.map((resource) => ({ resource, message: 'seen' })),
    });
    const report = checkModels([model], { rules: [RES_001, sawDeleted], today: '2026-11-25' });
    expect(report.findings.map((f) => [f.ruleId, f.address])).toEqual([
      ['CHG-900', 'azurerm_storage_account.old'],
    ]);
    expect(report.summary.resources).toBe(1);
  });

  test('a rule that also reads configurations judges a plan as applied, like any configuration rule', () => {
    const kept = {
      ...plan.resource_changes[0],
      address: 'azurerm_storage_account.kept',
      name: 'kept',
      change: {
        actions: ['create'],
        before: null,
        after: { name: 'kept', location: 'norwayeast' },
        after_unknown: {},
      },
    };
    const model = loadPlan(
      { ...plan, resource_changes: [...plan.resource_changes, kept] },
      { file: 'plan.json' },
    );
    const seen = (id: string, inputs?: ('plan' | 'synth' | 'hcl')[]) =>
      defineRule({
        ...RES_001,
        id,
        inputs,
        check: (c) => c.resources.map((resource) => ({ resource, message: 'seen' })),
      });
    const report = checkModels([model], {
      rules: [seen('CHG-901', ['plan', 'synth']), seen('CHG-902'), seen('CHG-903', ['plan'])],
      today: '2026-11-25',
    });
    expect(report.findings.map((f) => [f.ruleId, f.address])).toEqual([
      ['CHG-901', 'azurerm_storage_account.kept'],
      ['CHG-902', 'azurerm_storage_account.kept'],
      ['CHG-903', 'azurerm_storage_account.kept'],
      ['CHG-903', 'azurerm_storage_account.old'],
    ]);
  });
});
