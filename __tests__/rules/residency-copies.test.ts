import { RES_004 } from '../../policies/rules/residency/res-004-replication-targets';
import { RES_005 } from '../../policies/rules/residency/res-005-log-destinations';
import { RES_006 } from '../../policies/rules/residency/res-006-region-capabilities';
import { RES_007 } from '../../policies/rules/residency/res-007-norway-west-approval';
import { RES_008 } from '../../policies/rules/residency/res-008-data-location';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

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

const SA_NO = { name: 'sano', location: 'norwayeast', account_replication_type: 'GRS' };
const SA_NL = { name: 'sanl', location: 'westeurope', account_replication_type: 'LRS' };
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers';

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
  ],
  invalid: [
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
  ],
});

/** A plan whose every resource change has `after_unknown: true`: the whole planned value is known only after apply. */
function wholeResourceUnknown(doc: Record<string, unknown>): Record<string, unknown> {
  const changes = doc.resource_changes as { change: Record<string, unknown> }[];
  return {
    ...doc,
    resource_changes: changes.map((c) => ({ ...c, change: { ...c.change, after_unknown: true } })),
  };
}

const LAW_NO = { name: 'law', location: 'norwayeast' };

ruleTester(RES_005, {
  valid: [
    {
      name: 'flow log to a Norway account without traffic analytics',
      synth: tf({
        'azurerm_storage_account.sa': SA_NO,
        'azurerm_network_watcher_flow_log.f': {
          network_watcher_name: 'nw',
          storage_account_id: '${azurerm_storage_account.sa.id}',
          enabled: true,
        },
      }),
    },
    {
      name: 'an existing Application Insights read through a data source sends nothing',
      plan: plan([
        {
          at: 'data.azurerm_application_insights.shared',
          values: { workspace_id: `${SUB}/Microsoft.OperationalInsights/workspaces/central` },
          actions: ['read'],
        },
      ]),
    },
    {
      name: 'diagnostic setting to a Norway workspace and a storage sub-resource target',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW_NO,
        'azurerm_monitor_diagnostic_setting.d': {
          target_resource_id: '${azurerm_storage_account.sa.id}/blobServices/default',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
      plan: plan([
        { at: 'azurerm_log_analytics_workspace.law', values: LAW_NO },
        {
          at: 'azurerm_monitor_diagnostic_setting.d',
          unknown: { log_analytics_workspace_id: true },
          references: { log_analytics_workspace_id: ['azurerm_log_analytics_workspace.law.id'] },
        },
      ]),
    },
    {
      name: 'Event Hub destination through an authorization rule on a Norway namespace',
      synth: tf({
        'azurerm_eventhub_namespace.ns': { location: 'norwayeast' },
        'azurerm_eventhub_namespace_authorization_rule.r': {
          namespace_name: '${azurerm_eventhub_namespace.ns.name}',
        },
        'azurerm_monitor_diagnostic_setting.d': {
          eventhub_authorization_rule_id: '${azurerm_eventhub_namespace_authorization_rule.r.id}',
        },
      }),
    },
    {
      name: 'flow log with traffic analytics in Norway',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW_NO,
        'azurerm_storage_account.sa': SA_NO,
        'azurerm_network_watcher_flow_log.f': {
          storage_account_id: '${azurerm_storage_account.sa.id}',
          traffic_analytics: {
            enabled: true,
            workspace_region: 'norwayeast',
            workspace_resource_id: '${azurerm_log_analytics_workspace.law.id}',
          },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'diagnostic logs shipped to a partner solution',
      messages: ['partner_solution_id sends logs to a partner solution outside our control.'],
      synth: tf({
        'azurerm_monitor_diagnostic_setting.d': {
          partner_solution_id: `${SUB}/Microsoft.Datadog/monitors/dd`,
        },
      }),
      plan: plan([
        {
          at: 'module.mon.azurerm_monitor_diagnostic_setting.d',
          index: 'kv',
          values: { partner_solution_id: `${SUB}/Microsoft.Datadog/monitors/dd` },
        },
      ]),
      errors: [['RES-005', 'azurerm_monitor_diagnostic_setting.d']],
      planErrors: [['RES-005', 'module.mon.azurerm_monitor_diagnostic_setting.d["kv"]']],
      message: /partner solution/,
    },
    {
      name: 'workspace abroad, and an external workspace id',
      messages: [
        'the location of log_analytics_workspace_id azurerm_log_analytics_workspace.law is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'log_analytics_workspace_id /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central points at a resource that is not in the checked estate; pass its stack, plan or state with --context.',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.law': { location: 'westeurope' },
        'azurerm_monitor_diagnostic_setting.a': {
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
        'azurerm_monitor_diagnostic_setting.b': {
          log_analytics_workspace_id: `${SUB}/Microsoft.OperationalInsights/workspaces/central`,
        },
      }),
      errors: [
        ['RES-005', 'azurerm_monitor_diagnostic_setting.a'],
        ['RES-005', 'azurerm_monitor_diagnostic_setting.b'],
      ],
    },
    {
      name: 'data export and flow-log traffic analytics region abroad',
      messages: [
        'the location of destination_resource_id azurerm_storage_account.nl is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'traffic_analytics.workspace_region is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'traffic_analytics.workspace_resource_id cannot be resolved: var.ws has no default and no validation that limits it.',
      ],
      synth: tf(
        {
          'azurerm_storage_account.nl': SA_NL,
          'azurerm_log_analytics_data_export_rule.x': {
            destination_resource_id: '${azurerm_storage_account.nl.id}',
          },
          'azurerm_network_watcher_flow_log.f': {
            traffic_analytics: [
              { enabled: true, workspace_region: 'westeurope', workspace_resource_id: '${var.ws}' },
            ],
          },
        },
        { variable: { ws: { type: 'string' } } },
      ),
      errors: [
        ['RES-005', 'azurerm_log_analytics_data_export_rule.x'],
        ['RES-005', 'azurerm_network_watcher_flow_log.f'],
        ['RES-005', 'azurerm_network_watcher_flow_log.f'],
      ],
    },
  ],
});

ruleTester(RES_006, {
  valid: [
    {
      name: 'a Cosmos geo location in norwaywest that does not mention zone redundancy',
      synth: tf({
        'azurerm_cosmosdb_account.c': {
          location: 'norwayeast',
          geo_location: [
            { location: 'norwayeast', failover_priority: 0 },
            { location: 'norwaywest', failover_priority: 1 },
          ],
        },
      }),
    },
    {
      name: 'an existing storage account read through a data source is not deployed here',
      plan: plan([
        {
          at: 'data.azurerm_storage_account.legacy',
          values: { location: 'norwaywest', account_replication_type: 'ZRS' },
          actions: ['read'],
        },
      ]),
    },
    {
      name: 'zone redundancy on a resource that has no location of its own and no parent to read it from',
      synth: tf({
        'azurerm_app_service_environment_v3.ase': {
          name: 'ase',
          subnet_id: '${azurerm_subnet.ase.id}',
          zone_redundant: true,
        },
      }),
    },
    {
      name: 'ZRS and zones in norwayeast; GRS in norwaywest',
      synth: tf({
        'azurerm_storage_account.a': { location: 'norwayeast', account_replication_type: 'ZRS' },
        'azurerm_storage_account.b': { location: 'norwaywest', account_replication_type: 'GRS' },
        'azurerm_public_ip.p': { location: 'norwayeast', zones: ['1', '2', '3'] },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account.a',
          values: { location: 'norwayeast', account_replication_type: 'RAGZRS' },
        },
        {
          at: 'azurerm_postgresql_flexible_server.pg',
          values: { location: 'norwaywest' },
          unknown: { zone: true },
        },
        { at: 'azurerm_public_ip.w', values: { location: 'norwaywest', zones: [] } },
      ]),
    },
    {
      name: 'node pool zones in norwayeast through its cluster',
      synth: tf({
        'azurerm_kubernetes_cluster.k': { location: 'norwayeast' },
        'azurerm_kubernetes_cluster_node_pool.p': {
          kubernetes_cluster_id: '${azurerm_kubernetes_cluster.k.id}',
          zones: ['1'],
        },
      }),
    },
    {
      name: 'norwaywest resources that ask for no zones: empty zone, zone redundancy off, empty zone list',
      synth: tf({
        'azurerm_linux_virtual_machine.vm': { location: 'norwaywest', zone: '' },
        'azurerm_mssql_elasticpool.ep': { location: 'norwaywest', zone_redundant: false },
        'azurerm_api_management.apim': {
          location: 'norwayeast',
          additional_location: [{ location: 'norwaywest', zones: [] }],
        },
        'azurerm_cosmosdb_account.c': {
          location: 'norwayeast',
          geo_location: [
            { location: 'norwayeast', failover_priority: 0, zone_redundant: true },
            { location: 'norwaywest', failover_priority: 1, zone_redundant: false },
          ],
        },
      }),
      plan: plan([
        { at: 'azurerm_linux_virtual_machine.vm', values: { location: 'norwaywest', zone: '' } },
        { at: 'azurerm_mssql_elasticpool.ep', values: { location: 'norwaywest', zone_redundant: false } },
        {
          at: 'azurerm_api_management.apim',
          values: { location: 'norwayeast', additional_location: [{ location: 'norwaywest', zones: [] }] },
        },
      ]),
    },
    {
      name: 'geo locations from a dynamic block are left to RES-004 (no zone finding here)',
      synth: tf(
        {
          'azurerm_cosmosdb_account.c': {
            location: 'norwayeast',
            dynamic: {
              geo_location: {
                for_each: '${var.locations}',
                content: { location: '${geo_location.value}', zone_redundant: true },
              },
            },
          },
        },
        { variable: { locations: { type: 'list(string)' } } },
      ),
    },
  ],
  invalid: [
    {
      name: 'zone redundancy of norwaywest geo locations and replicas from variables',
      messages: [
        'georeplications[0].zone_redundancy_enabled asks for zones outside norwayeast.',
        'geo_location[1].zone_redundant asks for zones outside norwayeast.',
      ],
      synth: tf(
        {
          'azurerm_cosmosdb_account.c': {
            location: 'norwayeast',
            geo_location: [
              { location: 'norwayeast', failover_priority: 0 },
              { location: 'norwaywest', failover_priority: 1, zone_redundant: '${var.zone_redundant}' },
            ],
          },
          'azurerm_container_registry.acr': {
            location: 'norwayeast',
            georeplications: [
              { location: 'norwaywest', zone_redundancy_enabled: '${var.acr_zone_redundancy}' },
            ],
          },
        },
        {
          variable: {
            zone_redundant: { type: 'bool' },
            acr_zone_redundancy: {
              type: 'string',
              validation: [
                {
                  condition: '${contains(["true", "false"], var.acr_zone_redundancy)}',
                  error_message: 'true or false',
                },
              ],
            },
          },
        },
      ),
      errors: [
        ['RES-006', 'azurerm_container_registry.acr'],
        ['RES-006', 'azurerm_cosmosdb_account.c'],
      ],
    },
    {
      name: 'zones on a resource whose location is written as a list',
      messages: [
        'zones is ["1"] — but the resource is in a region that cannot be verified to have availability zones.',
      ],
      synth: tf({ 'azurerm_public_ip.p': { location: ['norwaywest'], zones: ['1'] } }),
      errors: [['RES-006', 'azurerm_public_ip.p']],
    },
    {
      name: 'a SQL database zone-redundant on a norwaywest server; a scale set with two zone requests',
      messages: [
        'zone_redundant is true — but the resource is in norwaywest, which has no availability zones.',
        'zones is ["1","2"]; zone_balance is true — but the resource is in norwaywest, which has no availability zones.',
      ],
      synth: tf({
        'azurerm_mssql_server.dr': { name: 'sql-dr', location: 'norwaywest' },
        'azurerm_mssql_database.db': { server_id: '${azurerm_mssql_server.dr.id}', zone_redundant: true },
        'azurerm_linux_virtual_machine_scale_set.vmss': {
          location: 'norwaywest',
          zones: ['1', '2'],
          zone_balance: true,
        },
      }),
      errors: [
        ['RES-006', 'azurerm_linux_virtual_machine_scale_set.vmss'],
        ['RES-006', 'azurerm_mssql_database.db'],
      ],
    },
    {
      name: 'zones outside Norway; replication from a variable that allows ZRS',
      messages: [
        'zones is ["1"] — but the resource is in a region that cannot be verified to have availability zones.',
        'account_replication_type cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
      ],
      synth: tf(
        {
          'azurerm_public_ip.p': { location: 'westeurope', zones: ['1'] },
          'azurerm_storage_account.sa': {
            location: 'norwaywest',
            account_replication_type: '${var.replication}',
          },
        },
        {
          variable: {
            replication: {
              type: 'string',
              validation: [
                { condition: '${contains(["LRS", "ZRS"], var.replication)}', error_message: 'LRS or ZRS' },
              ],
            },
          },
        },
      ),
      errors: [
        ['RES-006', 'azurerm_public_ip.p'],
        ['RES-006', 'azurerm_storage_account.sa'],
      ],
    },
    {
      name: 'ZRS, GZRS and zonal resources in norwaywest',
      messages: [
        'high_availability.mode is ZoneRedundant — but the resource is in norwaywest, which has no availability zones.',
        'zones is ["1"] — but the resource is in norwaywest, which has no availability zones.',
        'account_replication_type is ZRS — but the resource is in norwaywest, which has no availability zones.',
        'account_replication_type is RAGZRS — but the resource is in norwaywest, which has no availability zones.',
      ],
      synth: tf({
        'azurerm_storage_account.a': { location: 'norwaywest', account_replication_type: 'ZRS' },
        'azurerm_storage_account.b': { location: 'Norway West', account_replication_type: 'RAGZRS' },
        'azurerm_public_ip.p': { location: 'norwaywest', zones: ['1'] },
        'azurerm_postgresql_flexible_server.pg': {
          location: 'norwaywest',
          high_availability: { mode: 'ZoneRedundant' },
        },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account.a',
          index: 0,
          values: { location: 'norwaywest', account_replication_type: 'GZRS' },
        },
        {
          at: 'azurerm_managed_disk.d',
          values: { location: 'norwaywest', storage_account_type: 'Premium_ZRS' },
        },
      ]),
      errors: [
        ['RES-006', 'azurerm_postgresql_flexible_server.pg'],
        ['RES-006', 'azurerm_public_ip.p'],
        ['RES-006', 'azurerm_storage_account.a'],
        ['RES-006', 'azurerm_storage_account.b'],
      ],
      planErrors: [
        ['RES-006', 'azurerm_managed_disk.d'],
        ['RES-006', 'azurerm_storage_account.a[0]'],
      ],
      message: /norwaywest/,
    },
    {
      name: 'zone-redundant replication where the region cannot be verified',
      messages: [
        'account_replication_type is ZRS — but the resource is in a region that cannot be verified to have availability zones.',
      ],
      synth: tf(
        { 'azurerm_storage_account.a': { location: '${var.region}', account_replication_type: 'ZRS' } },
        { variable: { region: { type: 'string' } } },
      ),
      errors: [['RES-006', 'azurerm_storage_account.a']],
    },
    {
      name: 'Cosmos geo location in norwaywest with zone redundancy',
      messages: ['geo_location[1].zone_redundant asks for zones outside norwayeast.'],
      synth: tf({
        'azurerm_cosmosdb_account.c': {
          location: 'norwayeast',
          geo_location: [
            { location: 'norwayeast', zone_redundant: true },
            { location: 'norwaywest', zone_redundant: true },
          ],
        },
      }),
      errors: [['RES-006', 'azurerm_cosmosdb_account.c']],
    },
    {
      name: 'zone placement, zone redundancy and zone lists in norwaywest, literal or from variables',
      messages: [
        'additional_location[0].zones asks for zones outside norwayeast.',
        'zone is "1" — but the resource is in norwaywest, which has no availability zones.',
        'zone cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
        'zone_redundant is true — but the resource is in norwaywest, which has no availability zones.',
        'zone_redundant cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
        'zones cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
        'account_replication_type cannot be verified before apply — but the resource is in norwaywest, which has no availability zones.',
      ],
      synth: tf(
        {
          'azurerm_storage_account.sa': {
            location: 'norwaywest',
            account_replication_type: '${var.replication}',
          },
          'azurerm_public_ip.p': { location: 'norwaywest', zones: '${var.zones}' },
          'azurerm_linux_virtual_machine.a': { location: 'norwaywest', zone: '1' },
          'azurerm_linux_virtual_machine.b': { location: 'norwaywest', zone: '${var.zone}' },
          'azurerm_mssql_elasticpool.a': { location: 'norwaywest', zone_redundant: true },
          'azurerm_mssql_elasticpool.b': { location: 'norwaywest', zone_redundant: '${var.zone_redundant}' },
          'azurerm_api_management.apim': {
            location: 'norwayeast',
            additional_location: [{ location: 'norwaywest', zones: ['1', '2'] }],
          },
        },
        {
          variable: {
            replication: { type: 'string' },
            zones: { type: 'list(string)' },
            zone: { type: 'string' },
            zone_redundant: { type: 'bool' },
          },
        },
      ),
      plan: plan([
        { at: 'azurerm_linux_virtual_machine.a', values: { location: 'norwaywest', zone: '2' } },
        {
          at: 'azurerm_linux_virtual_machine.b',
          values: { location: 'norwaywest' },
          unknown: { zone: true },
          references: { zone: ['var.zone'] },
        },
        { at: 'azurerm_mssql_elasticpool.a', values: { location: 'norwaywest', zone_redundant: true } },
      ]),
      errors: [
        ['RES-006', 'azurerm_api_management.apim'],
        ['RES-006', 'azurerm_linux_virtual_machine.a'],
        ['RES-006', 'azurerm_linux_virtual_machine.b'],
        ['RES-006', 'azurerm_mssql_elasticpool.a'],
        ['RES-006', 'azurerm_mssql_elasticpool.b'],
        ['RES-006', 'azurerm_public_ip.p'],
        ['RES-006', 'azurerm_storage_account.sa'],
      ],
      planErrors: [
        ['RES-006', 'azurerm_linux_virtual_machine.a'],
        ['RES-006', 'azurerm_linux_virtual_machine.b'],
        ['RES-006', 'azurerm_mssql_elasticpool.a'],
      ],
    },
    {
      name: 'a plan that knows nothing of the resource before apply, with zones from a variable',
      messages: [
        'zones cannot be verified before apply — but the resource is in a region that cannot be verified to have availability zones.',
      ],
      plan: wholeResourceUnknown(
        plan([{ at: 'azurerm_public_ip.p', references: { zones: ['var.zones'], location: ['var.region'] } }]),
      ),
      errors: [['RES-006', 'azurerm_public_ip.p']],
    },
  ],
});

ruleTester(RES_007, {
  valid: [
    {
      name: 'a resource group in norwaywest read through a data source; a location written as a list',
      synth: tf({ 'azurerm_resource_group.odd': { name: 'odd', location: ['norwaywest'] } }),
      plan: plan([
        {
          at: 'data.azurerm_resource_group.dr',
          values: { name: 'rg-dr', location: 'norwaywest' },
          actions: ['read'],
        },
      ]),
    },
    {
      name: 'norwaywest with the approval tag; norwayeast without',
      synth: tf({
        'azurerm_resource_group.dr': { location: 'norwaywest', tags: { 'dr-approval': 'CAB-2026-114' } },
        'azurerm_resource_group.main': { location: 'norwayeast' },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group.dr',
          values: { location: 'norwaywest', tags: { 'dr-approval': 'CAB-2026-114' } },
        },
      ]),
    },
    {
      name: 'an approval written as a number, and one from a variable whose validation admits only approvals',
      synth: tf(
        {
          'azurerm_resource_group.number': { location: 'norwaywest', tags: { 'dr-approval': 2026114 } },
          'azurerm_resource_group.variable': {
            location: 'norwaywest',
            tags: { 'dr-approval': '${var.approval}' },
          },
        },
        {
          variable: {
            approval: {
              type: 'string',
              validation: [
                {
                  condition: '${contains(["CAB-2026-114", "CAB-2026-131"], var.approval)}',
                  error_message: 'An approved change.',
                },
              ],
            },
          },
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'the approval tag from a variable whose validation also admits an empty value',
      messages: ['in norwaywest, but its tags cannot be verified before apply.'],
      synth: tf(
        {
          'azurerm_resource_group.dr': { location: 'norwaywest', tags: { 'dr-approval': '${var.approval}' } },
        },
        {
          variable: {
            approval: {
              type: 'string',
              validation: [
                { condition: '${contains(["", "CAB-2026-114"], var.approval)}', error_message: 'x' },
              ],
            },
          },
        },
      ),
      errors: [['RES-007', 'azurerm_resource_group.dr']],
    },
    {
      name: 'the approval tag written from a variable without a value',
      messages: ['in norwaywest, but its tags cannot be verified before apply.'],
      synth: tf(
        {
          'azurerm_resource_group.dr': { location: 'norwaywest', tags: { 'dr-approval': '${var.approval}' } },
        },
        { variable: { approval: { type: 'string' } } },
      ),
      errors: [['RES-007', 'azurerm_resource_group.dr']],
    },
    {
      name: 'norwaywest without the tag, with an empty one, or with tags only known after apply',
      messages: [
        'in norwaywest, but it has no non-empty "dr-approval" tag.',
        'in norwaywest, but it has no non-empty "dr-approval" tag.',
        'in norwaywest, but its tags cannot be verified before apply.',
      ],
      synth: tf({
        'azurerm_resource_group.a': { location: 'norwaywest' },
        'azurerm_resource_group.b': { location: 'Norway West', tags: { 'dr-approval': ' ' } },
        'azurerm_resource_group.c': { location: 'norwaywest', tags: '${merge(var.tags, {})}' },
      }),
      plan: plan([
        { at: 'azurerm_resource_group.a', values: { location: 'norwaywest', tags: { env: 'dr' } } },
      ]),
      errors: [
        ['RES-007', 'azurerm_resource_group.a'],
        ['RES-007', 'azurerm_resource_group.b'],
        ['RES-007', 'azurerm_resource_group.c'],
      ],
      planErrors: [['RES-007', 'azurerm_resource_group.a']],
    },
  ],
});

ruleTester(RES_008, {
  valid: [
    {
      name: 'an existing communication service read through a data source',
      synth: tf({ 'data.azurerm_communication_service.shared': { name: 'acs', resource_group_name: 'rg' } }),
    },
    {
      name: 'communication services in Norway; storage without cross-tenant replication (default false)',
      synth: tf({
        'azurerm_communication_service.c': { data_location: 'Norway' },
        'azurerm_email_communication_service.e': { data_location: 'Norway' },
        'azurerm_storage_account.a': SA_NO,
        'azurerm_storage_account.b': { ...SA_NO, cross_tenant_replication_enabled: false },
      }),
      plan: plan([
        { at: 'azurerm_communication_service.c', values: { data_location: 'Norway' } },
        { at: 'azurerm_storage_account.a', values: { ...SA_NO, cross_tenant_replication_enabled: false } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'communication service data in Europe; cross-tenant replication on',
      messages: [
        'data_location is "Europe" (expected "Norway").',
        'data_location is not set (expected "Norway").',
        'cross_tenant_replication_enabled is true.',
      ],
      synth: tf({
        'azurerm_communication_service.c': { data_location: 'Europe' },
        'azurerm_email_communication_service.e': {},
        'azurerm_storage_account.a': { ...SA_NO, cross_tenant_replication_enabled: true },
      }),
      plan: plan([
        { at: 'azurerm_communication_service.c', values: { data_location: 'Europe' } },
        { at: 'azurerm_storage_account.a', values: { ...SA_NO, cross_tenant_replication_enabled: true } },
      ]),
      errors: [
        ['RES-008', 'azurerm_communication_service.c'],
        ['RES-008', 'azurerm_email_communication_service.e'],
        ['RES-008', 'azurerm_storage_account.a'],
      ],
      planErrors: [
        ['RES-008', 'azurerm_communication_service.c'],
        ['RES-008', 'azurerm_storage_account.a'],
      ],
    },
  ],
});
