import {
  normaliseLocation,
  regionCapabilities,
  ZONE_DEPENDENT_REPLICATION,
  type NorwayRegion,
} from '../../../constructs/core/region';
import { defineRule, RuleContext } from '../rule';
import { isWrittenAttribute, type Resolved } from '../../model/resolve';
import type { TfResource } from '../../model/types';
import { asBoolean, blockCount } from '../attributes';
import { parentAttributeOf } from '../../model/parents';
import { ownEntry } from '../../model/values';

/** Attribute values that need availability zones in the resource's region. */
const ZONE_VALUES: Readonly<
  Record<string, readonly { path: readonly (string | number)[]; values: readonly string[] }[]>
> = {
  azurerm_storage_account: [{ path: ['account_replication_type'], values: [...ZONE_DEPENDENT_REPLICATION] }],
  azurerm_managed_disk: [{ path: ['storage_account_type'], values: ['Premium_ZRS', 'StandardSSD_ZRS'] }],
  azurerm_data_protection_backup_vault: [{ path: ['redundancy'], values: ['ZoneRedundant'] }],
  azurerm_recovery_services_vault: [{ path: ['storage_mode_type'], values: ['ZoneRedundant'] }],
  azurerm_postgresql_flexible_server: [{ path: ['high_availability', 0, 'mode'], values: ['ZoneRedundant'] }],
  azurerm_mysql_flexible_server: [{ path: ['high_availability', 0, 'mode'], values: ['ZoneRedundant'] }],
};

/** Attributes, on any resource, that place it in zones or spread it across them. */
const ZONE_LISTS: readonly (readonly (string | number)[])[] = [['zones'], ['default_node_pool', 0, 'zones']];
const ZONE_STRINGS: readonly (readonly (string | number)[])[] = [
  ['zone'],
  ['availability_zone'],
  ['high_availability', 0, 'standby_availability_zone'],
];
const ZONE_FLAGS: readonly (readonly (string | number)[])[] = [
  ['zone_redundant'],
  ['zone_redundancy_enabled'],
  ['zone_balance'],
  // App Service plans spread their workers across zones.
  ['zone_balancing_enabled'],
];

/** Repeated blocks with their own location and a zone flag: the flag counts where the block's location is. */
const LOCATED_ZONE_BLOCKS: Readonly<Record<string, { block: string; flag: string }>> = {
  azurerm_cosmosdb_account: { block: 'geo_location', flag: 'zone_redundant' },
  azurerm_container_registry: { block: 'georeplications', flag: 'zone_redundancy_enabled' },
  azurerm_api_management: { block: 'additional_location', flag: 'zones' },
};

export const RES_006 = defineRule({
  id: 'RES-006',
  title: 'Region capabilities respected: no zones, ZRS or GZRS in Norway West',
  severity: 'error',
  rationale:
    'Norway West has no availability zones. Zone-redundant options there fail at deployment or, worse, are silently placed elsewhere; only norwayeast offers ZRS, GZRS, RA-GZRS and zonal services.',
  anchors: { regulation: ['Azure region capabilities (Norway West has no availability zones)'] },
  resourceTypes: 'all',
  fix: 'Use LRS/GRS/RA-GRS and no zones in norwaywest, or deploy zone-redundant resources in norwayeast.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed' || !resource.type.startsWith('azurerm_')) continue;
      const wanted = zoneRequests(context, resource);
      const blockProblems = locatedBlockProblems(context, resource);
      for (const problem of blockProblems) yield { resource, message: `${problem}.` };
      if (wanted.length === 0) continue;
      if (!context.isWritten(resource, 'location') && !parentAttributeOf(resource, context.isWritten))
        continue;
      const region = regionOf(context.locationOf(resource));
      if (region === 'norwayeast') continue;
      const where =
        region === 'norwaywest'
          ? 'norwaywest, which has no availability zones'
          : 'a region that cannot be verified to have availability zones';
      yield {
        resource,
        message: `${wanted.join('; ')} — but the resource is in ${where}.`,
      };
    }
  },
});

/** The Norway region a location resolves to, or undefined when it is not provably one. */
function regionOf(resolved: Resolved): NorwayRegion | undefined {
  if (resolved.kind !== 'known' || typeof resolved.value !== 'string') return undefined;
  const location = normaliseLocation(resolved.value);
  return location === 'norwayeast' || location === 'norwaywest'
    ? regionCapabilities(location).region
    : undefined;
}

const show = (path: readonly (string | number)[]) => path.filter((p) => typeof p === 'string').join('.');

/**
 * Whether an unknown value was written by the user. In a plan, an attribute the configuration leaves to
 * the provider (a computed `zone`) is unknown without any reference; that is no request for zones.
 */
function writtenUnknown(
  context: RuleContext,
  resource: TfResource,
  path: readonly (string | number)[],
  resolved: Resolved,
): boolean {
  if (resolved.kind !== 'unknown' && resolved.kind !== 'oneOf') return false;
  return context.isConfigured(resource, path);
}

/**
 * Cheap test before resolving: the rule reads every resource, and most have none of these attributes.
 * An expression at the top of the path (synth) or an unknown plan value still goes to the resolver.
 */
function mayHave(resource: TfResource, attribute: string): boolean {
  return isWrittenAttribute(resource, attribute);
}

/** What the resource asks of zones; an unknown value the user wrote counts as asking. */
function zoneRequests(context: RuleContext, resource: TfResource): string[] {
  const out: string[] = [];
  for (const { path, values } of ownEntry(ZONE_VALUES, resource.type) ?? []) {
    const resolved = read(context, resource, path);
    if (
      resolved.kind === 'known' &&
      typeof resolved.value === 'string' &&
      values.some((v) => v.toLowerCase() === String(resolved.value).toLowerCase())
    ) {
      out.push(`${show(path)} is ${resolved.value}`);
    } else if (writtenUnknown(context, resource, path, resolved))
      out.push(`${show(path)} cannot be verified before apply`);
  }
  for (const path of ZONE_LISTS) {
    const resolved = read(context, resource, path);
    if (resolved.kind === 'known' && Array.isArray(resolved.value) && resolved.value.length > 0)
      out.push(`${show(path)} is ${JSON.stringify(resolved.value)}`);
    else if (writtenUnknown(context, resource, path, resolved))
      out.push(`${show(path)} cannot be verified before apply`);
  }
  for (const path of ZONE_STRINGS) {
    const resolved = read(context, resource, path);
    if (resolved.kind === 'known' && resolved.value !== '')
      out.push(`${show(path)} is ${JSON.stringify(resolved.value)}`);
    else if (writtenUnknown(context, resource, path, resolved))
      out.push(`${show(path)} cannot be verified before apply`);
  }
  for (const path of ZONE_FLAGS) {
    const resolved = read(context, resource, path);
    if (resolved.kind === 'known' && asBoolean(resolved.value) !== false)
      out.push(`${show(path)} is ${JSON.stringify(resolved.value)}`);
    else if (writtenUnknown(context, resource, path, resolved))
      out.push(`${show(path)} cannot be verified before apply`);
  }
  return out;
}

const ABSENT: Resolved = Object.freeze({ kind: 'absent' });

/**
 * A path whose top-level attribute is missing (and, in a plan, not unknown) resolves to absent: answer
 * that without the resolver, which most of the nine paths on a resource with any one of them would reach.
 */
function read(context: RuleContext, resource: TfResource, path: readonly (string | number)[]): Resolved {
  if (!mayHave(resource, String(path[0]))) return ABSENT;
  return context.read(resource, path);
}

/** Zone flags on blocks that carry their own location (Cosmos geo locations, ACR replicas). */
function locatedBlockProblems(context: RuleContext, resource: TfResource): string[] {
  const spec = ownEntry(LOCATED_ZONE_BLOCKS, resource.type);
  if (!spec) return [];
  const blocks = blockCount(context, resource, spec.block);
  if (blocks.kind === 'unknown') return [];
  const out: string[] = [];
  for (let i = 0; i < blocks.count; i++) {
    const flag = context.read(resource, [spec.block, i, spec.flag]);
    const asks =
      flag.kind === 'unknown' ||
      flag.kind === 'oneOf' ||
      (flag.kind === 'known' &&
        (Array.isArray(flag.value) ? flag.value.length > 0 : asBoolean(flag.value) !== false));
    if (!asks) continue;
    if (regionOf(context.read(resource, [spec.block, i, 'location'])) === 'norwayeast') continue;
    out.push(`${spec.block}[${i}].${spec.flag} asks for zones outside norwayeast`);
  }
  return out;
}
