/**
 * The residency measurement, our own version: a Norway-clean baseline of resource types no residency
 * rule names, then one foreign destination at a time — a region at some attribute, an id, endpoint,
 * connection string or webhook that leads abroad or outside the estate. Every mutation must be caught
 * by a residency rule on the mutated resource, and the clean baseline must raise no residency finding.
 * The estate holds a Norway storage account (in the checked stack) and one abroad in another stack,
 * passed only as context, as `--context` would.
 */
import { checkModels } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import type { TfModel } from '../../policies/model/types';
import { tf } from '../helpers/rule-tester';

type Body = Record<string, unknown>;
const SUB = '/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/rg-app/providers';
const FOREIGN_ACCOUNT = `${SUB}/Microsoft.Storage/storageAccounts/stforeign`;
const FOREIGN_WORKSPACE = `${SUB}/Microsoft.OperationalInsights/workspaces/log-foreign`;
const FOREIGN_HUB = `${SUB}/Microsoft.EventHub/namespaces/ehforeign/eventhubs/events`;
const NORWAY_ACCOUNT_ID = '${azurerm_storage_account.norway.id}';
const NORWAY_WORKSPACE_ID = '${azurerm_log_analytics_workspace.norway.id}';
const ABROAD_ACCOUNT_ID =
  '${data.terraform_remote_state.cross-stack-reference-input-abroad.outputs.account-id}';

/** The estate inside the checked stack: everything in Norway. */
const ESTATE: Record<string, Body> = {
  'azurerm_storage_account.norway': {
    name: 'stnorway',
    location: 'norwayeast',
    resource_group_name: 'rg-app',
  },
  'azurerm_log_analytics_workspace.norway': {
    name: 'log-norway',
    location: 'norwayeast',
    resource_group_name: 'rg-app',
  },
  'azurerm_eventhub_namespace.norway': {
    name: 'ehnorway',
    location: 'norwayeast',
    resource_group_name: 'rg-app',
  },
  'azurerm_eventhub.norway': { name: 'events', namespace_id: '${azurerm_eventhub_namespace.norway.id}' },
  'data.terraform_remote_state.cross-stack-reference-input-abroad': {
    backend: 'azurerm',
    config: { key: 'abroad.tfstate' },
  },
};

/** Another stack of the estate, given as context only: a storage account abroad. */
const ABROAD: TfModel = loadTerraformJson(
  tf(
    {
      'azurerm_storage_account.abroad': {
        name: 'stabroad',
        location: 'westeurope',
        resource_group_name: 'rg-app',
      },
    },
    { output: { 'account-id': { value: '${azurerm_storage_account.abroad.id}' } } },
  ),
  { file: 'cdktf.out/stacks/abroad/cdk.tf.json', stack: 'abroad' },
);

interface Mutation {
  /** What the mutation does, for the test name. */
  readonly what: string;
  /** The attribute path (dotted, blocks as objects) and the foreign value written there. */
  readonly path: string;
  readonly value: unknown;
}

interface Case {
  readonly type: string;
  /** The Norway-clean body: literal Norway locations, references to the estate's Norway resources. */
  readonly clean: Body;
  readonly mutations: readonly Mutation[];
}

const at = (path: string, value: unknown, what: string): Mutation => ({ path, value, what });

const CASES: readonly Case[] = [
  {
    type: 'azurerm_netapp_volume',
    clean: { name: 'v', location: 'norwayeast', remote_volume_location: 'norwaywest' },
    mutations: [
      at('remote_volume_location', 'westeurope', 'cross-region replication abroad'),
      at('location', 'West Europe', 'own location, display name'),
    ],
  },
  {
    type: 'azurerm_shared_image_version',
    clean: {
      name: '1.0.0',
      location: 'norwayeast',
      target_region: { name: 'norwaywest', regional_replica_count: 1 },
    },
    mutations: [at('target_region.name', 'North Europe', 'image replica region abroad')],
  },
  {
    type: 'azurerm_app_configuration',
    clean: { name: 'appcs', location: 'norwayeast', replica: { name: 'dr', location: 'norwaywest' } },
    mutations: [at('replica.location', 'swedencentral', 'configuration replica abroad')],
  },
  {
    type: 'azurerm_container_app_environment',
    clean: { name: 'cae', location: 'norwaywest', log_analytics_workspace_id: NORWAY_WORKSPACE_ID },
    mutations: [
      at('location', 'uksouth', 'environment abroad'),
      at('log_analytics_workspace_id', FOREIGN_WORKSPACE, 'app logs to a workspace outside the estate'),
    ],
  },
  {
    type: 'azurerm_data_protection_backup_instance_blob_storage',
    clean: {
      name: 'b',
      location: 'norwayeast',
      storage_account_id: NORWAY_ACCOUNT_ID,
      vault_id: NORWAY_ACCOUNT_ID,
    },
    mutations: [
      at('location', 'francecentral', 'backup instance abroad'),
      at('storage_account_id', FOREIGN_ACCOUNT, 'protected account outside the estate'),
    ],
  },
  {
    type: 'azurerm_stream_analytics_job',
    clean: { name: 'job', location: 'norwayeast', streaming_units: 3 },
    mutations: [at('location', 'germanywestcentral', 'job abroad')],
  },
  {
    type: 'azurerm_healthcare_workspace',
    clean: { name: 'hdw', location: 'norwayeast' },
    mutations: [at('location', 'eastus', 'FHIR workspace abroad')],
  },
  {
    type: 'azurerm_resource_group_template_deployment',
    clean: {
      name: 't',
      resource_group_name: 'rg-app',
      deployment_mode: 'Incremental',
      template_content: JSON.stringify({
        resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'x', location: 'norwayeast' }],
      }),
    },
    mutations: [
      at(
        'template_content',
        JSON.stringify({
          resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'x', location: 'westeurope' }],
        }),
        'a template resource abroad',
      ),
      at(
        'template_content',
        JSON.stringify({
          resources: [
            { type: 'Microsoft.Storage/storageAccounts', name: 'x', location: "[parameters('where')]" },
          ],
        }),
        'a template location left to a parameter',
      ),
    ],
  },
  {
    type: 'azapi_resource',
    clean: {
      type: 'Microsoft.App/containerApps@2024-03-01',
      name: 'app',
      location: 'norwayeast',
      body: { properties: { replicaLocations: ['norwaywest'] } },
    },
    mutations: [
      at(
        'body',
        { properties: { replicaLocations: ['norwaywest', 'swedencentral'] } },
        'an azapi body replica abroad',
      ),
      at('location', 'westus', 'an azapi resource abroad'),
    ],
  },
  {
    type: 'azurerm_mssql_managed_database',
    clean: { name: 'db', managed_instance_id: NORWAY_ACCOUNT_ID },
    mutations: [
      at(
        'long_term_retention_backup_id',
        '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/locations/westeurope/longTermRetentionManagedInstances/m/longTermRetentionDatabases/d',
        'a restore from a backup held abroad (region in the id)',
      ),
    ],
  },
  {
    type: 'azurerm_eventgrid_event_subscription',
    clean: {
      name: 'e',
      scope: NORWAY_ACCOUNT_ID,
      storage_blob_dead_letter_destination: {
        storage_account_id: NORWAY_ACCOUNT_ID,
        storage_blob_container_name: 'dl',
      },
    },
    mutations: [
      at(
        'webhook_endpoint',
        { url: 'https://hooks.example.net/patient-events' },
        'a webhook to the internet',
      ),
      at(
        'storage_blob_dead_letter_destination.storage_account_id',
        ABROAD_ACCOUNT_ID,
        'dead letters to an account abroad (another stack)',
      ),
      at(
        'storage_blob_dead_letter_destination.storage_account_id',
        FOREIGN_ACCOUNT,
        'dead letters to an account outside the estate',
      ),
    ],
  },
  {
    type: 'azurerm_monitor_action_group',
    clean: { name: 'ag', resource_group_name: 'rg-app', short_name: 'ag', location: 'norwayeast' },
    mutations: [
      at(
        'webhook_receiver',
        { name: 'pager', service_uri: 'https://alerts.example.org/hook' },
        'alerts to a webhook abroad',
      ),
    ],
  },
  {
    type: 'azurerm_logic_app_action_http',
    clean: {
      name: 'a',
      logic_app_id: NORWAY_ACCOUNT_ID,
      method: 'POST',
      uri: 'https://stnorway.blob.core.windows.net/in',
    },
    mutations: [
      at('uri', 'https://api.example.com/ingest', 'an HTTP action to the internet'),
      at(
        'uri',
        'https://stforeign.blob.core.windows.net/in',
        'an HTTP action to a blob endpoint outside the estate',
      ),
    ],
  },
  {
    type: 'azurerm_data_factory_linked_service_azure_blob_storage',
    clean: {
      name: 'l',
      data_factory_id: NORWAY_ACCOUNT_ID,
      connection_string:
        'DefaultEndpointsProtocol=https;AccountName=stnorway;EndpointSuffix=core.windows.net',
    },
    mutations: [
      at(
        'connection_string',
        'DefaultEndpointsProtocol=https;AccountName=stforeign;EndpointSuffix=core.windows.net',
        'a connection string to an account outside the estate',
      ),
      at(
        'connection_string',
        'DefaultEndpointsProtocol=https;AccountName=stabroad;EndpointSuffix=core.windows.net',
        'a connection string to an account abroad (another stack)',
      ),
    ],
  },
  {
    type: 'azurerm_iothub_endpoint_storage_container',
    clean: {
      name: 'e',
      iothub_id: NORWAY_ACCOUNT_ID,
      container_name: 'c',
      connection_string: 'DefaultEndpointsProtocol=https;AccountName=stnorway;AccountKey=x',
    },
    mutations: [
      at(
        'connection_string',
        'DefaultEndpointsProtocol=https;AccountName=stforeign;AccountKey=x',
        'device data to an account outside the estate',
      ),
    ],
  },
  {
    type: 'azurerm_mssql_server_extended_auditing_policy',
    clean: { server_id: NORWAY_ACCOUNT_ID, storage_endpoint: 'https://stnorway.blob.core.windows.net/' },
    mutations: [
      at(
        'storage_endpoint',
        'https://stforeign.blob.core.windows.net/',
        'audit logs to an endpoint outside the estate',
      ),
      at('storage_endpoint', 'https://stabroad.blob.core.windows.net/', 'audit logs to an account abroad'),
    ],
  },
  {
    type: 'azurerm_hdinsight_hadoop_cluster',
    clean: {
      name: 'h',
      location: 'norwayeast',
      storage_account: { storage_resource_id: NORWAY_ACCOUNT_ID, is_default: true },
    },
    mutations: [
      at('storage_account.storage_resource_id', FOREIGN_ACCOUNT, 'cluster storage outside the estate'),
    ],
  },
  {
    type: 'azurerm_function_app_connection',
    clean: { name: 'c', function_app_id: NORWAY_ACCOUNT_ID, target_resource_id: NORWAY_ACCOUNT_ID },
    mutations: [at('target_resource_id', ABROAD_ACCOUNT_ID, 'a service connection to an account abroad')],
  },
  {
    type: 'azurerm_log_analytics_linked_storage_account',
    clean: {
      data_source_type: 'CustomLogs',
      workspace_resource_id: NORWAY_WORKSPACE_ID,
      storage_account_ids: [NORWAY_ACCOUNT_ID],
    },
    mutations: [
      at(
        'storage_account_ids',
        [NORWAY_ACCOUNT_ID, FOREIGN_ACCOUNT],
        'linked log storage outside the estate',
      ),
    ],
  },
  {
    type: 'azurerm_kusto_eventhub_data_connection',
    clean: { name: 'k', location: 'norwayeast', eventhub_id: '${azurerm_eventhub.norway.id}' },
    mutations: [at('eventhub_id', FOREIGN_HUB, 'ingestion from an Event Hub outside the estate')],
  },
  {
    type: 'azurerm_machine_learning_workspace',
    clean: { name: 'ml', location: 'norwayeast', storage_account_id: NORWAY_ACCOUNT_ID },
    mutations: [at('storage_account_id', ABROAD_ACCOUNT_ID, 'workspace storage abroad')],
  },
  {
    type: 'azurerm_kubernetes_cluster',
    clean: {
      name: 'aks',
      location: 'norwayeast',
      oms_agent: { log_analytics_workspace_id: NORWAY_WORKSPACE_ID },
      microsoft_defender: { log_analytics_workspace_id: NORWAY_WORKSPACE_ID },
    },
    mutations: [
      at(
        'oms_agent.log_analytics_workspace_id',
        FOREIGN_WORKSPACE,
        'container insights to a workspace outside the estate',
      ),
      at(
        'microsoft_defender.log_analytics_workspace_id',
        FOREIGN_WORKSPACE,
        'Defender data to a workspace outside the estate',
      ),
    ],
  },
  {
    type: 'azurerm_linux_web_app',
    clean: {
      name: 'web',
      location: 'norwayeast',
      backup: { name: 'b', storage_account_url: 'https://stnorway.blob.core.windows.net/backups?sv=2024' },
    },
    mutations: [
      at(
        'backup.storage_account_url',
        'https://stforeign.blob.core.windows.net/backups?sv=2024',
        'web app backups to a SAS URL outside the estate',
      ),
      at(
        'logs',
        {
          http_logs: {
            azure_blob_storage: {
              sas_url: 'https://stabroad.blob.core.windows.net/logs?sv=2024',
              retention_in_days: 7,
            },
          },
        },
        'HTTP logs to an account abroad',
      ),
    ],
  },
  {
    type: 'azurerm_eventhub',
    clean: {
      name: 'capture',
      namespace_id: '${azurerm_eventhub_namespace.norway.id}',
      capture_description: {
        enabled: true,
        encoding: 'Avro',
        destination: { name: 'EventHubArchive.AzureBlockBlob', storage_account_id: NORWAY_ACCOUNT_ID },
      },
    },
    mutations: [
      at(
        'capture_description.destination.storage_account_id',
        FOREIGN_ACCOUNT,
        'capture to an account outside the estate',
      ),
    ],
  },
  {
    type: 'azurerm_redis_cache',
    clean: {
      name: 'redis',
      location: 'norwayeast',
      redis_configuration: {
        rdb_storage_connection_string: 'DefaultEndpointsProtocol=https;AccountName=stnorway;AccountKey=x',
      },
    },
    mutations: [
      at(
        'redis_configuration.rdb_storage_connection_string',
        'DefaultEndpointsProtocol=https;AccountName=stforeign;AccountKey=x',
        'RDB backups outside the estate',
      ),
    ],
  },
  {
    type: 'azurerm_cognitive_account',
    clean: { name: 'ai', location: 'norwayeast', storage: { storage_account_id: NORWAY_ACCOUNT_ID } },
    mutations: [at('storage.storage_account_id', ABROAD_ACCOUNT_ID, 'customer storage abroad')],
  },
  {
    type: 'azurerm_batch_account',
    clean: { name: 'batch', location: 'norwayeast', storage_account_id: NORWAY_ACCOUNT_ID },
    mutations: [
      at('storage_account_id', FOREIGN_ACCOUNT, 'auto-storage outside the estate'),
      at('location', 'southafricanorth', 'batch account abroad'),
    ],
  },
  {
    type: 'azurerm_synapse_workspace',
    clean: {
      name: 'syn',
      location: 'norwayeast',
      storage_data_lake_gen2_filesystem_id: 'https://stnorway.dfs.core.windows.net/fs',
    },
    mutations: [
      at(
        'storage_data_lake_gen2_filesystem_id',
        'https://stforeign.dfs.core.windows.net/fs',
        'a data lake outside the estate',
      ),
    ],
  },
  {
    type: 'azurerm_search_service',
    clean: {
      name: 'media',
      location: 'norwayeast',
      storage_account: { id: NORWAY_ACCOUNT_ID, is_primary: true },
    },
    mutations: [at('location', 'brazilsouth', 'search index abroad')],
  },
];

const MUTATIONS = CASES.flatMap((c) => c.mutations.map((m) => ({ c, m })));

function setPath(body: Body, path: string, value: unknown): Body {
  const copy = structuredClone(body);
  const parts = path.split('.');
  let node: Body = copy;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Body;
  node[parts[parts.length - 1]] = value;
  return copy;
}

/** Residency findings (RES-*) of the case's resource, with the abroad stack as context. */
function residencyFindings(type: string, body: Body, variable?: Body): string[] {
  // azapi is `azure/azapi`, as every configuration that uses it declares.
  const providers = { terraform: { required_providers: { azapi: { source: 'azure/azapi' } } } };
  const extra = variable ? { ...providers, variable: { location: variable } } : providers;
  const model = loadTerraformJson(tf({ ...ESTATE, [`${type}.subject`]: body }, extra), {
    file: 'cdktf.out/stacks/app/cdk.tf.json',
    stack: 'app',
  });
  return checkModels([model, ABROAD], { rules: ALL_RULES, reportOn: [model], today: '2026-12-01' })
    .findings.filter((f) => !f.suppressed && f.ruleId.startsWith('RES-') && f.ruleId !== 'RES-007')
    .map((f) => `${f.ruleId} ${f.address}: ${f.message}`);
}

describe('residency corpus: a Norway-clean baseline', () => {
  test('has at least 40 foreign-destination mutations across at least 25 resource types', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.type)).size).toBeGreaterThanOrEqual(25);
  });

  test.each(CASES.map((c) => [c.type, c] as const))('%s: no residency finding when clean', (_type, c) => {
    expect(residencyFindings(c.type, c.clean).filter((f) => f.includes(`${c.type}.subject`))).toEqual([]);
  });
});

describe('residency corpus: every foreign destination is caught on the mutated resource', () => {
  test.each(MUTATIONS.map(({ c, m }) => [`${c.type}: ${m.what}`, c, m] as const))('%s', (_name, c, m) => {
    const found = residencyFindings(c.type, setPath(c.clean, m.path, m.value)).filter((f) =>
      f.includes(`${c.type}.subject`),
    );
    expect(found.length).toBeGreaterThan(0);
  });
});

/** The clean baseline with its own `location` given by `var.location` (cases that have one). */
const LOCATED = CASES.filter((c) => c.clean.location === 'norwayeast');
const NORWAY_ONLY = {
  default: 'norwayeast',
  validation: [
    { condition: '${contains(["norwayeast", "norwaywest"], var.location)}', error_message: 'Norway.' },
  ],
};

describe('residency corpus: locations from variables', () => {
  test.each(LOCATED.map((c) => [c.type, c] as const))(
    '%s: a variable restricted to Norway by its validation is clean',
    (_type, c) => {
      const body = { ...c.clean, location: '${var.location}' };
      expect(
        residencyFindings(c.type, body, NORWAY_ONLY).filter((f) => f.includes(`${c.type}.subject`)),
      ).toEqual([]);
    },
  );

  test.each(LOCATED.map((c) => [c.type, c] as const))(
    '%s: a Norway default alone is no promise (-var may override it)',
    (_type, c) => {
      const body = { ...c.clean, location: '${var.location}' };
      expect(
        residencyFindings(c.type, body, { default: 'norwayeast' }).filter((f) =>
          f.startsWith(
            `RES-001 ${c.type}.subject: location cannot be verified before apply: var.location has a default`,
          ),
        ),
      ).toHaveLength(1);
    },
  );
});
