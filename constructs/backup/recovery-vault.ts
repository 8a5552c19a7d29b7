/**
 * A Recovery Services vault in Norway: geo-redundant to the Norway pair with cross-region restore, soft
 * delete, immutability, a customer-managed key, no public network access, alerts, diagnostics, deletion
 * lock; with a daily VM backup policy and protection for the compute construct's VMs.
 */
import { Construct } from 'constructs';
import { BackupPolicyVm } from '@cdktf/provider-azurerm/lib/backup-policy-vm';
import { BackupProtectedVm } from '@cdktf/provider-azurerm/lib/backup-protected-vm';
import { RecoveryServicesVault } from '@cdktf/provider-azurerm/lib/recovery-services-vault';
import {
  addCustomerManagedKey,
  addDiagnosticSettings,
  addPrivateEndpoints,
  addRoleAssignments,
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
  Relaxed,
  LockConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { nameProblem, RECOVERY_VAULT_NAME } from '../core/naming';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import { Problems, warnRelaxed } from '../core/validation';
import { NorwayKeyVaultKey } from '../keyvault/key-vault-key';

export type BackupStorageMode = 'GeoRedundant' | 'ZoneRedundant' | 'LocallyRedundant';

export interface VmBackupPolicyConfig {
  /** Daily backup time (HH:MM, Norwegian time). @default '23:00' */
  readonly time?: string;
  /** @default 30 */
  readonly dailyRetentionDays?: number;
  /** Sunday backups kept this many weeks. @default 12 */
  readonly weeklyRetentionWeeks?: number;
  /** First-Sunday backups kept this many months. @default 12 */
  readonly monthlyRetentionMonths?: number;
  /** Snapshots kept for instant restore (1-30). @default 7 */
  readonly instantRestoreRetentionDays?: number;
}

/** A VM the vault backs up; `NorwayLinuxVirtualMachine` fits. */
export interface IBackupSourceVm {
  readonly region: NorwayRegion;
  readonly virtualMachineId: string;
}

export interface NorwayRecoveryVaultProps extends NorwayConstructProps {
  /** 2-50 letters, digits and hyphens, starting with a letter. */
  readonly name: string;
  /**
   * Where backup copies live. GeoRedundant copies go to the paired Norway region.
   * @default 'GeoRedundant' (with cross-region restore)
   */
  readonly storageMode?: BackupStorageMode;
  /** Required for a storage mode other than GeoRedundant: `{ relaxed: true, justification }`. */
  readonly lowerRedundancy?: Relaxed;
  /**
   * `Unlocked` keeps recovery points from being deleted before they expire and can still be locked;
   * `Locked` can never be undone.
   * @default 'Unlocked'
   */
  readonly immutability?: 'Unlocked' | 'Locked';
  /** Required: `{ keyVault }` (a `NorwayKeyVault`), or `{ relaxed: true, justification }`. */
  readonly customerManagedKey: CustomerManagedKeyOption;
  /** Required: a Log Analytics workspace in Norway, or `{ relaxed: true, justification }`. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** @default - none (sub-resource `AzureBackup`) */
  readonly privateEndpoints?: PrivateEndpoints;
  /** The default VM backup policy (child `VmPolicy`). @default - daily 23:00, 30 days, 12 weeks, 12 months */
  readonly vmBackupPolicy?: VmBackupPolicyConfig;
  /** VMs to protect with the VM policy, by a stable key (becomes part of the Terraform address). @default - none */
  readonly protectedVirtualMachines?: Readonly<Record<string, IBackupSourceVm>>;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /** @default - none */
  readonly roleAssignments?: RoleAssignments;
}

const TIME = /^([01]\d|2[0-3]):(00|30)$/;

export class NorwayRecoveryVault extends Construct {
  readonly resource: RecoveryServicesVault;
  readonly region: NorwayRegion;
  readonly id: string;
  readonly recoveryVaultId: string;
  readonly recoveryVaultName: string;
  readonly vmBackupPolicy: BackupPolicyVm;
  readonly vmBackupPolicyId: string;
  readonly key?: NorwayKeyVaultKey;
  private readonly resourceGroupName: string;

  constructor(scope: Construct, id: string, props: NorwayRecoveryVaultProps) {
    super(scope, id);
    const mode = props.storageMode ?? 'GeoRedundant';
    const policy = props.vmBackupPolicy ?? {};
    const problems = new Problems(this);
    problems.region(props.region);
    const bad = nameProblem(props.name, RECOVERY_VAULT_NAME);
    if (bad) problems.add(bad);
    if (mode !== 'GeoRedundant') {
      if (!props.lowerRedundancy) {
        problems.add(
          `storageMode '${mode}' keeps no copy in the paired region; pass lowerRedundancy: { relaxed: true, justification }, or keep 'GeoRedundant'`,
        );
      } else problems.relaxed('lowerRedundancy', props.lowerRedundancy);
    }
    if (
      mode === 'ZoneRedundant' &&
      REGION_CAPABILITIES[props.region] &&
      regionCapabilities(props.region).zones.length === 0
    ) {
      problems.add(
        `storageMode 'ZoneRedundant' needs availability zones, which ${props.region} does not have; use 'GeoRedundant'`,
      );
    }
    const cmk = props.customerManagedKey;
    validateCustomerManagedKey(problems, cmk, { protects: 'the backup data' });
    if (policy.time !== undefined && !TIME.test(policy.time))
      problems.add(`vmBackupPolicy.time ${JSON.stringify(policy.time)} is not HH:00 or HH:30`);
    const ranges: [string, number | undefined, number, number][] = [
      ['dailyRetentionDays', policy.dailyRetentionDays, 7, 9999],
      ['weeklyRetentionWeeks', policy.weeklyRetentionWeeks, 1, 5163],
      ['monthlyRetentionMonths', policy.monthlyRetentionMonths, 1, 1188],
      ['instantRestoreRetentionDays', policy.instantRestoreRetentionDays, 1, 30],
    ];
    for (const [what, value, min, max] of ranges) {
      if (value !== undefined && (!Number.isInteger(value) || value < min || value > max))
        problems.add(`vmBackupPolicy.${what} ${value} is outside ${min}-${max}`);
    }
    for (const [key, vm] of Object.entries(props.protectedVirtualMachines ?? {})) {
      if (vm.region !== props.region)
        problems.add(
          `protectedVirtualMachines.${key} is in ${vm.region}; a vault backs up VMs of its own region (${props.region})`,
        );
    }
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    this.resourceGroupName = props.resourceGroupName;
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
    const identity = cmkResources?.identity;
    const keyAccess = cmkResources?.keyAccess;

    this.resource = new RecoveryServicesVault(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: 'Standard',
      storageModeType: mode,
      crossRegionRestoreEnabled: mode === 'GeoRedundant',
      softDeleteEnabled: true,
      immutability: props.immutability ?? 'Unlocked',
      publicNetworkAccessEnabled: false,
      classicVmwareReplicationEnabled: false,
      identity: identity ? { type: 'UserAssigned', identityIds: [identity.id] } : undefined,
      encryption:
        this.key && identity
          ? {
              keyId: this.key.versionlessId,
              infrastructureEncryptionEnabled: true,
              useSystemAssignedIdentity: false,
              userAssignedIdentityId: identity.id,
            }
          : undefined,
      monitoring: { alertsForAllJobFailuresEnabled: true, alertsForCriticalOperationFailuresEnabled: true },
      dependsOn: keyAccess ? [keyAccess] : undefined,
      tags,
    });
    this.id = this.resource.id;
    this.recoveryVaultId = this.resource.id;
    this.recoveryVaultName = this.resource.name;

    if (mode !== 'GeoRedundant' && props.lowerRedundancy)
      warnRelaxed(this, `storage mode ${mode} (no copy in the paired region)`, props.lowerRedundancy);
    protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'AzureBackup',
        tags,
      },
      props.privateEndpoints,
    );
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings, {
      logCategoryGroups: ['allLogs'],
      metricCategories: ['Health'],
    });

    this.vmBackupPolicy = new BackupPolicyVm(this, 'VmPolicy', {
      name: 'vm-daily',
      resourceGroupName: props.resourceGroupName,
      recoveryVaultName: this.resource.name,
      policyType: 'V2',
      timezone: 'W. Europe Standard Time',
      instantRestoreRetentionDays: policy.instantRestoreRetentionDays ?? 7,
      backup: { frequency: 'Daily', time: policy.time ?? '23:00' },
      retentionDaily: { count: policy.dailyRetentionDays ?? 30 },
      retentionWeekly: { count: policy.weeklyRetentionWeeks ?? 12, weekdays: ['Sunday'] },
      retentionMonthly: {
        count: policy.monthlyRetentionMonths ?? 12,
        weekdays: ['Sunday'],
        weeks: ['First'],
      },
    });
    this.vmBackupPolicyId = this.vmBackupPolicy.id;
    for (const [key, vm] of Object.entries(props.protectedVirtualMachines ?? {}))
      this.protectVirtualMachine(key, vm);
  }

  /** Back up a VM of the vault's region with the VM policy (child `Protected-<key>`). */
  protectVirtualMachine(key: string, vm: IBackupSourceVm): BackupProtectedVm {
    if (vm.region !== this.region) {
      throw new Error(
        `${this.node.path}: cannot protect ${key} in ${vm.region}; a vault backs up VMs of its own region (${this.region})`,
      );
    }
    return new BackupProtectedVm(this, `Protected-${key}`, {
      resourceGroupName: this.resourceGroupName,
      recoveryVaultName: this.resource.name,
      sourceVmId: vm.virtualMachineId,
      backupPolicyId: this.vmBackupPolicy.id,
    });
  }
}
