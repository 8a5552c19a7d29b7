/**
 * What resolves through the estate: ARM ids and Key Vault URLs to the resources behind them, remote state
 * by cdktf's names and plain ones, references of unknown plan values, module outputs and `each.value`.
 * Plans are shaped as `terraform show -json` writes them (unknowns absent from `after`, true in
 * `after_unknown`, references in `configuration`).
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkspace } from '../../policies/model/build';
import { loadHclDirectory } from '../../policies/model/load-hcl';
import { loadPlan, loadState } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { NOT_IN_ESTATE, Resolver, type Target } from '../../policies/model/resolve';
import type { TfModel, TfResource } from '../../policies/model/types';
import { plan, priorStateWithData, tf } from '../helpers/rule-tester';

const SUB = '11111111-1111-4111-8111-111111111111';
const WORKSPACE_ID = `/subscriptions/${SUB}/resourceGroups/rg-platform/providers/Microsoft.OperationalInsights/workspaces/log-platform`;

/** The platform stack's state: one Log Analytics workspace with its known id, in norwayeast. */
function platformState(): TfModel {
  return loadState(
    {
      format_version: '1.0',
      values: {
        root_module: {
          resources: [
            {
              address: 'azurerm_log_analytics_workspace.logs',
              mode: 'managed',
              type: 'azurerm_log_analytics_workspace',
              name: 'logs',
              values: {
                id: WORKSPACE_ID,
                name: 'log-platform',
                resource_group_name: 'rg-platform',
                location: 'norwayeast',
              },
            },
          ],
        },
      },
    },
    { file: 'state/platform.json', stack: 'platform' },
  );
}

/** The producing stack, as cdktf.out holds it. */
const platform = loadTerraformJson(
  tf(
    {
      'azurerm_resource_group.rg': { name: 'rg-platform', location: 'norwayeast' },
      'azurerm_log_analytics_workspace.logs': {
        name: 'log-platform',
        location: '${azurerm_resource_group.rg.location}',
        resource_group_name: '${azurerm_resource_group.rg.name}',
      },
      'azurerm_storage_account.sa': {
        name: 'stplatform',
        location: 'norwayeast',
        resource_group_name: 'rg-platform',
      },
      'azurerm_storage_container.c': { name: 'data', storage_account_id: '${azurerm_storage_account.sa.id}' },
      'azurerm_key_vault.kv': {
        name: 'kv-platform',
        location: 'norwaywest',
        resource_group_name: 'rg-platform',
      },
      'azurerm_key_vault_key.k': { name: 'cmk', key_vault_id: '${azurerm_key_vault.kv.id}' },
      'azurerm_virtual_network.hub': {
        name: 'vnet-hub',
        location: 'norwayeast',
        resource_group_name: 'rg-platform',
      },
      'azurerm_subnet.s': {
        name: 'snet-a',
        virtual_network_name: '${azurerm_virtual_network.hub.name}',
        resource_group_name: 'rg-platform',
      },
    },
    {
      terraform: { backend: { azurerm: { key: 'platform.tfstate' } } },
      output: { workspace_id: { value: '${azurerm_log_analytics_workspace.logs.id}' } },
    },
  ),
  { file: 'cdktf.out/stacks/platform/cdk.tf.json', stack: 'platform' },
);

function targetText(target: Target): string {
  switch (target.kind) {
    case 'resource':
      return target.resource.address;
    case 'external':
      return `external ${target.value}`;
    case 'unknown':
      return `unknown: ${target.reason}`;
    case 'absent':
      return 'absent';
  }
}

function consumerPlan(id: string, extra: Record<string, unknown> = {}): TfModel {
  return loadPlan(
    plan(
      [{ at: 'azurerm_monitor_diagnostic_setting.d', values: { name: 'd', log_analytics_workspace_id: id } }],
      extra,
    ),
    { file: 'plan.json' },
  );
}

function targetIn(models: readonly TfModel[], consumer: TfModel, address: string, path: string): string {
  const resolver = new Resolver(buildWorkspace([consumer, ...models]));
  return targetText(resolver.target(consumer, consumer.byAddress.get(address) as TfResource, path));
}

describe('a known ARM id resolves to the resource of the estate with that type, resource group and name', () => {
  const cases: [string, string, string][] = [
    ['the exact id', WORKSPACE_ID, 'azurerm_log_analytics_workspace.logs'],
    ['in other letter case', WORKSPACE_ID.toUpperCase(), 'azurerm_log_analytics_workspace.logs'],
    ['a resource group', `/subscriptions/${SUB}/resourceGroups/RG-Platform`, 'azurerm_resource_group.rg'],
    [
      'a child resource (a subnet: its network and its own name)',
      `/subscriptions/${SUB}/resourceGroups/rg-platform/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-a`,
      'azurerm_subnet.s',
    ],
    [
      'a child the estate does not hold lives in its nearest ancestor',
      `/subscriptions/${SUB}/resourceGroups/rg-platform/providers/Microsoft.Storage/storageAccounts/stplatform/blobServices/default`,
      'azurerm_storage_account.sa',
    ],
    [
      'a Key Vault key by its versioned URL',
      'https://kv-platform.vault.azure.net/keys/cmk/0123456789abcdef',
      'azurerm_key_vault_key.k',
    ],
    [
      'another resource group is not the same workspace',
      WORKSPACE_ID.replace('rg-platform', 'rg-other'),
      `external ${WORKSPACE_ID.replace('rg-platform', 'rg-other')}`,
    ],
    [
      'another type with the same name is not the workspace',
      WORKSPACE_ID.replace('Microsoft.OperationalInsights/workspaces', 'Microsoft.Insights/components'),
      `external ${WORKSPACE_ID.replace('Microsoft.OperationalInsights/workspaces', 'Microsoft.Insights/components')}`,
    ],
    [
      'a child whose name has a malformed escape is no id of the estate, not even its ancestor',
      `/subscriptions/${SUB}/resourceGroups/rg-platform/providers/Microsoft.Storage/storageAccounts/stplatform/blobServices/default/containers/bad%zz`,
      `external /subscriptions/${SUB}/resourceGroups/rg-platform/providers/Microsoft.Storage/storageAccounts/stplatform/blobServices/default/containers/bad%zz`,
    ],
    [
      'a key in another vault',
      'https://kv-abroad.vault.azure.net/keys/cmk/1',
      'external https://kv-abroad.vault.azure.net/keys/cmk/1',
    ],
  ];
  test.each(cases)('%s', (_name, id, expected) => {
    expect(
      targetIn(
        [platform],
        consumerPlan(id),
        'azurerm_monitor_diagnostic_setting.d',
        'log_analytics_workspace_id',
      ),
    ).toBe(expected);
  });

  test('a subscription both sides know must agree', () => {
    const state = platformState();
    const other = WORKSPACE_ID.replace(SUB, '22222222-2222-4222-8222-222222222222');
    expect(
      targetIn(
        [state],
        consumerPlan(other),
        'azurerm_monitor_diagnostic_setting.d',
        'log_analytics_workspace_id',
      ),
    ).toBe(`external ${other}`);
    expect(
      targetIn(
        [state],
        consumerPlan(WORKSPACE_ID),
        'azurerm_monitor_diagnostic_setting.d',
        'log_analytics_workspace_id',
      ),
    ).toBe('azurerm_log_analytics_workspace.logs');
  });
});

describe('ids and types the estate cannot read fail closed, without an exception', () => {
  const BAD_ACCOUNT = `/subscriptions/${SUB}/resourceGroups/rg-platform/providers/Microsoft.Storage/storageAccounts/bad%zz`;

  test('a child whose parent id has a malformed escape has a location that is not known', () => {
    const consumer = loadTerraformJson(
      tf({ 'azurerm_storage_container.c': { name: 'c', storage_account_id: BAD_ACCOUNT } }),
      { file: 'cdk.tf.json' },
    );
    const resolver = new Resolver(buildWorkspace([consumer, platform]));
    const container = consumer.byAddress.get('azurerm_storage_container.c')!;
    expect(targetText(resolver.target(consumer, container, 'storage_account_id'))).toBe(
      `external ${BAD_ACCOUNT}`,
    );
    expect(resolver.locationOf(consumer, container)).toEqual({
      kind: 'unknown',
      reason: `the parent of azurerm_storage_container.c (${BAD_ACCOUNT}) is not in the checked estate; pass its stack, plan or state with --context`,
    });
  });

  test('resources of types named like inherited properties (constructor, toString, __proto__) do not stop the lookup by ARM id parts', () => {
    const body = JSON.stringify({ name: 'log-platform', resource_group_name: 'rg-platform' });
    // Parsed, as an input is: in an object literal `__proto__` would be the prototype, not a type.
    const odd = loadTerraformJson(
      JSON.parse(
        `{"resource": {"constructor": {"a": ${body}}, "toString": {"b": ${body}}, "__proto__": {"c": ${body}}}}`,
      ) as Record<string, unknown>,
      { file: 'odd/cdk.tf.json' },
    );
    expect(odd.resources.map((r) => r.address)).toEqual(['constructor.a', 'toString.b', '__proto__.c']);
    expect(
      targetIn(
        [odd, platform],
        consumerPlan(WORKSPACE_ID),
        'azurerm_monitor_diagnostic_setting.d',
        'log_analytics_workspace_id',
      ),
    ).toBe('azurerm_log_analytics_workspace.logs');
  });
});

describe('remote state resolves to the producing stack', () => {
  const consumerSynth = (name: string, config: Record<string, unknown>) =>
    loadTerraformJson(
      tf({
        [`data.terraform_remote_state.${name}`]: { backend: 'azurerm', config },
        'azurerm_monitor_diagnostic_setting.d': {
          name: 'd',
          log_analytics_workspace_id: `\${data.terraform_remote_state.${name}.outputs.workspace_id}`,
        },
      }),
      { file: 'workload/cdk.tf.json', stack: 'workload' },
    );

  test.each([
    ['by cdktf name', 'cross-stack-reference-input-platform', { key: 'elsewhere.tfstate' }],
    ['by a plain name and the backend key it reads', 'platform', { key: 'platform.tfstate' }],
  ])('%s', (_name, name, config) => {
    expect(
      targetIn(
        [platform],
        consumerSynth(name, config),
        'azurerm_monitor_diagnostic_setting.d',
        'log_analytics_workspace_id',
      ),
    ).toBe('azurerm_log_analytics_workspace.logs');
  });

  test('a backend key no input has fails closed, saying what to pass', () => {
    expect(
      targetIn(
        [platform],
        consumerSynth('other', { key: 'other.tfstate' }),
        'azurerm_monitor_diagnostic_setting.d',
        'log_analytics_workspace_id',
      ),
    ).toBe(
      'unknown: output workspace_id comes from the state data.terraform_remote_state.other reads, which is not in the checked estate; pass its stack, plan or state with --context',
    );
  });

  test('by a backend key that is not the stack name, or by a stack named like the key', () => {
    const logs = loadTerraformJson(
      tf(
        { 'azurerm_log_analytics_workspace.logs': { name: 'log-prod', location: 'norwayeast' } },
        {
          terraform: { backend: { azurerm: { key: 'env/prod-logs.tfstate' } } },
          output: { workspace_id: { value: '${azurerm_log_analytics_workspace.logs.id}' } },
        },
      ),
      { file: 'cdktf.out/stacks/logs/cdk.tf.json', stack: 'logs' },
    );
    const shared = loadTerraformJson(
      tf(
        { 'azurerm_log_analytics_workspace.shared': { name: 'log-shared', location: 'norwayeast' } },
        { output: { workspace_id: { value: '${azurerm_log_analytics_workspace.shared.id}' } } },
      ),
      { file: 'cdktf.out/stacks/shared/cdk.tf.json', stack: 'shared' },
    );
    const read = (key: string) =>
      targetIn(
        [logs, shared],
        consumerSynth('remote', { key }),
        'azurerm_monitor_diagnostic_setting.d',
        'log_analytics_workspace_id',
      );
    expect(read('env/prod-logs.tfstate')).toBe('azurerm_log_analytics_workspace.logs');
    expect(read('shared.tfstate')).toBe('azurerm_log_analytics_workspace.shared');
  });

  /** A plan whose diagnostic setting takes its workspace from the platform's remote state, which held no outputs. */
  const remoteStateConsumer = (values: Record<string, unknown>, unknown?: Record<string, unknown>) =>
    loadPlan(
      plan(
        [
          {
            at: 'azurerm_monitor_diagnostic_setting.d',
            values,
            unknown,
            references: {
              log_analytics_workspace_id: [
                'data.terraform_remote_state.platform.outputs.workspace_id',
                'data.terraform_remote_state.platform',
              ],
            },
          },
        ],
        {
          prior_state: priorStateWithData('data.terraform_remote_state.platform', {
            backend: 'azurerm',
            config: { key: 'platform.tfstate' },
            outputs: {},
          }),
        },
      ),
      { file: 'plan.json' },
    );

  test('in a plan, an output the remote state did not hold while planning is read from the producer', () => {
    const consumer = remoteStateConsumer({ name: 'd' }, { log_analytics_workspace_id: true });
    expect(
      targetIn([platform], consumer, 'azurerm_monitor_diagnostic_setting.d', 'log_analytics_workspace_id'),
    ).toBe('azurerm_log_analytics_workspace.logs');
  });

  test('in a plan, a known id the estate does not hold is not replaced by the resource another stack outputs', () => {
    const renamed = WORKSPACE_ID.replace('rg-platform', 'rg-gone');
    const consumer = remoteStateConsumer({ name: 'd', log_analytics_workspace_id: renamed });
    expect(
      targetIn([platform], consumer, 'azurerm_monitor_diagnostic_setting.d', 'log_analytics_workspace_id'),
    ).toBe(`external ${renamed}`);
  });

  test('a remote state the configuration does not declare fails closed', () => {
    const consumer = loadTerraformJson(
      tf({
        'azurerm_monitor_diagnostic_setting.d': {
          name: 'd',
          log_analytics_workspace_id: '${data.terraform_remote_state.undeclared.outputs.workspace_id}',
        },
      }),
      { file: 'workload/cdk.tf.json', stack: 'workload' },
    );
    expect(
      targetIn([platform], consumer, 'azurerm_monitor_diagnostic_setting.d', 'log_analytics_workspace_id'),
    ).toBe(
      `unknown: output workspace_id comes from the state data.terraform_remote_state.undeclared reads, which is ${NOT_IN_ESTATE}`,
    );
  });

  test('in a plan, the outputs the remote state read while planning are the value', () => {
    const consumer = loadPlan(
      plan(
        [
          {
            at: 'azurerm_monitor_diagnostic_setting.d',
            values: { name: 'd' },
            unknown: { log_analytics_workspace_id: true },
            references: {
              log_analytics_workspace_id: [
                'data.terraform_remote_state.platform.outputs.workspace_id',
                'data.terraform_remote_state.platform.outputs',
                'data.terraform_remote_state.platform',
              ],
            },
          },
        ],
        {
          prior_state: priorStateWithData('data.terraform_remote_state.platform', {
            outputs: { workspace_id: WORKSPACE_ID },
          }),
        },
      ),
      { file: 'plan.json' },
    );
    expect(
      targetIn([platform], consumer, 'azurerm_monitor_diagnostic_setting.d', 'log_analytics_workspace_id'),
    ).toBe('azurerm_log_analytics_workspace.logs');
  });
});

describe('unknown plan values follow every reference the configuration records', () => {
  const planWith = (references: readonly string[]) =>
    loadPlan(
      plan([
        { at: 'azurerm_resource_group.east', values: { name: 'rg-e', location: 'norwayeast' } },
        { at: 'azurerm_resource_group.west', values: { name: 'rg-w', location: 'westeurope' } },
        { at: 'azurerm_resource_group.east2', values: { name: 'rg-e2', location: 'norwayeast' } },
        {
          at: 'azurerm_storage_account.sa',
          values: { name: 'sa' },
          unknown: { location: true },
          references: { location: references },
        },
      ]),
      { file: 'plan.json' },
    );
  const location = (model: TfModel) =>
    new Resolver(buildWorkspace([model])).value(
      model,
      model.byAddress.get('azurerm_storage_account.sa')!,
      'location',
    );

  test('one reference (with its prefix) is the value', () => {
    expect(
      location(planWith(['azurerm_resource_group.east.location', 'azurerm_resource_group.east'])),
    ).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
  });

  test('two references that agree are the value', () => {
    expect(
      location(planWith(['azurerm_resource_group.east.location', 'azurerm_resource_group.east2.location'])),
    ).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
  });

  test('a Norway location mixed with anything else is unknown, not the first reference', () => {
    expect(
      location(planWith(['azurerm_resource_group.east.location', 'azurerm_resource_group.west.location'])),
    ).toEqual({
      kind: 'unknown',
      reason:
        'location of azurerm_storage_account.sa is computed from azurerm_resource_group.east.location, azurerm_resource_group.west.location',
    });
  });
});

describe('module outputs and each.value', () => {
  function hcl(files: Record<string, string>): TfModel {
    const dir = mkdtempSync(join(tmpdir(), 'resolve-estate-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return loadHclDirectory(dir);
  }
  const read = (model: TfModel, address: string, path: string) =>
    new Resolver(buildWorkspace([model])).value(model, model.byAddress.get(address)!, path);

  test('plain Terraform: a local module output is the output expression inside the module', () => {
    const model = hcl({
      'main.tf': `
module "region" { source = "./region" }
resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = module.region.primary
}`,
      'region/main.tf': `
locals { primary = "norwayeast" }
output "primary" { value = local.primary }`,
    });
    expect(read(model, 'azurerm_resource_group.rg', 'location')).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
  });

  test('plain Terraform: an output of a nested module is read in the scope of the nested module', () => {
    const model = hcl({
      'main.tf': `
locals { region = "westeurope" }
module "outer" { source = "./outer" }
resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = module.outer.region
}`,
      'outer/main.tf': `
module "inner" { source = "./inner" }
output "region" { value = module.inner.region }`,
      'outer/inner/main.tf': `
locals { region = "norwayeast" }
output "region" { value = local.region }`,
    });
    expect(read(model, 'azurerm_resource_group.rg', 'location')).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
  });

  test('a plan: an unknown value from a module output follows the output references into the module', () => {
    const document = plan([
      {
        at: 'module.region.azurerm_resource_group.rg',
        values: { name: 'rg-region', location: 'norwaywest' },
      },
      {
        at: 'azurerm_storage_account.sa',
        values: { name: 'sa' },
        unknown: { location: true },
        references: { location: ['module.region.location', 'module.region'] },
      },
    ]) as {
      configuration: { root_module: { module_calls: Record<string, { module: Record<string, unknown> }> } };
    };
    document.configuration.root_module.module_calls.region.module.outputs = {
      location: {
        expression: { references: ['azurerm_resource_group.rg.location', 'azurerm_resource_group.rg'] },
      },
    };
    const model = loadPlan(document, { file: 'plan.json' });
    expect(read(model, 'azurerm_storage_account.sa', 'location')).toEqual({
      kind: 'known',
      value: 'norwaywest',
    });
  });

  test('each.value over a literal collection is bounded to its values', () => {
    const synth = loadTerraformJson(
      tf({
        'azurerm_resource_group.both': {
          for_each: { east: 'norwayeast', west: 'norwaywest' },
          name: 'rg-${each.key}',
          location: '${each.value}',
        },
        'azurerm_resource_group.abroad': {
          for_each: ['norwayeast', 'westeurope'],
          name: 'rg-${each.key}',
          location: '${each.value}',
        },
        'azurerm_resource_group.objects': {
          for_each: { a: { region: 'norwayeast' } },
          name: 'rg-${each.key}',
          location: '${each.value.region}',
        },
      }),
      { file: 'cdk.tf.json' },
    );
    expect(read(synth, 'azurerm_resource_group.both', 'location')).toEqual({
      kind: 'oneOf',
      values: ['norwayeast', 'norwaywest'],
      reason: 'each.value ranges over the for_each of azurerm_resource_group.both',
    });
    expect(read(synth, 'azurerm_resource_group.abroad', 'location')).toEqual({
      kind: 'oneOf',
      values: ['norwayeast', 'westeurope'],
      reason: 'each.value ranges over the for_each of azurerm_resource_group.abroad',
    });
    expect(read(synth, 'azurerm_resource_group.objects', 'location')).toEqual({
      kind: 'known',
      value: 'norwayeast',
    });
  });
});

describe('a terraform show -json state is one more input of the estate', () => {
  test('every value known, outputs read, nothing changing', () => {
    const state = loadState(
      {
        format_version: '1.0',
        terraform_version: '1.11.4',
        values: {
          outputs: { workspace_id: { sensitive: false, value: WORKSPACE_ID } },
          root_module: {
            resources: [
              {
                address: 'azurerm_resource_group.rg',
                mode: 'managed',
                type: 'azurerm_resource_group',
                name: 'rg',
                provider_name: 'registry.terraform.io/hashicorp/azurerm',
                values: {
                  id: `/subscriptions/${SUB}/resourceGroups/rg-platform`,
                  name: 'rg-platform',
                  location: 'norwayeast',
                },
              },
            ],
          },
        },
      },
      { file: 'platform.json', stack: 'platform' },
    );
    expect(state.kind).toBe('state');
    expect(state.outputs.get('workspace_id')).toBe(WORKSPACE_ID);
    expect(state.resources.map((r) => [r.address, r.change])).toEqual([
      ['azurerm_resource_group.rg', undefined],
    ]);
  });

  test('a state whose values are not an object is refused, naming the fix', () => {
    expect(() => loadState({ format_version: '1.0', values: [] }, { file: 'state.json' })).toThrow(
      'state.json: values must be an object, got an array; produce the file with `terraform show -json`',
    );
  });
});

describe('a data source attribute the configuration does not write', () => {
  const code = loadTerraformJson(
    tf({
      'data.azurerm_client_config.current': {},
      'azurerm_key_vault.kv': { name: 'kv', tenant_id: '${data.azurerm_client_config.current.tenant_id}' },
    }),
    { file: 'cdktf.out/stacks/app/cdk.tf.json', stack: 'app' },
  );
  const tenant = (models: readonly TfModel[]) =>
    new Resolver(buildWorkspace([code, ...models])).value(
      code,
      code.byAddress.get('azurerm_key_vault.kv')!,
      'tenant_id',
    );

  test('is what a plan of the same stack in the estate read', () => {
    const read = loadPlan(
      plan([], {
        prior_state: priorStateWithData('data.azurerm_client_config.current', { tenant_id: 'home-tenant' }),
      }),
      { file: 'plans/app.json', stack: 'app' },
    );
    expect(tenant([read])).toEqual({ kind: 'known', value: 'home-tenant' });
  });

  test('is what a state of the same stack holds', () => {
    const state = loadState(
      {
        format_version: '1.0',
        values: {
          root_module: {
            resources: [
              {
                address: 'data.azurerm_client_config.current',
                mode: 'data',
                type: 'azurerm_client_config',
                name: 'current',
                values: { tenant_id: 'state-tenant' },
              },
            ],
          },
        },
      },
      { file: 'state/app.json', stack: 'app' },
    );
    expect(tenant([state])).toEqual({ kind: 'known', value: 'state-tenant' });
  });

  test('is absent when the plan of the same stack did not read it', () => {
    const other = loadPlan(plan([{ at: 'azurerm_resource_group.rg', values: { name: 'rg' } }]), {
      file: 'plans/app.json',
      stack: 'app',
    });
    expect(tenant([other])).toEqual({ kind: 'absent' });
  });

  test('is not read from a plan of an input that names no stack', () => {
    const unnamed = loadTerraformJson(
      tf({
        'data.azurerm_client_config.current': {},
        'azurerm_key_vault.kv': { name: 'kv', tenant_id: '${data.azurerm_client_config.current.tenant_id}' },
      }),
      { file: 'main.tf.json' },
    );
    const read = loadPlan(
      plan([], {
        prior_state: priorStateWithData('data.azurerm_client_config.current', { tenant_id: 'home-tenant' }),
      }),
      { file: 'plan.json' },
    );
    expect(
      new Resolver(buildWorkspace([unnamed, read])).value(
        unnamed,
        unnamed.byAddress.get('azurerm_key_vault.kv')!,
        'tenant_id',
      ),
    ).toEqual({ kind: 'absent' });
  });

  test("a managed resource's attribute the configuration does not write stays absent, whatever its plan says", () => {
    const written = loadTerraformJson(tf({ 'azurerm_storage_account.sa': { name: 'sa' } }), {
      file: 'cdktf.out/stacks/app/cdk.tf.json',
      stack: 'app',
    });
    const planned = loadPlan(
      plan([{ at: 'azurerm_storage_account.sa', values: { name: 'sa', min_tls_version: 'TLS1_2' } }]),
      { file: 'plans/app.json', stack: 'app' },
    );
    expect(
      new Resolver(buildWorkspace([written, planned])).value(
        written,
        written.byAddress.get('azurerm_storage_account.sa')!,
        'min_tls_version',
      ),
    ).toEqual({ kind: 'absent' });
  });

  test('is absent without one (the rules fail closed on it)', () => {
    expect(tenant([])).toEqual({ kind: 'absent' });
  });
});

describe('the model a resource was loaded into', () => {
  const storage = platform.byAddress.get('azurerm_storage_account.sa') as TfResource;

  it('is the model whose index holds that very resource', () => {
    const other = loadTerraformJson(tf({ 'azurerm_storage_account.sa': { name: 'stother' } }), {
      file: 'other/cdk.tf.json',
    });
    // The other model has a resource at the same address: it is not the one asked about.
    const resolver = new Resolver(buildWorkspace([other, platform]));
    expect(resolver.modelOf(storage)).toBe(platform);
    expect(resolver.modelOf(other.byAddress.get('azurerm_storage_account.sa') as TfResource)).toBe(other);
  });

  it('is the first of the estate when two inputs share the resource, and none outside it', () => {
    const copy: TfModel = { ...platform, origin: 'copy/cdk.tf.json' };
    expect(new Resolver(buildWorkspace([copy, platform])).modelOf(storage)).toBe(copy);
    expect(new Resolver(buildWorkspace([platform, copy])).modelOf(storage)).toBe(platform);
    expect(new Resolver(buildWorkspace([])).modelOf(storage)).toBeUndefined();
  });
});

describe('ids the estate holds more than once, or names no resource of', () => {
  const synth = (stack: string, resources: Record<string, Record<string, unknown>>) =>
    loadTerraformJson(tf(resources), { file: `cdktf.out/stacks/${stack}/cdk.tf.json`, stack });
  const target = (models: readonly TfModel[], id: string) =>
    targetIn(models, consumerPlan(id), 'azurerm_monitor_diagnostic_setting.d', 'log_analytics_workspace_id');

  test('an ARM id that matches resources of two stacks is ambiguous, naming both', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg-shared`;
    const a = synth('a', { 'azurerm_resource_group.a': { name: 'rg-shared', location: 'norwayeast' } });
    const b = synth('b', { 'azurerm_resource_group.b': { name: 'RG-Shared', location: 'westeurope' } });
    expect(target([a, b], id)).toBe(
      `unknown: the id ${id} matches 2 resources of the estate (azurerm_resource_group.a, azurerm_resource_group.b)`,
    );
  });

  test('a data source reading a resource of the estate does not make its ARM id ambiguous', () => {
    const reader = synth('reader', {
      'data.azurerm_resource_group.platform': { name: 'rg-platform' },
    });
    expect(target([platform, reader], `/subscriptions/${SUB}/resourceGroups/rg-platform`)).toBe(
      'azurerm_resource_group.rg',
    );
  });

  test('a Key Vault key is found by its vault when several vaults hold a key of that name', () => {
    const other = synth('other', {
      'azurerm_key_vault.kv': { name: 'kv-other', location: 'norwayeast', resource_group_name: 'rg-other' },
      'azurerm_key_vault_key.k': { name: 'cmk', key_vault_id: '${azurerm_key_vault.kv.id}' },
    });
    const consumer = consumerPlan('https://kv-other.vault.azure.net/keys/cmk');
    expect(
      new Resolver(buildWorkspace([consumer, platform, other])).target(
        consumer,
        consumer.byAddress.get('azurerm_monitor_diagnostic_setting.d')!,
        'log_analytics_workspace_id',
      ),
    ).toEqual({ kind: 'resource', model: other, resource: other.byAddress.get('azurerm_key_vault_key.k') });
    expect(target([platform, other], 'https://kv-platform.vault.azure.net/keys/cmk')).toBe(
      'azurerm_key_vault_key.k',
    );
  });

  test('a managed key, not a data source reading a key of that name, is what a Key Vault URL names', () => {
    const reader = synth('reader', {
      'data.azurerm_key_vault_key.k': {
        name: 'cmk',
        key_vault_id: `/subscriptions/${SUB}/resourceGroups/rg-platform/providers/Microsoft.KeyVault/vaults/kv-platform`,
      },
    });
    expect(target([platform, reader], 'https://kv-platform.vault.azure.net/keys/cmk')).toBe(
      'azurerm_key_vault_key.k',
    );
  });

  test('a Key Vault URL naming a key the estate does not hold is external', () => {
    expect(target([platform], 'https://kv-platform.vault.azure.net/keys/missing')).toBe(
      'external https://kv-platform.vault.azure.net/keys/missing',
    );
  });

  test('a key whose vault is outside the estate is not matched by a URL naming that vault', () => {
    const orphan = synth('orphan', {
      'azurerm_key_vault_key.orphan': {
        name: 'orphan',
        key_vault_id: `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/kv-orphan`,
      },
    });
    expect(target([orphan], 'https://kv-orphan.vault.azure.net/keys/orphan')).toBe(
      'external https://kv-orphan.vault.azure.net/keys/orphan',
    );
  });
});

describe('a known subscription and the ids that name the resource', () => {
  const state = platformState();
  test('a child id in the same subscription lives in the resource', () => {
    expect(
      targetIn(
        [state],
        consumerPlan(`${WORKSPACE_ID}/tables/AppLogs`),
        'azurerm_monitor_diagnostic_setting.d',
        'log_analytics_workspace_id',
      ),
    ).toBe('azurerm_log_analytics_workspace.logs');
  });

  test('an id template leaving the subscription to Terraform matches the resource in any subscription', () => {
    const consumer = loadTerraformJson(
      tf({
        'data.azurerm_client_config.c': {},
        'azurerm_monitor_diagnostic_setting.d': {
          name: 'd',
          log_analytics_workspace_id:
            '/subscriptions/${data.azurerm_client_config.c.subscription_id}/resourceGroups/rg-platform/providers/Microsoft.OperationalInsights/workspaces/log-platform',
        },
      }),
      { file: 'workload/cdk.tf.json', stack: 'workload' },
    );
    expect(
      targetIn([state], consumer, 'azurerm_monitor_diagnostic_setting.d', 'log_analytics_workspace_id'),
    ).toBe('azurerm_log_analytics_workspace.logs');
  });
});

describe('an id template with more left to Terraform than the subscription', () => {
  const templated = (id: string) =>
    loadTerraformJson(
      tf(
        {
          'data.azurerm_client_config.c': {},
          'azurerm_monitor_diagnostic_setting.d': { name: 'd', log_analytics_workspace_id: id },
        },
        { variable: { base: {}, name: {} } },
      ),
      { file: 'workload/cdk.tf.json', stack: 'workload' },
    );
  const SUBSCRIPTION = '/subscriptions/${data.azurerm_client_config.c.subscription_id}';

  test.each([
    `\${var.base}${SUBSCRIPTION}/resourceGroups/rg-platform/providers/Microsoft.OperationalInsights/workspaces/log-platform`,
    `${SUBSCRIPTION}/resourceGroups/rg-platform/providers/Microsoft.OperationalInsights/workspaces/\${var.name}`,
  ])('%s is a computed expression', (id) => {
    expect(
      targetIn(
        [platform],
        templated(id),
        'azurerm_monitor_diagnostic_setting.d',
        'log_analytics_workspace_id',
      ),
    ).toBe(`unknown: log_analytics_workspace_id is a computed expression (${id})`);
  });
});

describe('resources of the estate by name', () => {
  const other = loadTerraformJson(
    tf(
      {
        'azurerm_storage_account.copy': {
          name: 'STPLATFORM',
          location: 'norwayeast',
          resource_group_name: 'rg-x',
        },
        'azurerm_storage_account.open': { name: '${var.open}', location: 'norwayeast' },
        'data.azurerm_storage_account.read': { name: 'stplatform', resource_group_name: 'rg-platform' },
        'azurerm_key_vault.stplatform': { name: 'stplatform', location: 'norwayeast' },
      },
      { variable: { open: {} } },
    ),
    { file: 'cdktf.out/stacks/other/cdk.tf.json', stack: 'other' },
  );
  const resolver = new Resolver(buildWorkspace([platform, other]));

  test('are the managed resources of that type with that name, in any letter case, in workspace order', () => {
    expect(resolver.named('azurerm_storage_account', 'StPlatform')).toEqual([
      { model: platform, resource: platform.byAddress.get('azurerm_storage_account.sa') },
      { model: other, resource: other.byAddress.get('azurerm_storage_account.copy') },
    ]);
    expect(resolver.named('azurerm_key_vault', 'kv-platform')).toEqual([
      { model: platform, resource: platform.byAddress.get('azurerm_key_vault.kv') },
    ]);
  });

  test('a name nothing of that type has names nothing', () => {
    expect(resolver.named('azurerm_storage_account', 'nothing')).toEqual([]);
    expect(resolver.named('azurerm_storage_account', 'kv-platform')).toEqual([]);
  });
});
