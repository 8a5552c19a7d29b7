/**
 * Building blocks the constructs share: deletion protection (management lock + prevent_destroy),
 * role assignments and private endpoints on a construct's main resource.
 */
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { LockConfig, PrivateEndpointConfig, RoleAssignmentConfig } from './interfaces';
import type { NorwayRegion } from './region';
import type { Tags } from './tags';
import { Problems, warnRelaxed } from './validation';

export const DEFAULT_LOCK: LockConfig = { kind: 'CanNotDelete' };

/** Validate a lock option (call before creating resources). */
export function validateLock(problems: Problems, lock: LockConfig | undefined): void {
  if (lock?.kind === 'None') problems.justification("lock: { kind: 'None' }", lock);
}

/**
 * Protect `resource` from deletion: a management lock (child id `Lock`) and `lifecycle.prevent_destroy`.
 * `{ kind: 'None', justification }` removes both and leaves a warning.
 */
export function protectFromDeletion(
  scope: Construct,
  resource: TerraformResource,
  lock: LockConfig = DEFAULT_LOCK,
): ManagementLock | undefined {
  if (lock.kind === 'None') {
    warnRelaxed(scope, 'deletion protection removed (no CanNotDelete lock, no prevent_destroy)', lock);
    return undefined;
  }
  resource.lifecycle = { ...(resource.lifecycle ?? {}), preventDestroy: true };
  return new ManagementLock(scope, 'Lock', {
    name: lock.name ?? (lock.kind === 'CanNotDelete' ? 'can-not-delete' : 'read-only'),
    scope: resourceId(resource),
    lockLevel: lock.kind,
    notes: lock.notes ?? 'Holds patient data or protects it; remove only through a reviewed change.',
  });
}

export function validateRoleAssignments(
  problems: Problems,
  list: readonly RoleAssignmentConfig[] | undefined,
): void {
  (list ?? []).forEach((r, i) => {
    if (!r.roleDefinitionName === !r.roleDefinitionId) {
      problems.add(`roleAssignments[${i}] needs exactly one of roleDefinitionName or roleDefinitionId`);
    }
  });
}

/** Role assignments scoped to `scopeId`; child ids `RoleAssignment0`, `RoleAssignment1`, … */
export function addRoleAssignments(
  scope: Construct,
  scopeId: string,
  list: readonly RoleAssignmentConfig[] | undefined,
): RoleAssignment[] {
  return (list ?? []).map(
    (r, i) =>
      new RoleAssignment(scope, `RoleAssignment${i}`, {
        scope: scopeId,
        principalId: r.principalId,
        principalType: r.principalType,
        roleDefinitionName: r.roleDefinitionName,
        roleDefinitionId: r.roleDefinitionId,
        description: r.description,
      }),
  );
}

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

export function validatePrivateEndpoints(
  problems: Problems,
  list: readonly PrivateEndpointConfig[] | undefined,
): void {
  (list ?? []).forEach((pe, i) => {
    if (pe.privateDnsZoneIds.length === 0) {
      problems.add(
        `privateEndpoints[${i}].privateDnsZoneIds is empty; pass the privatelink.* zone so the name resolves to the private address`,
      );
    }
  });
}

/** Private endpoints with their DNS zone group; child ids `PrivateEndpoint0`, `PrivateEndpoint1`, … */
export function addPrivateEndpoints(
  scope: Construct,
  target: PrivateEndpointTarget,
  list: readonly PrivateEndpointConfig[] | undefined,
): PrivateEndpoint[] {
  return (list ?? []).map((pe, i) => {
    const subresource = pe.subresourceName ?? target.defaultSubresource;
    const name = pe.name ?? `${target.resourceName}-pe-${subresource}`;
    return new PrivateEndpoint(scope, `PrivateEndpoint${i}`, {
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

/** The `id` attribute of any azurerm resource. */
export function resourceId(resource: TerraformResource): string {
  return resource.getStringAttribute('id');
}
