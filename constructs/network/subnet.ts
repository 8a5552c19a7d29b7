/** A subnet with its own network security group and, optionally, a route table. */
import { Construct } from 'constructs';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import type { DiagnosticSettingsOption } from '../core/interfaces';
import type { NorwayRegion } from '../core/region';
import type { Tags } from '../core/tags';
import { InboundAllowRule, NorwayNetworkSecurityGroup, OutboundRule } from './network-security-group';

/** What a network's `subnets` entry says. */
export interface SubnetConfig {
  /** Subnet name; also the key in `subnetIds`. */
  readonly name: string;
  readonly addressPrefixes: readonly string[];
  /** @default - none (internet inbound is always denied) */
  readonly allowInbound?: readonly InboundAllowRule[];
  /** @default - none */
  readonly serviceEndpoints?: readonly string[];
  /** Delegate the subnet to a service, e.g. `Microsoft.DBforPostgreSQL/flexibleServers`. @default - none */
  readonly delegation?: { readonly service: string; readonly actions?: readonly string[] };
}

export interface NorwaySubnetProps extends SubnetConfig {
  readonly region: NorwayRegion;
  readonly resourceGroupName: string;
  readonly virtualNetworkName: string;
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** @default - `<virtualNetworkName>-<name>-nsg` */
  readonly networkSecurityGroupName?: string;
  /** Outbound rules the subnet's platform service needs. @default - none */
  readonly outbound?: readonly OutboundRule[];
  /** @default - none */
  readonly routeTableId?: string;
  /** @default - none */
  readonly tags?: Tags;
}

export class NorwaySubnet extends Construct {
  readonly resource: Subnet;
  readonly networkSecurityGroup: NorwayNetworkSecurityGroup;
  readonly id: string;
  readonly subnetId: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: NorwaySubnetProps) {
    super(scope, id);
    this.resource = new Subnet(this, 'Resource', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      virtualNetworkName: props.virtualNetworkName,
      addressPrefixes: [...props.addressPrefixes],
      // No implicit outbound internet address: egress goes where the route table sends it.
      defaultOutboundAccessEnabled: false,
      // NSGs and route tables apply to private endpoints too.
      privateEndpointNetworkPolicies: 'Enabled',
      serviceEndpoints: props.serviceEndpoints ? [...props.serviceEndpoints] : undefined,
      delegation: props.delegation
        ? [
            {
              name: props.delegation.service.replace(/[^A-Za-z0-9]/g, '-'),
              serviceDelegation: {
                name: props.delegation.service,
                actions: props.delegation.actions ? [...props.delegation.actions] : undefined,
              },
            },
          ]
        : undefined,
    });
    this.id = this.resource.id;
    this.subnetId = this.resource.id;
    this.name = props.name;
    this.networkSecurityGroup = new NorwayNetworkSecurityGroup(this, 'Nsg', {
      region: props.region,
      resourceGroupName: props.resourceGroupName,
      name: props.networkSecurityGroupName ?? `${props.virtualNetworkName}-${props.name}-nsg`,
      allowInbound: props.allowInbound,
      outbound: props.outbound,
      diagnosticSettings: props.diagnosticSettings,
      tags: props.tags,
    });
    new SubnetNetworkSecurityGroupAssociation(this, 'NsgAssociation', {
      subnetId: this.resource.id,
      networkSecurityGroupId: this.networkSecurityGroup.id,
    });
    if (props.routeTableId) {
      new SubnetRouteTableAssociation(this, 'RouteTableAssociation', {
        subnetId: this.resource.id,
        routeTableId: props.routeTableId,
      });
    }
  }
}
