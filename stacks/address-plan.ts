/**
 * How each network of the configuration is split. Every hub and spoke is cut into four equal quarters;
 * the configuration names only the network, so a user never plans subnets by hand.
 *
 * hub:   [0] private endpoints  [1] management (deployment runners)  [2] firewall (reserved)  [3] reserved (gateway, Bastion)
 * spoke: [0] workload           [1] private endpoints                [2] ingress (Application Gateway)  [3] reserved
 */
import { formatAddress, parseCidr, subnetOf } from './config/cidr';

export const SUBNET = {
  privateEndpoints: 'snet-private-endpoints',
  management: 'snet-management',
  workload: 'snet-workload',
  ingress: 'snet-ingress',
} as const;

function quarter(cidr: string, index: number): string {
  const parent = parseCidr(cidr);
  return subnetOf(parent, parent.prefix + 2, index).text;
}

export interface HubPlan {
  readonly privateEndpoints: string;
  readonly management: string;
  /** Reserved for the hub firewall (`AzureFirewallSubnet`), which this platform does not deploy. */
  readonly firewallSubnet: string;
  /** The firewall's private address (the first usable one of its subnet): spokes send all egress there. */
  readonly firewallPrivateIp: string;
}

export function hubPlan(hubAddressSpace: string): HubPlan {
  const firewallSubnet = quarter(hubAddressSpace, 2);
  // Azure keeps the first four addresses of every subnet; the first usable is .4.
  const firewallPrivateIp = formatAddress(parseCidr(firewallSubnet).network + 4);
  return {
    privateEndpoints: quarter(hubAddressSpace, 0),
    management: quarter(hubAddressSpace, 1),
    firewallSubnet,
    firewallPrivateIp,
  };
}

export interface SpokePlan {
  readonly workload: string;
  readonly privateEndpoints: string;
  /** The Application Gateway's own subnet, used only by a trust that declares a `gateway` app. */
  readonly ingress: string;
}

export function spokePlan(addressSpace: string): SpokePlan {
  return {
    workload: quarter(addressSpace, 0),
    privateEndpoints: quarter(addressSpace, 1),
    ingress: quarter(addressSpace, 2),
  };
}
