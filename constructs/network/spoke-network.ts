/**
 * A spoke network: workload subnets (each with an NSG denying internet inbound), peered both ways with
 * the hub, and a route table that sends all egress through the hub firewall.
 */
import { Construct } from 'constructs';
import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import type { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import type { Relaxed } from '../core/interfaces';
import type { NorwayRegion } from '../core/region';
import { Problems, warnRelaxed } from '../core/validation';
import type { IHubNetwork } from './hub-network';
import type { NorwaySubnet, SubnetConfig } from './subnet';
import { NetworkParts, NorwayVirtualNetworkProps, validateNetworkProps } from './virtual-network';

export interface SpokeNetworkProps extends NorwayVirtualNetworkProps {
  /** The hub to peer with (a `HubNetwork`, or its id, name and resource group). */
  readonly hub: IHubNetwork;
  /**
   * Where egress goes: the hub firewall's private IP.
   * @default - the hub's `firewallPrivateIp`
   */
  readonly firewallPrivateIp?: string;
  /** Egress straight to the internet instead of through the firewall. @default - not allowed */
  readonly directEgress?: Relaxed;
  /**
   * Subnets of Azure services that must not route through the firewall (an Application Gateway v2
   * subnet), with the NSG rules the service needs. @default - none
   */
  readonly serviceSubnets?: readonly SubnetConfig[];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export class SpokeNetwork extends Construct {
  readonly resource: VirtualNetwork;
  readonly region: NorwayRegion;
  readonly resourceGroupName: string;
  readonly virtualNetworkId: string;
  readonly virtualNetworkName: string;
  /** Subnet ids by subnet name. */
  readonly subnetIds: Record<string, string>;
  readonly subnets: Record<string, NorwaySubnet>;
  readonly routeTable?: RouteTable;
  readonly routeTableId?: string;

  constructor(scope: Construct, id: string, props: SpokeNetworkProps) {
    super(scope, id);
    const firewall = props.firewallPrivateIp ?? props.hub.firewallPrivateIp;
    const problems = new Problems(this);
    validateNetworkProps(problems, props);
    if (props.hub.region && props.hub.region !== props.region) {
      problems.add(
        `the hub is in ${props.hub.region} but the spoke in ${props.region}; peer spokes with the hub of their own region`,
      );
    }
    if (props.directEgress) {
      problems.relaxed('directEgress', props.directEgress);
    } else if (!firewall) {
      problems.add(
        'no firewall address for egress: pass firewallPrivateIp (or set it on the hub), or directEgress: { relaxed: true, justification }',
      );
    } else if (!IPV4.test(firewall)) {
      problems.add(`firewallPrivateIp ${JSON.stringify(firewall)} is not an IPv4 address`);
    }
    problems.throwIfAny();

    this.region = props.region;
    this.resourceGroupName = props.resourceGroupName;
    if (!props.directEgress) {
      this.routeTable = new RouteTable(this, 'RouteTable', {
        name: `${props.name}-rt`,
        location: props.region,
        resourceGroupName: props.resourceGroupName,
        // Routes learned over gateways must not bypass the firewall.
        bgpRoutePropagationEnabled: false,
        route: [
          {
            name: 'egress-via-hub-firewall',
            addressPrefix: '0.0.0.0/0',
            nextHopType: 'VirtualAppliance',
            nextHopInIpAddress: firewall,
          },
        ],
        tags: props.tags ? { ...props.tags } : undefined,
      });
      this.routeTableId = this.routeTable.id;
    } else {
      warnRelaxed(
        this,
        'egress goes straight to the internet, not through the hub firewall',
        props.directEgress,
      );
    }
    const parts = new NetworkParts(this, props, {
      routeTableId: this.routeTableId,
      platformSubnets: (props.serviceSubnets ?? []).map((config) => ({ config })),
    });
    this.resource = parts.virtualNetwork;
    this.virtualNetworkId = parts.virtualNetwork.id;
    this.virtualNetworkName = parts.virtualNetwork.name;
    this.subnets = parts.subnets;
    this.subnetIds = parts.subnetIds();

    new VirtualNetworkPeering(this, 'PeeringToHub', {
      name: `${props.name}-to-hub`,
      resourceGroupName: props.resourceGroupName,
      virtualNetworkName: parts.virtualNetwork.name,
      remoteVirtualNetworkId: props.hub.virtualNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });
    new VirtualNetworkPeering(this, 'PeeringFromHub', {
      name: `hub-to-${props.name}`,
      resourceGroupName: props.hub.resourceGroupName,
      virtualNetworkName: props.hub.virtualNetworkName,
      remoteVirtualNetworkId: parts.virtualNetwork.id,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });
  }
}
