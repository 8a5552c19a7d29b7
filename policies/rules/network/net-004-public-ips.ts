import { defineRule, RuleContext, Violation } from '../rule';
import type { TfResource } from '../../model/types';
import { blockCount } from '../attributes';

const SCALE_SETS = [
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_windows_virtual_machine_scale_set',
  'azurerm_orchestrated_virtual_machine_scale_set',
];

export const NET_004 = defineRule({
  id: 'NET-004',
  title: 'No public IP addresses',
  severity: 'error',
  rationale:
    'A public IP puts a machine on the internet, reachable from anywhere in the world. The few legitimate uses (Azure Bastion, Azure Firewall, a gateway) are exceptions to record with a suppression and a reason.',
  anchors: { mcsb: ['NS-2'], checkov: ['CKV_AZURE_119'] },
  resourceTypes: [
    'azurerm_public_ip',
    'azurerm_public_ip_prefix',
    'azurerm_network_interface',
    ...SCALE_SETS,
  ],
  fix: 'Remove the public IP and reach the machine through Bastion or a private network; for Bastion or Azure Firewall, suppress NET-004 on that resource with a reason and an expiry.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (resource.type === 'azurerm_public_ip' || resource.type === 'azurerm_public_ip_prefix') {
        yield {
          resource,
          message: `this is a public IP ${resource.type === 'azurerm_public_ip_prefix' ? 'prefix' : 'address'}.`,
        };
      } else if (resource.type === 'azurerm_network_interface') {
        yield* checkNic(context, resource);
      } else {
        yield* checkScaleSet(context, resource);
      }
    }
  },
});

function* checkNic(context: RuleContext, resource: TfResource): Iterable<Violation> {
  const configs = blockCount(context, resource, 'ip_configuration');
  if (configs.kind === 'unknown') {
    yield { resource, message: `${configs.reason}, so public IPs cannot be ruled out.` };
    return;
  }
  for (let i = 0; i < configs.count; i++) {
    if (context.isWritten(resource, ['ip_configuration', i, 'public_ip_address_id'])) {
      yield {
        resource,
        message: `ip_configuration[${i}] attaches a public IP (public_ip_address_id).`,
      };
    }
  }
}

function* checkScaleSet(context: RuleContext, resource: TfResource): Iterable<Violation> {
  const nics = blockCount(context, resource, 'network_interface');
  if (nics.kind === 'unknown') {
    yield { resource, message: `${nics.reason}, so public IPs cannot be ruled out.` };
    return;
  }
  for (let n = 0; n < nics.count; n++) {
    const configs = blockCount(context, resource, ['network_interface', n, 'ip_configuration']);
    if (configs.kind === 'unknown') {
      yield {
        resource,
        message: `network_interface[${n}].${configs.reason}, so public IPs cannot be ruled out.`,
      };
      continue;
    }
    for (let i = 0; i < configs.count; i++) {
      const publicIps = blockCount(context, resource, [
        'network_interface',
        n,
        'ip_configuration',
        i,
        'public_ip_address',
      ]);
      if (publicIps.kind === 'unknown' || publicIps.count > 0) {
        yield {
          resource,
          message: `network_interface[${n}].ip_configuration[${i}] gives every instance a public IP.`,
        };
      }
    }
  }
}
