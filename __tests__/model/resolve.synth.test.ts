/**
 * policies/model/resolve.ts on synthesized JSON: what each kind of reference resolves to (variables,
 * locals, cross-stack outputs), unknown values and validation bounds, each result checked exactly.
 * The other aspects: resolve.plan.test.ts (plans) and resolve.estate.test.ts (several inputs).
 */
import { overridable } from '../helpers/variables';
import { buildWorkspace } from '../../policies/model/build';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { boundByValidation, isUnknownAt, Resolver, validationHint } from '../../policies/model/resolve';
import type { TfModel, TfResource } from '../../policies/model/types';

function at(model: TfModel, address: string): TfResource {
  const found = model.byAddress.get(address);
  if (!found) throw new Error(`no ${address} in ${[...model.byAddress.keys()].join(', ')}`);
  return found;
}

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

describe('synthesized JSON: what each kind of reference resolves to', () => {
  const producer = loadTerraformJson(
    {
      output: {
        settings: { value: { region: 'norwayeast' } },
        plain: { value: 'norwayeast' },
        nothing: { value: null },
      },
    },
    { file: 'platform.tf.json', stack: 'platform' },
  );
  const remote = (rest: string) =>
    `\${data.terraform_remote_state.cross-stack-reference-input-platform.${rest}}`;
  const consumer = loadTerraformJson(
    {
      variable: {
        settings: { default: { region: 'norwaywest' } },
        nullish: { default: null },
        scope_id: { default: '/subscriptions/s/resourceGroups/shared' },
        bounded: { validation: [{ condition: '${contains(["norwayeast"], var.bounded)}' }] },
      },
      locals: { region: '${lower(var.settings)}' },
      data: {
        azurerm_resource_group: { existing: { name: 'rg', location: 'norwayeast' } },
        terraform_remote_state: { 'cross-stack-reference-input-platform': { backend: 'azurerm' } },
      },
      resource: {
        azurerm_resource_group: {
          literal: { id: '/subscriptions/s/resourceGroups/literal', location: 'norwayeast' },
        },
        azurerm_storage_account: {
          sa: {
            from_module: '${module.network.subnet_id}',
            from_count: '${count.index}',
            from_self: '${self.id}',
            from_path: '${path.module}',
            from_terraform: '${terraform.workspace}',
            from_data: '${data.azurerm_resource_group.existing.location}',
            from_missing_data: '${data.azurerm_resource_group.gone.location}',
            remote_config: remote('config.x'),
            remote_object: remote('outputs.settings.region'),
            remote_literal_deeper: remote('outputs.plain.region'),
            remote_null: remote('outputs.nothing'),
            settings: '${var.settings}',
            literal: 'norwayeast',
            computed: '${upper(var.settings)}',
            block: [{ nested: { deeper: 'x' } }],
            nullish: '${var.nullish}',
            bounded: '${var.bounded}',
            literal_id: '/subscriptions/s/resourceGroups/literal',
            numbers: [1, 2],
            from_local: '${local.region}',
            written_null: null,
            id_from_var: '${var.scope_id}',
          },
        },
      },
    },
    { file: 'workload.tf.json', stack: 'workload' },
  );
  const sa = at(consumer, 'azurerm_storage_account.sa');
  const fresh = () => new Resolver(buildWorkspace([producer, consumer]));
  const value = (path: string) => fresh().value(consumer, sa, path);

  test.each([
    ['from_module', 'module.network.subnet_id'],
    ['from_count', 'count.index'],
    ['from_self', 'self.id'],
    ['from_path', 'path.module'],
    ['from_terraform', 'terraform.workspace'],
  ])('%s: known only at apply', (path, text) =>
    expect(value(path)).toEqual({ kind: 'unknown', reason: `${text} is not resolvable before apply` }),
  );

  test.each([
    ['from_data', { kind: 'known', value: 'norwayeast' }],
    [
      'from_missing_data',
      {
        kind: 'unknown',
        reason:
          'data.azurerm_resource_group.gone.location refers to data.azurerm_resource_group.gone, which is not in this configuration',
      },
    ],
    [
      'remote_config',
      {
        kind: 'unknown',
        reason:
          'data.terraform_remote_state.cross-stack-reference-input-platform is read from another state at apply time',
      },
    ],
    ['remote_object', { kind: 'known', value: 'norwayeast' }],
    ['remote_literal_deeper', { kind: 'absent' }],
    ['remote_null', { kind: 'absent' }],
    // A string part-way along the path is resolved, then the rest of the path read inside its value.
    // ... but a root variable's default is no promise: -var may set another value.
    ['settings.region', overridable('settings', '{"region":"norwaywest"}')],
    ['settings.missing', overridable('settings', '{"region":"norwaywest"}')],
    ['literal.region', { kind: 'absent' }],
    [
      'computed.region',
      { kind: 'unknown', reason: 'the expression ${upper(var.settings)} is computed by Terraform' },
    ],
    ['block.0.nested.deeper', { kind: 'known', value: 'x' }],
    ['nullish', overridable('nullish', 'null')],
    ['written_null', { kind: 'absent' }],
    // A local (like a default or a module input) may itself hold an expression Terraform computes.
    [
      'from_local',
      { kind: 'unknown', reason: 'the expression ${lower(var.settings)} is computed by Terraform' },
    ],
  ])('%s', (path, expected) => expect(value(path)).toEqual(expected));

  test('a key holding a dot is memoised apart from the nested keys it looks like', () => {
    const tagged = loadTerraformJson(
      {
        resource: {
          azurerm_resource_group: {
            rg: { tags: { 'kubernetes.io/role': 'dotted', kubernetes: { 'io/role': 'nested' } } },
          },
        },
      },
      { file: 'tags.tf.json' },
    );
    const rg = at(tagged, 'azurerm_resource_group.rg');
    const resolver = new Resolver(buildWorkspace([tagged]));
    expect(resolver.value(tagged, rg, ['tags', 'kubernetes.io/role'])).toEqual({
      kind: 'known',
      value: 'dotted',
    });
    expect(resolver.value(tagged, rg, ['tags', 'kubernetes', 'io/role'])).toEqual({
      kind: 'known',
      value: 'nested',
    });
    expect(resolver.value(tagged, rg, 'tags.kubernetes.io/role')).toEqual({ kind: 'known', value: 'nested' });
  });

  test('paths given as segments are memoised each under their own key', () => {
    const resolver = fresh();
    expect(resolver.value(consumer, sa, ['literal'])).toEqual({ kind: 'known', value: 'norwayeast' });
    expect(resolver.value(consumer, sa, ['block', 0, 'nested'])).toEqual({
      kind: 'known',
      value: { deeper: 'x' },
    });
    expect(resolver.value(consumer, sa, ['block', 0, 'nested', 'deeper'])).toEqual({
      kind: 'known',
      value: 'x',
    });
  });

  test.each([
    ['settings', overridable('settings', '{"region":"norwaywest"}')],
    ['bounded', { kind: 'unknown', reason: 'var.bounded is limited by its validation to norwayeast' }],
    ['nullish', overridable('nullish', 'null')],
    ['written_null', { kind: 'absent' }],
    ['missing', { kind: 'absent' }],
    // A variable whose default is an id: no promise either.
    ['id_from_var', overridable('scope_id', '"/subscriptions/s/resourceGroups/shared"')],
    ['from_self', { kind: 'unknown', reason: 'self.id is not resolvable before apply' }],
    // An `id` written in configuration is an argument, not the id Azure assigns: nothing is matched by it.
    ['literal_id', { kind: 'external', value: '/subscriptions/s/resourceGroups/literal' }],
    ['numbers.1', { kind: 'unknown', reason: 'numbers is not a resource id' }],
    ['block.0.nested', { kind: 'unknown', reason: 'block.nested is not a resource id' }],
  ])('target %s', (path, expected) => expect(fresh().target(consumer, sa, path)).toEqual(expected));

  test('the depth guard also holds for a value asked for directly at too great a depth', () => {
    expect(fresh().value(consumer, sa, 'literal', 32)).toEqual({ kind: 'known', value: 'norwayeast' });
    expect(fresh().value(consumer, sa, 'literal', 33)).toEqual({
      kind: 'unknown',
      reason: 'references nest too deep (a cycle?)',
    });
  });

  test.each([
    [32, { kind: 'known', value: 'norwayeast' }],
    [33, { kind: 'unknown', reason: 'references nest too deep (a cycle?)' }],
  ])('a chain of %i resource references ends at the depth limit', (length, expected) => {
    // r0.location → r1.location → … → r<length>.location = "norwayeast"
    const groups: Record<string, unknown> = {};
    for (let i = 0; i < length; i++)
      groups[`r${i}`] = { location: `\${azurerm_resource_group.r${i + 1}.location}` };
    groups[`r${length}`] = { location: 'norwayeast' };
    const chain = loadTerraformJson(
      { resource: { azurerm_resource_group: groups } },
      { file: 'chain.tf.json' },
    );
    expect(
      new Resolver(buildWorkspace([chain])).value(chain, at(chain, 'azurerm_resource_group.r0'), 'location'),
    ).toEqual(expected);
  });
});

describe('locationOf a resource that lives in its parent', () => {
  const ACCOUNT_ID =
    '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/elsewhere';
  const model = loadTerraformJson(
    {
      variable: { account: {}, nothing: { default: null } },
      resource: {
        azurerm_storage_account: { sa: { name: 'sa', location: 'norwaywest' } },
        azurerm_storage_container: {
          inEstate: { name: 'a', storage_account_id: '${azurerm_storage_account.sa.id}' },
          outside: { name: 'b', storage_account_id: ACCOUNT_ID },
          unresolved: { name: 'c', storage_account_id: '${var.account}' },
          nullDefault: { name: 'd', storage_account_id: '${var.nothing}' },
          unnamed: { name: 'e' },
          byName: { name: 'f', storage_account_name: '${azurerm_storage_account.sa.name}' },
        },
        azurerm_future_thing: { x: { name: 'x' } },
      },
    },
    { file: 'cdk.tf.json', stack: 'app' },
  );
  const resolver = new Resolver(buildWorkspace([model]));
  const locationOf = (name: string) =>
    resolver.locationOf(model, at(model, `azurerm_storage_container.${name}`));

  test.each([
    [
      'whose account is in the estate is where the account is',
      'inEstate',
      { kind: 'known', value: 'norwaywest' },
    ],
    [
      'whose account id is outside the estate cannot be placed, and says where to look',
      'outside',
      {
        kind: 'unknown',
        reason: `the parent of azurerm_storage_container.outside (${ACCOUNT_ID}) is not in the checked estate; pass its stack, plan or state with --context`,
      },
    ],
    [
      'that names its account by name is where the account is',
      'byName',
      { kind: 'known', value: 'norwaywest' },
    ],
    [
      'that names no account cannot be placed',
      'unnamed',
      { kind: 'unknown', reason: 'azurerm_storage_container.unnamed names no parent (storage_account_id)' },
    ],
  ])('a container %s', (_description, name, expected) => {
    expect(locationOf(name)).toEqual(expected);
  });

  test('a parent that cannot be resolved is no place: the reason says why', () => {
    for (const name of ['unresolved', 'nullDefault']) {
      const location = locationOf(name);
      expect(location.kind).toBe('unknown');
      expect(location.kind === 'unknown' && location.reason).toMatch(
        new RegExp(`^the parent of azurerm_storage_container\\.${name} cannot be resolved: var\\.`),
      );
    }
  });

  test('parents that refer to each other in a cycle nest too deep', () => {
    const cycle = loadTerraformJson(
      {
        resource: {
          azurerm_future_thing: {
            a: { name: 'a', storage_account_id: '${azurerm_future_thing.b.id}' },
            b: { name: 'b', storage_account_id: '${azurerm_future_thing.a.id}' },
          },
        },
      },
      { file: 'cycle.tf.json', stack: 'cycle' },
    );
    expect(
      new Resolver(buildWorkspace([cycle])).locationOf(cycle, at(cycle, 'azurerm_future_thing.a')),
    ).toEqual({
      kind: 'unknown',
      reason: 'the parents of azurerm_future_thing.a nest too deep',
    });
  });

  test('a type with no location and no parent it could name has no location to verify', () => {
    expect(resolver.locationOf(model, at(model, 'azurerm_future_thing.x'))).toEqual({
      kind: 'unknown',
      reason: 'azurerm_future_thing.x has no location to verify',
    });
  });
});

describe('validations that bound a variable exactly', () => {
  const zones = (condition: string, rest: (string | number)[]) =>
    boundByValidation('zones', [{ condition }], rest);

  test('alltrue over contains() bounds each element of a list variable, and nothing else', () => {
    const condition = '${alltrue([for z in var.zones : contains(["1", "2"], z) ])}';
    expect(zones(condition, [0])).toEqual({
      kind: 'oneOf',
      values: ['1', '2'],
      reason: 'var.zones (each element) is limited by its validation to 1, 2',
    });
    // An attribute of an element, or the whole list, is not what the validation bounds.
    expect(zones(condition, ['name'])).toBeUndefined();
    expect(zones(condition, [])).toBeUndefined();
  });

  test('alltrue bounds only its own variable, and only when contains() tests the loop variable', () => {
    expect(zones('alltrue([for z in var.other : contains(["1"], z)])', [0])).toBeUndefined();
    expect(zones('alltrue([for z in var.zones : contains(["1"], y)])', [0])).toBeUndefined();
    expect(zones('alltrue([for z in var.zones : contains(["1"], z) || true])', [0])).toBeUndefined();
  });

  test('an equality with a literal bounds its own variable to that one value', () => {
    expect(boundByValidation('sku', [{ condition: '${var.sku == "Premium"}' }])).toEqual({
      kind: 'oneOf',
      values: ['Premium'],
      reason: 'var.sku is limited by its validation to Premium',
    });
    expect(boundByValidation('replicas', [{ condition: 'var.replicas == 3' }])).toEqual({
      kind: 'oneOf',
      values: [3],
      reason: 'var.replicas is limited by its validation to 3',
    });
    expect(boundByValidation('sku', [{ condition: 'var.other == "Premium"' }])).toBeUndefined();
  });

  test('the hint for a string is a contains() validation, for a region the Norway regions', () => {
    expect(validationHint('sku', 'Premium')).toBe(
      'validation { condition = contains(["Premium"], var.sku) }',
    );
    expect(validationHint('location', 'westeurope')).toBe(
      'validation { condition = contains(["norwayeast", "norwaywest"], var.location) }',
    );
    expect(validationHint('tags', { env: 'prod' })).toBe(
      'a validation block whose condition limits var.tags to allowed values',
    );
  });

  test('the hint for a number or a boolean is an equality validation', () => {
    expect(validationHint('replicas', 3)).toBe('validation { condition = var.replicas == 3 }');
    expect(validationHint('enabled', true)).toBe('validation { condition = var.enabled == true }');
  });
});

describe('synthesized JSON: each, module instances and values that are no id', () => {
  const long = 'x'.repeat(70);
  const model = loadTerraformJson(
    {
      variable: {
        open: {},
        long: { default: long },
        bounded: { validation: [{ condition: 'contains(["norwayeast"], var.bounded)' }] },
      },
      locals: { n: 5, nothing: null, where: { region: 'norwayeast' } },
      resource: {
        azurerm_resource_group: {
          unknownEach: { for_each: '${var.open}', name: 'rg', location: '${each.value}' },
          emptyEach: { for_each: '${local.nothing}', name: 'rg', location: '${each.value}' },
          numberEach: { for_each: '${local.n}', name: 'rg', location: '${each.value}' },
          keys: {
            for_each: { east: 'norwayeast', west: 'norwaywest' },
            name: '${each.key}',
            location: '${each.key.region}',
          },
          partial: {
            for_each: { a: { region: 'norwayeast' }, b: {} },
            name: 'rg',
            location: '${each.value.region}',
          },
          expressions: {
            for_each: { a: '${var.open}', b: 'norwayeast' },
            name: 'rg',
            location: '${each.value}',
          },
          moduleInstance: { name: 'rg', location: '${module.m[0].location}' },
          boundedEach: { for_each: '${var.bounded}', name: 'rg', location: '${each.value}' },
          nullRegion: {
            for_each: { a: { region: 'norwayeast' }, b: { region: null } },
            name: 'rg',
            location: '${each.value.region}',
          },
          numbers: { for_each: { a: 1, b: 2 }, name: 'rg', location: '${each.value}' },
          otherEach: { for_each: { a: 'norwayeast' }, name: 'rg', location: '${each.other}' },
          object: { name: 'rg', location: '${local.where}' },
          longDefault: { name: 'rg', location: '${var.long}' },
        },
        azurerm_monitor_diagnostic_setting: {
          ds: {
            name: 'ds',
            target_resource_id: '${local.n}',
            storage_account_id: '${local.nothing}',
            eventhub_authorization_rule_id: '${var.open}/authorizationRules/send',
          },
        },
      },
    },
    { file: 'each.tf.json', stack: 'each' },
  );
  const resolver = new Resolver(buildWorkspace([model]));
  const value = (address: string, path: string) => resolver.value(model, at(model, address), path);

  test.each([
    [
      'unknownEach',
      'each.value: the for_each of azurerm_resource_group.unknownEach is not known (var.open has no default and no validation that limits it)',
    ],
    ['emptyEach', 'each.value: the for_each of azurerm_resource_group.emptyEach is not known (empty)'],
    ['numberEach', 'each.value: the for_each of azurerm_resource_group.numberEach is not a collection'],
    ['keys', 'each.key.region is not set for every key of the for_each of azurerm_resource_group.keys'],
    [
      'partial',
      'each.value.region is not set for every key of the for_each of azurerm_resource_group.partial',
    ],
    ['expressions', 'each.value holds expressions'],
    [
      'boundedEach',
      'each.value: the for_each of azurerm_resource_group.boundedEach is not known (var.bounded is limited by its validation to norwayeast)',
    ],
    ['otherEach', 'each.other is not resolvable before apply'],
    [
      'nullRegion',
      'each.value.region is not set for every key of the for_each of azurerm_resource_group.nullRegion',
    ],
  ])('each in %s cannot be bounded: the reason says why', (name, reason) => {
    expect(value(`azurerm_resource_group.${name}`, 'location')).toEqual({ kind: 'unknown', reason });
  });

  test('each.key ranges over the keys of a literal for_each', () => {
    expect(value('azurerm_resource_group.keys', 'name')).toEqual({
      kind: 'oneOf',
      values: ['east', 'west'],
      reason: 'each.key ranges over the for_each of azurerm_resource_group.keys',
    });
  });

  test('each.value over values that are not strings ranges over them', () => {
    expect(value('azurerm_resource_group.numbers', 'location')).toEqual({
      kind: 'oneOf',
      values: [1, 2],
      reason: 'each.value ranges over the for_each of azurerm_resource_group.numbers',
    });
  });

  test('an output of one instance of a module is not resolvable before apply', () => {
    expect(value('azurerm_resource_group.moduleInstance', 'location')).toEqual({
      kind: 'unknown',
      reason: 'module.m.0.location is not resolvable before apply (a module instance)',
    });
  });

  test('a long default is shortened in the reason, the hint names it whole', () => {
    expect(value('azurerm_resource_group.longDefault', 'location')).toEqual({
      kind: 'unknown',
      reason:
        `var.long has a default (${JSON.stringify(long).slice(0, 57)}...), but -var, TF_VAR_long or another ` +
        `tfvars file may set any value; only a validation restricts it: validation { condition = contains(["${long}"], var.long) }`,
    });
  });

  test('a path inside a reference to an object reads into the object', () => {
    expect(value('azurerm_resource_group.object', 'location.region')).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
  });

  test('an id suffix after a reference that cannot be resolved leaves the reason of the reference', () => {
    expect(
      resolver.target(
        model,
        at(model, 'azurerm_monitor_diagnostic_setting.ds'),
        'eventhub_authorization_rule_id',
      ),
    ).toEqual({ kind: 'unknown', reason: 'var.open has no default and no validation that limits it' });
  });

  test('a target that resolves to null is absent', () => {
    expect(
      resolver.target(model, at(model, 'azurerm_monitor_diagnostic_setting.ds'), 'storage_account_id'),
    ).toEqual({
      kind: 'absent',
    });
  });

  test('a target that resolves to a number is no resource id', () => {
    expect(
      resolver.target(model, at(model, 'azurerm_monitor_diagnostic_setting.ds'), 'target_resource_id'),
    ).toEqual({
      kind: 'unknown',
      reason: 'it is not a resource id',
    });
  });
});

describe('how synthesized JSON writes a value', () => {
  const model = loadTerraformJson(
    {
      variable: { open: {} },
      resource: {
        azurerm_linux_web_app: {
          app: {
            name: 'app',
            location: '${var.open}',
            https_only: true,
            site_config: [
              {
                always_on: true,
                dynamic: { ip_restriction: { for_each: '${var.open}', content: { action: 'Allow' } } },
              },
            ],
            dynamic: { storage_account: { for_each: '${var.open}', content: { name: 's' } } },
          },
        },
      },
    },
    { file: 'app.tf.json', stack: 'app' },
  );
  const resolver = new Resolver(buildWorkspace([model]));
  const app = at(model, 'azurerm_linux_web_app.app');

  test.each([
    ['name', true],
    ['https_only', true],
    ['location', false],
    ['missing', false],
  ])('%s is written as a literal: %s', (path, expected) => {
    expect(resolver.isLiteral(app, path)).toBe(expected);
  });

  test.each([
    ['storage_account', true],
    ['site_config.0.ip_restriction', true],
    ['site_config', false],
    ['site_config.0.always_on', false],
    ['ip_restriction', false],
  ])('blocks at %s are generated by a dynamic block: %s', (path, expected) => {
    expect(resolver.isDynamicBlock(app, path)).toBe(expected);
  });
});
