/**
 * Azure Bastion: the one sanctioned public entry. Administrators reach machines over TLS through the
 * Entra ID-authenticated Azure portal or CLI; no VM has a public address or an open SSH/RDP port.
 * Its public IP needs a NET-004 suppression with a reason and an expiry, which the stack that deploys it adds.
 */
import { Construct } from 'constructs';
import { BastionHost } from '@cdktf/provider-azurerm/lib/bastion-host';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { addDiagnosticSettings, validateDiagnosticSettings } from '../interfaces';
import type { DiagnosticSettingsOption, NorwayConstructProps } from '../core/interfaces';
import { NorwayRegion, regionCapabilities } from '../core/region';
import { Problems } from '../core/validation';
import type { OutboundRule, InboundAllowRule } from './network-security-group';

/** Until when the Bastion public IP's NET-004 suppression holds by default: reviewed yearly. */
export const BASTION_PUBLIC_IP_REVIEW_UNTIL = '2027-11-24';

export const BASTION_PUBLIC_IP_REASON =
  'Azure Bastion is the one sanctioned public entry: TLS 443 only, Entra ID sign-in, no VM has a public IP or open SSH/RDP.';

export interface NorwayBastionProps extends NorwayConstructProps {
  readonly name: string;
  /** The `AzureBastionSubnet` of the hub. */
  readonly subnetId: string;
  /** Required: Bastion audit logs (who opened which session) to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** @default 'Standard' */
  readonly sku?: 'Basic' | 'Standard' | 'Premium';
}

/** The NSG rules Azure requires on `AzureBastionSubnet` (learn.microsoft.com "NSG access and Azure Bastion"). */
export const BASTION_INBOUND: readonly InboundAllowRule[] = [
  {
    name: 'AllowHttpsInbound',
    priority: 120,
    protocol: 'Tcp',
    sources: ['Internet'],
    ports: [443],
    destinations: ['*'],
    fromInternet: {
      relaxed: true,
      justification: 'Azure Bastion accepts TLS sessions on 443 from administrators signed in with Entra ID',
    },
  },
  {
    name: 'AllowGatewayManagerInbound',
    priority: 130,
    protocol: 'Tcp',
    sources: ['GatewayManager'],
    ports: [443],
    destinations: ['*'],
  },
  {
    name: 'AllowAzureLoadBalancerInbound',
    priority: 140,
    protocol: 'Tcp',
    sources: ['AzureLoadBalancer'],
    ports: [443],
    destinations: ['*'],
  },
  {
    name: 'AllowBastionHostCommunication',
    priority: 150,
    protocol: '*',
    sources: ['VirtualNetwork'],
    ports: [8080, 5701],
  },
];

export const BASTION_OUTBOUND: readonly OutboundRule[] = [
  {
    name: 'AllowSshRdpOutbound',
    priority: 100,
    access: 'Allow',
    protocol: '*',
    sources: ['*'],
    destinations: ['VirtualNetwork'],
    ports: [22, 3389],
  },
  {
    name: 'AllowAzureCloudOutbound',
    priority: 110,
    access: 'Allow',
    protocol: 'Tcp',
    sources: ['*'],
    destinations: ['AzureCloud'],
    ports: [443],
  },
  {
    name: 'AllowBastionCommunication',
    priority: 120,
    access: 'Allow',
    protocol: '*',
    sources: ['VirtualNetwork'],
    destinations: ['VirtualNetwork'],
    ports: [8080, 5701],
  },
  {
    name: 'AllowHttpOutbound',
    priority: 130,
    access: 'Allow',
    protocol: '*',
    sources: ['*'],
    destinations: ['Internet'],
    ports: [80],
  },
];

export class NorwayBastion extends Construct {
  readonly resource: BastionHost;
  readonly publicIp: PublicIp;
  readonly region: NorwayRegion;
  readonly id: string;

  constructor(scope: Construct, id: string, props: NorwayBastionProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    const zones = regionCapabilities(props.region).zones;
    this.publicIp = new PublicIp(this, 'PublicIp', {
      name: `${props.name}-pip`,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones: zones.length > 0 ? [...zones] : undefined,
      tags,
    });
    // The NET-004 suppression of this IP is the stack's decision (constructs never import the policy
    // engine): see `approveBastionPublicIp` in stacks/bastion-approval.ts.

    this.resource = new BastionHost(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: props.sku ?? 'Standard',
      // Nothing that moves files or hands out links: sessions only.
      copyPasteEnabled: false,
      fileCopyEnabled: false,
      shareableLinkEnabled: false,
      tunnelingEnabled: false,
      ipConnectEnabled: false,
      ipConfiguration: { name: 'ipconfig', subnetId: props.subnetId, publicIpAddressId: this.publicIp.id },
      tags,
    });
    this.id = this.resource.id;
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings);
  }
}
