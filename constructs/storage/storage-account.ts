/**
 * A storage account for patient data: Entra ID only, HTTPS and TLS 1.2, no public network access, no
 * anonymous blobs, firewall default deny, infrastructure encryption plus a customer-managed key from a
 * Norway Key Vault, replication the region supports (geo copies stay in the Norway pair), versioning and
 * soft delete, private endpoint, diagnostics to Norway, deletion lock and prevent_destroy.
 */
import { Construct } from 'constructs';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import {
  addCustomerManagedKey,
  addDiagnosticSettings,
  addPrivateEndpoints,
  addRoleAssignments,
  identityBlock,
  PrivateEndpoints,
  protectFromDeletion,
  RoleAssignments,
  validateCustomerManagedKey,
  validateDiagnosticSettings,
  validateLock,
  validatePrivateEndpoints,
  validateRoleAssignments,
} from '../interfaces';
import {
  CustomerManagedKeyOption,
  DiagnosticSettingsOption,
  isRelaxed,
  Relaxed,
  LockConfig,
  ManagedIdentitiesConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { nameProblem, STORAGE_ACCOUNT_NAME } from '../core/naming';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities, StorageReplication } from '../core/region';
import { Problems, warnRelaxed } from '../core/validation';
import { NorwayKeyVaultKey } from '../keyvault/key-vault-key';

/** The default replication: zone- and geo-redundant where the region has zones, geo-redundant otherwise. */
export function defaultReplication(region: NorwayRegion): StorageReplication {
  return regionCapabilities(region).zones.length > 0 ? 'GZRS' : 'GRS';
}

export type StorageService = 'blob' | 'queue' | 'table' | 'file';

export interface NorwayStorageAccountProps extends NorwayConstructProps {
  /** 3-24 lowercase letters and digits; globally unique. */
  readonly name: string;
  /**
   * One the region supports: ZRS, GZRS and RAGZRS need zones (Norway East only). Geo copies go to the
   * paired Norway region.
   * @default - 'GZRS' in Norway East, 'GRS' in Norway West
   */
  readonly replication?: StorageReplication;
  /** @default 'Hot' */
  readonly accessTier?: 'Hot' | 'Cool' | 'Cold';
  /**
   * Required: `{ keyVault }` (a `NorwayKeyVault`; the construct creates the key, an identity and its
   * access), or `{ relaxed: true, justification }`.
   */
  readonly customerManagedKey: CustomerManagedKeyOption;
  /** Required: `{ workspaceId }` of a Log Analytics workspace in Norway, or `{ relaxed: true, justification }`. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** Services whose logs go to Log Analytics besides the account's metrics. @default ['blob'] */
  readonly diagnosticServices?: readonly StorageService[];
  /** @default - none (NET-005 warns); sub-resource `blob` unless the entry says otherwise */
  readonly privateEndpoints?: PrivateEndpoints;
  /**
   * Reach the account from public networks (still behind the firewall's `allowedIpRanges`).
   * @default - public network access disabled
   */
  readonly publicNetworkAccess?: {
    readonly allowedIpRanges?: readonly string[];
  } & Relaxed;
  /** Shared key (account key and SAS) authorization. @default - disabled: Entra ID only */
  readonly sharedAccessKey?: Relaxed;
  /** Days deleted blobs stay recoverable (1-365). @default 30 */
  readonly blobSoftDeleteRetentionDays?: number;
  /** Days deleted containers stay recoverable (1-365). @default 30 */
  readonly containerSoftDeleteRetentionDays?: number;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /** @default - none */
  readonly roleAssignments?: RoleAssignments;
  /** @default - no system-assigned identity; only the identities the construct creates itself (the customer-managed key's) */
  readonly managedIdentities?: ManagedIdentitiesConfig;
}

export class NorwayStorageAccount extends Construct {
  readonly resource: StorageAccount;
  readonly region: NorwayRegion;
  readonly replication: StorageReplication;
  /** Resource id. */
  readonly storageAccountId: string;
  readonly id: string;
  readonly name: string;
  readonly primaryBlobEndpoint: string;
  /** The identity that reads the customer-managed key, when the construct created one. */
  readonly keyIdentity?: UserAssignedIdentity;
  /** The customer-managed key, when the construct created one. */
  readonly key?: NorwayKeyVaultKey;

  constructor(scope: Construct, id: string, props: NorwayStorageAccountProps) {
    super(scope, id);
    const known = REGION_CAPABILITIES[props.region] !== undefined;
    const replication = props.replication ?? (known ? defaultReplication(props.region) : 'LRS');
    const blobDays = props.blobSoftDeleteRetentionDays ?? 30;
    const containerDays = props.containerSoftDeleteRetentionDays ?? 30;
    const problems = new Problems(this);
    problems.region(props.region);
    const bad = nameProblem(props.name, STORAGE_ACCOUNT_NAME);
    if (bad) problems.add(`${bad}; e.g. 'sthospitaldata01'`);
    if (known) {
      const caps = regionCapabilities(props.region);
      if (!caps.storageReplication.includes(replication)) {
        problems.add(
          `replication '${replication}' is not available in ${props.region} (${caps.displayName} has no availability zones); ` +
            `use one of ${caps.storageReplication.map((r) => `'${r}'`).join(', ')} — 'GRS' keeps a geo copy in ${caps.pair}`,
        );
      }
    }
    for (const [what, days] of Object.entries({
      blobSoftDeleteRetentionDays: blobDays,
      containerSoftDeleteRetentionDays: containerDays,
    })) {
      if (!Number.isInteger(days) || days < 1 || days > 365) problems.add(`${what} ${days} is outside 1-365`);
    }
    const cmk = props.customerManagedKey;
    validateCustomerManagedKey(problems, cmk, { protects: 'patient data' });
    if (props.publicNetworkAccess) problems.relaxed('publicNetworkAccess', props.publicNetworkAccess);
    if (props.sharedAccessKey) problems.relaxed('sharedAccessKey', props.sharedAccessKey);
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    this.replication = replication;
    const tags = props.tags ? { ...props.tags } : undefined;

    const cmkResources = cmk
      ? addCustomerManagedKey(
          this,
          {
            region: props.region,
            resourceGroupName: props.resourceGroupName,
            resourceName: props.name,
            tags,
          },
          cmk,
        )
      : undefined;
    this.key = cmkResources?.key;
    this.keyIdentity = cmkResources?.identity;
    const keyAccess = cmkResources?.keyAccess;
    const identity = identityBlock(
      props.managedIdentities,
      false,
      this.keyIdentity ? [this.keyIdentity.id] : [],
    );

    this.resource = new StorageAccount(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: replication,
      accessTier: props.accessTier ?? 'Hot',
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      publicNetworkAccessEnabled: props.publicNetworkAccess ? true : false,
      sharedAccessKeyEnabled: props.sharedAccessKey ? true : false,
      defaultToOauthAuthentication: true,
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      allowedCopyScope: 'AAD',
      localUserEnabled: false,
      sftpEnabled: false,
      infrastructureEncryptionEnabled: true,
      // Queues and tables encrypted with the account key too, so the customer-managed key covers them.
      queueEncryptionKeyType: 'Account',
      tableEncryptionKeyType: 'Account',
      networkRules: {
        defaultAction: 'Deny',
        // No trusted-service exception: "AzureServices" admits any tenant's instance of those services, from any region.
        bypass: ['None'],
        ipRules: props.publicNetworkAccess?.allowedIpRanges
          ? [...props.publicNetworkAccess.allowedIpRanges]
          : undefined,
      },
      blobProperties: {
        versioningEnabled: true,
        changeFeedEnabled: true,
        deleteRetentionPolicy: { days: blobDays },
        containerDeleteRetentionPolicy: { days: containerDays },
      },
      identity,
      customerManagedKey:
        this.key && this.keyIdentity
          ? { keyVaultKeyId: this.key.versionlessId, userAssignedIdentityId: this.keyIdentity.id }
          : undefined,
      dependsOn: keyAccess ? [keyAccess] : undefined,
      tags,
    });
    this.storageAccountId = this.resource.id;
    this.id = this.resource.id;
    this.name = this.resource.name;
    this.primaryBlobEndpoint = this.resource.primaryBlobEndpoint;

    if (props.publicNetworkAccess)
      warnRelaxed(this, 'public network access enabled', props.publicNetworkAccess);
    if (props.sharedAccessKey)
      warnRelaxed(this, 'shared key (account key and SAS) authorization enabled', props.sharedAccessKey);
    protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'blob',
        tags,
      },
      props.privateEndpoints,
    );
    const diagnostics = props.diagnosticSettings;
    // The account itself only has metrics; logs (who read which blob) live on each service.
    addDiagnosticSettings(this, this.resource.id, diagnostics, {
      logCategoryGroups: [],
      metricCategories: ['Transaction'],
    });
    if (!isRelaxed(diagnostics)) {
      for (const service of props.diagnosticServices ?? ['blob']) {
        const serviceId = `${this.resource.id}/${service}Services/default`;
        const name = `${service[0].toUpperCase()}${service.slice(1)}Diagnostics`;
        addDiagnosticSettings(
          this,
          serviceId,
          diagnostics,
          { logCategoryGroups: ['allLogs'], metricCategories: ['Transaction'] },
          name,
        );
      }
    }
  }
}
