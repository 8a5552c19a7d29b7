/**
 * policies/model/resolve.ts on synthesized JSON: what each kind of reference resolves to (variables,
 * locals, cross-stack outputs), unknown values and validation bounds, each result checked exactly.
 * The other aspects: resolve.plan.test.ts (plans) and resolve.estate.test.ts (several inputs).
 */
import { overridable } from '../helpers/variables';
import { buildWorkspace } from '../../policies/model/build';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { boundByValidation, isUnknownAt, Resolver } from '../../policies/model/resolve';
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

  test('a type with no location and no parent it could name has no location to verify', () => {
    expect(resolver.locationOf(model, at(model, 'azurerm_future_thing.x'))).toEqual({
      kind: 'unknown',
      reason: 'azurerm_future_thing.x has no location to verify',
    });
  });
});
