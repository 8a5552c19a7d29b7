import {
  NorwayLinuxVirtualMachine,
  NorwayLinuxVmScaleSet,
  NorwayLinuxVmScaleSetProps,
} from '../../constructs/compute';
import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayKeyVault } from '../../constructs/keyvault';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, relaxedWarnings, synth, testStack, logsAndKeyVault } from './support';

const SUBNET =
  '/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app';
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGd4eC0mZ2l0aHViLmNvbS9ub3J3YXktaWFjL3Rlc3Qta2V5 ops@hospital';

function keyVault(stack: NorwayStack, region: NorwayRegion): NorwayKeyVault {
  return logsAndKeyVault(stack, region, SUBNET).keyVault;
}

describe.each([
  [NORWAY_EAST, ['1', '2', '3'], '1'],
  [NORWAY_WEST, undefined, undefined],
])(
  'Linux compute with defaults in %s',
  (region: NorwayRegion, zones: string[] | undefined, zone: string | undefined) => {
    let stack: NorwayStack;
    let json: Json;
    let vmss: Json;
    let vm: Json;
    beforeAll(() => {
      // GIVEN
      stack = testStack(region);
      const vault = keyVault(stack, region);
      // WHEN
      new NorwayLinuxVmScaleSet(stack, 'app', {
        region,
        resourceGroupName: 'rg-app',
        name: 'vmss-app',
        subnetId: SUBNET,
        sshPublicKeys: [SSH_KEY],
        customerManagedKey: { keyVault: vault },
      });
      new NorwayLinuxVirtualMachine(stack, 'jump', {
        region,
        resourceGroupName: 'rg-app',
        name: 'vm-tools',
        subnetId: SUBNET,
        sshPublicKeys: [SSH_KEY],
        customerManagedKey: { keyVault: vault },
      });
      json = synth(stack);
      vmss = only(json, 'azurerm_linux_virtual_machine_scale_set');
      vm = only(json, 'azurerm_linux_virtual_machine');
    });

    test('SSH keys only, encryption at host, trusted launch, managed identity, managed boot diagnostics', () => {
      for (const machine of [vmss, vm]) {
        expect(machine).toMatchObject({
          location: region,
          disable_password_authentication: true,
          admin_ssh_key: [{ username: 'azureadmin', public_key: SSH_KEY }],
          encryption_at_host_enabled: true,
          secure_boot_enabled: true,
          vtpm_enabled: true,
          identity: { type: 'SystemAssigned' },
          boot_diagnostics: {},
        });
        expect(machine.admin_password).toBeUndefined();
      }
    });

    test('no public IP anywhere', () => {
      expect(vmss.network_interface[0].ip_configuration[0].public_ip_address).toBeUndefined();
      expect(
        only(json, 'azurerm_network_interface').ip_configuration[0].public_ip_address_id,
      ).toBeUndefined();
      expect(json.resource.azurerm_public_ip).toBeUndefined();
    });

    test(`zones follow the region: ${JSON.stringify(zones)}`, () => {
      expect(vmss.zones).toEqual(zones);
      expect(vm.zone).toEqual(zone);
    });

    test('OS disks use a disk encryption set with a customer-managed key', () => {
      expect(vmss.os_disk.disk_encryption_set_id).toMatch(
        /^\$\{azurerm_disk_encryption_set\.app_DiskEncryption_[0-9A-F]{8}\.id\}$/,
      );
      expect(vm.os_disk.disk_encryption_set_id).toMatch(
        /^\$\{azurerm_disk_encryption_set\.jump_DiskEncryption_[0-9A-F]{8}\.id\}$/,
      );
      const des = only(json, 'azurerm_disk_encryption_set', 'app_');
      expect(des).toMatchObject({
        auto_key_rotation_enabled: true,
        encryption_type: 'EncryptionAtRestWithPlatformAndCustomerKeys',
        identity: { type: 'SystemAssigned' },
      });
      expect(des.key_vault_key_id).toMatch(
        /^\$\{azurerm_key_vault_key\.app_DiskEncryption_Key_[0-9A-F]{8}\.versionless_id\}$/,
      );
      expect(vmss.depends_on).toEqual([
        expect.stringMatching(/^azurerm_role_assignment\.app_DiskEncryption_KeyAccess_/),
      ]);
    });

    test('zero error findings from the policy engine', () => {
      expect(errorFindings(stack)).toEqual([]);
    });
  },
);

describe('Linux compute validation', () => {
  function attempt(region: NorwayRegion, overrides: Partial<NorwayLinuxVmScaleSetProps>) {
    const stack = testStack(region);
    const vault = keyVault(stack, region);
    return () =>
      new NorwayLinuxVmScaleSet(stack, 'app', {
        region,
        resourceGroupName: 'rg-app',
        name: 'vmss-app',
        subnetId: SUBNET,
        sshPublicKeys: [SSH_KEY],
        customerManagedKey: { keyVault: vault },
        ...overrides,
      });
  }

  test('fails when zones are asked for in Norway West', () => {
    expect(attempt(NORWAY_WEST, { zones: ['1', '2'] })).toThrow(
      'test-norwaywest/app: zones ["1","2"] asked for in norwaywest, but Norway West has no availability zones',
    );
  });

  test('fails when a single VM asks for a zone in Norway West', () => {
    const stack = testStack(NORWAY_WEST);
    const vault = keyVault(stack, NORWAY_WEST);
    expect(
      () =>
        new NorwayLinuxVirtualMachine(stack, 'vm', {
          region: NORWAY_WEST,
          resourceGroupName: 'rg',
          name: 'vm',
          subnetId: SUBNET,
          sshPublicKeys: [SSH_KEY],
          customerManagedKey: { keyVault: vault },
          zone: '1',
        }),
    ).toThrow(/zones \["1"\] asked for in norwaywest/);
  });

  test('fails when a zone does not exist in Norway East', () => {
    expect(attempt(NORWAY_EAST, { zones: ['4'] })).toThrow(/zones 4 do not exist in norwayeast/);
  });

  test('fails without SSH keys and without a key vault for the disk key', () => {
    expect(attempt(NORWAY_EAST, { sshPublicKeys: [], customerManagedKey: undefined })).toThrow(
      /test-norwayeast\/app: 2 problems:\n {2}- sshPublicKeys is empty.*\n {2}- customerManagedKey is missing/,
    );
  });

  test('fails when a key is not an OpenSSH public key', () => {
    expect(attempt(NORWAY_EAST, { sshPublicKeys: ['hunter2'] })).toThrow(
      /sshPublicKeys\[0\] is not an OpenSSH public key/,
    );
  });

  test('platform-managed disk keys are explicit and visible', () => {
    const stack = testStack(NORWAY_EAST);
    new NorwayLinuxVmScaleSet(stack, 'app', {
      region: NORWAY_EAST,
      resourceGroupName: 'rg',
      name: 'vmss',
      subnetId: SUBNET,
      sshPublicKeys: [SSH_KEY],
      customerManagedKey: {
        relaxed: true,
        justification: 'Stateless build agents, no patient data',
      },
    });
    const vmss = only(synth(stack), 'azurerm_linux_virtual_machine_scale_set');
    expect(vmss.os_disk.disk_encryption_set_id).toBeUndefined();
    expect(vmss.encryption_at_host_enabled).toBe(true);
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/app: disks encrypted with platform-managed keys instead of a customer-managed key. Justification: Stateless build agents, no patient data',
    ]);
  });
});
