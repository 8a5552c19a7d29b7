/**
 * The `customerManagedKey` interface: a key in a Norway Key Vault, a user-assigned identity that may
 * use it, and the role assignment between them — or `{ relaxed: true, justification }` to use
 * Microsoft-managed keys.
 * A user-assigned identity can be granted the key before the resource exists; a system-assigned one cannot.
 */
import { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { CustomerManagedKeyOption, isRelaxed } from '../core/interfaces';
import type { NorwayRegion } from '../core/region';
import type { Tags } from '../core/tags';
import { Problems, warnRelaxed } from '../core/validation';
import { NorwayKeyVaultKey } from '../keyvault/key-vault-key';

export interface CustomerManagedKeyContext {
  /** What the key protects, in the message: e.g. 'patient data', 'disks'. */
  readonly protects: string;
  /** The rule that would flag the missing key. @default 'ENC-002' */
  readonly ruleId?: string;
}

/** Validate a `customerManagedKey` prop: required, or relaxed to Microsoft-managed keys with a justification. */
export function validateCustomerManagedKey(
  problems: Problems,
  option: CustomerManagedKeyOption | undefined,
  context: CustomerManagedKeyContext,
): void {
  if (option === undefined) {
    problems.add(
      `customerManagedKey is missing: pass { keyVault } with a NorwayKeyVault so ${context.protects} is encrypted with a key the ` +
        `hospital controls (${context.ruleId ?? 'ENC-002'}), or { relaxed: true, justification } for Microsoft-managed keys`,
    );
  } else if (isRelaxed(option)) {
    problems.relaxed('customerManagedKey', option);
  } else if (!option.keyVault) {
    problems.add(
      `customerManagedKey.keyVault is missing: pass the NorwayKeyVault that holds the key for ${context.protects}`,
    );
  }
}

export interface CustomerManagedKeyTarget {
  readonly region: NorwayRegion;
  readonly resourceGroupName: string;
  /** Literal resource name; the key and identity are named `<name>-cmk`. */
  readonly resourceName: string;
  readonly tags?: Tags;
}

/** What `addCustomerManagedKey` created: pass `identity` to the resource and make it depend on `keyAccess`. */
export interface CustomerManagedKey {
  readonly key: NorwayKeyVaultKey;
  readonly identity: UserAssignedIdentity;
  readonly keyAccess: RoleAssignment;
}

/**
 * Create the key (child id `Key`), its identity (`KeyIdentity`) and the grant (`KeyAccess`); for
 * `{ relaxed: true }` record the relaxation and return undefined.
 */
export function addCustomerManagedKey(
  scope: Construct,
  target: CustomerManagedKeyTarget,
  option: CustomerManagedKeyOption,
): CustomerManagedKey | undefined {
  if (isRelaxed(option)) {
    warnRelaxed(scope, 'Microsoft-managed keys instead of a customer-managed key', option);
    return undefined;
  }
  const tags = target.tags ? { ...target.tags } : undefined;
  const key = new NorwayKeyVaultKey(scope, 'Key', {
    keyVault: option.keyVault,
    name: option.keyName ?? `${target.resourceName}-cmk`,
    tags,
  });
  const identity = new UserAssignedIdentity(scope, 'KeyIdentity', {
    name: `${target.resourceName}-cmk`,
    location: target.region,
    resourceGroupName: target.resourceGroupName,
    tags,
  });
  const keyAccess = new RoleAssignment(scope, 'KeyAccess', {
    scope: key.resourceId,
    roleDefinitionName: 'Key Vault Crypto Service Encryption User',
    principalId: identity.principalId,
    principalType: 'ServicePrincipal',
  });
  return { key, identity, keyAccess };
}
