/**
 * A platform stack: what one environment needs in one region before any trust can land there: the hub
 * network with its private DNS zones, the Log Analytics workspace every diagnostic setting points at, a
 * Key Vault for customer-managed keys, the backup vault, and a private endpoint to the Terraform state
 * account so deployment runners in the hub reach state without the public internet. Production has two:
 * the primary (Norway East) and the disaster-recovery site (Norway West).
 */
import { Construct } from 'constructs';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { addPrivateEndpoints } from '../constructs/interfaces/private-endpoints';
import { NorwayRecoveryVault } from '../constructs/backup/recovery-vault';
import { NorwayResourceGroup } from '../constructs/core/resource-group';
import { NorwayKeyVault } from '../constructs/keyvault/key-vault';
import { NorwayLogAnalyticsWorkspace } from '../constructs/monitoring/log-analytics-workspace';
import { HubNetwork } from '../constructs/network/hub-network';
import { PrivateDnsZones } from '../constructs/network/private-dns-zones';
import { NORWAY_WEST_APPROVAL_TAG } from '../policies/rules/residency/res-007-norway-west-approval';
import { publicNetworkAccessFor, suppressBootstrapAccess } from './bootstrap-access';
import { approveEgressPublicIp } from './egress-approval';
import { aksEgressFqdns } from '../constructs/containers/kubernetes-cluster';
import { planReaderAssignments } from './plan-readers';
import { hubPlan, HubPlan, SUBNET } from './address-plan';
import type { EnvironmentConfig, PlatformConfig, SiteConfig } from './config/schema';
import { platformNames, platformStackId, SiteRole } from './naming';
import { NorwayStack, NorwayStackProps, StateBackendConfig } from './norway-stack';
import { BLOB_ZONE, ESTATE_DNS_ZONES, VAULT_ZONE } from './dns-zones';

export {
  BLOB_ZONE,
  FILE_ZONE,
  HEALTH_DATA_ZONES,
  POSTGRESQL_ZONE,
  SERVICE_BUS_ZONE,
  SQL_ZONE,
  VAULT_ZONE,
} from './dns-zones';
/** The zones a hub has without applications or extensions. */
export const PLATFORM_DNS_ZONES: readonly string[] = ESTATE_DNS_ZONES;

export interface PlatformStackProps {
  readonly config: PlatformConfig;
  readonly environment: EnvironmentConfig;
  /** Which site of the environment: its primary region or its disaster-recovery region. */
  readonly role: SiteRole;
  readonly state: StateBackendConfig;
  /**
   * For a DR site: the environment's primary platform stack. The two hubs are peered, so replication
   * and restores between Norway East and Norway West stay on Microsoft's private backbone.
   * @default - none (a primary site)
   */
  readonly primary?: PlatformStack;
  /** @default - the whole catalogue, today's date */
  readonly policy?: NorwayStackProps['policy'];
  /**
   * The hub's private DNS zones: what the estate puts behind private endpoints (`requiredDnsZones`).
   * @default PLATFORM_DNS_ZONES
   */
  readonly dnsZones?: readonly string[];
}

export class PlatformStack extends NorwayStack {
  readonly environment: EnvironmentConfig;
  readonly role: SiteRole;
  readonly site: SiteConfig;
  readonly plan: HubPlan;
  readonly resourceGroup: NorwayResourceGroup;
  readonly logs: NorwayLogAnalyticsWorkspace;
  readonly hub: HubNetwork;
  readonly dnsZones: PrivateDnsZones;
  readonly keyVault: NorwayKeyVault;
  readonly backupVault: NorwayRecoveryVault;

  constructor(scope: Construct, props: PlatformStackProps) {
    const { config, environment, role } = props;
    const site = role === 'primary' ? environment.primary : environment.dr;
    if (!site) throw new Error(`environment ${environment.name} has no ${role} site`);
    super(scope, platformStackId(environment.name, site.region), {
      region: site.region,
      state: props.state,
      // Choosing Norway West in the configuration is the opt-in; the dr-approval tag records why.
      norwayWestApproved: site.region === 'norwaywest',
      subscriptionId: config.subscriptionId,
      tags: {
        ...config.tags,
        environment: environment.name,
        'site-role': role,
        ...(site.region === 'norwaywest'
          ? { [NORWAY_WEST_APPROVAL_TAG]: site.approval ?? `disaster recovery for ${environment.name}` }
          : {}),
      },
      policy: props.policy,
    });
    this.environment = environment;
    this.role = role;
    this.site = site;
    this.plan = hubPlan(site.hubAddressSpace);
    const names = platformNames(config, environment, site.region);
    const region = this.region;

    this.resourceGroup = new NorwayResourceGroup(this, 'ResourceGroup', {
      region,
      name: names.resourceGroup,
    });
    const resourceGroupName = this.resourceGroup.name;
    this.logs = new NorwayLogAnalyticsWorkspace(this, 'Logs', {
      region,
      resourceGroupName,
      name: names.logAnalytics,
    });
    const diagnosticSettings = { workspaceId: this.logs.workspaceId };

    // Private clusters run in the primary site and send their traffic through its firewall.
    const runsAks = config.trusts.some((t) => Object.values(t.apps).some((a) => a.kind === 'aks'));
    const aksEgress =
      runsAks && role === 'primary' ? aksEgressFqdns(region, this.logs.resource.workspaceId) : [];
    this.hub = new HubNetwork(this, 'Hub', {
      region,
      resourceGroupName,
      name: names.hubNetwork,
      addressSpace: [site.hubAddressSpace],
      subnets: [
        { name: SUBNET.privateEndpoints, addressPrefixes: [this.plan.privateEndpoints] },
        { name: SUBNET.management, addressPrefixes: [this.plan.management] },
      ],
      firewallPrivateIp: this.plan.firewallPrivateIp,
      egress: {
        mode: config.egress.mode,
        firewallSubnetPrefix: this.plan.firewallSubnet,
        allowedFqdns: [...config.egress.allowedFqdns, ...aksEgress],
      },
      diagnosticSettings,
    });
    if (this.hub.egress) approveEgressPublicIp(this.hub.egress);
    this.dnsZones = new PrivateDnsZones(this, 'PrivateDns', {
      resourceGroupName,
      zones: props.dnsZones ?? PLATFORM_DNS_ZONES,
      virtualNetworks: { [names.hubNetwork]: this.hub.virtualNetworkId },
    });
    const endpointSubnet = this.hub.subnetIds[SUBNET.privateEndpoints];

    // Who runs Terraform: its tenant, subscription, and the identity that creates keys in the vault.
    const client = new DataAzurermClientConfig(this, 'Client', {});
    this.keyVault = new NorwayKeyVault(this, 'KeyVault', {
      region,
      resourceGroupName,
      name: names.keyVault,
      tenantId: config.access.homeTenantId,
      diagnosticSettings,
      // The first deployment creates keys here before any runner sits in the hub.
      publicNetworkAccess: publicNetworkAccessFor(config.bootstrapAccess),
      privateEndpoints: {
        vault: { subnetId: endpointSubnet, privateDnsZoneIds: [this.dnsZones.zoneId(VAULT_ZONE)] },
      },
      roleAssignments: {
        deployer: {
          roleDefinitionName: 'Key Vault Crypto Officer',
          principalId: client.objectId,
          description: 'The deployment identity creates the customer-managed keys of this environment.',
        },
        ...planReaderAssignments(config, 'keyVault'),
      },
    });

    if (props.primary) {
      const primary = props.primary;
      new VirtualNetworkPeering(this, 'PeeringToPrimary', {
        name: `${names.hubNetwork}-to-primary`,
        resourceGroupName,
        virtualNetworkName: this.hub.virtualNetworkName,
        remoteVirtualNetworkId: primary.hub.virtualNetworkId,
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: true,
      });
      new VirtualNetworkPeering(this, 'PeeringFromPrimary', {
        name: `${platformNames(config, environment, primary.region).hubNetwork}-to-dr`,
        resourceGroupName: primary.resourceGroup.name,
        virtualNetworkName: primary.hub.virtualNetworkName,
        remoteVirtualNetworkId: this.hub.virtualNetworkId,
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: true,
      });
    }

    suppressBootstrapAccess(config.bootstrapAccess, this.keyVault);

    // Backups geo-replicated to the paired Norway region, restorable there (cross-region restore).
    this.backupVault = new NorwayRecoveryVault(this, 'Backup', {
      region,
      resourceGroupName,
      name: names.backupVault,
      customerManagedKey: { keyVault: this.keyVault },
      diagnosticSettings,
    });

    // Runners in the management subnet reach Terraform state through this endpoint, never the internet.
    const stateSubscription = config.state.subscriptionId ?? config.subscriptionId ?? client.subscriptionId;
    addPrivateEndpoints(
      new Construct(this, 'StateAccess'),
      {
        region,
        resourceGroupName,
        resourceId: `/subscriptions/${stateSubscription}/resourceGroups/${config.state.resourceGroupName}/providers/Microsoft.Storage/storageAccounts/${config.state.storageAccountName}`,
        resourceName: config.state.storageAccountName,
        defaultSubresource: 'blob',
      },
      {
        blob: {
          subnetId: endpointSubnet,
          privateDnsZoneIds: [this.dnsZones.zoneId(BLOB_ZONE)],
          name: `${config.state.storageAccountName}-pe-blob-${names.hubNetwork}`,
        },
      },
    );
  }
}
