/**
 * The hub's one controlled way out to the internet. `firewall` (the default): Azure Firewall in
 * `AzureFirewallSubnet` with a policy that allows HTTPS only to an FQDN allow-list (what runners and
 * VMs need: GitHub, the npm registry, Terraform releases, Azure Resource Manager and Entra ID) and
 * denies everything else; its logs go to the Norway workspace. Spokes already route 0.0.0.0/0 to its
 * address. `natGateway`: a NAT gateway on the hub subnets only, for a hub without a firewall; the
 * spokes' route to the firewall address then leads nowhere, so trusts keep no egress (the safe way round).
 */
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import { NatGateway } from '@cdktf/provider-azurerm/lib/nat-gateway';
import { NatGatewayPublicIpAssociation } from '@cdktf/provider-azurerm/lib/nat-gateway-public-ip-association';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNatGatewayAssociation } from '@cdktf/provider-azurerm/lib/subnet-nat-gateway-association';
import type { DiagnosticSettingsOption, NorwayConstructProps } from '../core/interfaces';
import { NorwayRegion, regionCapabilities } from '../core/region';
import { Problems } from '../core/validation';
import { addDiagnosticSettings, validateDiagnosticSettings } from '../interfaces/diagnostic-settings';

export type EgressMode = 'firewall' | 'natGateway';

/** GitHub Actions' result and artifact storage accounts (Azure Firewall allows a wildcard only in front). */
const GITHUB_RESULTS = Array.from({ length: 20 }, (_, i) => `productionresultssa${i}.blob.core.windows.net`);

/** What self-hosted runners and the trusts' VMs reach, and nothing else. */
export const DEFAULT_EGRESS_FQDNS: readonly string[] = [
  // GitHub: the runner service, checkout, actions and their downloads, job logs and artifacts
  'github.com',
  'api.github.com',
  'codeload.github.com',
  '*.actions.githubusercontent.com',
  '*.githubusercontent.com',
  'ghcr.io',
  ...GITHUB_RESULTS,
  // npm ci and actions/setup-node
  'registry.npmjs.org',
  'nodejs.org',
  // Terraform and its providers
  'releases.hashicorp.com',
  'registry.terraform.io',
  // Azure Resource Manager and Entra ID sign-in (OIDC token exchange)
  'management.azure.com',
  'login.microsoftonline.com',
  // Operating-system updates of the Ubuntu VMs
  'azure.archive.ubuntu.com',
  'security.ubuntu.com',
];

/**
 * Until when the egress public IP's NET-004 suppression (`approveEgressPublicIp` in the stacks) holds by
 * default: reviewed yearly.
 */
export const EGRESS_PUBLIC_IP_REVIEW_UNTIL = '2027-11-24';
export const EGRESS_PUBLIC_IP_REASON =
  'The hub egress address: outbound only (no inbound rule or DNAT), HTTPS to an FQDN allow-list through Azure Firewall or the NAT gateway of the hub subnets.';

/** Private ranges the firewall accepts traffic from: the peered hub and spokes. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

export interface NorwayHubEgressProps extends NorwayConstructProps {
  readonly name: string;
  readonly virtualNetworkName: string;
  /** @default 'firewall' */
  readonly mode?: EgressMode;
  /** `AzureFirewallSubnet` prefix, at least a /26 (firewall mode). */
  readonly firewallSubnetPrefix?: string;
  /** FQDNs allowed on top of `DEFAULT_EGRESS_FQDNS` (firewall mode). @default - none */
  readonly allowedFqdns?: readonly string[];
  /** Subnets that get the NAT gateway (NAT mode). @default - none */
  readonly natSubnetIds?: readonly string[];
  /** Firewall logs (which FQDN was allowed or denied, from where) to a workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
}

const FQDN = /^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/;

export class NorwayHubEgress extends Construct {
  readonly region: NorwayRegion;
  readonly publicIp: PublicIp;
  readonly firewall?: Firewall;
  readonly natGateway?: NatGateway;
  /** The allow-list in effect (firewall mode). */
  readonly allowedFqdns: readonly string[];

  constructor(scope: Construct, id: string, props: NorwayHubEgressProps) {
    super(scope, id);
    const mode = props.mode ?? 'firewall';
    const problems = new Problems(this);
    problems.region(props.region);
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    if (mode === 'firewall' && !props.firewallSubnetPrefix)
      problems.add('firewall mode needs firewallSubnetPrefix');
    if (props.firewallSubnetPrefix && !/\/(2[0-6]|1\d)$/.test(props.firewallSubnetPrefix))
      problems.add(
        `firewallSubnetPrefix ${props.firewallSubnetPrefix} is smaller than the /26 Azure Firewall needs`,
      );
    for (const fqdn of props.allowedFqdns ?? [])
      // A name built from a token (a workspace id) is checked by Azure when it is applied.
      if (!Token.isUnresolved(fqdn) && !FQDN.test(fqdn))
        problems.add(`allowedFqdns: ${JSON.stringify(fqdn)} is not a host name (a leading *. is allowed)`);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    const zones = regionCapabilities(props.region).zones;
    const base = { location: props.region, resourceGroupName: props.resourceGroupName, tags };
    this.publicIp = new PublicIp(this, 'PublicIp', {
      ...base,
      name: `${props.name}-pip`,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones: zones.length > 0 ? [...zones] : undefined,
    });
    // The public IP is approved (NET-004 suppressed) by the stack, not here (constructs do not import the
    // policy engine): see `approveEgressPublicIp` in stacks/egress-approval.ts.
    this.allowedFqdns = [...new Set([...DEFAULT_EGRESS_FQDNS, ...(props.allowedFqdns ?? [])])];

    if (mode === 'natGateway') {
      this.natGateway = new NatGateway(this, 'NatGateway', {
        ...base,
        name: `${props.name}-nat`,
        skuName: 'Standard',
      });
      new NatGatewayPublicIpAssociation(this, 'NatGatewayIp', {
        natGatewayId: this.natGateway.id,
        publicIpAddressId: this.publicIp.id,
      });
      (props.natSubnetIds ?? []).forEach((subnetId, i) => {
        new SubnetNatGatewayAssociation(this, `NatSubnet${i}`, {
          subnetId,
          natGatewayId: this.natGateway!.id,
        });
      });
      return;
    }

    // Azure requires this exact name, and no NSG or route table on it.
    const subnet = new Subnet(this, 'FirewallSubnet', {
      name: 'AzureFirewallSubnet',
      resourceGroupName: props.resourceGroupName,
      virtualNetworkName: props.virtualNetworkName,
      addressPrefixes: [props.firewallSubnetPrefix!],
    });
    const policy = new FirewallPolicy(this, 'Policy', {
      ...base,
      name: `${props.name}-policy`,
      sku: 'Standard',
      threatIntelligenceMode: 'Deny',
      // FQDN rules need the firewall to resolve names as the clients do.
      dns: { proxyEnabled: true },
    });
    new FirewallPolicyRuleCollectionGroup(this, 'Rules', {
      name: 'egress-allow-list',
      firewallPolicyId: policy.id,
      priority: 200,
      applicationRuleCollection: [
        {
          name: 'allow-https-to-allow-list',
          priority: 100,
          action: 'Allow',
          rule: [
            {
              name: 'runners-and-vms',
              sourceAddresses: PRIVATE_RANGES,
              protocols: [{ type: 'Https', port: 443 }],
              destinationFqdns: [...this.allowedFqdns],
            },
          ],
        },
      ],
    });
    this.firewall = new Firewall(this, 'Resource', {
      ...base,
      name: props.name,
      skuName: 'AZFW_VNet',
      skuTier: 'Standard',
      firewallPolicyId: policy.id,
      zones: zones.length > 0 ? [...zones] : undefined,
      ipConfiguration: [{ name: 'ipconfig', subnetId: subnet.id, publicIpAddressId: this.publicIp.id }],
    });
    addDiagnosticSettings(this, this.firewall.id, props.diagnosticSettings);
  }
}
