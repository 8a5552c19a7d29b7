/**
 * Model behaviour the mutation run found untested: value paths, expression parsing and reference
 * resolution (synth, plan, variables, locals, cross-stack outputs), each with exact results.
 */
import { overridable } from '../helpers/variables';
import { buildWorkspace } from '../../policies/model/build';
import { parseExpression, parseTraversal } from '../../policies/model/expressions';
import { loadPlan } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { boundByValidation, isUnknownAt, Resolver } from '../../policies/model/resolve';
import type { TfModel } from '../../policies/model/types';
import { asBlocks, getPath, isRecord, parsePath, pathToString } from '../../policies/model/values';

describe('values', () => {
  test.each([
    [{}, true],
    [[], false],
    [null, false],
    ['x', false],
    [1, false],
  ])('isRecord(%j) is %s', (value, expected) => expect(isRecord(value)).toBe(expected));

  test('asBlocks reads a block written as an object or an array, and nothing else', () => {
    expect(asBlocks(undefined)).toEqual([]);
    expect(asBlocks(null)).toEqual([]);
    expect(asBlocks({ a: 1 })).toEqual([{ a: 1 }]);
    expect(asBlocks([{ a: 1 }, 'x', null, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(asBlocks('x')).toEqual([]);
  });

  test.each([
    [{ a: { b: 1 } }, ['a', 'b'], 1],
    [{ a: { b: 1 } }, ['a', 0, 'b'], 1],
    [{ a: { b: 1 } }, ['a', 1, 'b'], undefined],
    [{ a: [{ b: 1 }, { b: 2 }] }, ['a', 1, 'b'], 2],
    [{ a: [{ b: 1 }] }, ['a', 'b'], 1],
    [{ a: [{ b: 1 }, { b: 2 }] }, ['a', 'b'], undefined],
    [{ a: null }, ['a', 'b'], undefined],
    [{ a: 'x' }, ['a', 'length'], undefined],
    [{}, ['toString'], undefined],
    [{ a: 5 }, [], { a: 5 }],
    [[7, 8], [1], 8],
    ['x', [0], undefined],
  ])('getPath(%j, %j) is %j', (value, path, expected) => expect(getPath(value, path)).toEqual(expected));

  test('paths print and parse with numeric parts as indexes', () => {
    expect(pathToString(['network_rules', 0, 'default_action'])).toBe('network_rules.0.default_action');
    expect(parsePath('network_rules.0.default_action')).toEqual(['network_rules', 0, 'default_action']);
    expect(parsePath('a1.0b.12')).toEqual(['a1', '0b', 12]);
    expect(parsePath('')).toEqual([]);
  });
});

describe('expressions', () => {
  test.each([
    ['plain', { kind: 'literal', value: 'plain' }],
    ['$${not} %%{either}', { kind: 'literal', value: '${not} %{either}' }],
    ['a $${b}', { kind: 'literal', value: 'a ${b}' }],
    ['${azurerm_x.y.id}', { kind: 'reference', traversal: ['azurerm_x', 'y', 'id'], text: 'azurerm_x.y.id' }],
    ['${ var.location }', { kind: 'reference', traversal: ['var', 'location'], text: 'var.location' }],
    ['$${x}${var.y}', { kind: 'complex', text: '$${x}${var.y}' }],
    ['${a.b}-suffix', { kind: 'complex', text: '${a.b}-suffix' }],
    ['${lower(var.x)}', { kind: 'complex', text: '${lower(var.x)}' }],
    ['${a}${b}', { kind: 'complex', text: '${a}${b}' }],
  ])('parseExpression(%j)', (text, expected) => expect(parseExpression(text)).toEqual(expected));

  test.each([
    ['a', ['a']],
    ['a.b.c', ['a', 'b', 'c']],
    ['a.0.c', ['a', 0, 'c']],
    ['a[12]', ['a', 12]],
    ['a[ 3 ].b', ['a', 3, 'b']],
    ['a["k.x"]', ['a', 'k.x']],
    ['a[ "q\\"z" ]', ['a', 'q"z']],
    ['  _a-b.c_d  ', ['_a-b', 'c_d']],
    ['data.x.y-z', ['data', 'x', 'y-z']],
  ])('parseTraversal(%j) → %j', (text, expected) => expect(parseTraversal(text)).toEqual(expected));

  test.each(['', '1a', 'a.', 'a.-b', 'a[x]', 'a["x"', 'a b', 'a..b', 'a[1', 'a.b(c)'])(
    'parseTraversal(%j) is not a traversal',
    (text) => expect(parseTraversal(text)).toBeUndefined(),
  );
});

describe('isUnknownAt and boundByValidation', () => {
  test.each([
    [true, ['a'], true],
    [{ a: true }, ['a'], true],
    [{ a: true }, ['a', 'b'], true],
    [{ a: { b: false } }, ['a', 'b'], false],
    [{ a: [{ b: true }] }, ['a', 0, 'b'], true],
    [{ a: 'yes' }, ['a', 'b'], false],
    [undefined, ['a'], false],
    [{ a: false }, [], false],
    [true, [], true],
  ])('isUnknownAt(%j, %j) is %s', (unknown, path, expected) =>
    expect(isUnknownAt(unknown, path)).toBe(expected),
  );

  test('a contains() validation bounds its own variable only', () => {
    expect(
      boundByValidation('location', [
        { condition: '${contains(["norwayeast", "norwaywest"], var.location)}' },
      ]),
    ).toEqual({
      kind: 'oneOf',
      values: ['norwayeast', 'norwaywest'],
      reason: 'var.location is limited by its validation to norwayeast, norwaywest',
    });
    expect(
      boundByValidation('location', [{ condition: 'contains(["norwayeast"], lower(var.location))' }]),
    ).toMatchObject({ values: ['norwayeast'] });
    expect(
      boundByValidation('other', [{ condition: 'contains(["norwayeast"], var.location)' }]),
    ).toBeUndefined();
    expect(boundByValidation('location', [{ condition: 'contains([], var.location)' }])).toBeUndefined();
    expect(
      boundByValidation('location', [{ condition: 42 }, { condition: 'length(var.location) > 0' }]),
    ).toBeUndefined();
  });
});

describe('Resolver on synthesized JSON', () => {
  const stack = (document: Record<string, unknown>, name: string) =>
    loadTerraformJson(document, { file: `${name}.tf.json`, stack: name });
  const producer = stack(
    {
      resource: { azurerm_log_analytics_workspace: { logs: { location: 'norwayeast', name: 'log' } } },
      output: {
        'cross-stack-output-logs-id': { value: '${azurerm_log_analytics_workspace.logs.id}' },
        region: { value: 'norwayeast' },
      },
    },
    'platform',
  );
  const consumer = stack(
    {
      variable: {
        location: { default: 'norwayeast' },
        bounded: {
          validation: [{ condition: '${contains(["norwayeast"], var.bounded)}', error_message: 'x' }],
        },
        open: {},
        settings: { default: { region: 'norwaywest' } },
      },
      locals: { where: '${var.location}', nested: { a: 'b' } },
      data: {
        terraform_remote_state: {
          'cross-stack-reference-input-platform': { backend: 'azurerm' },
          other: { backend: 'azurerm' },
        },
      },
      resource: {
        azurerm_resource_group: { rg: { location: '${var.location}', name: 'rg', tags: { env: 'prod' } } },
        azurerm_storage_account: {
          sa: {
            location: '${azurerm_resource_group.rg.location}',
            name: 'sa',
            network_rules: { default_action: 'Deny' },
            a: '${var.bounded}',
            b: '${var.open}',
            c: '${local.where}',
            d: '${local.missing}',
            e: '${data.terraform_remote_state.cross-stack-reference-input-platform.outputs.region}',
            f: '${data.terraform_remote_state.other.outputs.x}',
            g: '${data.terraform_remote_state.cross-stack-reference-input-nowhere.outputs.x}',
            h: '${data.terraform_remote_state.cross-stack-reference-input-platform.outputs.missing}',
            i: '${upper(var.location)}',
            j: '${var.undeclared}',
            k: '${each.value}',
            l: '${azurerm_missing.x.id}',
            m: '${var.settings.region}',
            n: '${local.nested.a}',
            o: '${azurerm_resource_group.rg.tags.env}',
            p: '$${literal}',
          },
        },
        azurerm_monitor_diagnostic_setting: {
          ds: {
            log_analytics_workspace_id:
              '${data.terraform_remote_state.cross-stack-reference-input-platform.outputs.cross-stack-output-logs-id}',
            storage_account_id:
              '/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/x',
            eventhub_authorization_rule_id: '${lower(var.open)}',
            target_resource_id: '${azurerm_storage_account.sa.id}',
            partner_solution_id: 7,
          },
        },
      },
    },
    'workload',
  );
  const workspace = buildWorkspace([producer, consumer]);
  const resolver = new Resolver(workspace);
  const sa = consumer.resources.find((r) => r.address === 'azurerm_storage_account.sa')!;
  const ds = consumer.resources.find((r) => r.type === 'azurerm_monitor_diagnostic_setting')!;
  const value = (path: string) => resolver.value(consumer, sa, path);

  test.each([
    // A root variable's default is no promise: -var may set another value.
    ['location', overridable('location', '"norwayeast"')],
    ['name', { kind: 'known', value: 'sa' }],
    ['network_rules.0.default_action', { kind: 'known', value: 'Deny' }],
    ['network_rules', { kind: 'known', value: { default_action: 'Deny' } }],
    ['missing', { kind: 'absent' }],
    ['name.extra', { kind: 'absent' }],
    [
      'a',
      {
        kind: 'oneOf',
        values: ['norwayeast'],
        reason: 'var.bounded is limited by its validation to norwayeast',
      },
    ],
    ['b', { kind: 'unknown', reason: 'var.open has no default and no validation that limits it' }],
    ['c', overridable('location', '"norwayeast"')],
    ['d', { kind: 'unknown', reason: 'local.missing is not defined' }],
    ['e', { kind: 'known', value: 'norwayeast' }],
    [
      'f',
      {
        kind: 'unknown',
        reason:
          'output x comes from the state data.terraform_remote_state.other reads, which is not in the checked estate; pass its stack, plan or state with --context',
      },
    ],
    [
      'g',
      {
        kind: 'unknown',
        reason:
          'output x comes from stack nowhere, which is not in the checked estate; pass its stack, plan or state with --context',
      },
    ],
    ['h', { kind: 'unknown', reason: 'stack platform has no output missing' }],
    ['i', { kind: 'unknown', reason: 'the expression ${upper(var.location)} is computed by Terraform' }],
    ['j', { kind: 'unknown', reason: 'var.undeclared is not declared' }],
    ['k', { kind: 'unknown', reason: 'each.value is not resolvable before apply' }],
    [
      'l',
      {
        kind: 'unknown',
        reason: 'azurerm_missing.x.id refers to azurerm_missing.x, which is not in this configuration',
      },
    ],
    ['m', overridable('settings', '{"region":"norwaywest"}')],
    ['n', { kind: 'known', value: 'b' }],
    ['o', { kind: 'known', value: 'prod' }],
    ['p', { kind: 'known', value: '${literal}' }],
  ])('value %s', (path, expected) => expect(value(path)).toEqual(expected));

  test('results are memoised per resource and path', () => {
    expect(resolver.value(consumer, sa, ['location'])).toBe(resolver.value(consumer, sa, 'location'));
  });

  test('targets: a cross-stack resource, a literal id outside, a computed id, an absent one, a non-id', () => {
    expect(resolver.target(consumer, ds, 'log_analytics_workspace_id')).toMatchObject({
      kind: 'resource',
      model: producer,
      resource: { address: 'azurerm_log_analytics_workspace.logs' },
    });
    expect(resolver.target(consumer, ds, 'target_resource_id')).toMatchObject({
      kind: 'resource',
      model: consumer,
      resource: { address: 'azurerm_storage_account.sa' },
    });
    expect(resolver.target(consumer, ds, 'storage_account_id')).toEqual({
      kind: 'external',
      value: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/x',
    });
    expect(resolver.target(consumer, ds, 'eventhub_authorization_rule_id')).toEqual({
      kind: 'unknown',
      reason: 'eventhub_authorization_rule_id is a computed expression (${lower(var.open)})',
    });
    expect(resolver.target(consumer, ds, 'missing_id')).toEqual({ kind: 'absent' });
    expect(resolver.target(consumer, ds, 'partner_solution_id')).toEqual({
      kind: 'unknown',
      reason: 'partner_solution_id is not a resource id',
    });
  });
});

describe('Resolver on plans', () => {
  const plan = (): TfModel =>
    loadPlan(
      {
        format_version: '1.2',
        planned_values: {
          root_module: {
            resources: [
              {
                address: 'azurerm_resource_group.rg',
                mode: 'managed',
                type: 'azurerm_resource_group',
                name: 'rg',
                values: { location: 'norwayeast', id: '/subscriptions/s/resourceGroups/RG' },
              },
              {
                address: 'azurerm_storage_account.sa',
                mode: 'managed',
                type: 'azurerm_storage_account',
                name: 'sa',
                values: { name: 'sa', n: 3 },
              },
              {
                address: 'azurerm_role_assignment.ra',
                mode: 'managed',
                type: 'azurerm_role_assignment',
                name: 'ra',
                values: { scope: '/subscriptions/s/resourcegroups/rg', other: '/x' },
              },
            ],
          },
        },
        resource_changes: [
          { address: 'azurerm_resource_group.rg', change: { actions: ['no-op'], before: {}, after: {} } },
          {
            address: 'azurerm_storage_account.sa',
            change: {
              actions: ['create'],
              before: null,
              after: {},
              after_unknown: { location: true, id: true, tags: true },
            },
          },
          {
            address: 'azurerm_role_assignment.ra',
            change: {
              actions: ['create'],
              before: null,
              after: {},
              after_unknown: { principal_id: true, role: true },
            },
          },
        ],
        configuration: {
          root_module: {
            resources: [
              {
                address: 'azurerm_storage_account.sa',
                expressions: {
                  location: {
                    references: ['azurerm_resource_group.rg.location', 'azurerm_resource_group.rg'],
                  },
                  tags: { references: ['not a traversal'] },
                },
              },
              {
                address: 'azurerm_role_assignment.ra',
                expressions: {
                  principal_id: {
                    references: ['azurerm_storage_account.sa.id', 'azurerm_storage_account.sa'],
                  },
                },
              },
            ],
          },
        },
      },
      { file: 'plan.json', stack: 'p' },
    );
  const model = plan();
  const resolver = new Resolver(buildWorkspace([model]));
  const at = (address: string) => model.resources.find((r) => r.address === address)!;

  test('an unknown value follows the first reference the configuration records', () => {
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'location')).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'tags')).toEqual({
      kind: 'unknown',
      reason: 'tags of azurerm_storage_account.sa is only known after apply',
    });
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'id')).toEqual({
      kind: 'unknown',
      reason: 'id of azurerm_storage_account.sa is only known after apply',
    });
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'n')).toEqual({ kind: 'known', value: 3 });
    expect(resolver.value(model, at('azurerm_storage_account.sa'), 'missing')).toEqual({ kind: 'absent' });
  });

  test('targets in a plan: by reference, by literal id (case-insensitive), unknown, absent, external', () => {
    const ra = at('azurerm_role_assignment.ra');
    expect(resolver.target(model, ra, 'principal_id')).toMatchObject({
      kind: 'resource',
      resource: { address: 'azurerm_storage_account.sa' },
    });
    expect(resolver.target(model, ra, 'scope')).toMatchObject({
      kind: 'resource',
      resource: { address: 'azurerm_resource_group.rg' },
    });
    expect(resolver.target(model, ra, 'role')).toEqual({
      kind: 'unknown',
      reason: 'role is only known after apply',
    });
    expect(resolver.target(model, ra, 'nothing')).toEqual({ kind: 'absent' });
    expect(resolver.target(model, ra, 'other')).toEqual({ kind: 'external', value: '/x' });
    expect(resolver.target(model, at('azurerm_storage_account.sa'), 'n')).toEqual({
      kind: 'unknown',
      reason: 'n is not a resource id',
    });
  });
});
