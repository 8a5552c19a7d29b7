/**
 * The optional interfaces every construct shares, with the same names everywhere (Azure Verified
 * Modules' convention): `lock`, `roleAssignments`, `privateEndpoints`, `diagnosticSettings`,
 * `customerManagedKey`, `managedIdentities`, `tags`. A user who learned one construct knows them all.
 *
 * Relaxing a secure default has one shape everywhere, `{ relaxed: true, justification }` (a `Relaxed`),
 * given in place of the prop's secure value: `diagnosticSettings: { relaxed: true, justification }`
 * goes without logs, `customerManagedKey: { relaxed: true, justification }` uses Microsoft-managed
 * keys, `lock: { relaxed: true, justification }` removes deletion protection, and a prop that only
 * exists to relax something (`shortRetention`, `fromInternet`, `directEgress`, …) takes the same
 * object. The justification needs at least 10 characters; the construct records it in a visible
 * warning annotation, so a reviewer sees every weakened default at synth time.
 */
import type { ITerraformDependable } from 'cdktf';
import type { NorwayRegion } from './region';
import type { Tags } from './tags';

/**
 * The one shape for relaxing a secure default: `{ relaxed: true, justification }`. Validated by
 * `Problems.relaxed` and recorded by `warnRelaxed` (constructs/core/validation.ts).
 */
export interface Relaxed {
  readonly relaxed: true;
  /** Why the secure default does not fit; at least 10 characters, shown in a warning at synth. */
  readonly justification: string;
}

/** True when `option` is a relaxation (`{ relaxed: true, … }`) rather than the prop's secure value. */
export function isRelaxed(option: unknown): option is Relaxed {
  return typeof option === 'object' && option !== null && (option as { relaxed?: unknown }).relaxed === true;
}

/** A management lock on the construct's main resource. */
export interface LockSettings {
  readonly kind: 'CanNotDelete' | 'ReadOnly';
  /** @default - 'can-not-delete' or 'read-only' */
  readonly name?: string;
  readonly notes?: string;
}

/**
 * Deletion protection. Data-bearing constructs default to a `CanNotDelete` management lock plus
 * Terraform `lifecycle.prevent_destroy`; `{ relaxed: true, justification }` removes both.
 */
export type LockConfig = LockSettings | Relaxed;

/** An Azure RBAC role assignment on the construct's main resource. */
export interface RoleAssignmentConfig {
  /** Built-in or custom role name, e.g. `Storage Blob Data Reader`. One of name or id is required. */
  readonly roleDefinitionName?: string;
  /** Role definition resource id. */
  readonly roleDefinitionId?: string;
  /** Object id of the Entra ID principal. */
  readonly principalId: string;
  /** @default - not set (Azure looks it up) */
  readonly principalType?: 'User' | 'Group' | 'ServicePrincipal';
  readonly description?: string;
}

/** A private endpoint for the construct's main resource, registered in private DNS. */
export interface PrivateEndpointConfig {
  /** The subnet the endpoint's network interface lives in. */
  readonly subnetId: string;
  /** The `privatelink.*` zones the endpoint registers its address in (the DNS zone group). */
  readonly privateDnsZoneIds: readonly string[];
  /** @default - the construct's main sub-resource (`blob` for storage, `vault` for Key Vault) */
  readonly subresourceName?: string;
  /** @default - `<resource name>-pe-<subresource>` */
  readonly name?: string;
}

/** Where the construct's diagnostic logs and metrics go: a Log Analytics workspace in Norway. */
export interface DiagnosticSettingsConfig {
  /** Resource id of a Log Analytics workspace in Norway (e.g. `NorwayLogAnalyticsWorkspace.workspaceId`). */
  readonly workspaceId: string;
  /** @default 'to-log-analytics' */
  readonly name?: string;
  /** @default - the construct's own choice, usually ['allLogs'] */
  readonly logCategoryGroups?: readonly string[];
  /** @default - the construct's own choice, usually ['AllMetrics'] */
  readonly metricCategories?: readonly string[];
}

/** Diagnostic settings, or `{ relaxed: true, justification }` to go without them. */
export type DiagnosticSettingsOption = DiagnosticSettingsConfig | Relaxed;

/** A Key Vault that can hold customer-managed keys; `NorwayKeyVault` implements it. */
export interface ICustomerManagedKeyVault {
  readonly keyVaultId: string;
  readonly region: NorwayRegion;
  readonly vaultName: string;
  /** What keys created in the vault must wait for (e.g. the role assignment that lets Terraform create them). */
  readonly keyDependencies?: readonly ITerraformDependable[];
}

/** Encryption at rest with a key the hospital controls, in a Key Vault in Norway. */
export interface CustomerManagedKeyConfig {
  /** The vault the key lives in (a `NorwayKeyVault`). */
  readonly keyVault: ICustomerManagedKeyVault;
  /** @default - the construct creates a key named `<resource name>-cmk` with a rotation policy */
  readonly keyName?: string;
}

/** Customer-managed keys, or `{ relaxed: true, justification }` to use Microsoft-managed keys. */
export type CustomerManagedKeyOption = CustomerManagedKeyConfig | Relaxed;

/**
 * Managed identities for the construct's main resource. The same default everywhere: no
 * system-assigned identity, only the user-assigned identities the construct creates for itself (e.g.
 * the customer-managed key identity) plus `userAssignedResourceIds`. A resource that cannot do its job
 * without a system-assigned identity (VMs for Entra sign-in and agents, a web app for Key Vault
 * references) turns it on by default and says so in its own `@default`.
 */
export interface ManagedIdentitiesConfig {
  /** @default false */
  readonly systemAssigned?: boolean;
  /** @default - none besides any the construct creates for itself */
  readonly userAssignedResourceIds?: readonly string[];
}

/** The props every construct takes. */
export interface NorwayConstructProps {
  /** The region the resource lives in; a `NorwayRegion`, never a free string. */
  readonly region: NorwayRegion;
  /** The resource group the resources go into. */
  readonly resourceGroupName: string;
  /** Tags on every resource the construct creates, under the stack's default tags. @default - none */
  readonly tags?: Tags;
}
