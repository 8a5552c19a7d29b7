import { defineRule, RuleContext, Violation } from '../../engine/rule';
import type { TfResource } from '../../model/types';
import { blockCount } from '../attributes';
import { locationProblem, targetLocationProblem } from '../location';

/** Attributes that hold the id of the resource data is copied to or from. */
const TARGET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  azurerm_storage_object_replication: ['source_storage_account_id', 'destination_storage_account_id'],
  azurerm_mssql_database: [
    'creation_source_database_id',
    'recover_database_id',
    'restore_dropped_database_id',
    'restore_long_term_retention_backup_id',
  ],
  azurerm_postgresql_flexible_server: ['source_server_id'],
  azurerm_mysql_flexible_server: ['source_server_id'],
  azurerm_mssql_managed_instance_failover_group: ['managed_instance_id', 'partner_managed_instance_id'],
  azurerm_eventhub_namespace_disaster_recovery_config: ['partner_namespace_id'],
  azurerm_servicebus_namespace_disaster_recovery_config: ['partner_namespace_id'],
  azurerm_redis_linked_server: ['linked_redis_cache_id'],
};

/** Repeated blocks that name a location (or a partner by id) for a copy of the data. */
const LOCATION_BLOCKS: Readonly<
  Record<string, readonly { block: string; location?: string; id?: string }[]>
> = {
  azurerm_cosmosdb_account: [{ block: 'geo_location', location: 'location' }],
  azurerm_container_registry: [{ block: 'georeplications', location: 'location' }],
  azurerm_api_management: [{ block: 'additional_location', location: 'location' }],
  azurerm_mssql_failover_group: [{ block: 'partner_server', id: 'id' }],
};

/** Plain attributes that name the location of a copy. */
const LOCATION_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  azurerm_redis_linked_server: ['linked_redis_cache_location'],
};

export const RES_004 = defineRule({
  id: 'RES-004',
  title: 'Replicas and copies of data resolve to Norway',
  severity: 'error',
  rationale:
    'A Norway storage account that replicates to a Dutch one moves patient data abroad as surely as a Dutch account would. Every replica, failover partner, restore source and geo location must be in Norway, and one that cannot be verified counts as abroad.',
  anchors: { mcsb: ['DP-1'], regulation: ['GDPR chapter V'] },
  resourceTypes: [
    ...new Set([
      ...Object.keys(TARGET_ATTRIBUTES),
      ...Object.keys(LOCATION_BLOCKS),
      ...Object.keys(LOCATION_ATTRIBUTES),
    ]),
  ],
  fix: 'Point the replica, partner or source at a resource in norwayeast/norwaywest defined in the checked configuration, and set every geo location to a Norway region.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      yield* checkResource(context, resource);
    }
  },
});

function* checkResource(context: RuleContext, resource: TfResource): Iterable<Violation> {
  for (const attribute of TARGET_ATTRIBUTES[resource.type] ?? []) {
    const problem = targetLocationProblem(context, resource, attribute, attribute);
    if (problem) yield { resource, message: `${resource.address}: ${problem}.` };
  }
  for (const attribute of LOCATION_ATTRIBUTES[resource.type] ?? []) {
    const resolved = context.read(resource, attribute);
    if (resolved.kind === 'absent') continue;
    const problem = locationProblem(resolved, attribute);
    if (problem) yield { resource, message: `${resource.address}: ${problem}.` };
  }
  for (const spec of LOCATION_BLOCKS[resource.type] ?? []) {
    const blocks = blockCount(context, resource, spec.block);
    if (blocks.kind === 'unknown') {
      yield {
        resource,
        message: `${resource.address}: ${blocks.reason}, so the locations of the copies cannot be verified.`,
      };
      continue;
    }
    for (let i = 0; i < blocks.count; i++) {
      const problem = spec.location
        ? locationProblem(
            context.read(resource, [spec.block, i, spec.location]),
            `${spec.block}[${i}].${spec.location}`,
          )
        : targetLocationProblem(
            context,
            resource,
            [spec.block, i, spec.id ?? 'id'],
            `${spec.block}[${i}].${spec.id ?? 'id'}`,
          );
      if (problem) yield { resource, message: `${resource.address}: ${problem}.` };
    }
  }
}
