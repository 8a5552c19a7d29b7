/**
 * The `managedIdentities` interface: one rule for every construct — no system-assigned identity unless
 * asked for (a construct whose resource needs one says so in its own `@default`), plus any user-assigned
 * identities, plus those the construct creates for itself (the customer-managed key identity).
 */
import type { ManagedIdentitiesConfig } from '../core/interfaces';

export interface IdentityBlock {
  type: string;
  identityIds?: string[];
}

/**
 * The azurerm `identity` block, or undefined when there is no identity at all.
 * @param systemAssignedDefault what `systemAssigned` means when the config leaves it out
 * @param ownIdentityIds user-assigned identities the construct itself attaches (e.g. for its key)
 */
export function identityBlock(
  config: ManagedIdentitiesConfig | undefined,
  systemAssignedDefault = false,
  ownIdentityIds: readonly string[] = [],
): IdentityBlock | undefined {
  const system = config?.systemAssigned ?? systemAssignedDefault;
  const user = [...ownIdentityIds, ...(config?.userAssignedResourceIds ?? [])];
  const type = [system ? 'SystemAssigned' : undefined, user.length > 0 ? 'UserAssigned' : undefined]
    .filter(Boolean)
    .join(', ');
  return type ? { type, identityIds: user.length > 0 ? user : undefined } : undefined;
}
