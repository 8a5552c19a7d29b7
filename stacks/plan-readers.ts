/**
 * Data-plane read for the read-only plan identities: `terraform plan` refreshes keys and blob
 * properties through the data planes, which Azure's `Reader` role does not reach.
 */
import type { RoleAssignmentConfig } from '../constructs/core/interfaces';
import type { PlatformConfig } from './config/schema';

export type PlanReadTarget = 'storage' | 'keyVault';

const ROLE: Record<PlanReadTarget, string> = {
  storage: 'Storage Blob Data Reader',
  keyVault: 'Key Vault Reader',
};

/** One role assignment per plan identity of the configuration, for a storage account or a Key Vault. */
export function planReaderAssignments(
  config: PlatformConfig,
  target: PlanReadTarget,
): RoleAssignmentConfig[] {
  return config.planReaders.map((principalId) => ({
    roleDefinitionName: ROLE[target],
    principalId,
    description: 'The read-only plan identity refreshes this data plane during terraform plan.',
  }));
}
