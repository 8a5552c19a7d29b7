/**
 * The hub of a hub-and-spoke network: shared subnets (each with an NSG denying internet inbound), the
 * firewall address spokes send their egress to, and optionally Azure Bastion as the one public entry.
 */
import { Construct } from 'constructs';
import type { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { NorwayRegion } from '../core/region';
import { Problems } from '../core/validation';
import { BASTION_INBOUND, BASTION_OUTBOUND, NorwayBastion } from './bastion';
import type { NorwaySubnet } from './subnet';
import {
  INorwayVirtualNetwork,
  NetworkParts,
  NorwayVirtualNetworkProps,
  validateNetworkProps,
} from './virtual-network';

export interface HubNetworkProps extends NorwayVirtualNetworkProps {
  /**
   * Private IP of the hub firewall (or network virtual appliance) spokes route their egress through.
   * @default - none; spokes must then pass their own or explicitly choose direct egress
   */
  readonly firewallPrivateIp?: string;
  /**
   * Azure Bastion in an `AzureBastionSubnet` (at least a /26). Its public IP is the one sanctioned public
   * entry; the stack suppresses NET-004 on it (`approveBastionPublicIp`) with a reason and a yearly expiry.
   * @default - no Bastion
   */
  readonly bastion?: {
    readonly subnetPrefix: string;
    readonly name?: string;
  };
}

export interface IHubNetwork extends INorwayVirtualNetwork {
  readonly firewallPrivateIp?: string;
}

export class HubNetwork extends Construct implements IHubNetwork {
  readonly resource: VirtualNetwork;
  readonly region: NorwayRegion;
  readonly resourceGroupName: string;
  readonly virtualNetworkId: string;
  readonly virtualNetworkName: string;
  readonly firewallPrivateIp?: string;
  /** Subnet ids by subnet name (including `AzureBastionSubnet` when Bastion is on). */
  readonly subnetIds: Record<string, string>;
  readonly subnets: Record<string, NorwaySubnet>;
  readonly bastion?: NorwayBastion;

  constructor(scope: Construct, id: string, props: HubNetworkProps) {
    super(scope, id);
    const problems = new Problems(this);
    validateNetworkProps(problems, props);
    if (props.bastion && !/\/(2[0-6]|1\d|\d)$/.test(props.bastion.subnetPrefix)) {
      problems.add(
        `bastion.subnetPrefix ${props.bastion.subnetPrefix} is smaller than the /26 Azure Bastion needs`,
      );
    }
    problems.throwIfAny();

    // Bastion's subnet carries the rules Azure requires for it, apart from the workload subnets.
    const parts = new NetworkParts(this, props, {
      platformSubnets: props.bastion
        ? [
            {
              config: {
                name: 'AzureBastionSubnet',
                addressPrefixes: [props.bastion.subnetPrefix],
                allowInbound: BASTION_INBOUND,
              },
              outbound: BASTION_OUTBOUND,
            },
          ]
        : [],
    });
    this.resource = parts.virtualNetwork;
    this.region = props.region;
    this.resourceGroupName = props.resourceGroupName;
    this.virtualNetworkId = parts.virtualNetwork.id;
    this.virtualNetworkName = parts.virtualNetwork.name;
    this.firewallPrivateIp = props.firewallPrivateIp;
    this.subnets = parts.subnets;
    this.subnetIds = parts.subnetIds();
    if (props.bastion) {
      this.bastion = new NorwayBastion(this, 'Bastion', {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        name: props.bastion.name ?? `${props.name}-bastion`,
        subnetId: this.subnetIds.AzureBastionSubnet,
        diagnosticSettings: props.diagnosticSettings,
        tags: props.tags,
      });
    }
  }
}
