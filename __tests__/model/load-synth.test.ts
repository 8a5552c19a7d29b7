import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkspace } from '../../policies/model/build';
import { parseExpression, parseTraversal } from '../../policies/model/expressions';
import { loadCdktfOut, readManifest } from '../../policies/model/load-cdktf-out';
import { loadPath } from '../../policies/model/load-path';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { boundByValidation, Resolver } from '../../policies/model/resolve';
import { asBlocks, getPath } from '../../policies/model/values';
import { TfModel } from '../../policies/model/types';

const FIXTURES = join(__dirname, '..', 'fixtures');
const SYNTH = join(FIXTURES, 'synth', 'cdk.tf.json');
const TWO_STACKS = join(FIXTURES, 'cdktf', 'two-stacks');

function must(model: TfModel, address: string) {
  const resource = model.byAddress.get(address);
  if (!resource) throw new Error(`no ${address}`);
  return resource;
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

describe('cdktf.out with two stacks and a cross-stack reference', () => {
  let models: TfModel[];
  let resolver: Resolver;
  beforeAll(() => {
    models = loadPath(TWO_STACKS);
    resolver = new Resolver(buildWorkspace(models));
  });

  it('reads every stack the manifest names, with its dependencies', () => {
    expect(readManifest(TWO_STACKS)).toEqual([
      { name: 'platform', synthesizedStackPath: 'stacks/platform/cdk.tf.json', dependencies: [] },
      {
        name: 'workload-records',
        synthesizedStackPath: 'stacks/workload-records/cdk.tf.json',
        dependencies: ['platform'],
      },
    ]);
    expect(models.map((m) => [m.stack, m.resources.map((r) => r.address)])).toEqual([
      ['platform', ['azurerm_resource_group.shared', 'azurerm_virtual_network.hub']],
      [
        'workload-records',
        [
          'azurerm_key_vault.vault',
          'azurerm_storage_account.records',
          'data.azurerm_client_config.current',
          'data.terraform_remote_state.cross-stack-reference-input-platform',
        ],
      ],
    ]);
    expect(models[1].resources.every((r) => r.source.stack === 'workload-records')).toBe(true);
    expect(models[0].outputs.get('cross-stack-output-azurerm_resource_groupsharedlocation')).toBe(
      '${azurerm_resource_group.shared.location}',
    );
  });

  it('resolves a location read from another stack through the producing stack output', () => {
    const [, workload] = models;
    const records = must(workload, 'azurerm_storage_account.records');
    expect(resolver.value(workload, records, 'location')).toEqual({
      kind: 'oneOf',
      values: ['norwayeast', 'norwaywest'],
      reason: 'var.region is limited by its validation to norwayeast, norwaywest',
    });
    expect(resolver.value(workload, records, 'resource_group_name')).toEqual({
      kind: 'known',
      value: 'rg-platform-shared',
    });
  });

  it('says unknown when the producing stack is not among the inputs', () => {
    const [, workload] = models;
    const alone = new Resolver(buildWorkspace([workload]));
    expect(alone.value(workload, must(workload, 'azurerm_storage_account.records'), 'location')).toEqual({
      kind: 'unknown',
      reason:
        'output cross-stack-output-azurerm_resource_groupsharedlocation comes from stack platform, which is not in the checked estate; pass its stack, plan or state with --context',
    });
  });

  describe('broken manifests', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cdktf-out-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('names a stack whose file is missing', () => {
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({
          stacks: { gone: { name: 'gone', synthesizedStackPath: 'stacks/gone/cdk.tf.json' } },
        }),
      );
      expect(() => loadCdktfOut(dir)).toThrow(
        `${join(dir, 'manifest.json')}: names stack gone at stacks/gone/cdk.tf.json, which does not exist`,
      );
    });

    it('refuses a stack path outside the directory, even one sharing its prefix', () => {
      mkdirSync(`${dir}-sibling`, { recursive: true });
      try {
        const sibling = `../${dir.split('/').pop()}-sibling/cdk.tf.json`;
        writeFileSync(
          join(dir, 'manifest.json'),
          JSON.stringify({ stacks: { s: { synthesizedStackPath: sibling } } }),
        );
        expect(() => loadCdktfOut(dir)).toThrow('points outside the directory');
      } finally {
        rmSync(`${dir}-sibling`, { recursive: true, force: true });
      }
    });

    it('refuses a manifest without stacks', () => {
      writeFileSync(join(dir, 'manifest.json'), '{"version":"0.21.0"}');
      expect(() => loadPath(dir)).toThrow('expected a cdktf manifest with a "stacks" object');
    });
  });
});

describe('expressions', () => {
  it.each([
    [
      '${azurerm_resource_group.rg.location}',
      {
        kind: 'reference',
        traversal: ['azurerm_resource_group', 'rg', 'location'],
        text: 'azurerm_resource_group.rg.location',
      },
    ],
    ['${ var.region }', { kind: 'reference', traversal: ['var', 'region'], text: 'var.region' }],
    [
      '${azurerm_storage_account.sa[0].id}',
      {
        kind: 'reference',
        traversal: ['azurerm_storage_account', 'sa', 0, 'id'],
        text: 'azurerm_storage_account.sa[0].id',
      },
    ],
    [
      '${module.m["k"].out}',
      { kind: 'reference', traversal: ['module', 'm', 'k', 'out'], text: 'module.m["k"].out' },
    ],
    ['norwayeast', { kind: 'literal', value: 'norwayeast' }],
    ['$${not.a.reference}', { kind: 'literal', value: '${not.a.reference}' }],
    ['${lower(var.region)}', { kind: 'complex', text: '${lower(var.region)}' }],
    ['rg-${var.env}', { kind: 'complex', text: 'rg-${var.env}' }],
  ])('%s', (text, expected) => {
    expect(parseExpression(text)).toEqual(expected);
  });

  it('parses plan reference syntax and rejects what is not a traversal', () => {
    expect(parseTraversal('data.terraform_remote_state.cross-stack-reference-input-a.outputs.x')).toEqual([
      'data',
      'terraform_remote_state',
      'cross-stack-reference-input-a',
      'outputs',
      'x',
    ]);
    expect(parseTraversal('a.b[')).toBeUndefined();
    expect(parseTraversal('1abc')).toBeUndefined();
    expect(parseTraversal('a + b')).toBeUndefined();
  });

  it.each([
    // Legacy attribute-index syntax with a number of several digits.
    ['a.b.10.c', ['a', 'b', 10, 'c']],
    // Brackets inside a quoted key are part of the key.
    ['a["k[0]"]', ['a', 'k[0]']],
    ['a[ "k" ][ 2 ]', ['a', 'k', 2]],
    // An index by an expression is not a plain traversal, whatever follows it.
    ['local.m[key][0]["k"]', undefined],
    ['a.b c', undefined],
    ['a.', undefined],
  ])('parseTraversal(%j) is %j', (text, expected) => {
    expect(parseTraversal(text)).toEqual(expected);
  });

  it('bounds a variable only by validations it understands', () => {
    expect(boundByValidation('r', [{ condition: '${contains(["norwayeast"], lower(var.r))}' }])).toEqual({
      kind: 'oneOf',
      values: ['norwayeast'],
      reason: 'var.r is limited by its validation to norwayeast',
    });
    expect(boundByValidation('r', [{ condition: '${length(var.r) > 0}' }])).toBeUndefined();
    expect(boundByValidation('r', [{ condition: '${contains(["norwayeast"], var.other)}' }])).toBeUndefined();
  });

  it.each([
    // Spaces wherever HCL allows them.
    ['${ contains( [ "norwayeast", "norwaywest" ] , lower( var.r ) ) }', ['norwayeast', 'norwaywest']],
    // A negation or a disjunction does not bound the variable to the listed values.
    ['${!contains(["westeurope"], var.r)}', undefined],
    ['${contains(["norwayeast"], var.r) || var.allow_any}', undefined],
    ['${contains([], var.r)}', undefined],
  ])('boundByValidation(%j)', (condition, values) => {
    const bound = boundByValidation('r', [{ condition }]);
    expect(bound?.kind === 'oneOf' ? bound.values : bound).toEqual(values);
  });
});
