/**
 * The `privateEndpoints` interface: private endpoints for a construct's main resource with their DNS
 * zone group, keyed by a stable name (child id `PrivateEndpoint-<key>`).
 */
import { Construct } from 'constructs';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import type { PrivateEndpointConfig } from '../core/interfaces';
import type { NorwayRegion } from '../core/region';
import type { Tags } from '../core/tags';
import type { Problems } from '../core/validation';
import { childId, validateKeys } from './keys';

/** Private endpoints by stable key, e.g. `{ blob: { subnetId, privateDnsZoneIds } }`. */
export type PrivateEndpoints = Readonly<Record<string, PrivateEndpointConfig>>;

export interface PrivateEndpointTarget {
  readonly region: NorwayRegion;
  readonly resourceGroupName: string;
  /** The resource the endpoint connects to. */
  readonly resourceId: string;
  /** Literal resource name, used in endpoint names. */
  readonly resourceName: string;
  readonly defaultSubresource: string;
  readonly tags?: Tags;
}

export function validatePrivateEndpoints(problems: Problems, record: PrivateEndpoints | undefined): void {
  validateKeys(problems, 'privateEndpoints', record);
  if (record === undefined || Array.isArray(record)) return;
  for (const [key, pe] of Object.entries(record)) {
    if (!pe.subnetId) problems.add(`privateEndpoints.${key}.subnetId is empty`);
    if (!pe.privateDnsZoneIds || pe.privateDnsZoneIds.length === 0) {
      problems.add(
        `privateEndpoints.${key}.privateDnsZoneIds is empty; pass the privatelink.* zone so the name resolves to the private address`,
      );
    }
  }
}

/**
 * A construct that is private by default needs at least one endpoint, or it cannot be reached at all;
 * call this from constructs whose public access cannot be turned on.
 */
export function requirePrivateEndpoint(problems: Problems, record: PrivateEndpoints | undefined): void {
  if (record === undefined || Object.keys(record).length === 0) {
    problems.add(
      'privateEndpoints is missing: pass { <key>: { subnetId, privateDnsZoneIds } } so the service is reachable privately (NET-005)',
    );
  }
}

/** Private endpoints with their DNS zone group, one per key. */
export function addPrivateEndpoints(
  scope: Construct,
  target: PrivateEndpointTarget,
  record: PrivateEndpoints | undefined,
): PrivateEndpoint[] {
  return Object.entries(record ?? {}).map(([key, pe]) => {
    const subresource = pe.subresourceName ?? target.defaultSubresource;
    const name = pe.name ?? `${target.resourceName}-pe-${subresource}`;
    return new PrivateEndpoint(scope, childId('PrivateEndpoint', key), {
      name,
      location: target.region,
      resourceGroupName: target.resourceGroupName,
      subnetId: pe.subnetId,
      privateServiceConnection: {
        name,
        privateConnectionResourceId: target.resourceId,
        subresourceNames: [subresource],
        isManualConnection: false,
      },
      privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [...pe.privateDnsZoneIds] },
      tags: target.tags ? { ...target.tags } : undefined,
    });
  });
}
