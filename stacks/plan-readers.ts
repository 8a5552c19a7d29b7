/**
 * Data-plane read for the read-only plan identities: `terraform plan` refreshes keys and blob
 * properties through the data planes, which Azure's `Reader` role does not reach.
 */
import type { RoleAssignments } from '../constructs/interfaces/role-assignments';
import type { PlatformConfig } from './config/schema';

export type PlanReadTarget = 'storage' | 'keyVault';

const ROLE: Record<PlanReadTarget, string> = {
  storage: 'Storage Blob Data Reader',
  keyVault: 'Key Vault Reader',
};

/** One role assignment per plan identity of the configuration, for a storage account or a Key Vault. */
export function planReaderAssignments(config: PlatformConfig, target: PlanReadTarget): RoleAssignments {
  // Keyed by principal: adding or removing a plan identity leaves the other assignments in place.
  return Object.fromEntries(
    config.planReaders.map((principalId) => [
      `plan-reader-${principalId}`,
      {
        roleDefinitionName: ROLE[target],
        principalId,
        description: 'The read-only plan identity refreshes this data plane during terraform plan.',
      },
    ]),
  );
}
