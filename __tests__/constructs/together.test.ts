/** Every construct with its defaults in one stack per region, wired as the platform wires them. */
import { NorwayRecoveryVault } from '../../constructs/backup';
import { NorwayLinuxVirtualMachine, NorwayLinuxVmScaleSet } from '../../constructs/compute';
import { NorwayResourceGroup } from '../../constructs/core/resource-group';
import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayKeyVault } from '../../constructs/keyvault';
import { NorwayLogAnalyticsWorkspace } from '../../constructs/monitoring';
import { HubNetwork, PrivateDnsZones, SpokeNetwork } from '../../constructs/network';
import { NorwayStorageAccount } from '../../constructs/storage';
import { checkStack } from '../../policies/cdktf/guard';
import type { CheckResult } from '../../policies/engine/result';
import { TODAY, errorFindings, relaxedWarnings, synth, testStack } from './support';
import type { NorwayStack } from '../../stacks/norway-stack';
import { approveBastionPublicIp } from '../../stacks/bastion-approval';

const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGd4eC0mZ2l0aHViLmNvbS9ub3J3YXktaWFjL3Rlc3Qta2V5 ops@hospital';

function platform(stack: NorwayStack, region: NorwayRegion): void {
  const rg = new NorwayResourceGroup(stack, 'rg', { region, name: `rg-platform-${region}` });
  const resourceGroupName = rg.name;
  const logs = new NorwayLogAnalyticsWorkspace(stack, 'logs', {
    region,
    resourceGroupName,
    name: 'law-platform',
  });
  const diagnosticSettings = { workspaceId: logs.workspaceId };
  const hub = new HubNetwork(stack, 'hub', {
    region,
    resourceGroupName,
    name: 'vnet-hub',
    addressSpace: ['10.0.0.0/22'],
    subnets: [{ name: 'endpoints', addressPrefixes: ['10.0.1.0/24'] }],
    firewallPrivateIp: '10.0.0.4',
    bastion: { subnetPrefix: '10.0.2.0/26' },
    diagnosticSettings,
  });
  // As a stack does: the construct leaves the NET-004 approval of its public IP to its stack.
  approveBastionPublicIp(hub.bastion!);
  const spoke = new SpokeNetwork(stack, 'spoke', {
    region,
    resourceGroupName,
    name: 'vnet-app',
    addressSpace: ['10.1.0.0/22'],
    hub,
    subnets: [{ name: 'app', addressPrefixes: ['10.1.0.0/24'] }],
    diagnosticSettings,
  });
  const dns = new PrivateDnsZones(stack, 'dns', {
    resourceGroupName,
    virtualNetworks: { hub: hub.virtualNetworkId, app: spoke.virtualNetworkId },
  });
  const endpoint = (zone: string) => ({
    main: { subnetId: hub.subnetIds.endpoints, privateDnsZoneIds: [dns.zoneId(zone)] },
  });
  const keyVault = new NorwayKeyVault(stack, 'kv', {
    region,
    resourceGroupName,
    name: 'kv-platform-keys',
    tenantId: '00000000-0000-0000-0000-000000000001',
    diagnosticSettings,
    privateEndpoints: endpoint('privatelink.vaultcore.azure.net'),
  });
  new NorwayStorageAccount(stack, 'data', {
    region,
    resourceGroupName,
    name: 'sthospitaldata01',
    customerManagedKey: { keyVault },
    diagnosticSettings,
    privateEndpoints: endpoint('privatelink.blob.core.windows.net'),
  });
  const compute = {
    region,
    resourceGroupName,
    subnetId: spoke.subnetIds.app,
    sshPublicKeys: [SSH_KEY],
    customerManagedKey: { keyVault },
  };
  new NorwayLinuxVmScaleSet(stack, 'app', { ...compute, name: 'vmss-app' });
  const vm = new NorwayLinuxVirtualMachine(stack, 'tools', { ...compute, name: 'vm-tools' });
  new NorwayRecoveryVault(stack, 'backup', {
    region,
    resourceGroupName,
    name: 'rsv-platform',
    customerManagedKey: { keyVault },
    diagnosticSettings,
    privateEndpoints: endpoint(
      region === NORWAY_EAST
        ? 'privatelink.nwe.backup.windowsazure.com'
        : 'privatelink.nww.backup.windowsazure.com',
    ),
    protectedVirtualMachines: { tools: vm },
  });
}

describe.each([NORWAY_EAST, NORWAY_WEST])(
  'every construct with its defaults in %s',
  (region: NorwayRegion) => {
    let stack: NorwayStack;
    let report: CheckResult;
    beforeAll(() => {
      stack = testStack(region);
      platform(stack, region);
      // Synthesis runs the stack's aspects (default tags) first, as `cdktf synth` does before the guard.
      synth(stack);
      report = checkStack(stack, { today: TODAY });
    });

    test('zero error findings from the policy engine', () => {
      expect(errorFindings(report)).toEqual([]);
    });

    test('zero warning findings', () => {
      expect(
        report.findings
          .filter((f) => f.severity === 'warning' && !f.suppressed)
          .map((f) => `${f.ruleId} ${f.address}`),
      ).toEqual([]);
    });

    test('the only suppression is the Bastion public IP (NET-004)', () => {
      expect(
        report.findings
          .filter((f) => f.suppressed)
          .map((f) => [f.ruleId, f.address.replace(/_[0-9A-F]{8}$/, '')]),
      ).toEqual([['NET-004', 'azurerm_public_ip.hub_Bastion_PublicIp']]);
    });

    test('the only relaxed default is Bastion taking HTTPS from the internet', () => {
      expect(relaxedWarnings(stack)).toEqual([
        '[relaxed default] ' +
          `test-${region}/hub/Subnet-AzureBastionSubnet/Nsg: rule AllowHttpsInbound allows inbound from the internet. ` +
          'Justification: Azure Bastion accepts TLS sessions on 443 from administrators signed in with Entra ID',
      ]);
    });
  },
);
