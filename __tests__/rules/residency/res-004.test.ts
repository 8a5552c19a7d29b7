/** The valid and invalid cases of RES-004 (`policies/rules/residency/res-004-replication-targets.ts`). */
import { loadTerraformJson } from '../../../policies/model/load-terraform-json';
import { RES_004 } from '../../../policies/rules/residency/res-004-replication-targets';
import { DEPLOYMENT, SA_NL, SA_NO, SUB, TEMPLATE_HOME } from '../../helpers/rules/residency';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

/** Another cdktf stack that owns the replica account and exports its id. */
const drStack = (location: string) =>
  loadTerraformJson(
    {
      '//': { metadata: { stackName: 'dr' } },
      ...tf({ 'azurerm_storage_account.replica': { name: 'replica', location } }),
      output: { 'replica-id': { value: '${azurerm_storage_account.replica.id}' } },
    },
    { file: 'dr/cdk.tf.json' },
  );

const REPLICATE_TO_DR = {
  'azurerm_storage_account.src': { name: 'src', location: 'norwayeast' },
  'azurerm_storage_object_replication.r': {
    source_storage_account_id: '${azurerm_storage_account.src.id}',
    destination_storage_account_id:
      '${data.terraform_remote_state.cross-stack-reference-input-dr.outputs.replica-id}',
  },
};

const OUTSIDE = '(allowed: norwayeast or norwaywest)';

const ACCOUNT_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts';

const NORWAY_ACCOUNT = { name: 'stnorway', location: 'norwayeast', resource_group_name: 'rg' };

const ABROAD_ACCOUNT = { name: 'stabroad', location: 'westeurope', resource_group_name: 'rg' };

const TEMPLATE_ABROAD = JSON.stringify({
  resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'x', location: 'westeurope' }],
});

/** Front Door is global: its ARM location says so, and names no region. */
const TEMPLATE_GLOBAL = JSON.stringify({
  resources: [{ type: 'Microsoft.Network/frontDoors', name: 'fd', location: 'global' }],
});

const ABROAD =
  'template_content.resources[0].location is "westeurope", outside Norway (allowed: norwayeast or norwaywest).';

/** An account id whose name has a malformed percent escape: no id the estate can read. */
const BAD_ACCOUNT_ID = `${ACCOUNT_ID}/bad%zz`;

/** Resources whose types are named like inherited properties, as parsed from an input (`__proto__` included). */
const ODD_TYPES = (() => {
  const body = JSON.stringify({
    name: 'x',
    resource_group_name: 'rg',
    storage_account_id: `${ACCOUNT_ID}/stnorway`,
  });
  return JSON.parse(
    `{"resource": {"azurerm_storage_account": {"norway": ${JSON.stringify(NORWAY_ACCOUNT)}}, ` +
      `"constructor": {"a": ${body}}, "toString": {"b": ${body}}, "__proto__": {"c": ${body}}}}`,
  ) as Record<string, unknown>;
})();

/**
 * A Linux and a Windows function app and a web app in `location`, each with a staging slot and the active
 * slot set to it. A slot has no location of its own: it lives where its app does (`function_app_id`,
 * `app_service_id`), so a path to the slot is a path to its app's region.
 */
const slotsIn = (location: string) =>
  tf({
    'azurerm_linux_function_app.fn': { name: 'fn', location },
    'azurerm_linux_function_app_slot.staging': {
      name: 'staging',
      function_app_id: '${azurerm_linux_function_app.fn.id}',
    },
    'azurerm_function_app_active_slot.fn': { slot_id: '${azurerm_linux_function_app_slot.staging.id}' },
    'azurerm_windows_function_app.win': { name: 'win', location },
    'azurerm_windows_function_app_slot.staging': {
      name: 'staging',
      function_app_id: '${azurerm_windows_function_app.win.id}',
    },
    'azurerm_function_app_active_slot.win': { slot_id: '${azurerm_windows_function_app_slot.staging.id}' },
    'azurerm_linux_web_app.web': { name: 'web', location },
    'azurerm_linux_web_app_slot.staging': {
      name: 'staging',
      app_service_id: '${azurerm_linux_web_app.web.id}',
    },
    'azurerm_web_app_active_slot.web': { slot_id: '${azurerm_linux_web_app_slot.staging.id}' },
  });

ruleTester(RES_004, {
  valid: [
    {
      name: 'Redis linked server in Norway',
      synth: tf({
        'azurerm_redis_cache.dr': { name: 'dr', location: 'norwaywest' },
        'azurerm_redis_linked_server.l': {
          target_redis_cache_name: 'primary',
          linked_redis_cache_id: '${azurerm_redis_cache.dr.id}',
          linked_redis_cache_location: 'norwaywest',
          server_role: 'Secondary',
        },
      }),
    },
    {
      name: 'an existing Cosmos account read through a data source creates no copy',
      plan: plan([
        {
          at: 'data.azurerm_cosmosdb_account.shared',
          values: {
            location: 'westeurope',
            geo_location: [{ location: 'westeurope', failover_priority: 0 }],
          },
          actions: ['read'],
        },
      ]),
    },
    {
      name: 'object replication between two Norway accounts (references)',
      synth: tf({
        'azurerm_storage_account.src': SA_NO,
        'azurerm_storage_account.dst': { ...SA_NO, name: 'dst', location: 'Norway West' },
        'azurerm_storage_object_replication.r': {
          source_storage_account_id: '${azurerm_storage_account.src.id}',
          destination_storage_account_id: '${azurerm_storage_account.dst.id}',
        },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.src', values: SA_NO },
        { at: 'azurerm_storage_account.dst', values: { ...SA_NO, location: 'norwaywest' } },
        {
          at: 'azurerm_storage_object_replication.r',
          unknown: { source_storage_account_id: true, destination_storage_account_id: true },
          references: {
            source_storage_account_id: ['azurerm_storage_account.src.id', 'azurerm_storage_account.src'],
            destination_storage_account_id: ['azurerm_storage_account.dst.id'],
          },
        },
      ]),
    },
    {
      name: 'replication into another stack of the workspace (cdktf cross-stack reference), in Norway',
      synth: tf(REPLICATE_TO_DR),
      others: [drStack('norwaywest')],
    },
    {
      name: 'Cosmos geo locations as one object and as an array, all in Norway',
      synth: tf({
        'azurerm_cosmosdb_account.one': {
          location: 'norwayeast',
          geo_location: { location: 'norwayeast', failover_priority: 0 },
        },
        'azurerm_cosmosdb_account.two': {
          location: 'norwayeast',
          geo_location: [
            { location: 'norwayeast', failover_priority: 0 },
            { location: 'Norway West', failover_priority: 1 },
          ],
        },
      }),
      plan: plan([
        {
          at: 'azurerm_cosmosdb_account.two',
          values: {
            location: 'norwayeast',
            geo_location: [{ location: 'norwayeast' }, { location: 'norwaywest' }],
          },
        },
      ]),
    },
    {
      name: 'SQL failover partner and secondary database in Norway (database location through its server)',
      synth: tf({
        'azurerm_mssql_server.primary': { location: 'norwayeast' },
        'azurerm_mssql_server.secondary': { location: 'norwaywest' },
        'azurerm_mssql_database.db': { server_id: '${azurerm_mssql_server.primary.id}' },
        'azurerm_mssql_database.copy': {
          server_id: '${azurerm_mssql_server.secondary.id}',
          create_mode: 'Secondary',
          creation_source_database_id: '${azurerm_mssql_database.db.id}',
        },
        'azurerm_mssql_failover_group.fg': {
          partner_server: [{ id: '${azurerm_mssql_server.secondary.id}' }],
        },
      }),
    },
    {
      name: 'existing partner in a plan: the configuration reference names it although the id is known',
      plan: plan([
        {
          at: 'azurerm_eventhub_namespace.dr',
          values: { id: `${SUB}/Microsoft.EventHub/namespaces/dr`, location: 'norwaywest' },
          actions: ['no-op'],
        },
        {
          at: 'azurerm_eventhub_namespace_disaster_recovery_config.c',
          values: { partner_namespace_id: `${SUB}/Microsoft.EventHub/namespaces/dr` },
          references: {
            partner_namespace_id: ['azurerm_eventhub_namespace.dr.id', 'azurerm_eventhub_namespace.dr'],
          },
        },
      ]),
    },
    {
      name: 'a long-term retention backup whose id names a Norway region',
      synth: tf({
        'azurerm_mssql_server.s': { name: 's', location: 'norwayeast' },
        'azurerm_mssql_database.restored': {
          server_id: '${azurerm_mssql_server.s.id}',
          create_mode: 'RestoreLongTermRetentionBackup',
          restore_long_term_retention_backup_id:
            '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/locations/norwayeast/longTermRetentionServers/old/longTermRetentionDatabases/db/longTermRetentionBackups/b1',
        },
      }),
    },
    {
      name: 'PostgreSQL without a source server',
      synth: tf({ 'azurerm_postgresql_flexible_server.pg': { location: 'norwayeast' } }),
    },
    {
      name: 'Norway regions at nested paths, in either spelling',
      synth: tf({
        'azurerm_virtual_hub_connection.c': { name: 'c', linked_hub: { location: 'Norway West' } },
        'azurerm_netapp_volume.v': {
          name: 'v',
          location: 'norwayeast',
          remote_volume_location: 'norwaywest',
        },
      }),
      plan: plan([
        {
          at: 'azurerm_virtual_hub_connection.c',
          values: { name: 'c', linked_hub: [{ location: 'norwaywest' }] },
        },
        {
          at: 'azurerm_netapp_volume.v',
          values: { name: 'v', location: 'norwayeast', remote_volume_location: 'norwaywest' },
        },
      ]),
      hcl: `
resource "azurerm_virtual_hub_connection" "c" {
  name = "c"
  linked_hub { location = "Norway West" }
}
resource "azurerm_netapp_volume" "v" {
  name                   = "v"
  location               = "norwayeast"
  remote_volume_location = "norwaywest"
}`,
    },
    {
      name: 'location-like attributes that hold no region, or name the resource’s own one',
      synth: tf({
        'azurerm_api_management_redis_cache.c': {
          name: 'c',
          api_management_id: '${azurerm_api_management.a.id}',
          connection_string: 'x',
          cache_location: 'default',
        },
        'azurerm_api_management.a': { name: 'a', location: 'norwayeast' },
        'azurerm_notification_hub_namespace.n': {
          name: 'n',
          location: 'norwayeast',
          replication_region: 'Default',
        },
        'azurerm_app_service_public_certificate.p': {
          certificate_name: 'p',
          certificate_location: 'LocalMachineMy',
        },
      }),
      plan: plan([
        { at: 'azurerm_api_management.a', values: { name: 'a', location: 'norwayeast' } },
        {
          at: 'azurerm_api_management_redis_cache.c',
          values: { name: 'c', connection_string: 'x', cache_location: 'default' },
          unknown: { api_management_id: true },
          references: { api_management_id: ['azurerm_api_management.a.id', 'azurerm_api_management.a'] },
        },
        {
          at: 'azurerm_notification_hub_namespace.n',
          values: { name: 'n', location: 'norwayeast', replication_region: 'None' },
        },
        {
          at: 'azurerm_app_service_public_certificate.p',
          values: { certificate_name: 'p', certificate_location: 'CurrentUserMy' },
        },
      ]),
      hcl: `
resource "azurerm_api_management" "a" {
  name     = "a"
  location = "norwayeast"
}
resource "azurerm_api_management_redis_cache" "c" {
  name              = "c"
  api_management_id = azurerm_api_management.a.id
  connection_string = "x"
  cache_location    = "default"
}
resource "azurerm_notification_hub_namespace" "n" {
  name               = "n"
  location           = "norwayeast"
  replication_region = "Default"
}`,
    },
    {
      name: 'places other rules judge: a communication service’s geography (RES-008), a peering location (NET-009)',
      synth: tf({
        'azurerm_communication_service.c': { name: 'c', data_location: '${var.geography}' },
        'azurerm_email_communication_service.e': { name: 'e', data_location: 'Europe' },
        'azurerm_express_route_circuit.er': { name: 'er', peering_location: 'Amsterdam' },
      }),
      plan: plan([
        { at: 'azurerm_communication_service.c', values: { name: 'c', data_location: 'Norway' } },
        { at: 'azurerm_email_communication_service.e', values: { name: 'e', data_location: 'Europe' } },
        { at: 'azurerm_express_route_circuit.er', values: { name: 'er', peering_location: 'Amsterdam' } },
      ]),
      hcl: `
variable "geography" {}
resource "azurerm_communication_service" "c" {
  name          = "c"
  data_location = var.geography
}
resource "azurerm_express_route_circuit" "er" {
  name             = "er"
  peering_location = "Amsterdam"
}`,
    },
    {
      name: 'a computed location-like attribute the plan leaves to the provider is no place',
      plan: plan([
        {
          at: 'azurerm_storage_account.sa',
          values: { name: 'sa', location: 'norwayeast' },
          unknown: { primary_location: true, secondary_location: true },
        },
      ]),
    },
    {
      name: 'region names in tags are labels, not places',
      synth: tf({
        'azurerm_resource_group.rg': { name: 'rg', location: 'norwayeast', tags: { mirror: 'westeurope' } },
      }),
    },
    {
      name: 'ids, endpoints and connection strings of accounts in the estate in Norway; network and identity ids',
      synth: tf({
        'azurerm_storage_account.norway': NORWAY_ACCOUNT,
        'azurerm_hdinsight_hadoop_cluster.h': {
          name: 'h',
          location: 'norwayeast',
          storage_account: [{ storage_resource_id: `${ACCOUNT_ID}/stnorway`, is_default: true }],
          network: {
            subnet_id:
              '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/s',
          },
        },
        'azurerm_stream_analytics_output_blob.o': {
          name: 'o',
          storage_account_name: 'stnorway',
          storage_container_name: 'c',
          path_pattern: 'x',
        },
        'azurerm_function_app_connection.c': {
          name: 'c',
          target_resource_id: '${azurerm_storage_account.norway.id}',
        },
        'azurerm_eventgrid_event_subscription.e': {
          name: 'e',
          scope: '${azurerm_storage_account.norway.id}',
          storage_blob_dead_letter_destination: { storage_account_id: `${ACCOUNT_ID}/stnorway` },
        },
        'azurerm_data_factory_linked_service_azure_blob_storage.l': {
          name: 'l',
          connection_string:
            'DefaultEndpointsProtocol=https;AccountName=stnorway;EndpointSuffix=core.windows.net',
        },
      }),
    },
    {
      name: 'a template and an azapi body whose resources are in Norway',
      synth: tf({
        'azurerm_resource_group_template_deployment.t': { ...DEPLOYMENT, template_content: TEMPLATE_HOME },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group_template_deployment.t',
          values: { ...DEPLOYMENT, template_content: TEMPLATE_HOME },
        },
      ]),
      hcl: `
resource "azapi_resource" "app" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "app"
  location  = "norwayeast"
  parent_id = "/subscriptions/s/resourceGroups/rg"
  body = jsonencode({
    properties = { replicaLocations = ["norwaywest"] }
  })
}
`,
    },
    {
      name: 'a Redis linked server that leaves linked_redis_cache_location to the provider',
      synth: tf({
        'azurerm_redis_cache.dr': { name: 'dr', location: 'norwaywest' },
        'azurerm_redis_linked_server.l': {
          target_redis_cache_name: 'primary',
          linked_redis_cache_id: '${azurerm_redis_cache.dr.id}',
          server_role: 'Secondary',
        },
      }),
    },
    {
      name: 'a location-like reference to an attribute that is not set is no place',
      synth: tf({
        'azurerm_netapp_volume.a': { name: 'a', location: 'norwayeast' },
        'azurerm_netapp_volume.v': {
          name: 'v',
          location: 'norwayeast',
          remote_volume_location: '${azurerm_netapp_volume.a.remote_volume_location}',
        },
      }),
    },
    {
      name: 'paths to what holds no data: a user-assigned identity, a function (placed by its app), ids inside a template',
      synth: tf({
        'azurerm_linux_web_app.w': {
          name: 'w',
          location: 'norwayeast',
          identity: {
            type: 'UserAssigned',
            identity_ids: [
              '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1',
            ],
          },
        },
        'azurerm_communication_service.c': { name: 'c', resource_group_name: 'rg', data_location: 'Norway' },
        'azurerm_email_communication_service.e': {
          name: 'e',
          resource_group_name: 'rg',
          data_location: 'Norway',
        },
        'azurerm_communication_service_email_domain_association.a': {
          communication_service_id: '${azurerm_communication_service.c.id}',
          email_service_domain_id: '${azurerm_email_communication_service.e.id}',
        },
        'azurerm_resource_group_template_deployment.t': {
          ...DEPLOYMENT,
          template_content: JSON.stringify({
            resources: [
              {
                type: 'Microsoft.Web/sites',
                name: 's',
                location: 'norwayeast',
                properties: { serverFarmId: `${SUB}/Microsoft.Web/serverfarms/elsewhere` },
              },
            ],
          }),
        },
      }),
    },
    {
      name: 'destinations other rules judge: diagnostic settings, flow-log analytics, customer-managed keys',
      synth: tf({
        'azurerm_log_analytics_workspace.w': { name: 'w', location: 'westeurope' },
        'azurerm_storage_account.abroad': ABROAD_ACCOUNT,
        'azurerm_monitor_diagnostic_setting.d': {
          name: 'd',
          target_resource_id: '${azurerm_storage_account.abroad.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}',
          partner_solution_id: `${SUB}/Microsoft.Datadog/monitors/dd`,
        },
        'azurerm_network_watcher_flow_log.f': {
          name: 'f',
          traffic_analytics: {
            enabled: true,
            workspace_resource_id: '${azurerm_log_analytics_workspace.w.id}',
            workspace_region: 'westeurope',
          },
        },
        'azurerm_linux_virtual_machine_scale_set.s': {
          name: 's',
          location: 'norwayeast',
          os_disk: { disk_encryption_set_id: '${data.terraform_remote_state.platform.outputs.des_id}' },
          // Eleven disks: the eleventh is data_disk[10].
          data_disk: Array.from({ length: 11 }, (_, lun) => ({
            lun,
            disk_encryption_set_id: '${data.terraform_remote_state.platform.outputs.des_id}',
          })),
        },
      }),
    },
    {
      name: 'static geo_location blocks in Norway',
      hcl: `
resource "azurerm_cosmosdb_account" "c" {
  location = "norwayeast"
  geo_location {
    location          = "norwayeast"
    failover_priority = 0
  }
  geo_location {
    location          = "norwaywest"
    failover_priority = 1
  }
}
`,
    },
    {
      name: 'function app and web app slots of apps in Norway, and the active slots pointing at them',
      synth: slotsIn('norwayeast'),
    },
    {
      name: 'resources of types named like inherited properties (constructor, toString, __proto__) pointing at a Norway account',
      synth: ODD_TYPES,
    },
  ],
  invalid: [
    {
      name: 'function app and web app slots of apps abroad: each slot, and each active slot through its slot, is abroad',
      messages: [
        `the location of function_app_id azurerm_linux_function_app.fn is "westeurope", outside Norway ${OUTSIDE}.`,
        `the location of function_app_id azurerm_windows_function_app.win is "westeurope", outside Norway ${OUTSIDE}.`,
        `the location of app_service_id azurerm_linux_web_app.web is "westeurope", outside Norway ${OUTSIDE}.`,
        `the location of slot_id azurerm_linux_function_app_slot.staging is "westeurope", outside Norway ${OUTSIDE}.`,
        `the location of slot_id azurerm_windows_function_app_slot.staging is "westeurope", outside Norway ${OUTSIDE}.`,
        `the location of slot_id azurerm_linux_web_app_slot.staging is "westeurope", outside Norway ${OUTSIDE}.`,
      ],
      synth: slotsIn('westeurope'),
      errors: [
        ['RES-004', 'azurerm_linux_function_app_slot.staging'],
        ['RES-004', 'azurerm_windows_function_app_slot.staging'],
        ['RES-004', 'azurerm_linux_web_app_slot.staging'],
        ['RES-004', 'azurerm_function_app_active_slot.fn'],
        ['RES-004', 'azurerm_function_app_active_slot.win'],
        ['RES-004', 'azurerm_web_app_active_slot.web'],
      ],
    },
    {
      name: 'object replication to a Dutch account',
      messages: [
        'the location of destination_storage_account_id azurerm_storage_account.dst is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_storage_account.src': SA_NO,
        'azurerm_storage_account.dst': SA_NL,
        'azurerm_storage_object_replication.r': {
          source_storage_account_id: '${azurerm_storage_account.src.id}',
          destination_storage_account_id: '${azurerm_storage_account.dst.id}',
        },
      }),
      plan: plan([
        { at: 'module.data.azurerm_storage_account.src', values: SA_NO },
        { at: 'module.data.azurerm_storage_account.dst', values: SA_NL },
        {
          at: 'module.data.azurerm_storage_object_replication.r',
          unknown: { source_storage_account_id: true, destination_storage_account_id: true },
          references: {
            source_storage_account_id: ['azurerm_storage_account.src.id'],
            destination_storage_account_id: ['azurerm_storage_account.dst.id'],
          },
        },
      ]),
      errors: [['RES-004', 'azurerm_storage_object_replication.r']],
      planErrors: [['RES-004', 'module.data.azurerm_storage_object_replication.r']],
      message: /westeurope/,
    },
    {
      name: 'replication into another stack whose account is abroad; the same reference without that stack fails closed',
      messages: [
        'the location of destination_storage_account_id azurerm_storage_account.replica is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf(REPLICATE_TO_DR),
      others: [drStack('westeurope')],
      errors: [['RES-004', 'azurerm_storage_object_replication.r']],
      message: /westeurope/,
    },
    {
      name: 'a cross-stack reference to a stack that is not in the checked estate; pass its stack, plan or state with --context',
      messages: [
        'destination_storage_account_id cannot be resolved: output replica-id comes from stack dr, which is not in the checked estate; pass its stack, plan or state with --context.',
      ],
      synth: tf(REPLICATE_TO_DR),
      errors: [['RES-004', 'azurerm_storage_object_replication.r']],
      message: /not in the checked estate; pass its stack, plan or state with --context/,
    },
    {
      name: 'replication target outside the configuration fails closed',
      messages: [
        'destination_storage_account_id /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/b points at a resource that is not in the checked estate; pass its stack, plan or state with --context.',
        'source_storage_account_id /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a points at a resource that is not in the checked estate; pass its stack, plan or state with --context.',
      ],
      synth: tf({
        'azurerm_storage_object_replication.r': {
          source_storage_account_id: `${SUB}/Microsoft.Storage/storageAccounts/a`,
          destination_storage_account_id: `${SUB}/Microsoft.Storage/storageAccounts/b`,
        },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_object_replication.r',
          values: {
            source_storage_account_id: `${SUB}/Microsoft.Storage/storageAccounts/a`,
            destination_storage_account_id: `${SUB}/Microsoft.Storage/storageAccounts/b`,
          },
        },
      ]),
      errors: [
        ['RES-004', 'azurerm_storage_object_replication.r'],
        ['RES-004', 'azurerm_storage_object_replication.r'],
      ],
      message:
        /points at a resource that is not in the checked estate; pass its stack, plan or state with --context/,
    },
    {
      name: 'a storage container whose account id has a malformed percent escape cannot be placed',
      messages: [
        `storage_account_id ${BAD_ACCOUNT_ID} points at a resource that is not in the checked estate; pass its stack, plan or state with --context.`,
      ],
      synth: tf({
        'azurerm_storage_account.norway': NORWAY_ACCOUNT,
        'azurerm_storage_container.c': { name: 'c', storage_account_id: BAD_ACCOUNT_ID },
      }),
      plan: plan([
        { at: 'azurerm_storage_account.norway', values: NORWAY_ACCOUNT },
        { at: 'azurerm_storage_container.c', values: { name: 'c', storage_account_id: BAD_ACCOUNT_ID } },
      ]),
      errors: [['RES-004', 'azurerm_storage_container.c']],
      message:
        /points at a resource that is not in the checked estate; pass its stack, plan or state with --context/,
    },
    {
      name: 'Cosmos DB with a second location in Sweden (object form, array form, count instances)',
      messages: [
        'geo_location[0].location is "swedencentral", outside Norway (allowed: norwayeast or norwaywest).',
        'geo_location[1].location is "swedencentral", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_cosmosdb_account.one': {
          location: 'norwayeast',
          geo_location: { location: 'swedencentral', failover_priority: 0 },
        },
        'azurerm_cosmosdb_account.two': {
          location: 'norwayeast',
          geo_location: [{ location: 'norwayeast' }, { location: 'swedencentral' }],
        },
      }),
      plan: plan([
        {
          at: 'azurerm_cosmosdb_account.c',
          index: 0,
          values: { location: 'norwayeast', geo_location: [{ location: 'norwayeast' }] },
        },
        {
          at: 'azurerm_cosmosdb_account.c',
          index: 1,
          values: {
            location: 'norwayeast',
            geo_location: [{ location: 'norwayeast' }, { location: 'swedencentral' }],
          },
        },
      ]),
      errors: [
        ['RES-004', 'azurerm_cosmosdb_account.one'],
        ['RES-004', 'azurerm_cosmosdb_account.two'],
      ],
      planErrors: [['RES-004', 'azurerm_cosmosdb_account.c[1]']],
      message: /geo_location\[\d\]\.location is "swedencentral"/,
    },
    {
      name: 'geo locations built by a dynamic block, or unknown in the plan',
      messages: [
        'geo_location is built by a dynamic block, so the locations of the copies cannot be verified.',
      ],
      synth: tf({
        'azurerm_cosmosdb_account.c': {
          location: 'norwayeast',
          dynamic: {
            geo_location: { for_each: '${var.locations}', content: { location: '${geo_location.value}' } },
          },
        },
      }),
      plan: plan([
        {
          at: 'azurerm_cosmosdb_account.c',
          values: { location: 'norwayeast', geo_location: [{}] },
          unknown: { geo_location: [{ location: true }] },
        },
      ]),
      errors: [['RES-004', 'azurerm_cosmosdb_account.c']],
    },
    {
      name: 'ACR georeplication and APIM additional location abroad',
      messages: [
        'additional_location[0].location is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'georeplications[0].location is "northeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_container_registry.acr': {
          location: 'norwayeast',
          georeplications: [{ location: 'northeurope' }],
        },
        'azurerm_api_management.apim': {
          location: 'norwayeast',
          additional_location: { location: 'westeurope' },
        },
      }),
      errors: [
        ['RES-004', 'azurerm_api_management.apim'],
        ['RES-004', 'azurerm_container_registry.acr'],
      ],
    },
    {
      name: 'failover partner, PostgreSQL replica source and Redis linked server abroad',
      messages: [
        'the location of partner_server[0].id azurerm_mssql_server.partner is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'source_server_id cannot be resolved: var.source has no default and no validation that limits it.',
        'linked_redis_cache_location is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf(
        {
          'azurerm_mssql_server.partner': { location: 'westeurope' },
          'azurerm_mssql_failover_group.fg': { partner_server: { id: '${azurerm_mssql_server.partner.id}' } },
          'azurerm_postgresql_flexible_server.replica': {
            location: 'norwayeast',
            create_mode: 'Replica',
            source_server_id: '${var.source}',
          },
          'azurerm_redis_linked_server.l': {
            linked_redis_cache_id: '${azurerm_redis_cache.r.id}',
            linked_redis_cache_location: 'westeurope',
          },
          'azurerm_redis_cache.r': { location: 'norwayeast' },
        },
        { variable: { source: { type: 'string' } } },
      ),
      errors: [
        ['RES-004', 'azurerm_mssql_failover_group.fg'],
        ['RES-004', 'azurerm_postgresql_flexible_server.replica'],
        ['RES-004', 'azurerm_redis_linked_server.l'],
      ],
    },
    {
      name: 'a long-term retention backup whose id names a region abroad',
      messages: [
        'the region in restore_long_term_retention_backup_id /subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/locations/westeurope/longTermRetentionServers/old/longTermRetentionDatabases/db/longTermRetentionBackups/b1 is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      plan: plan([
        {
          at: 'azurerm_mssql_database.restored',
          values: {
            restore_long_term_retention_backup_id:
              '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/locations/westeurope/longTermRetentionServers/old/longTermRetentionDatabases/db/longTermRetentionBackups/b1',
          },
        },
      ]),
      errors: [['RES-004', 'azurerm_mssql_database.restored']],
      message: /westeurope/,
    },
    {
      name: 'Service Bus DR partner namespace in another region',
      messages: [
        'the location of partner_namespace_id azurerm_servicebus_namespace.dr is "swedencentral", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      plan: plan([
        { at: 'azurerm_servicebus_namespace.dr', values: { location: 'swedencentral' } },
        {
          at: 'azurerm_servicebus_namespace_disaster_recovery_config.c',
          unknown: { partner_namespace_id: true },
          references: { partner_namespace_id: ['azurerm_servicebus_namespace.dr.id'] },
        },
      ]),
      errors: [['RES-004', 'azurerm_servicebus_namespace_disaster_recovery_config.c']],
    },
    {
      name: 'regions abroad at paths no rule names (NetApp, Virtual WAN, image gallery, Site Recovery)',
      messages: [
        `remote_volume_location is "westeurope", outside Norway ${OUTSIDE}.`,
        `target_region[0].name is "North Europe", outside Norway ${OUTSIDE}.`,
        `target_location is "swedencentral", outside Norway ${OUTSIDE}.`,
      ],
      synth: tf({
        'azurerm_netapp_volume.v': {
          name: 'v',
          location: 'norwayeast',
          remote_volume_location: 'westeurope',
        },
        'azurerm_shared_image_version.i': {
          name: '1.0.0',
          location: 'norwayeast',
          target_region: [{ name: 'North Europe', regional_replica_count: 1 }],
        },
        'azurerm_site_recovery_replicated_vm.r': { name: 'r', target_location: 'swedencentral' },
      }),
      plan: plan([
        {
          at: 'azurerm_netapp_volume.v',
          values: { name: 'v', location: 'norwayeast', remote_volume_location: 'westeurope' },
        },
        {
          at: 'azurerm_shared_image_version.i',
          values: {
            name: '1.0.0',
            location: 'norwayeast',
            target_region: [{ name: 'North Europe', regional_replica_count: 1 }],
          },
        },
        {
          at: 'azurerm_site_recovery_replicated_vm.r',
          values: { name: 'r', target_location: 'swedencentral' },
        },
      ]),
      hcl: `
resource "azurerm_netapp_volume" "v" {
  name                   = "v"
  location               = "norwayeast"
  remote_volume_location = "westeurope"
}
resource "azurerm_shared_image_version" "i" {
  name     = "1.0.0"
  location = "norwayeast"
  target_region {
    name                   = "North Europe"
    regional_replica_count = 1
  }
}
resource "azurerm_site_recovery_replicated_vm" "r" {
  name            = "r"
  target_location = "swedencentral"
}`,
      errors: [
        ['RES-004', 'azurerm_netapp_volume.v'],
        ['RES-004', 'azurerm_shared_image_version.i'],
        ['RES-004', 'azurerm_site_recovery_replicated_vm.r'],
      ],
    },
    {
      name: 'a literal at a location-like attribute that names no known region (a new region, a typo, global)',
      messages: [
        `remote_volume_location is "norwaynorth", which names no Azure region this tool knows, so it cannot be verified to be in Norway ${OUTSIDE}.`,
        // An attribute the rule names for the type is judged as any location: not a Norway region.
        `linked_redis_cache_location is "norway-east", outside Norway ${OUTSIDE}.`,
      ],
      synth: tf({
        'azurerm_netapp_volume.v': {
          name: 'v',
          location: 'norwayeast',
          remote_volume_location: 'norwaynorth',
        },
        'azurerm_redis_cache.r': { name: 'r', location: 'norwayeast' },
        'azurerm_redis_linked_server.l': {
          target_redis_cache_name: 'r',
          linked_redis_cache_id: '${azurerm_redis_cache.r.id}',
          linked_redis_cache_location: 'norway-east',
        },
      }),
      plan: plan([
        {
          at: 'azurerm_netapp_volume.v',
          values: { name: 'v', location: 'norwayeast', remote_volume_location: 'norwaynorth' },
        },
        { at: 'azurerm_redis_cache.r', values: { name: 'r', location: 'norwayeast' } },
        {
          at: 'azurerm_redis_linked_server.l',
          values: { target_redis_cache_name: 'r', linked_redis_cache_location: 'norway-east' },
          unknown: { linked_redis_cache_id: true },
          references: { linked_redis_cache_id: ['azurerm_redis_cache.r.id', 'azurerm_redis_cache.r'] },
        },
      ]),
      hcl: `
resource "azurerm_netapp_volume" "v" {
  name                   = "v"
  location               = "norwayeast"
  remote_volume_location = "norwaynorth"
}
resource "azurerm_redis_cache" "r" {
  name     = "r"
  location = "norwayeast"
}
resource "azurerm_redis_linked_server" "l" {
  target_redis_cache_name     = "r"
  linked_redis_cache_id       = azurerm_redis_cache.r.id
  linked_redis_cache_location = "norway-east"
}`,
      errors: [
        ['RES-004', 'azurerm_netapp_volume.v'],
        ['RES-004', 'azurerm_redis_linked_server.l'],
      ],
    },
    {
      name: 'a geography of a service that offers none in Norway (an Azure AD B2C directory)',
      messages: [
        'data_residency_location is "Europe", outside Norway: an Azure AD B2C directory keeps its data in the United States, Europe, Asia Pacific or Australia, none of them in Norway.',
      ],
      synth: tf({
        'azurerm_aadb2c_directory.b': { domain_name: 'b.onmicrosoft.com', data_residency_location: 'Europe' },
      }),
      plan: plan([
        {
          at: 'azurerm_aadb2c_directory.b',
          values: { domain_name: 'b.onmicrosoft.com', data_residency_location: 'Europe' },
        },
      ]),
      hcl: `
resource "azurerm_aadb2c_directory" "b" {
  domain_name             = "b.onmicrosoft.com"
  data_residency_location = "Europe"
}`,
      errors: [['RES-004', 'azurerm_aadb2c_directory.b']],
    },
    {
      name: 'a Norway region named where a service offers only geographies without Norway',
      messages: [
        'data_residency_location is "norwayeast", outside Norway: an Azure AD B2C directory keeps its data in the United States, Europe, Asia Pacific or Australia, none of them in Norway.',
      ],
      synth: tf({
        'azurerm_aadb2c_directory.b': {
          domain_name: 'b.onmicrosoft.com',
          data_residency_location: 'norwayeast',
        },
      }),
      plan: plan([
        {
          at: 'azurerm_aadb2c_directory.b',
          values: { domain_name: 'b.onmicrosoft.com', data_residency_location: 'norwayeast' },
        },
      ]),
      hcl: `
resource "azurerm_aadb2c_directory" "b" {
  domain_name             = "b.onmicrosoft.com"
  data_residency_location = "norwayeast"
}`,
      errors: [['RES-004', 'azurerm_aadb2c_directory.b']],
    },
    {
      name: 'a global resource inside an ARM template',
      messages: [
        `template_content.resources[0].location is "global", which names no Azure region this tool knows, so it cannot be verified to be in Norway ${OUTSIDE}.`,
      ],
      synth: tf({
        'azurerm_resource_group_template_deployment.t': { ...DEPLOYMENT, template_content: TEMPLATE_GLOBAL },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group_template_deployment.t',
          values: { ...DEPLOYMENT, template_content: TEMPLATE_GLOBAL },
        },
      ]),
      errors: [['RES-004', 'azurerm_resource_group_template_deployment.t']],
    },
    {
      name: 'camelCase places in an azapi body and an ARM template: an expression, a literal naming no region, a peering abroad',
      messages: [
        `body.properties.failoverRegion is "atlantis", which names no Azure region this tool knows, so it cannot be verified to be in Norway ${OUTSIDE}.`,
        'template_content.resources[0].properties.serviceProviderProperties.peeringLocation is "Amsterdam", outside Norway (allowed: Oslo or Stavanger).',
        "template_content.resources[1].properties.replicaLocation is the template expression [parameters('replica')], which cannot be verified to be a Norway region; write the region as a literal or check the deployment's plan.",
      ],
      synth: tf({
        'azapi_resource.pg': {
          type: 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01',
          name: 'pg',
          location: 'norwayeast',
          body: { properties: { failoverRegion: 'atlantis', dataLocation: 'Norway' } },
        },
        'azurerm_resource_group_template_deployment.t': {
          ...DEPLOYMENT,
          template_content: JSON.stringify({
            resources: [
              {
                type: 'Microsoft.Network/expressRouteCircuits',
                name: 'er',
                location: 'norwayeast',
                properties: { serviceProviderProperties: { peeringLocation: 'Amsterdam' } },
              },
              {
                type: 'Microsoft.DBforPostgreSQL/flexibleServers',
                name: 'pg',
                location: 'norwayeast',
                properties: { replicaLocation: "[parameters('replica')]" },
              },
            ],
          }),
        },
      }),
      errors: [
        ['RES-004', 'azapi_resource.pg'],
        ['RES-004', 'azurerm_resource_group_template_deployment.t'],
        ['RES-004', 'azurerm_resource_group_template_deployment.t'],
      ],
    },
    {
      name: 'a regional endpoint abroad, named in a URL or a connection string',
      messages: [
        `the region in app_settings.AI_ENDPOINT (host westeurope.api.cognitive.microsoft.com) is "westeurope", outside Norway ${OUTSIDE}.`,
        `the region in app_settings.APPLICATIONINSIGHTS_CONNECTION_STRING (host swedencentral-1.in.applicationinsights.azure.com) is "swedencentral", outside Norway ${OUTSIDE}.`,
      ],
      synth: tf({
        'azurerm_linux_web_app.web': {
          name: 'web',
          location: 'norwayeast',
          app_settings: {
            AI_ENDPOINT: 'https://westeurope.api.cognitive.microsoft.com/',
            APPLICATIONINSIGHTS_CONNECTION_STRING:
              'InstrumentationKey=0;IngestionEndpoint=https://swedencentral-1.in.applicationinsights.azure.com/',
            OWN: 'https://norwayeast.api.cognitive.microsoft.com/',
          },
        },
      }),
      plan: plan([
        {
          at: 'azurerm_linux_web_app.web',
          values: {
            name: 'web',
            location: 'norwayeast',
            app_settings: {
              AI_ENDPOINT: 'https://westeurope.api.cognitive.microsoft.com/',
              APPLICATIONINSIGHTS_CONNECTION_STRING:
                'InstrumentationKey=0;IngestionEndpoint=https://swedencentral-1.in.applicationinsights.azure.com/',
              OWN: 'https://norwayeast.api.cognitive.microsoft.com/',
            },
          },
        },
      ]),
      errors: [
        ['RES-004', 'azurerm_linux_web_app.web'],
        ['RES-004', 'azurerm_linux_web_app.web'],
      ],
    },
    {
      name: 'a region inside an id',
      messages: [
        'the region in long_term_retention_backup_id /subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/locations/westeurope/longTermRetentionManagedInstances/m/longTermRetentionDatabases/d is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_mssql_managed_database.db': {
          name: 'db',
          long_term_retention_backup_id:
            '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/locations/westeurope/longTermRetentionManagedInstances/m/longTermRetentionDatabases/d',
        },
      }),
      errors: [['RES-004', 'azurerm_mssql_managed_database.db']],
    },
    {
      name: 'a location-like value from a variable that can be anything, and one unknown in the plan',
      messages: [
        'linked_hub.location cannot be verified before apply: var.hub has no default and no validation that limits it; a value that cannot be resolved counts as outside Norway.',
      ],
      synth: tf(
        { 'azurerm_virtual_hub_connection.c': { name: 'c', linked_hub: { location: '${var.hub}' } } },
        { variable: { hub: { type: 'string' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_virtual_hub_connection.c',
          values: { name: 'c', linked_hub: [{}] },
          unknown: { linked_hub: [{ location: true }] },
          references: { 'linked_hub.location': ['var.hub'] },
        },
      ]),
      errors: [['RES-004', 'azurerm_virtual_hub_connection.c']],
      message: /linked_hub(\[0\])?\.location cannot be verified before apply/,
    },
    {
      name: 'deployments inside deployments: an ARM template and an azapi body with resources abroad',
      messages: [
        'body.properties.replicaLocations[1] is "uksouth", outside Norway (allowed: norwayeast or norwaywest).',
        'template_content.resources[0].location is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        `template_content.resources[1].location is the template expression [parameters('where')], which cannot be verified to be a Norway region; write the region as a literal or check the deployment's plan.`,
      ],
      synth: tf({
        'azurerm_resource_group_template_deployment.t': {
          name: 't',
          resource_group_name: 'rg',
          deployment_mode: 'Incremental',
          template_content: JSON.stringify({
            resources: [
              { type: 'Microsoft.Storage/storageAccounts', name: 'x', location: 'westeurope' },
              { type: 'Microsoft.Storage/storageAccounts', name: 'y', location: "[parameters('where')]" },
            ],
          }),
        },
        'azapi_resource.app': {
          type: 'Microsoft.App/containerApps@2024-03-01',
          name: 'app',
          location: 'norwayeast',
          body: { properties: { replicaLocations: ['norwaywest', 'uksouth'] } },
        },
      }),
      errors: [
        ['RES-004', 'azapi_resource.app'],
        ['RES-004', 'azurerm_resource_group_template_deployment.t'],
        ['RES-004', 'azurerm_resource_group_template_deployment.t'],
      ],
    },
    {
      name: 'a webhook to the internet, and endpoints, connection strings and ids of accounts outside the estate or abroad',
      messages: [
        `connection_string DefaultEndpointsProtocol=https;AccountName=stelsewhere;EndpointSuffix=core.windows.net names stelsewhere, which is not in the checked estate; pass its stack, plan or state with --context.`,
        'the location of storage_blob_dead_letter_destination.storage_account_id azurerm_storage_account.abroad is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'webhook_endpoint.url sends data to https://hooks.example.com/patient-events, a host outside Azure, so outside Norway.',
        `storage_account[0].storage_resource_id ${ACCOUNT_ID}/stunknown points at a resource that is not in the checked estate; pass its stack, plan or state with --context.`,
        // The server it audits is outside the estate too: a data store whose place cannot be known.
        'server_id /subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql points at a resource that is not in the checked estate; pass its stack, plan or state with --context.',
        'the location of storage_endpoint (azurerm_storage_account.abroad) is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_storage_account.abroad': ABROAD_ACCOUNT,
        'azurerm_hdinsight_hadoop_cluster.h': {
          name: 'h',
          location: 'norwayeast',
          storage_account: [{ storage_resource_id: `${ACCOUNT_ID}/stunknown`, is_default: true }],
        },
        'azurerm_eventgrid_event_subscription.e': {
          name: 'e',
          webhook_endpoint: { url: 'https://hooks.example.com/patient-events' },
          storage_blob_dead_letter_destination: { storage_account_id: `${ACCOUNT_ID}/stabroad` },
        },
        'azurerm_mssql_server_extended_auditing_policy.a': {
          server_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql',
          storage_endpoint: 'https://stabroad.blob.core.windows.net/',
        },
        'azurerm_data_factory_linked_service_azure_blob_storage.l': {
          name: 'l',
          connection_string:
            'DefaultEndpointsProtocol=https;AccountName=stelsewhere;EndpointSuffix=core.windows.net',
        },
      }),
      errors: [
        ['RES-004', 'azurerm_data_factory_linked_service_azure_blob_storage.l'],
        ['RES-004', 'azurerm_eventgrid_event_subscription.e'],
        ['RES-004', 'azurerm_eventgrid_event_subscription.e'],
        ['RES-004', 'azurerm_hdinsight_hadoop_cluster.h'],
        ['RES-004', 'azurerm_mssql_server_extended_auditing_policy.a'],
        ['RES-004', 'azurerm_mssql_server_extended_auditing_policy.a'],
      ],
    },
    {
      name: 'a template with a resource abroad: a JSON string, a plan value, an HCL heredoc',
      messages: [`${ABROAD}`],
      synth: tf({
        'azurerm_resource_group_template_deployment.t': { ...DEPLOYMENT, template_content: TEMPLATE_ABROAD },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group_template_deployment.t',
          values: { ...DEPLOYMENT, template_content: TEMPLATE_ABROAD },
        },
      ]),
      hcl: `
resource "azurerm_resource_group_template_deployment" "t" {
  name                = "t"
  resource_group_name = "rg"
  deployment_mode     = "Incremental"
  template_content    = <<TEMPLATE
${TEMPLATE_ABROAD}
TEMPLATE
}
`,
      errors: [['RES-004', 'azurerm_resource_group_template_deployment.t']],
    },
    {
      name: 'jsonencode of a literal object is read: in HCL and in synthesized JSON (Fn.jsonencode)',
      messages: [
        'body.properties.replicaLocations[1] is "uksouth", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azapi_resource.app': {
          type: 'Microsoft.App/containerApps@2024-03-01',
          name: 'app',
          location: 'norwayeast',
          body: '${jsonencode({"properties" = {"replicaLocations" = ["norwaywest", "uksouth"]}})}',
        },
      }),
      hcl: `
resource "azapi_resource" "app" {
  type     = "Microsoft.App/containerApps@2024-03-01"
  name     = "app"
  location = "norwayeast"
  body = jsonencode({
    properties = { replicaLocations = ["norwaywest", "uksouth"] }
  })
}
`,
      errors: [['RES-004', 'azapi_resource.app']],
    },
    {
      name: 'geo locations from a dynamic block fail closed',
      messages: [
        'geo_location[0].location cannot be verified before apply: geo_location.value refers to geo_location.value, which is not in this configuration; a value that cannot be resolved counts as outside Norway.',
      ],
      hcl: `
variable "regions" {
  default = ["norwayeast"]
}
resource "azurerm_cosmosdb_account" "c" {
  location = "norwayeast"
  dynamic "geo_location" {
    for_each = var.regions
    content {
      location = geo_location.value
    }
  }
}
`,
      errors: [['RES-004', 'azurerm_cosmosdb_account.c']],
    },
    {
      name: 'a Redis linked server location the plan knows only after apply, with no reference',
      messages: [
        'linked_redis_cache_location cannot be verified before apply: linked_redis_cache_location of azurerm_redis_linked_server.l is only known after apply; a value that cannot be resolved counts as outside Norway.',
      ],
      plan: plan([
        { at: 'azurerm_redis_cache.dr', values: { name: 'dr', location: 'norwaywest' } },
        {
          at: 'azurerm_redis_linked_server.l',
          unknown: { linked_redis_cache_id: true, linked_redis_cache_location: true },
          references: { linked_redis_cache_id: ['azurerm_redis_cache.dr.id'] },
        },
      ]),
      errors: [['RES-004', 'azurerm_redis_linked_server.l']],
    },
    {
      name: 'a dynamic partner_server is one finding; another dynamic block is judged place by place',
      messages: [
        'partner_server is built by a dynamic block, so the locations of the copies cannot be verified.',
        'dynamic.target_region.content.name is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'the location of dynamic.target_region.content.disk_encryption_set_id azurerm_storage_account.abroad is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_mssql_server.abroad': { name: 'abroad', location: 'westeurope' },
        'azurerm_mssql_failover_group.fg': {
          dynamic: {
            partner_server: {
              for_each: '${var.partners}',
              content: { id: '${azurerm_mssql_server.abroad.id}' },
            },
          },
        },
        'azurerm_storage_account.abroad': ABROAD_ACCOUNT,
        'azurerm_shared_image_version.i': {
          name: '1.0.0',
          location: 'norwayeast',
          dynamic: {
            target_region: {
              for_each: '${var.regions}',
              content: { name: 'westeurope', disk_encryption_set_id: '${azurerm_storage_account.abroad.id}' },
            },
          },
        },
      }),
      errors: [
        ['RES-004', 'azurerm_mssql_failover_group.fg'],
        ['RES-004', 'azurerm_shared_image_version.i'],
        ['RES-004', 'azurerm_shared_image_version.i'],
      ],
    },
    {
      name: 'ids of an unknown ARM type, from a remote state not in the estate (network ids excepted), and of an uncatalogued type',
      messages: [
        `target_resource_id ${SUB}/Microsoft.Foo/bars/x points at a resource that is not in the checked estate; pass its stack, plan or state with --context.`,
        'target_resource_id cannot be resolved: output sa_id comes from the state data.terraform_remote_state.x reads, which is not in the checked estate; pass its stack, plan or state with --context.',
        'the location of input.target_id azurerm_storage_account.abroad is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_function_app_connection.foo': {
          name: 'foo',
          target_resource_id: `${SUB}/Microsoft.Foo/bars/x`,
        },
        'azurerm_function_app_connection.remote': {
          name: 'remote',
          target_resource_id: '${data.terraform_remote_state.x.outputs.sa_id}',
          subnet_id: '${data.terraform_remote_state.x.outputs.subnet_id}',
        },
        'azurerm_storage_account.abroad': ABROAD_ACCOUNT,
        'terraform_data.x': { input: { target_id: '${azurerm_storage_account.abroad.id}' } },
      }),
      errors: [
        ['RES-004', 'azurerm_function_app_connection.foo'],
        ['RES-004', 'azurerm_function_app_connection.remote'],
        ['RES-004', 'terraform_data.x'],
      ],
    },
    {
      name: 'ids of a data source abroad and of a data store that has no data source',
      messages: [
        'the location of target_resource_id azurerm_hdinsight_hadoop_cluster.h is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'the location of target_resource_id data.azurerm_hdinsight_cluster.h is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      plan: plan([
        {
          at: 'data.azurerm_hdinsight_cluster.h',
          values: { name: 'h', location: 'westeurope' },
          actions: ['read'],
        },
        { at: 'azurerm_hdinsight_hadoop_cluster.h', values: { name: 'h', location: 'westeurope' } },
        {
          at: 'azurerm_function_app_connection.data',
          unknown: { target_resource_id: true },
          references: { target_resource_id: ['data.azurerm_hdinsight_cluster.h.id'] },
        },
        {
          at: 'azurerm_function_app_connection.managed',
          unknown: { target_resource_id: true },
          references: { target_resource_id: ['azurerm_hdinsight_hadoop_cluster.h.id'] },
        },
      ]),
      errors: [
        ['RES-004', 'azurerm_function_app_connection.data'],
        ['RES-004', 'azurerm_function_app_connection.managed'],
      ],
    },
  ],
});
