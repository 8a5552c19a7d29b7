/**
 * How each network of the configuration is split. Every hub and spoke is cut into four equal quarters;
 * the configuration names only the network, so a user never plans subnets by hand.
 *
 * hub:   [0] private endpoints  [1] management (deployment runners)  [2] firewall (reserved)  [3] reserved (gateway, Bastion)
 * spoke: [0] workload           [1] private endpoints                [2] first half: web app integration,
 *        second half: Container Apps environment                    [3] first half: ingress (Application
 *        Gateway), second half reserved for the trust's growth
 */
import { formatAddress, parseCidr, subnetOf } from './config/cidr';

export const SUBNET = {
  privateEndpoints: 'snet-private-endpoints',
  management: 'snet-management',
  workload: 'snet-workload',
  /** Delegated to Microsoft.Web/serverFarms: the web apps' outbound traffic (VNet integration). */
  webIntegration: 'snet-web-integration',
  /** Delegated to Microsoft.App/environments: the internal Container Apps environment. */
  containerApps: 'snet-container-apps',
  /** The Application Gateway's own subnet. */
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
  /** The first half of the third quarter: web app VNet integration. */
  readonly webIntegration: string;
  /** The second half of the third quarter: the Container Apps environment (a /27 at least). */
  readonly containerApps: string;
  /** The first half of the fourth quarter: the Application Gateway's own subnet (a trust with a `gateway`). */
  readonly ingress: string;
}

function eighth(cidr: string, index: number): string {
  const parent = parseCidr(cidr);
  return subnetOf(parent, parent.prefix + 3, index).text;
}

export function spokePlan(addressSpace: string): SpokePlan {
  return {
    workload: quarter(addressSpace, 0),
    privateEndpoints: quarter(addressSpace, 1),
    webIntegration: eighth(addressSpace, 4),
    containerApps: eighth(addressSpace, 5),
    ingress: eighth(addressSpace, 6),
  };
}
