/**
 * Azure Files premium in Norway (a PACS archive, shared clinical folders): a FileStorage account with
 * SMB 3.1.1 only, Entra ID Kerberos authentication, AES-256 encryption in transit, no shared keys, no
 * public network access, a customer-managed key, share soft delete, zone-redundant where the region
 * has zones, diagnostics, deletion protection; and its shares, keyed by name.
 */
import { Construct } from 'constructs';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import type {
  CustomerManagedKeyOption,
  DiagnosticSettingsOption,
  LockConfig,
  ManagedIdentitiesConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { isRelaxed } from '../core/interfaces';
import { nameProblem, STORAGE_ACCOUNT_NAME } from '../core/naming';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import { Problems } from '../core/validation';
import {
  addCustomerManagedKey,
  addDiagnosticSettings,
  addPrivateEndpoints,
  addRoleAssignments,
  identityBlock,
  PrivateEndpoints,
  protectFromDeletion,
  requirePrivateEndpoint,
  RoleAssignments,
  validateCustomerManagedKey,
  validateDiagnosticSettings,
  validateLock,
  validatePrivateEndpoints,
  validateRoleAssignments,
} from '../interfaces';

/** The `privatelink` zone Azure Files private endpoints register in. */
export const FILE_PRIVATE_DNS_ZONE = 'privatelink.file.core.windows.net';

export interface FileShareConfig {
  /** Provisioned size in GiB (premium shares: 100-102400). */
  readonly quotaGb: number;
}

export interface NorwayFileShareAccountProps extends NorwayConstructProps {
  /** 3-24 lowercase letters and digits; globally unique. */
  readonly name: string;
  /** Shares by name (3-63 lowercase letters, digits, hyphens). */
  readonly shares: Readonly<Record<string, FileShareConfig>>;
  /** Days a deleted share stays recoverable (1-365). @default 30 */
  readonly shareSoftDeleteRetentionDays?: number;
  /** @default 'StorageFileDataSmbShareReader' — what every signed-in Entra ID user may do on a share */
  readonly defaultShareLevelPermission?:
    | 'None'
    | 'StorageFileDataSmbShareReader'
    | 'StorageFileDataSmbShareContributor'
    | 'StorageFileDataSmbShareElevatedContributor';
  /** Required: a key in a Norway Key Vault, or `{ relaxed: true, justification }`. */
  readonly customerManagedKey: CustomerManagedKeyOption;
  /** Required: file service logs (who opened which file) to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** Required: at least one (sub-resource `file`). */
  readonly privateEndpoints: PrivateEndpoints;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /** @default - none */
  readonly roleAssignments?: RoleAssignments;
  /** @default - no system-assigned identity; only the identities the construct creates itself (the customer-managed key's) */
  readonly managedIdentities?: ManagedIdentitiesConfig;
}

const SHARE_NAME = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;

export class NorwayFileShareAccount extends Construct {
  readonly resource: StorageAccount;
  readonly id: string;
  readonly region: NorwayRegion;
  readonly shares: Readonly<Record<string, StorageShare>>;

  constructor(scope: Construct, id: string, props: NorwayFileShareAccountProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    const known = REGION_CAPABILITIES[props.region] !== undefined;
    const bad = nameProblem(props.name, STORAGE_ACCOUNT_NAME);
    if (bad) problems.add(`${bad}; e.g. 'stpacsarchive01'`);
    const days = props.shareSoftDeleteRetentionDays ?? 30;
    if (!Number.isInteger(days) || days < 1 || days > 365)
      problems.add(`shareSoftDeleteRetentionDays ${days} is outside 1-365`);
    if (Object.keys(props.shares ?? {}).length === 0)
      problems.add('shares is empty: name at least one share');
    for (const [name, share] of Object.entries(props.shares ?? {})) {
      if (!SHARE_NAME.test(name))
        problems.add(`shares key ${JSON.stringify(name)} is not a valid share name`);
      if (!Number.isInteger(share.quotaGb) || share.quotaGb < 100 || share.quotaGb > 102400)
        problems.add(`shares.${name}.quotaGb ${share.quotaGb} is outside 100-102400 (premium shares)`);
    }
    validateCustomerManagedKey(problems, props.customerManagedKey, { protects: 'the files' });
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    requirePrivateEndpoint(problems, props.privateEndpoints);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    const zoned = known && regionCapabilities(props.region).zones.length > 0;
    const cmk = addCustomerManagedKey(
      this,
      { region: props.region, resourceGroupName: props.resourceGroupName, resourceName: props.name, tags },
      props.customerManagedKey,
    );

    this.resource = new StorageAccount(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      accountKind: 'FileStorage',
      accountTier: 'Premium',
      // Premium files offer LRS and ZRS only: no geo copy at all, so nothing leaves the region.
      accountReplicationType: zoned ? 'ZRS' : 'LRS',
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      publicNetworkAccessEnabled: false,
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      allowedCopyScope: 'AAD',
      localUserEnabled: false,
      infrastructureEncryptionEnabled: true,
      // No trusted-services bypass: Azure services of any tenant, in any region (NET-008).
      networkRules: { defaultAction: 'Deny', bypass: ['None'] },
      azureFilesAuthentication: {
        directoryType: 'AADKERB',
        defaultShareLevelPermission: props.defaultShareLevelPermission ?? 'StorageFileDataSmbShareReader',
      },
      shareProperties: {
        retentionPolicy: { days },
        smb: {
          versions: ['SMB3.1.1'],
          authenticationTypes: ['Kerberos'],
          kerberosTicketEncryptionType: ['AES-256'],
          channelEncryptionType: ['AES-256-GCM'],
        },
      },
      identity: identityBlock(props.managedIdentities, false, cmk ? [cmk.identity.id] : []),
      customerManagedKey: cmk
        ? { keyVaultKeyId: cmk.key.versionlessId, userAssignedIdentityId: cmk.identity.id }
        : undefined,
      dependsOn: cmk ? [cmk.keyAccess] : undefined,
      tags,
    });
    this.id = this.resource.id;

    const shares: Record<string, StorageShare> = {};
    for (const [name, share] of Object.entries(props.shares)) {
      shares[name] = new StorageShare(this, `Share-${name}`, {
        name,
        storageAccountId: this.resource.id,
        quota: share.quotaGb,
        enabledProtocol: 'SMB',
      });
    }
    this.shares = shares;

    protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'file',
        tags,
      },
      props.privateEndpoints,
    );
    // The account has metrics only; who opened which file is logged on the file service.
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings, {
      logCategoryGroups: [],
      metricCategories: ['Transaction'],
    });
    if (!isRelaxed(props.diagnosticSettings))
      addDiagnosticSettings(
        this,
        `${this.resource.id}/fileServices/default`,
        props.diagnosticSettings,
        { logCategoryGroups: ['allLogs'], metricCategories: ['Transaction'] },
        'FileDiagnostics',
      );
  }
}
