/**
 * A Data Protection backup vault in Norway: geo-redundant to the pair with cross-region restore, soft
 * delete, immutability, diagnostics and a deletion lock; with backup policies for PostgreSQL Flexible
 * Server, blobs and managed disks. (Backup instances are added by the stacks that own the sources.)
 */
import { Construct } from 'constructs';
import { DataProtectionBackupPolicyBlobStorage } from '@cdktf/provider-azurerm/lib/data-protection-backup-policy-blob-storage';
import { DataProtectionBackupPolicyDisk } from '@cdktf/provider-azurerm/lib/data-protection-backup-policy-disk';
import { DataProtectionBackupPolicyPostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/data-protection-backup-policy-postgresql-flexible-server';
import { DataProtectionBackupVault } from '@cdktf/provider-azurerm/lib/data-protection-backup-vault';
import type { DiagnosticSettingsOption, Relaxed, LockConfig, NorwayConstructProps } from '../core/interfaces';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import { Problems, warnRelaxed } from '../core/validation';
import {
  addDiagnosticSettings,
  protectFromDeletion,
  validateDiagnosticSettings,
  validateLock,
} from '../interfaces';

export interface NorwayBackupVaultProps extends NorwayConstructProps {
  /** 2-50 letters, digits and hyphens, starting with a letter. */
  readonly name: string;
  /**
   * @default 'GeoRedundant' (the copy goes to the pair only); anything else needs `lowerRedundancy`
   */
  readonly redundancy?: 'GeoRedundant' | 'ZoneRedundant' | 'LocallyRedundant';
  /** Required for a redundancy other than GeoRedundant: `{ relaxed: true, justification }`. */
  readonly lowerRedundancy?: Relaxed;
  /** @default 'Unlocked' (turn to 'Locked' once the policies are settled) */
  readonly immutability?: 'Unlocked' | 'Locked';
  /** Recovery points of PostgreSQL (weekly full backups) kept for this ISO 8601 duration. @default 'P3M' */
  readonly postgresqlRetention?: string;
  /** Blob backups: operational (point-in-time) and vaulted retention. @default { operational: 'P30D', vaulted: 'P90D' } */
  readonly blobRetention?: { readonly operational: string; readonly vaulted: string };
  /** Disk snapshots every 4 hours, kept for this duration. @default 'P7D' */
  readonly diskRetention?: string;
  /** Required: vault diagnostics to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
}

const NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,49}$/;
const DURATION = /^P(\d+[DWMY])+$/;

export class NorwayBackupVault extends Construct {
  readonly resource: DataProtectionBackupVault;
  readonly id: string;
  readonly region: NorwayRegion;
  readonly principalId: string;
  readonly postgresqlPolicy: DataProtectionBackupPolicyPostgresqlFlexibleServer;
  readonly blobPolicy: DataProtectionBackupPolicyBlobStorage;
  readonly diskPolicy: DataProtectionBackupPolicyDisk;

  constructor(scope: Construct, id: string, props: NorwayBackupVaultProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    if (!NAME.test(props.name))
      problems.add(
        `name ${JSON.stringify(props.name)} is invalid; use 2-50 letters, digits and hyphens, starting with a letter`,
      );
    const redundancy = props.redundancy ?? 'GeoRedundant';
    if (redundancy !== 'GeoRedundant') {
      if (!props.lowerRedundancy)
        problems.add(
          `redundancy ${redundancy} keeps no copy in the pair region; pass lowerRedundancy: { relaxed: true, justification }`,
        );
      else problems.relaxed('lowerRedundancy', props.lowerRedundancy);
    }
    if (
      redundancy === 'ZoneRedundant' &&
      REGION_CAPABILITIES[props.region] &&
      regionCapabilities(props.region).zones.length === 0
    )
      problems.add(`redundancy ZoneRedundant needs availability zones, which ${props.region} does not have`);
    const pg = props.postgresqlRetention ?? 'P3M';
    const blob = props.blobRetention ?? { operational: 'P30D', vaulted: 'P90D' };
    const disk = props.diskRetention ?? 'P7D';
    for (const [what, value] of [
      ['postgresqlRetention', pg],
      ['blobRetention.operational', blob.operational],
      ['blobRetention.vaulted', blob.vaulted],
      ['diskRetention', disk],
    ] as const)
      if (!DURATION.test(value))
        problems.add(`${what} ${JSON.stringify(value)} is not an ISO 8601 duration such as 'P30D'`);
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    validateLock(problems, props.lock);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    this.resource = new DataProtectionBackupVault(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      datastoreType: 'VaultStore',
      redundancy,
      crossRegionRestoreEnabled: redundancy === 'GeoRedundant',
      softDelete: 'On',
      retentionDurationInDays: 14,
      immutability: props.immutability ?? 'Unlocked',
      // The vault reads its sources with its own identity (granted by the stacks that own them).
      identity: { type: 'SystemAssigned' },
      tags,
    });
    this.id = this.resource.id;
    this.principalId = this.resource.identity.principalId;

    // Times are UTC; 23:00 is midnight in Norway in winter.
    this.postgresqlPolicy = new DataProtectionBackupPolicyPostgresqlFlexibleServer(this, 'PostgresqlPolicy', {
      name: 'postgresql-weekly',
      vaultId: this.resource.id,
      backupRepeatingTimeIntervals: ['R/2026-01-04T23:00:00+00:00/P1W'],
      timeZone: 'W. Europe Standard Time',
      defaultRetentionRule: { lifeCycle: [{ dataStoreType: 'VaultStore', duration: pg }] },
    });
    this.blobPolicy = new DataProtectionBackupPolicyBlobStorage(this, 'BlobPolicy', {
      name: 'blob-daily',
      vaultId: this.resource.id,
      operationalDefaultRetentionDuration: blob.operational,
      vaultDefaultRetentionDuration: blob.vaulted,
      backupRepeatingTimeIntervals: ['R/2026-01-01T23:00:00+00:00/P1D'],
      timeZone: 'W. Europe Standard Time',
    });
    this.diskPolicy = new DataProtectionBackupPolicyDisk(this, 'DiskPolicy', {
      name: 'disk-4-hourly',
      vaultId: this.resource.id,
      backupRepeatingTimeIntervals: ['R/2026-01-01T00:00:00+00:00/PT4H'],
      defaultRetentionDuration: disk,
      timeZone: 'W. Europe Standard Time',
    });

    if (redundancy !== 'GeoRedundant' && props.lowerRedundancy)
      warnRelaxed(this, `redundancy ${redundancy} (no copy in the paired region)`, props.lowerRedundancy);
    protectFromDeletion(this, this.resource, props.lock);
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings);
  }
}
