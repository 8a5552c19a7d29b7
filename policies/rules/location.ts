/** Shared by the residency rules: is a resolved location (or the resource an id points at) in Norway? */
import { isNorwayLocation, NORWAY_REGIONS } from '../../constructs/core/region';
import type { Resolved } from '../model/resolve';
import type { RuleContext } from '../engine/rule';
import { isUnknownAt, NOT_IN_ESTATE } from '../model/resolve';
import type { TfModel, TfResource } from '../model/types';
import { Path, targetOf } from './attributes';

const ALLOWED = NORWAY_REGIONS.join(' or ');

/**
 * Child resources without a `location` of their own live where their parent lives: the attribute that
 * points at the parent. A name reference (`namespace_name = azurerm_eventhub_namespace.ns.name`) works
 * as well as an id, since both resolve to the parent resource.
 */
export const PARENT_ATTRIBUTE: Readonly<Record<string, string>> = {
  azurerm_mssql_database: 'server_id',
  azurerm_postgresql_flexible_server_database: 'server_id',
  azurerm_mysql_flexible_database: 'server_id',
  azurerm_storage_container: 'storage_account_id',
  azurerm_storage_share: 'storage_account_id',
  azurerm_storage_data_lake_gen2_filesystem: 'storage_account_id',
  azurerm_key_vault_key: 'key_vault_id',
  azurerm_key_vault_secret: 'key_vault_id',
  azurerm_eventhub: 'namespace_id',
  azurerm_eventhub_namespace_authorization_rule: 'namespace_name',
  azurerm_eventhub_authorization_rule: 'namespace_name',
  azurerm_servicebus_queue: 'namespace_id',
  azurerm_servicebus_topic: 'namespace_id',
  azurerm_kubernetes_cluster_node_pool: 'kubernetes_cluster_id',
};

const MAX_PARENT_HOPS = 4;

/** `/subscriptions/…/providers/Microsoft.Sql/locations/<region>/…` */
const LOCATION_IN_ID = /\/providers\/[^/]+\/locations\/([^/]+)\//i;

/** A problem description when `resolved` is not provably a Norway region; undefined when it is. */
export function locationProblem(resolved: Resolved, what: string): string | undefined {
  switch (resolved.kind) {
    case 'known':
      if (typeof resolved.value === 'string' && isNorwayLocation(resolved.value)) return undefined;
      return `${what} is ${JSON.stringify(resolved.value)}, outside Norway (allowed: ${ALLOWED})`;
    case 'oneOf': {
      const outside = resolved.values.filter((v) => typeof v !== 'string' || !isNorwayLocation(v));
      return outside.length === 0
        ? undefined
        : `${what} may be ${outside.map((v) => JSON.stringify(v)).join(', ')}, outside Norway (${resolved.reason})`;
    }
    case 'unknown':
      return `${what} cannot be verified before apply: ${resolved.reason}; a value that cannot be resolved counts as outside Norway`;
    case 'absent':
      return `${what} is not set`;
  }
}

/** Whether the resource carries a location of its own (written, or unknown in a plan). */
export function hasOwnLocation(resource: TfResource): boolean {
  return (
    'location' in resource.values ||
    (!resource.valuesAreExpressions && isUnknownAt(resource.change?.afterUnknown, ['location']))
  );
}

/**
 * The location of a resource, following parents for child resources; as a `Resolved` so rules can tell
 * norwayeast from norwaywest. A child without a known parent is unknown.
 */
export function resourceLocation(
  context: RuleContext,
  model: TfModel,
  resource: TfResource,
  hops = 0,
): Resolved {
  if (hasOwnLocation(resource)) return context.resolver.value(model, resource, 'location');
  const parentAttribute = PARENT_ATTRIBUTE[resource.type];
  if (!parentAttribute || hops >= MAX_PARENT_HOPS)
    return { kind: 'unknown', reason: `${resource.address} has no location to verify` };
  const parent = targetOf(context.resolver, model, resource, parentAttribute);
  switch (parent.kind) {
    case 'resource':
      return resourceLocation(context, parent.model, parent.resource, hops + 1);
    case 'external':
      return {
        kind: 'unknown',
        reason: `the parent of ${resource.address} (${parent.value}) is ${NOT_IN_ESTATE}`,
      };
    case 'unknown':
      return {
        kind: 'unknown',
        reason: `the parent of ${resource.address} cannot be resolved: ${parent.reason}`,
      };
    case 'absent':
      return { kind: 'unknown', reason: `${resource.address} names no parent (${parentAttribute})` };
  }
}

/**
 * Where the resource an attribute points at lives. Fails closed: an id outside the checked configuration,
 * or one that cannot be resolved, is a problem. An attribute that is not set is no problem here.
 */
export function targetLocationProblem(
  context: RuleContext,
  resource: TfResource,
  path: Path,
  what: string,
): string | undefined {
  const target = targetOf(context.resolver, context.model, resource, path);
  switch (target.kind) {
    case 'absent':
      return undefined;
    case 'external': {
      // Some ids name their region (long-term retention backups, restorable dropped databases).
      const region = LOCATION_IN_ID.exec(target.value);
      if (region)
        return locationProblem({ kind: 'known', value: region[1] }, `the region in ${what} ${target.value}`);
      return `${what} ${target.value} points at a resource that is ${NOT_IN_ESTATE}`;
    }
    case 'unknown':
      return `${what} cannot be resolved: ${target.reason}`;
    case 'resource':
      return locationProblem(
        resourceLocation(context, target.model, target.resource),
        `the location of ${what} ${target.resource.address}`,
      );
  }
}
