/** policies/model/load-terraform-json.ts: the synthesized fixture (references, variables, locals) and the less common shapes of Terraform JSON. */
import { join } from 'node:path';
import { buildWorkspace } from '../../policies/model/build';
import { loadPath } from '../../policies/model/load-path';
import {
  loadTerraformJson,
  describeType,
  readTerraformJsonParts,
} from '../../policies/model/load-terraform-json';
import { Resolver } from '../../policies/model/resolve';
import { asBlocks, getPath } from '../../policies/model/values';
import { TfModel, InputError } from '../../policies/model/types';

const FIXTURES = join(__dirname, '..', 'fixtures');
const SYNTH = join(FIXTURES, 'synth', 'cdk.tf.json');

function must(model: TfModel, address: string) {
  const resource = model.byAddress.get(address);
  if (!resource) throw new Error(`no ${address}`);
  return resource;
}

/** The message `fn` throws, asserting it is an InputError. */
function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('cdk.tf.json with references, variables and locals', () => {
  let model: TfModel;
  let resolver: Resolver;
  beforeAll(() => {
    [model] = loadPath(SYNTH);
    resolver = new Resolver(buildWorkspace([model]));
  });

  it('reads resources and data sources with construct paths, stack and provider', () => {
    expect([...model.byAddress.keys()].sort()).toEqual([
      'azurerm_key_vault.vault',
      'azurerm_log_analytics_workspace.logs',
      'azurerm_resource_group.main',
      'azurerm_storage_account.backup',
      'azurerm_storage_account.records',
      'azurerm_storage_object_replication.copy',
      'data.azurerm_client_config.current',
    ]);
    const records = must(model, 'azurerm_storage_account.records');
    expect(records.source).toEqual({
      file: SYNTH,
      stack: 'records-prod',
      constructPath: 'records-prod/Records/Storage/Resource',
      module: '',
      line: undefined,
    });
    expect(records.provider).toBe('azurerm');
    expect(records.providerSource).toBe('azurerm');
    expect(records.preventDestroy).toBe(true);
    expect(records.valuesAreExpressions).toBe(true);
    expect(Object.keys(records.values)).not.toEqual(expect.arrayContaining(['count', 'lifecycle', '//']));
    expect(model.kind).toBe('synth');
    expect(model.stack).toBe('records-prod');
    expect(model.backend).toEqual({
      type: 'azurerm',
      config: {
        container_name: 'tfstate',
        key: 'records-prod.tfstate',
        resource_group_name: 'rg-tfstate',
        storage_account_name: 'sthelsetfstate',
        use_azuread_auth: true,
      },
    });
    expect(must(model, 'data.azurerm_client_config.current').mode).toBe('data');
  });

  it('reads construct suppressions from the "//" metadata', () => {
    expect(model.suppressions).toEqual([
      {
        spec: { ruleId: 'NET-005', reason: 'Private endpoint lives in the hub stack', expires: '2027-06-30' },
        origin: { kind: 'construct', where: 'records-prod/Records/Storage/Resource', index: 0 },
        address: 'azurerm_storage_account.records',
      },
    ]);
  });

  it('keeps connection and provisioner blocks apart from the attributes; a suppression that is not an object keeps its place', () => {
    const loaded = loadTerraformJson(
      {
        resource: {
          azurerm_linux_virtual_machine: {
            vm: {
              name: 'vm',
              connection: { type: 'ssh', password: 'x' },
              provisioner: [{ 'remote-exec': { inline: ['true'] } }],
            },
            plain: {
              name: 'plain',
              '//': { norway_policy: { suppressions: ['NET-001 because'] } },
            },
          },
        },
      },
      { file: 'vm.tf.json' },
    );
    const [vm, plain] = loaded.resources;
    expect(vm.values).toEqual({ name: 'vm' });
    expect(vm.provisioning).toEqual({
      connection: { type: 'ssh', password: 'x' },
      provisioner: [{ 'remote-exec': { inline: ['true'] } }],
    });
    expect(plain.provisioning).toBeUndefined();
    expect(loaded.suppressions).toEqual([
      {
        spec: { ruleId: undefined, reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: 'azurerm_linux_virtual_machine.plain', index: 0 },
        address: 'azurerm_linux_virtual_machine.plain',
      },
    ]);
  });

  it('a resource names its provider configuration by local name and alias, whatever its type prefix', () => {
    const loaded = loadTerraformJson(
      {
        terraform: { required_providers: { myazure: { source: 'hashicorp/azurerm' } } },
        resource: { azurerm_resource_group: { rg: { provider: 'myazure.dr', location: 'norwayeast' } } },
      },
      { file: 'p.tf.json' },
    );
    const [rg] = loaded.resources;
    expect([rg.provider, rg.providerSource]).toEqual(['azurerm', 'hashicorp/azurerm']);
    expect(rg.values).toEqual({ location: 'norwayeast' });
  });

  it('reads provider blocks, aliases side by side; a provider that is not a block is refused', () => {
    const loaded = loadTerraformJson(
      { provider: { azurerm: [{ features: [{}] }, { alias: 'dr', features: [{}] }], random: {} } },
      { file: 'p.tf.json' },
    );
    expect(loaded.providerConfigs).toEqual([
      { name: 'azurerm', alias: undefined, config: { features: [{}] } },
      { name: 'azurerm', alias: 'dr', config: { alias: 'dr', features: [{}] } },
      { name: 'random', alias: undefined, config: {} },
    ]);
    expect(loadTerraformJson({}, { file: 'p.tf.json' }).providerConfigs).toEqual([]);
    expect(() => loadTerraformJson({ provider: { azurerm: 'x' } }, { file: 'p.tf.json' })).toThrow(
      'p.tf.json: provider "azurerm" must be a block (an object)',
    );
    expect(() => loadTerraformJson({ provider: ['azurerm'] }, { file: 'p.tf.json' })).toThrow(
      'p.tf.json: "provider" must be an object of provider names',
    );
  });

  it('reads variables with defaults and validations, and locals', () => {
    expect(model.variables.get('region')).toMatchObject({
      default: 'norwayeast',
      hasDefault: true,
      hasValue: false,
    });
    expect(model.variables.get('region')?.validations).toHaveLength(1);
    expect(model.variables.get('free_text')).toMatchObject({ hasDefault: false });
    expect(model.locals.get('dr_location')).toBe('${local.primary}');
  });

  it('resolves a local that is a variable bounded by its validation', () => {
    expect(resolver.value(model, must(model, 'azurerm_resource_group.main'), 'location')).toEqual({
      kind: 'oneOf',
      values: ['norwayeast', 'norwaywest'],
      reason: 'var.region is limited by its validation to norwayeast, norwaywest',
    });
  });

  it('resolves through a resource reference and a chain of locals', () => {
    const viaGroup = resolver.value(model, must(model, 'azurerm_storage_account.records'), 'location');
    expect(viaGroup.kind).toBe('oneOf');
    expect(resolver.value(model, must(model, 'azurerm_key_vault.vault'), 'location').kind).toBe('oneOf');
  });

  it('does not take a default for the value when no validation bounds it: -var may override it', () => {
    expect(resolver.value(model, must(model, 'azurerm_storage_account.backup'), 'location')).toEqual({
      kind: 'unknown',
      reason:
        'var.backup_location has a default ("westeurope"), but -var, TF_VAR_backup_location or another tfvars ' +
        'file may set any value; only a validation restricts it: ' +
        'validation { condition = contains(["norwayeast", "norwaywest"], var.backup_location) }',
    });
  });

  it('says unknown for a variable with neither default nor validation', () => {
    expect(resolver.value(model, must(model, 'azurerm_log_analytics_workspace.logs'), 'location')).toEqual({
      kind: 'unknown',
      reason: 'var.free_text has no default and no validation that limits it',
    });
  });

  it('reads nested blocks written as one object or as an array the same way', () => {
    const records = must(model, 'azurerm_storage_account.records');
    expect(resolver.value(model, records, 'network_rules.0.default_action')).toEqual({
      kind: 'known',
      value: 'Deny',
    });
    expect(resolver.value(model, records, 'blob_properties.0.delete_retention_policy.0.days')).toEqual({
      kind: 'known',
      value: 30,
    });
    const vault = must(model, 'azurerm_key_vault.vault');
    expect(resolver.value(model, vault, 'network_acls.0.default_action')).toEqual({
      kind: 'known',
      value: 'Deny',
    });
    expect(asBlocks(records.values.network_rules)).toEqual([{ default_action: 'Deny' }]);
    expect(getPath(vault.values, ['network_acls', 'bypass'])).toBe('AzureServices');
  });

  it('resolves a local holding a map, and a template as unknown', () => {
    expect(resolver.value(model, must(model, 'azurerm_resource_group.main'), 'tags')).toEqual({
      kind: 'known',
      value: { owner: 'records', 'data-residency': 'norway' },
    });
    expect(resolver.value(model, must(model, 'azurerm_storage_account.records'), 'name')).toEqual({
      kind: 'unknown',
      reason: 'the expression sthelserecords${count.index} is computed by Terraform',
    });
  });

  it('finds the target of an id reference, including an indexed count instance', () => {
    const copy = must(model, 'azurerm_storage_object_replication.copy');
    const destination = resolver.target(model, copy, 'destination_storage_account_id');
    expect(destination.kind === 'resource' && destination.resource.address).toBe(
      'azurerm_storage_account.backup',
    );
    const source = resolver.target(model, copy, 'source_storage_account_id');
    expect(source.kind === 'resource' && source.resource.address).toBe('azurerm_storage_account.records');
    const tenant = resolver.target(model, must(model, 'azurerm_key_vault.vault'), 'tenant_id');
    expect(tenant.kind === 'resource' && tenant.resource.address).toBe('data.azurerm_client_config.current');
  });

  it('detects reference cycles instead of looping', () => {
    const cyclic = loadTerraformJson(
      {
        locals: { a: '${local.b}', b: '${local.a}' },
        resource: { azurerm_resource_group: { rg: { location: '${local.a}' } } },
      },
      { file: 'cyclic.tf.json' },
    );
    const result = new Resolver(buildWorkspace([cyclic])).value(
      cyclic,
      must(cyclic, 'azurerm_resource_group.rg'),
      'location',
    );
    expect(result).toEqual({ kind: 'unknown', reason: 'references nest too deep (a cycle?)' });
  });
});

describe('load-terraform-json', () => {
  const load = (document: unknown, options: Partial<Parameters<typeof loadTerraformJson>[1]> = {}) =>
    loadTerraformJson(document, { file: 'main.tf.json', ...options });

  it.each([
    [null, 'null'],
    [[], 'an array'],
    ['x', 'a string'],
    [1, 'a number'],
  ])('refuses a top level that is %p', (document, what) => {
    expect(inputError(() => load(document))).toBe(
      `main.tf.json: expected a Terraform JSON object at the top level, got ${what}`,
    );
  });

  it('describes types in words', () => {
    expect([null, [], {}, 'x', 1, true, undefined].map(describeType)).toEqual([
      'null',
      'an array',
      'an object',
      'a string',
      'a number',
      'a boolean',
      'a undefined',
    ]);
  });

  it('refuses a "resource" or "data" section that is not an object', () => {
    expect(inputError(() => load({ resource: [] }))).toBe(
      'main.tf.json: "resource" must be an object of resource types',
    );
    expect(inputError(() => load({ data: 'x' }))).toBe(
      'main.tf.json: "data" must be an object of resource types',
    );
    expect(inputError(() => load({ data: { azurerm_x: 5 } }))).toBe(
      'main.tf.json: resource type azurerm_x must map names to resource bodies, got a number',
    );
    expect(inputError(() => load({ resource: { azurerm_x: { a: [{}, {}, {}] } } }))).toBe(
      'main.tf.json: azurerm_x.a is declared 3 times; every resource needs a unique address',
    );
    expect(inputError(() => load({ resource: { azurerm_x: { a: ['x'] } } }))).toBe(
      'main.tf.json: azurerm_x.a must be an object, got an array',
    );
    expect(inputError(() => load({ resource: { azurerm_x: { a: 'x' } } }))).toBe(
      'main.tf.json: azurerm_x.a must be an object, got a string',
    );
  });

  it('reads label maps given inside an array (HCL adapted to JSON), skipping what is not a map', () => {
    const model = load({
      resource: {
        azurerm_x: [{ a: { location: 'norwayeast' } }, 'junk', { b: [{ location: 'norwaywest' }] }],
      },
    });
    expect([...model.byAddress.keys()]).toEqual(['azurerm_x.a', 'azurerm_x.b']);
    expect(must(model, 'azurerm_x.b').values).toEqual({ location: 'norwaywest' });
    expect(inputError(() => load({ data: { azurerm_x: [{ a: {} }, { a: {} }] } }))).toBe(
      'main.tf.json: azurerm_x.a is declared twice; every resource needs a unique address',
    );
  });

  it('keeps only provider attributes in values', () => {
    const body = {
      '//': { metadata: { path: 'stack/x' } },
      count: 2,
      for_each: '${var.m}',
      lifecycle: { prevent_destroy: true },
      provider: 'azurerm.west',
      depends_on: ['azurerm_x.b'],
      provisioner: [{ 'local-exec': { command: 'x' } }],
      connection: { host: 'h' },
      location: 'norwayeast',
      tags: { a: 'b' },
    };
    const resource = must(load({ resource: { azurerm_x: { a: body } } }), 'azurerm_x.a');
    expect(resource.values).toEqual({ location: 'norwayeast', tags: { a: 'b' } });
    expect(resource.preventDestroy).toBe(true);
    expect(resource.source.constructPath).toBe('stack/x');
  });

  it('finds the provider from required_providers, by source or by the old version-only syntax', () => {
    const model = load({
      terraform: [
        {
          required_providers: [
            {
              azurerm: { source: 'hashicorp/azurerm', version: '~> 3.0' },
              azuread: '~> 2.0',
              azapi: { version: '1.0' },
            },
          ],
        },
      ],
      resource: {
        azurerm_x: { a: {}, west: { provider: 'azurerm.west' } },
        azuread_group: { g: {} },
        azapi_resource: { r: {} },
        terraform_data: { d: {} },
        random_id: { i: { provider: 'random' } },
      },
    });
    expect(must(model, 'azurerm_x.a')).toMatchObject({
      provider: 'azurerm',
      providerSource: 'hashicorp/azurerm',
    });
    expect(must(model, 'azurerm_x.west')).toMatchObject({
      provider: 'azurerm',
      providerSource: 'hashicorp/azurerm',
    });
    expect(must(model, 'azuread_group.g')).toMatchObject({
      provider: 'azuread',
      providerSource: 'hashicorp/azuread',
    });
    expect(must(model, 'azapi_resource.r')).toMatchObject({ provider: 'azapi', providerSource: undefined });
    expect(must(model, 'terraform_data.d')).toMatchObject({
      provider: 'terraform',
      providerSource: 'terraform.io/builtin/terraform',
    });
    expect(must(model, 'random_id.i')).toMatchObject({ provider: 'random', providerSource: undefined });
  });

  it.each(['${az2.dr}', '${ az2.dr }', 'az2.dr', 'az2'])(
    'a resource with provider %j takes the source of that provider, not of its type’s prefix',
    (provider) => {
      const model = load({
        terraform: {
          required_providers: {
            azurerm: { source: 'hashicorp/azurerm' },
            az2: { source: 'hospital/azurerm' },
          },
        },
        resource: { azurerm_x: { a: { provider } } },
      });
      expect(must(model, 'azurerm_x.a').providerSource).toBe('hospital/azurerm');
    },
  );

  it('jsonencode documents of a deployment are read back; other attributes and other types keep their text', () => {
    const encoded = '${jsonencode({ resources = [{ location = "westeurope" }] })}';
    const model = load({
      resource: {
        azurerm_resource_group_template_deployment: {
          d: { name: encoded, template_content: encoded, parameters_content: '${var.parameters}' },
        },
        azurerm_x: { a: { template_content: encoded } },
      },
    });
    expect(must(model, 'azurerm_resource_group_template_deployment.d').values).toEqual({
      name: encoded,
      template_content: { resources: [{ location: 'westeurope' }] },
      parameters_content: '${var.parameters}',
    });
    expect(must(model, 'azurerm_x.a').values).toEqual({ template_content: encoded });
  });

  it.each<[string, unknown, string | undefined]>([
    [
      'a registry module',
      { vnet: { source: 'Azure/vnet/azurerm' } },
      'module "vnet" comes from "Azure/vnet/azurerm" and',
    ],
    [
      'a module as a list of bodies',
      { vnet: [{ source: './vnet' }] },
      'module "vnet" comes from "./vnet" and',
    ],
    [
      'a module whose source is an expression',
      { vnet: { source: '${var.src}x', n: 1 } },
      'module "vnet" comes from "${var.src}x" and',
    ],
    ['a module whose source is no string', { vnet: { source: 3 } }, 'module "vnet"'],
    ['a module section that is no object', ['x'], 'module "?"'],
    ['an empty module section', {}, undefined],
  ])('%s: refused, as its resources would go unchecked', (_name, module, start) => {
    const read = () => load({ module, resource: { azurerm_x: { a: {} } } });
    if (start === undefined) {
      expect(read().resources.map((r) => r.address)).toEqual(['azurerm_x.a']);
      return;
    }
    expect(inputError(read)).toBe(
      `main.tf.json: ${start} holds resources this file does not show, so they would go unchecked; check the plan (terraform show -json) instead`,
    );
  });

  it('reads the backend: the first one written, cloud, else local', () => {
    expect(load({ terraform: { backend: { azurerm: [{ key: 'k' }] } } }).backend).toEqual({
      type: 'azurerm',
      config: { key: 'k' },
    });
    expect(load({ terraform: { backend: [{ s3: 'x' }] } }).backend).toEqual({ type: 's3', config: {} });
    expect(load({ terraform: { backend: {}, cloud: { organization: 'o' } } }).backend).toEqual({
      type: 'cloud',
      config: { organization: 'o' },
    });
    expect(load({ terraform: { backend: {} } }).backend).toEqual({ type: 'local', config: {} });
    expect(load({ terraform: {} }).backend).toEqual({ type: 'local', config: {} });
    expect(load({ resource: {} }).backend).toEqual({ type: 'local', config: {} });
  });

  it('reads variables, their defaults and validations in either shape', () => {
    const model = load({
      variable: {
        one: { default: 'a', validation: { condition: 'c1', error_message: 'e1' } },
        many: [
          {
            default: null,
            validation: [{ condition: 'c2', error_message: 'e2' }, 'junk', { condition: 'c3' }],
          },
        ],
        bare: {},
        odd: 'x',
      },
    });
    expect(model.variables.get('one')).toEqual({
      name: 'one',
      default: 'a',
      hasDefault: true,
      hasValue: false,
      validations: [{ condition: 'c1', errorMessage: 'e1' }],
    });
    expect(model.variables.get('many')).toEqual({
      name: 'many',
      default: null,
      hasDefault: true,
      hasValue: false,
      validations: [
        { condition: 'c2', errorMessage: 'e2' },
        { condition: 'c3', errorMessage: undefined },
      ],
    });
    expect(model.variables.get('bare')).toEqual({
      name: 'bare',
      default: undefined,
      hasDefault: false,
      hasValue: false,
      validations: [],
    });
    expect(model.variables.get('odd')).toEqual({
      name: 'odd',
      default: undefined,
      hasDefault: false,
      hasValue: false,
      validations: [],
    });
  });

  it('reads locals from one block or several, and outputs in either shape', () => {
    expect([...load({ locals: [{ a: 1 }, 'junk', { b: 2, a: 3 }] }).locals]).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect([...load({ locals: { a: 1 } }).locals]).toEqual([['a', 1]]);
    expect([...load({ output: { x: { value: 1 }, y: [{ value: 2 }], z: 'junk', w: [] } }).outputs]).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
    expect(load({ output: [] }).outputs.size).toBe(0);
  });

  it('reads stack, kind, source file, module path and line numbers from the options', () => {
    const document = {
      '//': { metadata: { stackName: 'meta-stack' } },
      resource: { azurerm_x: { a: {} } },
      data: { azurerm_y: { b: {} } },
    };
    const model = load(document, {
      kind: 'hcl',
      sourceFile: 'main.tf',
      modulePath: 'module.net',
      lines: new Map([['module.net.azurerm_x.a', { file: 'net/main.tf', line: 12 }]]),
    });
    expect(model).toMatchObject({
      kind: 'hcl',
      stack: 'meta-stack',
      sourceFile: 'main.tf',
      origin: 'main.tf.json',
    });
    expect(must(model, 'module.net.azurerm_x.a').source).toEqual({
      file: 'net/main.tf',
      stack: 'meta-stack',
      constructPath: undefined,
      module: 'module.net',
      line: 12,
    });
    expect(must(model, 'module.net.data.azurerm_y.b')).toMatchObject({
      configAddress: 'module.net.data.azurerm_y.b',
      mode: 'data',
    });
    expect(must(model, 'module.net.data.azurerm_y.b').source).toEqual({
      file: 'main.tf.json',
      stack: 'meta-stack',
      constructPath: undefined,
      module: 'module.net',
      line: undefined,
    });
    expect(load(document, { stack: 'given' }).stack).toBe('given');
    expect(load({ '//': { metadata: { stackName: 3 } } }).stack).toBeUndefined();
    expect(load({ resource: { azurerm_x: { a: {} } } }).resources[0].source).toEqual({
      file: 'main.tf.json',
      stack: undefined,
      constructPath: undefined,
      module: '',
      line: undefined,
    });
  });

  it('reads construct suppressions and the bootstrap marker; policy metadata of the wrong shape is a broken suppression', () => {
    const model = load({
      '//': { norway_policy: { bootstrap: true } },
      resource: {
        azurerm_x: {
          a: {
            '//': {
              metadata: { path: 'st/A' },
              norway_policy: {
                suppressions: [{ ruleId: 'R-1', reason: 'why', expires: '2030-01-01', extra: 1 }, 'junk'],
              },
            },
          },
          b: { '//': { norway_policy: { suppressions: [{ ruleId: 'R-2' }] } } },
          c: { '//': { norway_policy: 'x', metadata: { path: 7 } } },
          d: { '//': { norway_policy: { suppressions: { ruleId: 'R-3' } } } },
        },
      },
    });
    expect(model.bootstrap).toBe(true);
    expect(model.suppressions).toEqual([
      {
        spec: { ruleId: 'R-1', reason: 'why', expires: '2030-01-01' },
        origin: { kind: 'construct', where: 'st/A', index: 0 },
        address: 'azurerm_x.a',
      },
      {
        spec: { ruleId: undefined, reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: 'st/A', index: 1 },
        address: 'azurerm_x.a',
      },
      {
        spec: { ruleId: 'R-2', reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: 'azurerm_x.b', index: 0 },
        address: 'azurerm_x.b',
      },
      // Not an object, and suppressions that are not a list: one suppression of no shape each, for TFS-003.
      {
        spec: { ruleId: undefined, reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: 'azurerm_x.c', index: 0 },
        address: 'azurerm_x.c',
      },
      {
        spec: { ruleId: undefined, reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: 'azurerm_x.d', index: 0 },
        address: 'azurerm_x.d',
      },
    ]);
    expect(must(model, 'azurerm_x.c').source.constructPath).toBeUndefined();
    expect(load({ '//': { norway_policy: { bootstrap: 'yes' } } }).bootstrap).toBe(false);
    expect(load({ '//': 'x' }).bootstrap).toBe(false);
    expect(load({ resource: {} }).kind).toBe('synth');
  });

  it('reads suppressions on constructs with nothing below them from the top-level "//", without an address', () => {
    const model = load({
      '//': {
        norway_policy: {
          unattached: {
            'st/out': [{ ruleId: 'R-1', reason: 'why not here', expires: '2030-01-01', extra: 1 }, 'junk'],
            'st/group': { ruleId: 'R-2' },
          },
        },
      },
    });
    expect(model.suppressions).toEqual([
      {
        spec: { ruleId: 'R-1', reason: 'why not here', expires: '2030-01-01' },
        origin: { kind: 'construct', where: 'st/out', index: 0 },
      },
      {
        spec: { ruleId: undefined, reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: 'st/out', index: 1 },
      },
      {
        spec: { ruleId: 'R-2', reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: 'st/group', index: 0 },
      },
    ]);
    expect(load({ '//': { norway_policy: { unattached: 'x' } } }).suppressions).toEqual([
      {
        spec: { ruleId: undefined, reason: undefined, expires: undefined },
        origin: { kind: 'construct', where: '?', index: 0 },
      },
    ]);
  });

  it('returns the parts without indexes for the HCL loader to combine', () => {
    const parts = readTerraformJsonParts(
      { resource: { azurerm_x: { a: {} } } },
      { file: 'm.tf.json', modulePath: 'module.m' },
    );
    expect(parts.resources.map((r) => r.address)).toEqual(['module.m.azurerm_x.a']);
    expect('byAddress' in parts).toBe(false);
  });
});
