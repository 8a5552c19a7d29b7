import { isNorwayLocation, NORWAY_REGIONS } from '../../../constructs/core/region';
import { defineRule, RuleContext, Violation } from '../rule';
import { azureDataSource, azureType } from '../../azure/catalogue';
import { judgedByOwnRule } from '../../azure/location-attributes';
import { describePlacePath, edgesOf, lastKey, placesOf, type Edge, type Place } from '../../model/data-flow';
import { parseArmId } from '../../model/arm-id';
import { azureTypeOfArm } from '../../model/arm-types';
import { NOT_IN_ESTATE } from '../../model/resolve';
import type { AzureType } from '../../azure/catalogue';
import { LOG_DESTINATIONS, PARTNER_ATTRIBUTES } from './res-005-log-destinations';
import type { TfResource } from '../../model/types';
import { blockCount } from '../attributes';
import { locationProblem, targetLocationProblem } from '../location';
import { ownEntry } from '../../model/values';

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

/**
 * Places other rules judge: the resource's own location (RES-001), flow-log analytics (RES-005); and,
 * on the types those rules read, a communication service's geography (RES-008) and an ExpressRoute
 * peering location (NET-009).
 */
const JUDGED_ELSEWHERE = new Set(['location', 'traffic_analytics.workspace_region']);

export const RES_004 = defineRule({
  id: 'RES-004',
  title: 'Replicas, copies and every other place a resource names resolve to Norway',
  severity: 'error',
  rationale:
    'A Norway storage account that replicates to a Dutch one moves patient data abroad as surely as a Dutch account would. Every replica, failover partner, restore source and geo location must be in Norway, and one that cannot be verified counts as abroad.',
  anchors: { mcsb: ['DP-1'], regulation: ['GDPR chapter V'] },
  resourceTypes: 'all',
  fix: 'Point the replica, partner or source at a resource in norwayeast/norwaywest defined in the checked configuration, and set every geo location, replica region and other place the resource names to a Norway region.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      // Most types have no replica attributes: they judge nothing here, and need no set of their own.
      const judged = judgesReplicas(resource.type) ? new Set<string>() : NOTHING_JUDGED;
      if (judged !== NOTHING_JUDGED) yield* checkResource(context, resource, judged);
      // Most resources name places and paths and break no rule: a list is made only for a problem.
      const places = placesAnywhere(context, resource, judged);
      if (places) yield* places;
      const paths = pathsAnywhere(context, resource, judged);
      if (paths) yield* paths;
    }
  },
});

const NOTHING_JUDGED: Set<string> = new Set();

/** The types with replica attributes, blocks or location attributes: one lookup per resource. */
const REPLICA_TYPES: ReadonlySet<string> = new Set([
  ...Object.keys(TARGET_ATTRIBUTES),
  ...Object.keys(LOCATION_ATTRIBUTES),
  ...Object.keys(LOCATION_BLOCKS),
]);

function judgesReplicas(type: string): boolean {
  return REPLICA_TYPES.has(type);
}

/** Compare place paths across input shapes: a single block is `x.y` in synth and `x[0].y` in a plan. */
const pathKey = (name: string) => (name.includes('[0]') ? name.replace(/\[0\]/g, '') : name);

function* checkResource(
  context: RuleContext,
  resource: TfResource,
  judged: Set<string>,
): Iterable<Violation> {
  for (const attribute of ownEntry(TARGET_ATTRIBUTES, resource.type) ?? []) {
    const problem = targetLocationProblem(context, resource, attribute, attribute);
    if (problem) yield { resource, message: `${problem}.` };
    judged.add(attribute);
  }
  for (const attribute of ownEntry(LOCATION_ATTRIBUTES, resource.type) ?? []) {
    judged.add(attribute);
    const resolved = context.read(resource, attribute);
    if (resolved.kind === 'absent') continue;
    const problem = locationProblem(resolved, attribute);
    if (problem) yield { resource, message: `${problem}.` };
  }
  for (const spec of ownEntry(LOCATION_BLOCKS, resource.type) ?? []) {
    const blocks = blockCount(context, resource, spec.block);
    if (blocks.kind === 'unknown') {
      // What the dynamic block generates is this finding, not another one per place inside it.
      judged.add(`dynamic.${spec.block}`);
      yield {
        resource,
        message: `${blocks.reason}, so the locations of the copies cannot be verified.`,
      };
      continue;
    }
    for (let i = 0; i < blocks.count; i++) {
      judged.add(pathKey(`${spec.block}[${i}].${spec.location ?? spec.id ?? 'id'}`));
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
      if (problem) yield { resource, message: `${problem}.` };
    }
  }
}

/**
 * Every other place the resource names, at any path: a region name outside Norway, a region inside an id,
 * or a location-like value (an expression, a plan value unknown until apply) that does not resolve to
 * Norway. Inside an ARM template or azapi body, an unresolved template expression fails closed.
 */
function placesAnywhere(
  context: RuleContext,
  resource: TfResource,
  judged: Set<string>,
): Violation[] | undefined {
  let found: Violation[] | undefined;
  let reported: Set<string> | undefined;
  for (const place of placesOf(resource)) {
    // Most places are a Norway region (every resource's own location): nothing to judge or describe.
    if (place.kind === 'region' && isNorwayLocation(place.region!)) continue;
    const name = describePlacePath(place.path);
    const key = pathKey(name);
    if (JUDGED_ELSEWHERE.has(key) || judged.has(key) || reported?.has(key)) continue;
    if (judgedByOwnRule(resource.type, key)) continue;
    if (place.path[0] === 'dynamic' && judged.has(`dynamic.${String(place.path[1])}`)) continue;
    const problem = placeProblem(context, resource, place, name);
    if (!problem) continue;
    (reported ??= new Set()).add(key);
    (found ??= []).push({ resource, message: `${problem}.` });
  }
  return found;
}

function placeProblem(
  context: RuleContext,
  resource: TfResource,
  place: Place,
  name: string,
): string | undefined {
  switch (place.kind) {
    case 'region':
      return isNorwayLocation(place.region!)
        ? undefined
        : locationProblem({ kind: 'known', value: place.text }, name);
    case 'in-id':
      return isNorwayLocation(place.region!)
        ? undefined
        : locationProblem({ kind: 'known', value: place.region }, `the region in ${name} ${place.text}`);
    case 'in-host':
      return isNorwayLocation(place.region!)
        ? undefined
        : locationProblem(
            { kind: 'known', value: place.region },
            `the region in ${name} (host ${place.text})`,
          );
    case 'unrecognised':
      if (place.noNorway)
        return `${name} is ${JSON.stringify(place.text)}, outside Norway: ${place.noNorway}`;
      return place.allowed
        ? `${name} is ${JSON.stringify(place.text)}, outside Norway (allowed: ${place.allowed.join(' or ')})`
        : `${name} is ${JSON.stringify(place.text)}, which names no Azure region this tool knows, so it cannot be verified to be in Norway (allowed: ${NORWAY_REGIONS.join(' or ')})`;
    case 'to-resolve': {
      if (place.inDocument)
        return `${name} is the template expression ${place.text}, which cannot be verified to be a Norway region; write the region as a literal or check the deployment's plan`;
      if (!context.isConfigured(resource, place.path)) return undefined;
      const resolved = context.read(resource, place.path);
      return resolved.kind === 'absent' ? undefined : locationProblem(resolved, name);
    }
  }
}

/**
 * Paths judged by other rules: customer-managed keys (ENC-002) and log destinations (RES-005, LOG-001). Each path
 * is one finding, under the rule that says most about it.
 */
function judgedByOtherRules(resource: TfResource): ReadonlySet<string> {
  let judged = JUDGED_BY_TYPE.get(resource.type);
  if (!judged) JUDGED_BY_TYPE.set(resource.type, (judged = judgedByOtherRulesOfType(resource)));
  return judged;
}

/** What `judgedByOtherRules` finds depends on the type alone: computed once per type. */
const JUDGED_BY_TYPE = new Map<string, ReadonlySet<string>>();

function judgedByOtherRulesOfType(resource: TfResource): Set<string> {
  const entry = azureType(resource.type);
  const destinations = ownEntry(LOG_DESTINATIONS, resource.type);
  const partner = ownEntry(PARTNER_ATTRIBUTES, resource.type);
  const paths = [
    ...(entry?.keys ?? []),
    ...(entry?.keyAttachment?.keys ?? []),
    ...(destinations ?? []).map((p) => (typeof p === 'string' ? p : describePlacePath(p))),
    ...(partner ? [partner] : []),
    // The monitored resource is where logs come from; LOG-001 pairs it with its settings.
    ...(destinations ? ['target_resource_id'] : []),
  ];
  return new Set(paths.map(pathKey));
}

/**
 * Every path data can take, at any attribute: an id or reference must resolve through the estate to a
 * resource in Norway (types that live nowhere or globally are not places: RES-002 judges global ones);
 * an endpoint must name a resource of the estate in Norway; a URL outside Azure is data leaving.
 */
function pathsAnywhere(
  context: RuleContext,
  resource: TfResource,
  judged: Set<string>,
): Violation[] | undefined {
  const edges = edgesOf(resource);
  if (edges.length === 0) return undefined;
  const elsewhere = judgedByOtherRules(resource);
  let found: Violation[] | undefined;
  let reported: Set<string> | undefined;
  for (const edge of edges) {
    const name = describePlacePath(edge.path);
    const key = pathKey(name);
    const attribute = key.includes('[') ? key.replace(/\[\d+\]/g, '') : key;
    if (judged.has(key) || judged.has(attribute) || elsewhere.has(attribute) || reported?.has(key)) continue;
    if (edge.path[0] === 'dynamic' && judged.has(`dynamic.${String(edge.path[1])}`)) continue;
    const problem = edgeProblem(context, resource, edge, name);
    if (!problem) continue;
    (reported ??= new Set()).add(key);
    (found ??= []).push({ resource, message: `${problem}.` });
  }
  return found;
}

function edgeProblem(
  context: RuleContext,
  resource: TfResource,
  edge: Edge,
  name: string,
): string | undefined {
  switch (edge.kind) {
    case 'internet':
      return `${name} sends data to ${edge.text}, a host outside Azure, so outside Norway`;
    case 'endpoint': {
      const { type, name: named } = edge.service!;
      const found = context.named(type, named);
      if (found.length === 0) return `${name} ${edge.text} names ${named}, which is ${NOT_IN_ESTATE}`;
      return locationProblem(context.locationOf(found[0]), `the location of ${name} (${found[0].address})`);
    }
    case 'resource': {
      // An id inside an ARM template or azapi body is judged where the deployment's own plan shows it.
      if (edge.inDocument) return undefined;
      const target = context.target(resource, edge.path);
      switch (target.kind) {
        case 'absent':
          return undefined;
        case 'external': {
          const arm = parseArmId(target.value);
          if (arm && isNoDataPath(azureTypeOfArm(arm.armType))) return undefined;
          return `${name} ${target.value} points at a resource that is ${NOT_IN_ESTATE}`;
        }
        case 'unknown':
          // An attribute that names a network part (a subnet, a DNS zone) is no data path, resolved or not.
          if (NETWORK_ATTRIBUTE.test(lastKey(edge.path) ?? '')) return undefined;
          return `${name} cannot be resolved: ${target.reason}`;
        case 'resource': {
          const found = target.resource;
          const entry = found.mode === 'data' ? azureDataSource(found.type) : azureType(found.type);
          if (!entry || isNoDataPath(entry)) return undefined;
          return locationProblem(context.locationOf(found), `the location of ${name} ${found.address}`);
        }
      }
    }
  }
}

/**
 * Targets that hold and process no data, so pointing at them moves none: networks, identities and other
 * control-plane objects (where they are follows from the referring resource's own location), and types
 * that live globally or nowhere (RES-002 judges global ones).
 */
function isNoDataPath(entry: AzureType | undefined): boolean {
  if (!entry) return false;
  return (
    entry.role === 'network' ||
    entry.role === 'control-plane' ||
    entry.location === 'global' ||
    entry.location === 'none'
  );
}

/** Attributes that name parts of a network: where they are follows from the resource's own location. */
const NETWORK_ATTRIBUTE =
  /(^|_)(subnet|virtual_network|vnet|private_dns_zone|network_security_group|application_security_group|route_table|public_ip(_address)?|network_interface|nat_gateway|ip_configuration)_ids?$/;
