/** What hub and spoke networks share: a virtual network in Norway whose every subnet has an NSG. */
import { Construct } from 'constructs';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { addDiagnosticSettings, validateDiagnosticSettings } from '../interfaces';
import type { DiagnosticSettingsOption, NorwayConstructProps } from '../core/interfaces';
import type { NorwayRegion } from '../core/region';
import { Problems } from '../core/validation';
import type { OutboundRule } from './network-security-group';
import { NorwaySubnet, SubnetConfig } from './subnet';

export interface NorwayVirtualNetworkProps extends NorwayConstructProps {
  /** Virtual network name. */
  readonly name: string;
  /** CIDR ranges of the network. */
  readonly addressSpace: readonly string[];
  /** Subnets; each gets its own network security group that denies internet inbound. */
  readonly subnets: readonly SubnetConfig[];
  /** Required: NSG and network logs to a Log Analytics workspace in Norway (LOG-001). */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** @default - Azure-provided DNS (which resolves the linked private DNS zones) */
  readonly dnsServers?: readonly string[];
}

/** The part of a network other constructs reference. */
export interface INorwayVirtualNetwork {
  readonly region: NorwayRegion;
  readonly resourceGroupName: string;
  readonly virtualNetworkId: string;
  readonly virtualNetworkName: string;
}

/** Subnet names Azure reserves for its own services; they are not ordinary workload subnets. */
const RESERVED_SUBNETS = [
  'AzureBastionSubnet',
  'AzureFirewallSubnet',
  'AzureFirewallManagementSubnet',
  'GatewaySubnet',
  'RouteServerSubnet',
];

export function validateNetworkProps(problems: Problems, props: NorwayVirtualNetworkProps): void {
  problems.region(props.region);
  validateDiagnosticSettings(problems, props.diagnosticSettings);
  if (props.addressSpace.length === 0) problems.add('addressSpace is empty');
  const seen = new Set<string>();
  for (const subnet of props.subnets) {
    if (seen.has(subnet.name)) problems.add(`subnet ${subnet.name} is listed twice`);
    seen.add(subnet.name);
    if (RESERVED_SUBNETS.includes(subnet.name)) {
      problems.add(
        `subnet ${subnet.name} is reserved for an Azure service; use the construct's option for it (e.g. HubNetwork bastion)`,
      );
    }
    if (subnet.addressPrefixes.length === 0) problems.add(`subnet ${subnet.name} has no addressPrefixes`);
  }
}

export interface NetworkPartsOptions {
  /** Route table for the workload subnets. */
  readonly routeTableId?: string;
  /** Subnets of Azure services (e.g. `AzureBastionSubnet`) with the rules the service needs; no route table. */
  readonly platformSubnets?: readonly {
    readonly config: SubnetConfig;
    readonly outbound?: readonly OutboundRule[];
  }[];
}

/** Builds the virtual network and its subnets into `scope`. */
export class NetworkParts {
  readonly virtualNetwork: VirtualNetwork;
  readonly subnets: Record<string, NorwaySubnet> = {};

  constructor(scope: Construct, props: NorwayVirtualNetworkProps, options: NetworkPartsOptions = {}) {
    this.virtualNetwork = new VirtualNetwork(scope, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      addressSpace: [...props.addressSpace],
      dnsServers: props.dnsServers ? [...props.dnsServers] : undefined,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    const all = [
      ...props.subnets.map((config) => ({ config, outbound: undefined, routeTableId: options.routeTableId })),
      ...(options.platformSubnets ?? []).map((p) => ({ ...p, routeTableId: undefined })),
    ];
    for (const { config, outbound, routeTableId } of all) {
      this.subnets[config.name] = new NorwaySubnet(scope, `Subnet-${config.name}`, {
        ...config,
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        virtualNetworkName: this.virtualNetwork.name,
        networkSecurityGroupName: `${props.name}-${config.name}-nsg`,
        diagnosticSettings: props.diagnosticSettings,
        outbound,
        routeTableId,
        tags: props.tags,
      });
    }
    addDiagnosticSettings(scope, this.virtualNetwork.id, props.diagnosticSettings);
  }

  subnetIds(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.subnets).map(([name, s]) => [name, s.id]));
  }
}
