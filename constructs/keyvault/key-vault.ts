/**
 * A Key Vault in Norway: Entra ID (RBAC) authorization, purge protection, soft delete, no public network
 * access, firewall default deny, private endpoint, diagnostics, deletion lock. Holds the customer-managed
 * keys the data stores encrypt with.
 */
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import {
  addDiagnosticSettings,
  addPrivateEndpoints,
  addRoleAssignments,
  PrivateEndpoints,
  protectFromDeletion,
  RoleAssignments,
  validateDiagnosticSettings,
  validateLock,
  validatePrivateEndpoints,
  validateRoleAssignments,
} from '../interfaces';
import type {
  DiagnosticSettingsOption,
  ICustomerManagedKeyVault,
  Relaxed,
  LockConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { KEY_VAULT_NAME, nameProblem } from '../core/naming';
import type { NorwayRegion } from '../core/region';
import { Problems, warnRelaxed } from '../core/validation';
import { NorwayKeyVaultKey, NorwayKeyVaultKeyProps } from './key-vault-key';

export interface NorwayKeyVaultProps extends NorwayConstructProps {
  /** 3-24 letters, digits and hyphens; globally unique. */
  readonly name: string;
  /** The Entra ID tenant that authenticates requests. */
  readonly tenantId: string;
  /** @default 'premium' (HSM-backed keys) */
  readonly skuName?: 'standard' | 'premium';
  /** Days a deleted vault or key stays recoverable (7-90). @default 90 */
  readonly softDeleteRetentionDays?: number;
  /**
   * Reach the vault from public networks (still behind the firewall's `allowedIpRanges`).
   * @default - public network access disabled; reach the vault through `privateEndpoints`
   */
  readonly publicNetworkAccess?: {
    readonly allowedIpRanges?: readonly string[];
  } & Relaxed;
  /** @default - none (NET-005 warns: the vault is then unreachable except by trusted Azure services) */
  readonly privateEndpoints?: PrivateEndpoints;
  /** Required: a Log Analytics workspace in Norway, or `{ relaxed: true, justification }`. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /**
   * RBAC on the vault. The identity that runs Terraform needs `Key Vault Crypto Officer` to create keys;
   * keys created through the vault wait for these assignments.
   * @default - none
   */
  readonly roleAssignments?: RoleAssignments;
}

export class NorwayKeyVault extends Construct implements ICustomerManagedKeyVault {
  readonly resource: KeyVault;
  readonly region: NorwayRegion;
  /** Resource id. */
  readonly keyVaultId: string;
  readonly id: string;
  /** The literal vault name. */
  readonly vaultName: string;
  /** The vault URI (`https://<name>.vault.azure.net/`). */
  readonly vaultUri: string;
  readonly keyDependencies: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: NorwayKeyVaultProps) {
    super(scope, id);
    const retention = props.softDeleteRetentionDays ?? 90;
    const problems = new Problems(this);
    problems.region(props.region);
    const bad = nameProblem(props.name, KEY_VAULT_NAME);
    if (bad) problems.add(bad);
    if (!Number.isInteger(retention) || retention < 7 || retention > 90) {
      problems.add(`softDeleteRetentionDays ${retention} is outside 7-90`);
    }
    if (props.publicNetworkAccess) problems.relaxed('publicNetworkAccess', props.publicNetworkAccess);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    this.vaultName = props.name;
    this.resource = new KeyVault(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      tenantId: props.tenantId,
      skuName: props.skuName ?? 'premium',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: retention,
      publicNetworkAccessEnabled: props.publicNetworkAccess ? true : false,
      networkAcls: {
        defaultAction: 'Deny',
        // Storage and disk encryption sets reach their keys as trusted services.
        bypass: 'AzureServices',
        ipRules: props.publicNetworkAccess?.allowedIpRanges
          ? [...props.publicNetworkAccess.allowedIpRanges]
          : undefined,
      },
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.keyVaultId = this.resource.id;
    this.id = this.resource.id;
    this.vaultUri = this.resource.vaultUri;

    if (props.publicNetworkAccess)
      warnRelaxed(this, 'public network access enabled', props.publicNetworkAccess);
    protectFromDeletion(this, this.resource, props.lock);
    this.keyDependencies = addRoleAssignments(this, this.resource.id, props.roleAssignments);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'vault',
        tags: props.tags,
      },
      props.privateEndpoints,
    );
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings);
  }

  /** A key in this vault with rotation and expiry (child of the vault construct). */
  addKey(id: string, props: Omit<NorwayKeyVaultKeyProps, 'keyVault'>): NorwayKeyVaultKey {
    return new NorwayKeyVaultKey(this, id, { ...props, keyVault: this });
  }
}
