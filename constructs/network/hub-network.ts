/**
 * The hub of a hub-and-spoke network: shared subnets (each with an NSG denying internet inbound), the
 * firewall address spokes send their egress to, and optionally Azure Bastion as the one public entry.
 */
import { Construct } from 'constructs';
import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import type { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { NorwayRegion } from '../core/region';
import { Problems } from '../core/validation';
import { BASTION_INBOUND, BASTION_OUTBOUND, NorwayBastion } from './bastion';
import { EgressMode, NorwayHubEgress } from './hub-egress';
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
  /**
   * The hub's way out: Azure Firewall (its private IP must be `firewallPrivateIp`, the first address of
   * `firewallSubnetPrefix`) with the hub subnets routed through it, or a NAT gateway on the hub subnets.
   * Its public IP is approved by the stack (`approveEgressPublicIp`, a NET-004 suppression).
   * @default - no egress at all
   */
  readonly egress?: {
    readonly mode: EgressMode;
    /** Required in firewall mode. */
    readonly firewallSubnetPrefix?: string;
    readonly allowedFqdns?: readonly string[];
    /** @default - `<hub name>-fw` / `<hub name>-egress` */
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
  readonly egress?: NorwayHubEgress;
  /** The hub subnets' route to the firewall (firewall egress). */
  readonly routeTable?: RouteTable;

  constructor(scope: Construct, id: string, props: HubNetworkProps) {
    super(scope, id);
    const problems = new Problems(this);
    validateNetworkProps(problems, props);
    if (props.bastion && !/\/(2[0-6]|1\d|\d)$/.test(props.bastion.subnetPrefix)) {
      problems.add(
        `bastion.subnetPrefix ${props.bastion.subnetPrefix} is smaller than the /26 Azure Bastion needs`,
      );
    }
    if (props.egress?.mode === 'firewall' && !props.firewallPrivateIp)
      problems.add(
        'egress through the firewall needs firewallPrivateIp (its address in firewallSubnetPrefix)',
      );
    problems.throwIfAny();

    // The hub's own subnets (runners, endpoints) go out through the firewall like the spokes do.
    if (props.egress?.mode === 'firewall') {
      this.routeTable = new RouteTable(this, 'RouteTable', {
        name: `${props.name}-rt`,
        location: props.region,
        resourceGroupName: props.resourceGroupName,
        bgpRoutePropagationEnabled: false,
        route: [
          {
            name: 'egress-via-firewall',
            addressPrefix: '0.0.0.0/0',
            nextHopType: 'VirtualAppliance',
            nextHopInIpAddress: props.firewallPrivateIp,
          },
        ],
        tags: props.tags ? { ...props.tags } : undefined,
      });
    }

    // Bastion's subnet carries the rules Azure requires for it, apart from the workload subnets.
    const parts = new NetworkParts(this, props, {
      routeTableId: this.routeTable?.id,
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
    if (props.egress) {
      const mode = props.egress.mode;
      this.egress = new NorwayHubEgress(this, 'Egress', {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        name: props.egress.name ?? `${props.name}-${mode === 'firewall' ? 'fw' : 'egress'}`,
        virtualNetworkName: this.virtualNetworkName,
        mode,
        firewallSubnetPrefix: props.egress.firewallSubnetPrefix,
        allowedFqdns: props.egress.allowedFqdns,
        natSubnetIds: mode === 'natGateway' ? Object.values(this.subnetIds) : undefined,
        diagnosticSettings: props.diagnosticSettings,
        tags: props.tags,
      });
    }
  }
}
