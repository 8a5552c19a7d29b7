/**
 * The `roleAssignments` interface: Azure RBAC role assignments on a construct's main resource, keyed
 * by a stable name (child id `RoleAssignment-<key>`), so reordering or removing one replaces nothing else.
 */
import { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { RoleAssignmentConfig } from '../core/interfaces';
import type { Problems } from '../core/validation';
import { childId, validateKeys } from './keys';

/** Role assignments by stable key, e.g. `{ 'state-writer': { roleDefinitionName, principalId } }`. */
export type RoleAssignments = Readonly<Record<string, RoleAssignmentConfig>>;

export function validateRoleAssignments(problems: Problems, record: RoleAssignments | undefined): void {
  validateKeys(problems, 'roleAssignments', record);
  if (record === undefined || Array.isArray(record)) return;
  for (const [key, r] of Object.entries(record)) {
    if (!r.roleDefinitionName === !r.roleDefinitionId) {
      problems.add(`roleAssignments.${key} needs exactly one of roleDefinitionName or roleDefinitionId`);
    }
    if (!r.principalId) problems.add(`roleAssignments.${key}.principalId is empty`);
  }
}

/** Role assignments scoped to `scopeId`, one per key. */
export function addRoleAssignments(
  scope: Construct,
  scopeId: string,
  record: RoleAssignments | undefined,
): RoleAssignment[] {
  return Object.entries(record ?? {}).map(
    ([key, r]) =>
      new RoleAssignment(scope, childId('RoleAssignment', key), {
        scope: scopeId,
        principalId: r.principalId,
        principalType: r.principalType,
        roleDefinitionName: r.roleDefinitionName,
        roleDefinitionId: r.roleDefinitionId,
        description: r.description,
      }),
  );
}
