/**
 * The catalogue knows every type the installed provider has, and says so. A provider upgrade that adds
 * types fails here naming each one, until the catalogue is regenerated (`npm run catalogue`) and the new
 * types are decided. To list what another provider build would change (the CDK Terrain provider,
 * `@cdktn/provider-azurerm` 16.1.0 = azurerm 4.73), point CATALOGUE_COMPARE_PROVIDER at its package
 * directory (an unpacked `npm pack @cdktn/provider-azurerm@16.1.0` will do):
 *
 *   CATALOGUE_COMPARE_PROVIDER=/path/to/node_modules/@cdktn/provider-azurerm npx jest __tests__/azure
 *
 * Measured 2026-12-01: 16.1.0 adds 16 resource types and 8 data sources (network security perimeters,
 * managed DevOps pools, Event Grid namespace topics…) and drops the 11 `azurerm_mobile_network*` types
 * and their data sources.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attributePath,
  azureDataSource,
  azureType,
  CATALOGUE_DATA_SOURCE_TYPES,
  CATALOGUE_PROVIDER,
  CATALOGUE_RESOURCE_TYPES,
  isDataBearingType,
  typesWhere,
} from '../../policies/azure/catalogue';
import { TYPE_DECISIONS } from '../../policies/azure/decisions';
import { ALL_RULES } from '../../policies/rules';
import { AZURE_REGIONS, azureRegion } from '../../policies/azure/regions';
import {
  CATALOGUE_DOC,
  CATALOGUE_JSON,
  generateCatalogueFiles,
  PROVIDER_DIR,
} from '../../scripts/generate-azure-catalogue';
import {
  diffProviderTypes,
  ProviderBindings,
  readProviderBindings,
} from '../../scripts/read-provider-bindings';

let installed: ProviderBindings;
beforeAll(() => {
  installed = readProviderBindings(PROVIDER_DIR);
});

/**
 * The CDK Terrain leg (npm run test:cdktn) installs another provider (@cdktn/provider-azurerm 16.x) in
 * place of the catalogue's: there the completeness tests list the types that differ instead of failing,
 * which is what a provider upgrade needs to see.
 */
const onCatalogueProvider = (() => {
  const version = (
    JSON.parse(readFileSync(join(PROVIDER_DIR, 'package.json'), 'utf8')) as { version: string }
  ).version;
  return version === CATALOGUE_PROVIDER.version;
})();
const onCatalogue = onCatalogueProvider ? describe : describe.skip;

describe('on another provider than the catalogue was generated from', () => {
  (onCatalogueProvider ? test.skip : test)('lists the types that differ, each needing a decision', () => {
    const catalogueTypes = new Set([
      ...CATALOGUE_RESOURCE_TYPES.map((t) => `resource ${t}`),
      ...CATALOGUE_DATA_SOURCE_TYPES.map((t) => `data ${t}`),
    ]);
    const added = installed.types
      .map((t) => `${t.kind === 'resource' ? 'resource' : 'data'} ${t.type}`)
      .filter((k) => !catalogueTypes.has(k));
    console.log(
      [
        `${installed.version} has ${added.length} types the catalogue (${CATALOGUE_PROVIDER.version}) has not decided:`,
        ...added.map((k) => `  + ${k}`),
      ].join('\n'),
    );
    expect(added.length).toBeGreaterThan(0);
  });
});

onCatalogue('completeness against the installed provider bindings', () => {
  test('the bindings are the pinned provider, with about 1,130 resources and 400 data sources', () => {
    const pinned = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(installed.version).toBe(pinned.dependencies['@cdktf/provider-azurerm']);
    expect(CATALOGUE_PROVIDER).toEqual({ package: '@cdktf/provider-azurerm', version: installed.version });
    expect(installed.types.filter((t) => t.kind === 'resource')).toHaveLength(1127);
    expect(installed.types.filter((t) => t.kind === 'data')).toHaveLength(399);
  });

  test('every resource type and data source of the bindings is in the catalogue', () => {
    const missing = installed.types
      .filter((t) => (t.kind === 'resource' ? azureType(t.type) : azureDataSource(t.type)) === undefined)
      .map((t) => `${t.kind} ${t.type} (lib/${t.module})`);
    expect(missing).toEqual([]);
  });

  test('the catalogue holds nothing the bindings lack, except the types decided by hand', () => {
    const inBindings = new Set(installed.types.filter((t) => t.kind === 'resource').map((t) => t.type));
    expect(CATALOGUE_RESOURCE_TYPES.filter((t) => !inBindings.has(t) && !azureType(t)!.extra)).toEqual([]);
    expect(CATALOGUE_DATA_SOURCE_TYPES).toHaveLength(399);
  });

  test('the committed catalogue and its docs table are current (run npm run catalogue)', () => {
    const wanted = generateCatalogueFiles();
    expect(readFileSync(CATALOGUE_JSON, 'utf8')).toBe(wanted.json);
    expect(readFileSync(CATALOGUE_DOC, 'utf8')).toBe(wanted.markdown);
  });

  test('a second provider directory lists the types that differ', () => {
    const other = process.env.CATALOGUE_COMPARE_PROVIDER;
    if (!other) return;
    const difference = diffProviderTypes(installed, readProviderBindings(other));
    console.log(
      [
        `Types in ${other} but not in the catalogue (${difference.added.length}), each needs a decision:`,
        ...difference.added.map((k) => `  + ${k}`),
        `Types in the catalogue but not in ${other} (${difference.removed.length}):`,
        ...difference.removed.map((k) => `  - ${k}`),
      ].join('\n'),
    );
    expect(difference.added.length + difference.removed.length).toBeGreaterThanOrEqual(0);
  });
});

describe('the provider difference, on a provider built for the test', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'provider-'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: '@cdktn/provider-azurerm', version: '16.1.0' }),
    );
    const module = (folder: string, className: string, type: string, base: string, body = '') => {
      mkdirSync(join(dir, 'lib', folder), { recursive: true });
      writeFileSync(
        join(dir, 'lib', folder, 'index.js'),
        `class ${className} extends ${base} {\n${body}}\n${className}.tfResourceType = "${type}";\n`,
      );
      writeFileSync(join(dir, 'lib', folder, 'index.d.ts'), '');
    };
    module('storage-account', 'StorageAccount', 'azurerm_storage_account', 'cdktf.TerraformResource');
    // CDK Terrain's bindings extend `cdktn.*`.
    module('brand-new-thing', 'BrandNewThing', 'azurerm_brand_new_thing', 'cdktn.TerraformResource');
    module(
      'data-azurerm-brand-new-thing',
      'DataAzurermBrandNewThing',
      'azurerm_brand_new_thing',
      'cdktn.TerraformDataSource',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('names every added and removed type with its kind', () => {
    const other = readProviderBindings(dir);
    expect(other.version).toBe('16.1.0');
    const difference = diffProviderTypes(installed, other);
    expect(difference.added).toEqual(['data azurerm_brand_new_thing', 'resource azurerm_brand_new_thing']);
    expect(difference.removed).toHaveLength(installed.types.length - 1);
    expect(difference.removed).not.toContain('resource azurerm_storage_account');
  });
});

describe('facts derived from the bindings', () => {
  test('own locations, inherited ones through the parent attribute, and none', () => {
    expect(azureType('azurerm_storage_account')).toMatchObject({
      location: 'own',
      role: 'data-store',
      arm: 'Microsoft.Storage/storageAccounts',
      publicNetworkAccess: true,
    });
    expect(azureType('azurerm_subnet')).toMatchObject({
      location: 'inherited',
      parents: ['virtual_network_name'],
    });
    expect(azureType('azurerm_mssql_database')?.parents).toEqual(['server_id']);
    expect(azureType('azurerm_kubernetes_cluster_node_pool')?.parents?.[0]).toBe('kubernetes_cluster_id');
    expect(azureType('azurerm_role_assignment')?.location).toBe('none');
    expect(azureType('azurerm_private_dns_zone')?.location).toBe('global');
    expect(azureDataSource('azurerm_storage_account')).toMatchObject({ role: 'read', location: 'own' });
  });

  test('a file or directory of a file share lives in its share (storage_share_id), as a container in its account', () => {
    for (const type of ['azurerm_storage_share_file', 'azurerm_storage_share_directory']) {
      expect(azureType(type)).toMatchObject({ role: 'data-store', child: true, location: 'inherited' });
      expect(azureType(type)?.parents).toEqual(['storage_share_id']);
    }
  });

  test('a slot lives in its app: a function app slot in its function_app_id, as a web app slot in its app_service_id', () => {
    for (const type of ['azurerm_linux_function_app_slot', 'azurerm_windows_function_app_slot']) {
      expect(azureType(type)?.location).toBe('inherited');
      expect(azureType(type)?.parents).toEqual(['function_app_id']);
      expect(azureType(type)?.refs).toContain('function_app_id');
    }
    expect(azureType('azurerm_linux_web_app_slot')?.location).toBe('inherited');
    expect(azureType('azurerm_linux_web_app_slot')?.parents).toEqual(['app_service_id']);
  });

  test('ids named for a kind of app of the bindings are parents; app registrations and tenants stay identities', () => {
    // `azurerm_logic_app_workflow`, `azurerm_spring_cloud_app`, `azurerm_iotcentral_application`…
    expect(azureType('azurerm_function_app_function')?.parents).toEqual(['function_app_id']);
    expect(azureType('azurerm_logic_app_trigger_recurrence')?.parents).toEqual(['logic_app_id']);
    expect(azureType('azurerm_spring_cloud_java_deployment')?.parents).toEqual(['spring_cloud_app_id']);
    expect(azureType('azurerm_container_app_custom_domain')?.parents).toEqual(['container_app_id']);
    expect(azureType('azurerm_iotcentral_application_network_rule_set')?.parents).toEqual([
      'iotcentral_application_id',
    ]);
    expect(azureType('azurerm_web_app_hybrid_connection')?.parents).toEqual(['web_app_id', 'relay_id']);
    // A bare `app_id` (a Facebook app's here), an Entra application id, a tenant and a principal say who.
    expect(azureType('azurerm_api_management_identity_provider_facebook')?.refs ?? []).not.toContain(
      'app_id',
    );
    expect(azureType('azurerm_graph_services_account')).toMatchObject({ location: 'none' });
    expect(azureType('azurerm_bot_service_azure_bot')?.refs ?? []).not.toContain('microsoft_app_id');
    expect(azureType('azurerm_lighthouse_definition')?.location).toBe('none');
    expect(azureType('azurerm_role_assignment')?.refs ?? []).not.toContain('principal_id');
  });

  test('references and endpoints are the attributes named like ids, URIs, URLs, endpoints and connection strings', () => {
    const diagnostic = azureType('azurerm_monitor_diagnostic_setting')!;
    expect(diagnostic.refs).toEqual([
      'eventhub_authorization_rule_id',
      'log_analytics_workspace_id',
      'partner_solution_id',
      'storage_account_id',
      'target_resource_id',
    ]);
    // Nested blocks too; tenant and principal ids say who, not where.
    expect(azureType('azurerm_storage_account')!.refs).toEqual([
      'customer_managed_key.key_vault_key_id',
      'customer_managed_key.managed_hsm_key_id',
      'customer_managed_key.user_assigned_identity_id',
      'identity.identity_ids',
      'network_rules.private_link_access.endpoint_resource_id',
      'network_rules.virtual_network_subnet_ids',
    ]);
    expect(azureType('azurerm_storage_account')!.endpoints).toContain('primary_blob_endpoint');
    expect(azureType('azurerm_storage_account')!.endpoints).toContain('primary_connection_string');
  });

  test('keys attach where decided, else at every attribute named like a key reference', () => {
    expect(azureType('azurerm_storage_account')!.keys).toEqual([
      'customer_managed_key.key_vault_key_id',
      'customer_managed_key.managed_hsm_key_id',
    ]);
    expect(azureType('azurerm_databricks_workspace')!.keys).toEqual([
      'managed_disk_cmk_key_vault_key_id',
      'managed_services_cmk_key_vault_key_id',
    ]);
    expect(azureType('azurerm_linux_virtual_machine')!.keys).toContain('os_disk.disk_encryption_set_id');
    expect(azureType('azurerm_storage_account_customer_managed_key')!.keyAttachment?.owner).toBe(
      'storage_account_id',
    );
  });

  test('every inherited location names its parent; every decision names a real type', () => {
    expect(typesWhere((e) => e.location === 'inherited' && !e.parents?.length)).toEqual([]);
    const decided = Object.entries(TYPE_DECISIONS);
    for (const [type] of decided) expect(azureType(type)).toBeDefined();
    for (const [type, d] of decided)
      if (d.role) expect(azureType(type)).toMatchObject({ role: d.role, decided: 'type' });
  });

  test('AI deployments process data in the region only with regional SKUs', () => {
    expect(azureType('azurerm_cognitive_deployment')?.processing).toEqual({
      attribute: 'sku.name',
      inRegion: ['Standard', 'ProvisionedManaged'],
    });
  });
});

describe('rules name only types the catalogue backs', () => {
  test('every type in the resourceTypes of a rule is a catalogue type', () => {
    const unknown = ALL_RULES.flatMap((rule) =>
      rule.resourceTypes === 'all'
        ? []
        : rule.resourceTypes
            .filter((t) => !t.startsWith('terraform_') && azureType(t) === undefined)
            .map((t) => `${rule.id} ${t}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('attribute paths', () => {
  test('a dotted catalogue path steps into the first block at each level', () => {
    expect(attributePath('location')).toEqual(['location']);
    expect(attributePath('customer_managed_key.key_vault_key_id')).toEqual([
      'customer_managed_key',
      0,
      'key_vault_key_id',
    ]);
    expect(attributePath('a.b.c')).toEqual(['a', 0, 'b', 0, 'c']);
  });
});

describe('fail closed', () => {
  test('unclassified and unknown Azure types are data-bearing; other providers are not judged here', () => {
    expect(azureType('azurerm_bot_service_azure_bot')?.role).toBe('unclassified');
    expect(isDataBearingType('azurerm_bot_service_azure_bot')).toBe(true);
    expect(isDataBearingType('azurerm_not_yet_invented')).toBe(true);
    expect(isDataBearingType('azurerm_subnet')).toBe(false);
    expect(isDataBearingType('random_string')).toBe(false);
  });
});

describe('regions', () => {
  test('both spellings name the same region; Norway has exactly two', () => {
    expect(azureRegion('West Europe')).toEqual({ name: 'westeurope', displayName: 'West Europe' });
    expect(azureRegion('westeurope')?.displayName).toBe('West Europe');
    expect(azureRegion('Norway East')).toEqual({
      name: 'norwayeast',
      displayName: 'Norway East',
      norway: true,
    });
    expect(AZURE_REGIONS.filter((r) => r.norway).map((r) => r.name)).toEqual(['norwayeast', 'norwaywest']);
    expect(azureRegion('norway-east')).toBeUndefined();
    expect(azureRegion('global')).toBeUndefined();
    expect(AZURE_REGIONS.length).toBeGreaterThan(55);
  });
});
