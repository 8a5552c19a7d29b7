import { TerraformVariable } from 'cdktf';
import { NorwayWindowsVirtualMachine, NorwayWindowsVirtualMachineProps } from '../../constructs/compute';
import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, synth, testStack, logsAndKeyVault } from './support';

const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/app';

function windows(
  stack: NorwayStack,
  region: NorwayRegion,
  extra: Partial<NorwayWindowsVirtualMachineProps> = {},
) {
  const { keyVault } = logsAndKeyVault(stack, region, SUBNET);
  const password = new TerraformVariable(stack, 'ris_admin_password', { type: 'string', sensitive: true });
  return new NorwayWindowsVirtualMachine(stack, 'ris', {
    region,
    resourceGroupName: 'rg-app',
    name: 'vm-ris-01',
    subnetId: SUBNET,
    adminPassword: password.stringValue,
    customerManagedKey: { keyVault },
    ...extra,
  });
}

describe.each([NORWAY_EAST, NORWAY_WEST])(
  'NorwayWindowsVirtualMachine with defaults in %s',
  (region: NorwayRegion) => {
    let stack: NorwayStack;
    let json: Json;
    let vm: Json;
    beforeAll(() => {
      // GIVEN / WHEN
      stack = testStack(region);
      windows(stack, region);
      json = synth(stack);
      vm = only(json, 'azurerm_windows_virtual_machine');
    });

    test('Trusted Launch, encryption at host, a CMK disk, platform patching, no literal password', () => {
      expect(vm).toMatchObject({
        location: region,
        secure_boot_enabled: true,
        vtpm_enabled: true,
        encryption_at_host_enabled: true,
        patch_mode: 'AutomaticByPlatform',
        admin_username: 'azureadmin',
        admin_password: '${var.ris_admin_password}',
        source_image_reference: { publisher: 'MicrosoftWindowsServer', sku: '2022-datacenter-azure-edition' },
        os_disk: {
          disk_encryption_set_id: expect.stringMatching(
            /^\$\{azurerm_disk_encryption_set\.ris_DiskEncryption_/,
          ),
        },
        identity: { type: 'SystemAssigned' },
      });
    });

    test('zone from the region; no public IP', () => {
      expect(vm.zone).toBe(region === NORWAY_EAST ? '1' : undefined);
      expect(json.resource.azurerm_public_ip).toBeUndefined();
      expect(
        only(json, 'azurerm_network_interface').ip_configuration[0].public_ip_address_id,
      ).toBeUndefined();
    });

    test('zero error findings from the policy engine', () => {
      expect(errorFindings(stack)).toEqual([]);
    });
  },
);

describe('NorwayWindowsVirtualMachine validation', () => {
  test('fails on a literal password, a reserved user, a long name and a zone Norway West lacks', () => {
    expect(() =>
      windows(testStack(NORWAY_WEST), NORWAY_WEST, {
        adminPassword: 'Sommer2026!',
        adminUsername: 'Administrator',
        name: 'vm-radiology-information-01',
        zone: '1',
      }),
    ).toThrow(
      /4 problems:\n {2}- name "vm-radiology-information-01" is invalid.*\n {2}- adminPassword is a literal.*\n {2}- adminUsername "Administrator" is reserved.*\n {2}- zone "1" does not exist in norwaywest/,
    );
  });

  test('fails without a disk key', () => {
    expect(() => windows(testStack(NORWAY_EAST), NORWAY_EAST, { customerManagedKey: undefined })).toThrow(
      /customerManagedKey is missing: pass \{ keyVault \} with a NorwayKeyVault \(or \{ diskEncryptionSetId \}\)/,
    );
  });
});
