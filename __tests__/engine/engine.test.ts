/**
 * policies/engine/engine.ts: checkModels runs the rules it is given, turns violations into sorted
 * findings, applies the suppressions the judging rule passed, counts the summary, and judges plans as
 * applied.
 */
import { checkModels } from '../../policies/engine/engine';
import { defineRule, type Rule } from '../../policies/rules/rule';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { RES_001 } from '../../policies/rules/residency/res-001-norway-location';
import { TFS_003 } from '../../policies/rules/state/tfs-003-valid-suppressions';
import { loadPlan } from '../../policies/model/load-plan';
import { ALL_RULES } from '../../policies/rules';
import type { DeclaredSuppression, SuppressionSpec, TfModel } from '../../policies/model/types';
import { TODAY } from '../helpers/today';

const model = (resources: Record<string, Record<string, unknown>>) =>
  loadTerraformJson({ resource: resources }, { file: 'stack.tf.json', stack: 'unit' });

const twoAccounts = () =>
  model({
    azurerm_storage_account: {
      b: { name: 'b', location: 'westeurope' },
      a: { name: 'a', location: 'swedencentral' },
    },
  });

const fileSuppression = (spec: Partial<SuppressionSpec>, index = 0): DeclaredSuppression => ({
  spec: { ruleId: undefined, reason: undefined, expires: undefined, ...spec },
  origin: { kind: 'file', where: 'policy.yaml', index },
});
const good = {
  ruleId: 'NET-004',
  address: 'azurerm_public_ip.*',
  reason: 'Bastion is the one entry',
  expires: '2027-01-01',
};

describe('engine', () => {
  test('a rule that throws becomes an error finding for that rule, never a pass', () => {
    const broken = defineRule({
      ...RES_001,
      id: 'XXX-001',
      check: () => {
        throw new Error('boom');
      },
    });
    const report = checkModels([twoAccounts()], { rules: [broken], today: TODAY });
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
    const report = checkModels([twoAccounts()], { rules: [RES_001], today: TODAY });
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
      today: TODAY,
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
      today: TODAY,
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
      today: TODAY,
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
      today: TODAY,
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
      today: TODAY,
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
      today: TODAY,
      suppressions: [glob('RES-001')],
    });
    expect(seen).toEqual([
      'policy.yaml suppressions[0] azurerm_storage_account.a 2026-11-25 RES-001,TFS-003 0',
    ]);
    expect(report.summary.suppressed).toBe(2);
  });
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
    const report = checkModels([model], { rules: [RES_001, sawDeleted], today: TODAY });
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
      today: TODAY,
    });
    expect(report.findings.map((f) => [f.ruleId, f.address])).toEqual([
      ['CHG-901', 'azurerm_storage_account.kept'],
      ['CHG-902', 'azurerm_storage_account.kept'],
      ['CHG-903', 'azurerm_storage_account.kept'],
      ['CHG-903', 'azurerm_storage_account.old'],
    ]);
  });

  test("a configuration rule's model after apply indexes only what is kept", () => {
    const change = (
      address: string,
      type: string,
      name: string,
      index: number | undefined,
      deleted: boolean,
    ) => ({
      address,
      mode: 'managed',
      type,
      name,
      index,
      provider_name: 'registry.terraform.io/hashicorp/azurerm',
      change: deleted
        ? { actions: ['delete'], before: { name }, after: null, after_unknown: {} }
        : { actions: ['create'], before: null, after: { name }, after_unknown: {} },
    });
    const model = loadPlan(
      {
        ...plan,
        resource_changes: [
          change('azurerm_storage_account.sa[0]', 'azurerm_storage_account', 'sa', 0, false),
          change('azurerm_storage_account.sa[1]', 'azurerm_storage_account', 'sa', 1, true),
          change('azurerm_key_vault.kv', 'azurerm_key_vault', 'kv', undefined, true),
        ],
      },
      { file: 'plan.json' },
    );
    let seen: TfModel | undefined;
    const look = defineRule({
      ...RES_001,
      id: 'CHG-904',
      check: (c) => {
        seen = c.model;
        return [];
      },
    });
    checkModels([model], { rules: [look], today: TODAY });
    const addresses = (list: readonly { address: string }[] | undefined) => list?.map((r) => r.address);
    expect(addresses(seen!.resources)).toEqual(['azurerm_storage_account.sa[0]']);
    expect([...seen!.byAddress.keys()]).toEqual(['azurerm_storage_account.sa[0]']);
    expect(addresses(seen!.byType.get('azurerm_storage_account'))).toEqual(['azurerm_storage_account.sa[0]']);
    expect(seen!.byType.has('azurerm_key_vault')).toBe(false);
    expect(addresses(seen!.byConfigAddress.get('azurerm_storage_account.sa'))).toEqual([
      'azurerm_storage_account.sa[0]',
    ]);
    expect(seen!.byConfigAddress.has('azurerm_key_vault.kv')).toBe(false);
    // The plan's own model is untouched.
    expect(model.byType.get('azurerm_storage_account')).toHaveLength(2);
  });
});

describe('checkModels', () => {
  const synth = (
    resources: Record<string, Record<string, unknown>>,
    stack = 'unit',
    extra: Record<string, unknown> = {},
  ) => loadTerraformJson({ resource: resources, ...extra }, { file: `${stack}.tf.json`, stack });
  const rule = (id: string, severity: 'error' | 'warning', inputs?: Rule['inputs']): Rule =>
    defineRule({
      id,
      title: `${id} title`,
      severity,
      rationale: 'r',
      anchors: {},
      resourceTypes: ['azurerm_public_ip'],
      inputs,
      fix: `${id} fix`,
      *check({ resources }) {
        for (const resource of resources) yield { resource, message: `${id} on ${resource.address}` };
      },
    });
  const ip = { azurerm_public_ip: { a: { name: 'a' }, b: { name: 'b' } } };

  test('the summary counts resources, active errors and warnings, and suppressed findings', () => {
    const model = synth(ip);
    const report = checkModels([model], {
      rules: [rule('NET-004', 'error'), rule('RES-007', 'warning'), TFS_003],
      today: TODAY,
      suppressions: [fileSuppression({ ...good, address: 'azurerm_public_ip.a' })],
    });
    expect(report.summary).toEqual({ resources: 2, errors: 1, warnings: 2, suppressed: 1 });
    expect(report.checkedOn).toBe(TODAY);
    expect(report.inputs).toEqual([{ file: 'unit.tf.json', kind: 'synth', stack: 'unit', resources: 2 }]);
    expect(report.rules.map((r) => r.id)).toEqual(['NET-004', 'RES-007', 'TFS-003']);
    expect(report.rules[0]).not.toHaveProperty('check');
    const suppressed = report.findings.find((f) => f.suppressed)!;
    expect(suppressed).toMatchObject({
      ruleId: 'NET-004',
      address: 'azurerm_public_ip.a',
      suppression: {
        reason: 'Bastion is the one entry',
        expires: '2027-01-01',
        declaredAt: 'policy.yaml suppressions[0]',
      },
    });
    expect(
      report.findings.filter((f) => !f.suppressed).map((f) => [f.ruleId, f.severity, f.address]),
    ).toEqual([
      ['NET-004', 'error', 'azurerm_public_ip.b'],
      ['RES-007', 'warning', 'azurerm_public_ip.a'],
      ['RES-007', 'warning', 'azurerm_public_ip.b'],
    ]);
  });

  test('a finding carries rule metadata and where the resource is', () => {
    const report = checkModels(
      [synth({ azurerm_public_ip: { a: { '//': { metadata: { path: 'unit/Ip/Resource' } }, name: 'a' } } })],
      {
        rules: [rule('NET-004', 'error')],
        today: TODAY,
      },
    );
    expect(report.findings).toEqual([
      {
        ruleId: 'NET-004',
        severity: 'error',
        title: 'NET-004 title',
        address: 'azurerm_public_ip.a',
        stack: 'unit',
        constructPath: 'unit/Ip/Resource',
        file: 'unit.tf.json',
        line: undefined,
        message: 'NET-004 on azurerm_public_ip.a',
        fix: 'NET-004 fix',
        suppressed: false,
      },
    ]);
  });

  test('a violation without a resource is reported at its address, or at the input', () => {
    const backendRule = defineRule({
      ...rule('TFS-001', 'error'),
      resourceTypes: 'all',
      *check() {
        yield { address: 'terraform.backend', message: 'backend' };
        yield { message: 'whole input' };
      },
    });
    const report = checkModels([synth({})], { rules: [backendRule], today: TODAY });
    expect(report.findings.map((f) => [f.address, f.stack, f.file])).toEqual([
      ['terraform.backend', 'unit', 'unit.tf.json'],
      ['unit.tf.json', 'unit', 'unit.tf.json'],
    ]);
  });

  test('rules with inputs run only on those kinds of input', () => {
    const plan = loadPlan(
      {
        format_version: '1.2',
        planned_values: {
          root_module: {
            resources: [
              {
                address: 'azurerm_public_ip.p',
                mode: 'managed',
                type: 'azurerm_public_ip',
                name: 'p',
                values: {},
              },
            ],
          },
        },
        resource_changes: [
          {
            address: 'azurerm_public_ip.p',
            type: 'azurerm_public_ip',
            name: 'p',
            change: { actions: ['create'], before: null, after: {} },
          },
        ],
      },
      { file: 'plan.json', stack: 'p' },
    );
    const report = checkModels([synth(ip), plan], {
      rules: [rule('CHG-001', 'error', ['plan']), rule('TFS-002', 'error', ['synth', 'hcl'])],
      today: TODAY,
    });
    expect(report.findings.map((f) => [f.ruleId, f.stack, f.address])).toEqual([
      ['CHG-001', 'p', 'azurerm_public_ip.p'],
      ['TFS-002', 'unit', 'azurerm_public_ip.a'],
      ['TFS-002', 'unit', 'azurerm_public_ip.b'],
    ]);
  });

  test('rules see only their resource types, in input order, across several types', () => {
    const seenBy = (resourceTypes: string[], resources: Record<string, Record<string, unknown>>) => {
      const seen: string[] = [];
      const spy = defineRule({
        ...rule('NET-004', 'error'),
        resourceTypes,
        *check(context) {
          seen.push(...context.resources.map((r) => r.address));
          yield* [];
        },
      });
      checkModels([synth(resources)], { rules: [spy], today: TODAY });
      return seen;
    };
    const inputs = {
      azurerm_network_interface: { n: {} },
      azurerm_public_ip: { p: {} },
      azurerm_subnet: { s: {} },
    };
    expect(seenBy(['azurerm_public_ip', 'azurerm_network_interface'], inputs)).toEqual([
      'azurerm_public_ip.p',
      'azurerm_network_interface.n',
    ]);
    // A type the input lacks adds nothing.
    expect(seenBy(['azurerm_subnet', 'azurerm_public_ip'], ip)).toEqual([
      'azurerm_public_ip.a',
      'azurerm_public_ip.b',
    ]);
  });

  test('reportOn limits findings to some models while the others still resolve references', () => {
    const a = synth(ip, 'a');
    const b = synth(ip, 'b');
    const report = checkModels([a, b], { rules: [rule('NET-004', 'error')], reportOn: [b], today: TODAY });
    expect(report.findings.map((f) => f.stack)).toEqual(['b', 'b']);
    expect(report.summary.resources).toBe(2);
    expect(report.workspace.models).toHaveLength(2);
  });

  test('a suppression may name only a rule of the check', () => {
    const report = checkModels([synth(ip)], {
      rules: [rule('NET-004', 'error'), TFS_003],
      today: TODAY,
      suppressions: [fileSuppression({ ...good, ruleId: 'RES-001' })],
    });
    expect(report.findings.filter((f) => f.ruleId === 'TFS-003').map((f) => f.message)).toEqual([
      'RES-001 suppression at policy.yaml suppressions[0]: names unknown rule RES-001 (known: NET-004, TFS-003).',
    ]);
  });

  test('a construct suppression holds only in its own stack, and a broken one is a TFS-003 finding there', () => {
    const suppressed = {
      '//': {
        norway_policy: {
          suppressions: [{ ruleId: 'NET-004', reason: 'Bastion is the one entry', expires: '2027-01-01' }],
        },
      },
      name: 'a',
    };
    const broken = {
      '//': {
        norway_policy: { suppressions: [{ ruleId: 'NET-004', reason: 'short', expires: '2027-01-01' }] },
      },
      name: 'b',
    };
    const one = synth({ azurerm_public_ip: { a: suppressed, b: broken } }, 'one');
    const two = synth({ azurerm_public_ip: { a: { name: 'a' } } }, 'two');
    const report = checkModels([one, two] as TfModel[], {
      rules: [rule('NET-004', 'error'), TFS_003],
      today: TODAY,
    });
    expect(report.findings.map((f) => [f.ruleId, f.stack, f.address, f.suppressed])).toEqual([
      ['NET-004', 'one', 'azurerm_public_ip.b', false],
      ['NET-004', 'two', 'azurerm_public_ip.a', false],
      ['TFS-003', 'one', 'azurerm_public_ip.b', false],
      ['NET-004', 'one', 'azurerm_public_ip.a', true],
    ]);
    const tfs = report.findings.find((f) => f.ruleId === 'TFS-003')!;
    expect(tfs).toMatchObject({
      severity: 'error',
      file: 'construct azurerm_public_ip.b',
      constructPath: 'azurerm_public_ip.b',
      message:
        'NET-004 suppression at construct azurerm_public_ip.b: has a reason of 5 characters; write why, in at least 10.',
      suppressed: false,
    });
  });

  test("a stack's plan keeps the suppressions written in that stack's code, and only that stack's", () => {
    const code = (stack: string) =>
      synth(
        {
          azurerm_public_ip: {
            a: {
              '//': {
                norway_policy: {
                  suppressions: [
                    { ruleId: 'NET-004', reason: 'Bastion is the one entry', expires: '2027-01-01' },
                  ],
                },
              },
              name: 'a',
            },
          },
        },
        stack,
      );
    const planOf = (stack: string | undefined) =>
      loadPlan(
        {
          format_version: '1.2',
          planned_values: {
            root_module: {
              resources: [
                {
                  address: 'azurerm_public_ip.a',
                  mode: 'managed',
                  type: 'azurerm_public_ip',
                  name: 'a',
                  provider_name: 'registry.terraform.io/hashicorp/azurerm',
                  values: { name: 'a' },
                },
              ],
            },
          },
          resource_changes: [
            {
              address: 'azurerm_public_ip.a',
              mode: 'managed',
              type: 'azurerm_public_ip',
              name: 'a',
              provider_name: 'registry.terraform.io/hashicorp/azurerm',
              change: { actions: ['create'], before: null, after: { name: 'a' }, after_unknown: {} },
            },
          ],
        },
        { file: `${stack ?? 'none'}.json`, stack },
      );
    const judged = (plan: TfModel, context: TfModel[]) =>
      checkModels([plan, ...context], {
        rules: [rule('NET-004', 'error'), TFS_003],
        today: TODAY,
        reportOn: [plan],
      }).findings.map((f) => [f.ruleId, f.stack, f.suppressed]);
    expect(judged(planOf('one'), [code('one')])).toEqual([['NET-004', 'one', true]]);
    expect(judged(planOf('one'), [code('two')])).toEqual([['NET-004', 'one', false]]);
    expect(judged(planOf(undefined), [code('one')])).toEqual([['NET-004', undefined, false]]);
    // Another plan of the stack carries no code suppressions of its own to lend.
    expect(judged(planOf('one'), [planOf('one')])).toEqual([['NET-004', 'one', false]]);
  });

  test("a stack's code and its plan, both reported, share the code's suppressions, judged once", () => {
    const code = synth(
      {
        azurerm_public_ip: {
          a: {
            '//': {
              norway_policy: {
                suppressions: [
                  { ruleId: 'NET-004', reason: 'Bastion is the one entry', expires: '2027-01-01' },
                  { ruleId: 'NET-004', reason: 'short', expires: '2027-01-01' },
                ],
              },
            },
            name: 'a',
          },
        },
      },
      'one',
    );
    const plan = loadPlan(
      {
        format_version: '1.2',
        planned_values: {
          root_module: {
            resources: [
              {
                address: 'azurerm_public_ip.a',
                mode: 'managed',
                type: 'azurerm_public_ip',
                name: 'a',
                provider_name: 'registry.terraform.io/hashicorp/azurerm',
                values: { name: 'a' },
              },
            ],
          },
        },
        resource_changes: [
          {
            address: 'azurerm_public_ip.a',
            mode: 'managed',
            type: 'azurerm_public_ip',
            name: 'a',
            provider_name: 'registry.terraform.io/hashicorp/azurerm',
            change: { actions: ['create'], before: null, after: { name: 'a' }, after_unknown: {} },
          },
        ],
      },
      { file: 'one.plan.json', stack: 'one' },
    );
    for (const reportOn of [
      [code, plan],
      [plan, code],
    ]) {
      const report = checkModels([code, plan], {
        rules: [rule('NET-004', 'error'), TFS_003],
        today: TODAY,
        reportOn,
      });
      // The two NET-004 findings tie in the report's order; they are compared by file.
      const byFile = report.findings
        .map((f) => [f.ruleId, f.file, f.suppressed])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
      expect(byFile).toEqual([
        ['TFS-003', 'construct azurerm_public_ip.a', false],
        ['NET-004', 'one.plan.json', true],
        ['NET-004', 'one.tf.json', true],
      ]);
    }
  });

  test('a policy-file problem without a rule id says "Suppression at …"', () => {
    const report = checkModels([synth(ip)], {
      rules: [TFS_003],
      today: TODAY,
      suppressions: [fileSuppression({ ...good, ruleId: undefined })],
    });
    expect(report.findings.map((f) => [f.ruleId, f.address, f.file, f.constructPath, f.message])).toEqual([
      [
        'TFS-003',
        'azurerm_public_ip.*',
        'policy.yaml suppressions[0]',
        undefined,
        'Suppression at policy.yaml suppressions[0]: has no ruleId.',
      ],
    ]);
  });

  test('without a date the engine judges expiry against today (UTC)', () => {
    const report = checkModels([synth(ip)], {
      rules: [rule('NET-004', 'error'), TFS_003],
      suppressions: [fileSuppression({ ...good, expires: '2000-01-01' })],
    });
    expect(report.checkedOn).toBe(new Date().toISOString().slice(0, 10));
    expect(report.findings.filter((f) => f.ruleId === 'TFS-003').map((f) => f.message)).toEqual([
      'NET-004 suppression at policy.yaml suppressions[0]: expired on 2000-01-01; fix the finding or renew the suppression with a new reason.',
    ]);
  });

  test('the engine runs the rule set it is given (the callers default to the whole catalogue)', () => {
    const report = checkModels(
      [synth({ azurerm_resource_group: { rg: { location: 'westeurope', name: 'rg' } } })],
      { rules: ALL_RULES, today: TODAY },
    );
    expect(report.rules.length).toBeGreaterThan(20);
    expect(report.findings.map((f) => f.ruleId)).toContain('RES-001');
  });

  test('findings sort: active before suppressed, errors before warnings, then rule, stack, address, message', () => {
    const multi = defineRule({
      ...rule('NET-004', 'warning'),
      *check({ resources }) {
        for (const resource of [...resources].reverse()) {
          yield { resource, message: 'z' };
          yield { resource, message: 'a' };
        }
      },
    });
    const report = checkModels([synth(ip, 'y'), synth(ip, 'x')], {
      rules: [multi, rule('RES-001', 'error')],
      today: TODAY,
    });
    expect(
      report.findings.map(
        (f) => `${f.severity} ${f.ruleId} ${f.stack} ${f.address} ${f.message.slice(0, 1)}`,
      ),
    ).toEqual([
      'error RES-001 x azurerm_public_ip.a R',
      'error RES-001 x azurerm_public_ip.b R',
      'error RES-001 y azurerm_public_ip.a R',
      'error RES-001 y azurerm_public_ip.b R',
      'warning NET-004 x azurerm_public_ip.a a',
      'warning NET-004 x azurerm_public_ip.a z',
      'warning NET-004 x azurerm_public_ip.b a',
      'warning NET-004 x azurerm_public_ip.b z',
      'warning NET-004 y azurerm_public_ip.a a',
      'warning NET-004 y azurerm_public_ip.a z',
      'warning NET-004 y azurerm_public_ip.b a',
      'warning NET-004 y azurerm_public_ip.b z',
    ]);
  });
  test('rules that judge resources see the rules and day of the check, and no suppressions', () => {
    const seen: string[] = [];
    const spy = defineRule({
      ...rule('NET-004', 'error'),
      *check({ rules, today, suppressions }) {
        seen.push(`${rules.map((r) => r.id).join(',')} ${today} ${suppressions.length}`);
        yield* [];
      },
    });
    checkModels([synth(ip)], { rules: [spy, TFS_003], today: TODAY, suppressions: [fileSuppression(good)] });
    expect(seen).toEqual(['NET-004,TFS-003 2026-11-25 0']);
  });

  test('the judging rule gets the settings, the month limit from the options before the settings', () => {
    const seen: unknown[] = [];
    const spy = defineRule({
      ...TFS_003,
      check({ settings }) {
        seen.push([settings?.homeTenantId, settings?.maxSuppressionMonths]);
        return [];
      },
    });
    const settings = { homeTenantId: 'tenant', maxSuppressionMonths: 3 };
    checkModels([synth(ip)], { rules: [spy], today: TODAY, settings });
    checkModels([synth(ip)], { rules: [spy], today: TODAY, settings, maxSuppressionMonths: 6 });
    expect(seen).toEqual([
      ['tenant', 3],
      ['tenant', 6],
    ]);
  });

  test("a judging rule's finding about no suppression is never suppressed, and the valid ones still apply", () => {
    const judge = defineRule({
      ...TFS_003,
      check: () => [{ address: 'azurerm_public_ip.a', message: 'the suppressions are incomplete.' }],
    });
    const report = checkModels([synth(ip)], {
      rules: [rule('NET-004', 'error'), judge],
      today: TODAY,
      suppressions: [
        fileSuppression({ ...good, address: 'azurerm_public_ip.b' }),
        fileSuppression({ ...good, ruleId: 'TFS-003', address: 'azurerm_public_ip.a' }, 1),
      ],
    });
    expect(report.findings.map((f) => [f.ruleId, f.address, f.suppressed])).toEqual([
      ['NET-004', 'azurerm_public_ip.a', false],
      ['TFS-003', 'azurerm_public_ip.a', false],
      ['NET-004', 'azurerm_public_ip.b', true],
    ]);
  });

  describe('which code lends its suppressions to a reported input of the same stack', () => {
    const suppressed = {
      azurerm_public_ip: {
        a: {
          '//': {
            norway_policy: {
              suppressions: [
                { ruleId: 'NET-004', reason: 'Bastion is the one entry', expires: '2027-01-01' },
              ],
            },
          },
          name: 'a',
        },
      },
    };
    const judged = (reported: TfModel, context: TfModel[]) => {
      const seen: string[] = [];
      const spy = defineRule({
        ...TFS_003,
        check(ctx) {
          seen.push(...ctx.suppressions.map((s) => `${s.declaredAt} ${s.stack}`));
          return TFS_003.check(ctx);
        },
      });
      const report = checkModels([reported, ...context], {
        rules: [rule('NET-004', 'error'), spy],
        today: TODAY,
        reportOn: [reported],
      });
      return { seen, suppressed: report.findings.filter((f) => f.suppressed).map((f) => f.address) };
    };
    const as = (kind: TfModel['kind'], model: TfModel, stack?: string): TfModel => ({
      ...model,
      kind,
      stack,
      origin: `${kind}.json`,
    });
    // These inputs are stand-ins: whether a lent suppression applies is pinned with a real plan above.
    const lent = ['construct azurerm_public_ip.a one'];
    const none = { seen: [], suppressed: [] };

    test("a plan of the stack gets the stack's synthesized code's suppressions", () => {
      expect(judged(as('plan', synth(ip), 'one'), [synth(suppressed, 'one')]).seen).toEqual(lent);
    });

    test('a synthesized stack gets none from other synthesized code of the same stack', () => {
      expect(judged(synth(ip, 'one'), [synth(suppressed, 'one')])).toEqual(none);
    });

    test('only synthesized code lends: a plan or HCL input of the stack lends nothing', () => {
      expect(judged(as('plan', synth(ip), 'one'), [as('hcl', synth(suppressed), 'one')])).toEqual(none);
    });

    test('code without a stack lends nothing to an input without a stack', () => {
      expect(judged(as('plan', synth(ip)), [as('synth', synth(suppressed))])).toEqual(none);
    });
  });
});
