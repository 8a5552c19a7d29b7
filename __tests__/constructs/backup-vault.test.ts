import { NorwayBackupVault, NorwayBackupVaultProps } from '../../constructs/backup';
import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayLogAnalyticsWorkspace } from '../../constructs/monitoring';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, relaxedWarnings, synth, testStack } from './support';

function vault(stack: NorwayStack, region: NorwayRegion, extra: Partial<NorwayBackupVaultProps> = {}) {
  const logs = new NorwayLogAnalyticsWorkspace(stack, 'logs', {
    region,
    resourceGroupName: 'rg',
    name: 'law-backup',
  });
  return new NorwayBackupVault(stack, 'bv', {
    region,
    resourceGroupName: 'rg-backup',
    name: 'bvault-records',
    diagnosticSettings: { workspaceId: logs.workspaceId },
    ...extra,
  });
}

describe.each([NORWAY_EAST, NORWAY_WEST])('NorwayBackupVault with defaults in %s', (region: NorwayRegion) => {
  let stack: NorwayStack;
  let json: Json;
  beforeAll(() => {
    // GIVEN / WHEN
    stack = testStack(region);
    vault(stack, region);
    json = synth(stack);
  });

  test('geo-redundant to the pair with cross-region restore, soft delete, immutability, lock', () => {
    expect(only(json, 'azurerm_data_protection_backup_vault')).toMatchObject({
      location: region,
      datastore_type: 'VaultStore',
      redundancy: 'GeoRedundant',
      cross_region_restore_enabled: true,
      soft_delete: 'On',
      immutability: 'Unlocked',
      identity: { type: 'SystemAssigned' },
      lifecycle: { prevent_destroy: true },
    });
    expect(only(json, 'azurerm_management_lock', 'bv_')).toMatchObject({ lock_level: 'CanNotDelete' });
  });

  test('policies for PostgreSQL (weekly, 3 months), blobs (30 days + 90 vaulted) and disks (4-hourly, 7 days)', () => {
    expect(only(json, 'azurerm_data_protection_backup_policy_postgresql_flexible_server')).toMatchObject({
      backup_repeating_time_intervals: ['R/2026-01-04T23:00:00+00:00/P1W'],
      default_retention_rule: { life_cycle: [{ data_store_type: 'VaultStore', duration: 'P3M' }] },
    });
    expect(only(json, 'azurerm_data_protection_backup_policy_blob_storage')).toMatchObject({
      operational_default_retention_duration: 'P30D',
      vault_default_retention_duration: 'P90D',
    });
    expect(only(json, 'azurerm_data_protection_backup_policy_disk')).toMatchObject({
      backup_repeating_time_intervals: ['R/2026-01-01T00:00:00+00:00/PT4H'],
      default_retention_duration: 'P7D',
    });
  });

  test('zero error findings, no relaxed defaults', () => {
    expect(errorFindings(stack)).toEqual([]);
    expect(relaxedWarnings(stack)).toEqual([]);
  });
});

describe('NorwayBackupVault validation', () => {
  test('fails on zone redundancy without zones, unjustified, and a bad retention', () => {
    expect(() =>
      vault(testStack(NORWAY_WEST), NORWAY_WEST, { redundancy: 'ZoneRedundant', diskRetention: '7 days' }),
    ).toThrow(
      /3 problems:\n {2}- redundancy ZoneRedundant keeps no copy in the pair region; pass lowerRedundancy: \{ relaxed: true, justification \}\n {2}- redundancy ZoneRedundant needs availability zones.*\n {2}- diskRetention "7 days" is not an ISO 8601 duration/,
    );
  });

  test('a justified local vault is a visible warning', () => {
    const stack = testStack(NORWAY_EAST);
    vault(stack, NORWAY_EAST, {
      redundancy: 'LocallyRedundant',
      lowerRedundancy: { relaxed: true, justification: 'test data only; the source is re-importable' },
    });
    expect(relaxedWarnings(stack)).toEqual([
      expect.stringMatching(/^\[relaxed default\] test-norwayeast\/bv: redundancy LocallyRedundant/),
    ]);
  });
});
