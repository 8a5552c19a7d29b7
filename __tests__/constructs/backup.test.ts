import { NorwayRecoveryVault, NorwayRecoveryVaultProps } from '../../constructs/backup';
import { NorwayLinuxVirtualMachine } from '../../constructs/compute';
import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, relaxedWarnings, synth, testStack, logsAndKeyVault } from './support';

const SUBNET =
  '/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app';
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGd4eC0mZ2l0aHViLmNvbS9ub3J3YXktaWFjL3Rlc3Qta2V5 ops@hospital';

function platform(stack: NorwayStack, region: NorwayRegion) {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  const vm = new NorwayLinuxVirtualMachine(stack, 'tools', {
    region,
    resourceGroupName: 'rg-app',
    name: 'vm-tools',
    subnetId: SUBNET,
    sshPublicKeys: [SSH_KEY],
    customerManagedKey: { keyVault },
  });
  return { logs, keyVault, vm };
}

describe.each([NORWAY_EAST, NORWAY_WEST])(
  'NorwayRecoveryVault with defaults in %s',
  (region: NorwayRegion) => {
    let stack: NorwayStack;
    let json: Json;
    let vault: Json;
    beforeAll(() => {
      // GIVEN
      stack = testStack(region);
      const { logs, keyVault, vm } = platform(stack, region);
      // WHEN
      new NorwayRecoveryVault(stack, 'backup', {
        region,
        resourceGroupName: 'rg-backup',
        name: 'rsv-platform',
        customerManagedKey: { keyVault },
        diagnosticSettings: { workspaceId: logs.workspaceId },
        protectedVirtualMachines: { tools: vm },
      });
      json = synth(stack);
      vault = only(json, 'azurerm_recovery_services_vault');
    });

    test('geo-redundant to the Norway pair with cross-region restore, soft delete and immutability', () => {
      expect(vault).toMatchObject({
        location: region,
        storage_mode_type: 'GeoRedundant',
        cross_region_restore_enabled: true,
        soft_delete_enabled: true,
        immutability: 'Unlocked',
        public_network_access_enabled: false,
        monitoring: {
          alerts_for_all_job_failures_enabled: true,
          alerts_for_critical_operation_failures_enabled: true,
        },
        lifecycle: { prevent_destroy: true },
      });
    });

    test('encrypted with a customer-managed key, with infrastructure encryption', () => {
      expect(vault.encryption).toMatchObject({
        infrastructure_encryption_enabled: true,
        use_system_assigned_identity: false,
      });
      expect(vault.encryption.key_id).toMatch(
        /^\$\{azurerm_key_vault_key\.backup_Key_[0-9A-F]{8}\.versionless_id\}$/,
      );
      expect(vault.depends_on).toEqual([
        expect.stringMatching(/^azurerm_role_assignment\.backup_KeyAccess_/),
      ]);
    });

    test("a daily VM policy protects the compute construct's VM", () => {
      expect(only(json, 'azurerm_backup_policy_vm')).toMatchObject({
        policy_type: 'V2',
        backup: { frequency: 'Daily', time: '23:00' },
        retention_daily: { count: 30 },
        retention_weekly: { count: 12, weekdays: ['Sunday'] },
        retention_monthly: { count: 12, weekdays: ['Sunday'], weeks: ['First'] },
      });
      const protectedVm = only(json, 'azurerm_backup_protected_vm');
      expect(protectedVm.source_vm_id).toMatch(
        /^\$\{azurerm_linux_virtual_machine\.tools_[0-9A-F]{8}\.id\}$/,
      );
      expect(protectedVm.backup_policy_id).toMatch(
        /^\$\{azurerm_backup_policy_vm\.backup_VmPolicy_[0-9A-F]{8}\.id\}$/,
      );
    });

    test('a CanNotDelete lock and diagnostics', () => {
      expect(only(json, 'azurerm_management_lock', 'backup_').lock_level).toBe('CanNotDelete');
      expect(only(json, 'azurerm_monitor_diagnostic_setting', 'backup_').target_resource_id).toMatch(
        /^\$\{azurerm_recovery_services_vault\.backup_/,
      );
    });

    test('zero error findings from the policy engine', () => {
      expect(errorFindings(stack)).toEqual([]);
    });
  },
);

describe('NorwayRecoveryVault validation', () => {
  function attempt(region: NorwayRegion, overrides: Partial<NorwayRecoveryVaultProps>) {
    const stack = testStack(region);
    const { logs, keyVault } = platform(stack, region);
    return () =>
      new NorwayRecoveryVault(stack, 'backup', {
        region,
        resourceGroupName: 'rg-backup',
        name: 'rsv-platform',
        customerManagedKey: { keyVault },
        diagnosticSettings: { workspaceId: logs.workspaceId },
        ...overrides,
      });
  }

  test('fails when zone-redundant storage is asked for in Norway West', () => {
    expect(
      attempt(NORWAY_WEST, {
        storageMode: 'ZoneRedundant',
        lowerRedundancy: { relaxed: true, justification: 'Cost review 2026-11' },
      }),
    ).toThrow(
      "test-norwaywest/backup: storageMode 'ZoneRedundant' needs availability zones, which norwaywest does not have",
    );
  });

  test('fails when the vault would keep no copy in the pair without a justification', () => {
    expect(attempt(NORWAY_EAST, { storageMode: 'LocallyRedundant' })).toThrow(
      /storageMode 'LocallyRedundant' keeps no copy in the paired region/,
    );
  });

  test('fails when a VM of the other region is to be protected', () => {
    const stack = testStack(NORWAY_EAST);
    const east = platform(stack, NORWAY_EAST);
    const vault = new NorwayRecoveryVault(stack, 'backup', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg',
      name: 'rsv',
      customerManagedKey: { keyVault: east.keyVault },
      diagnosticSettings: { workspaceId: east.logs.workspaceId },
    });
    expect(() => vault.protectVirtualMachine('dr', { region: NORWAY_WEST, virtualMachineId: 'x' })).toThrow(
      'test-norwayeast/backup: cannot protect dr in norwaywest; a vault backs up VMs of its own region (norwayeast)',
    );
  });

  test('fails without a key vault for the customer-managed key, and with an invalid name', () => {
    expect(attempt(NORWAY_EAST, { name: '1-bad', customerManagedKey: undefined })).toThrow(
      /test-norwayeast\/backup: 2 problems:\n {2}- Recovery Services vault name "1-bad" is invalid.*\n {2}- customerManagedKey is missing/,
    );
  });

  test('zone-redundant storage with a justification is visible', () => {
    const stack = testStack(NORWAY_EAST);
    const { logs, keyVault } = platform(stack, NORWAY_EAST);
    new NorwayRecoveryVault(stack, 'backup', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg',
      name: 'rsv',
      storageMode: 'ZoneRedundant',
      lowerRedundancy: { relaxed: true, justification: 'Test environment, synthetic data only' },
      customerManagedKey: { keyVault },
      diagnosticSettings: { workspaceId: logs.workspaceId },
    });
    expect(only(synth(stack), 'azurerm_recovery_services_vault')).toMatchObject({
      storage_mode_type: 'ZoneRedundant',
      cross_region_restore_enabled: false,
    });
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/backup: storage mode ZoneRedundant (no copy in the paired region). Justification: Test environment, synthetic data only',
    ]);
  });
});
