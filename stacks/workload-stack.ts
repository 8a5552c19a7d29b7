/**
 * A workload stack: one hospital trust in one environment. Its spoke network is peered both ways with
 * the environment's hub and sends egress through the hub firewall; its compute and storage log to the
 * environment's workspace and are encrypted with keys from the environment's Key Vault. Values from the
 * platform stack (hub network id, workspace id, vault id, DNS zone ids) arrive as cdktf cross-stack
 * references, which also put the dependency into manifest.json.
 *
 * Everything a trust adds lives here, including the hub side of its peering: adding a trust adds two
 * stacks and changes none.
 */
import { Construct } from 'constructs';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { NorwayLinuxVmScaleSet } from '../constructs/compute/linux-vm-scale-set';
import { NorwayResourceGroup } from '../constructs/core/resource-group';
import { SpokeNetwork } from '../constructs/network/spoke-network';
import { buildApp } from './apps';
import { NorwayStorageAccount } from '../constructs/storage/storage-account';
import { SpokePlan, spokePlan, SUBNET } from './address-plan';
import type { EnvironmentConfig, PlatformConfig, TrustConfig, WorkloadConfig } from './config/schema';
import { workloadNames, workloadStackId } from './naming';
import { planReaderAssignments } from './plan-readers';
import { NorwayStack, NorwayStackProps, StateBackendConfig } from './norway-stack';
import { BLOB_ZONE, PlatformStack } from './platform-stack';

export interface WorkloadStackProps {
  readonly config: PlatformConfig;
  readonly trust: TrustConfig;
  readonly environment: EnvironmentConfig;
  /** The platform stack of the environment's primary region. */
  readonly platform: PlatformStack;
  /** The platform stack in the pair region (the DR site), whose Key Vault holds geo-backup keys. @default - none */
  readonly pairPlatform?: PlatformStack;
  readonly state: StateBackendConfig;
  /** @default - the whole catalogue, today's date */
  readonly policy?: NorwayStackProps['policy'];
}

export class WorkloadStack extends NorwayStack {
  readonly trust: TrustConfig;
  readonly environment: EnvironmentConfig;
  readonly workload: WorkloadConfig;
  readonly plan: SpokePlan;
  readonly resourceGroup: NorwayResourceGroup;
  readonly spoke: SpokeNetwork;
  readonly storage: NorwayStorageAccount;
  readonly compute: NorwayLinuxVmScaleSet;
  /** The trust's applications by name (`apps:` in the configuration). */
  readonly apps: Readonly<Record<string, Construct>>;

  constructor(scope: Construct, props: WorkloadStackProps) {
    const { config, trust, environment, platform } = props;
    const workload = trust.environments[environment.name];
    if (!workload) throw new Error(`trust ${trust.name} does not run in environment ${environment.name}`);
    super(scope, workloadStackId(trust.name, environment.name), {
      region: environment.primary.region,
      state: props.state,
      subscriptionId: config.subscriptionId,
      tags: { ...config.tags, environment: environment.name, trust: trust.name },
      policy: props.policy,
    });
    this.trust = trust;
    this.environment = environment;
    this.workload = workload;
    this.plan = spokePlan(workload.addressSpace);
    const names = workloadNames(config, trust, environment);
    const region = this.region;

    this.resourceGroup = new NorwayResourceGroup(this, 'ResourceGroup', {
      region,
      name: names.resourceGroup,
    });
    const resourceGroupName = this.resourceGroup.name;
    const diagnosticSettings = { workspaceId: platform.logs.workspaceId };
    // Delegated subnets only for the kinds that need them: a trust without web or container apps keeps its spoke.
    const kinds = new Set(Object.values(trust.apps).map((a) => a.kind));

    const hasGateway = Object.values(trust.apps).some((a) => a.kind === 'gateway');
    this.spoke = new SpokeNetwork(this, 'Spoke', {
      region,
      resourceGroupName,
      name: names.spokeNetwork,
      addressSpace: [workload.addressSpace],
      subnets: [
        { name: SUBNET.workload, addressPrefixes: [this.plan.workload] },
        { name: SUBNET.privateEndpoints, addressPrefixes: [this.plan.privateEndpoints] },
        ...(kinds.has('webapp')
          ? [
              {
                name: SUBNET.webIntegration,
                addressPrefixes: [this.plan.webIntegration],
                delegation: { service: 'Microsoft.Web/serverFarms' },
              },
            ]
          : []),
        ...(kinds.has('containerapp')
          ? [
              {
                name: SUBNET.containerApps,
                addressPrefixes: [this.plan.containerApps],
                delegation: { service: 'Microsoft.App/environments' },
              },
            ]
          : []),
      ],
      hub: platform.hub,
      diagnosticSettings,
      // An Application Gateway v2 subnet cannot send 0.0.0.0/0 to a firewall: no route table, and the
      // NSG admits HTTPS (and the HTTP redirect) only from the approved ranges, plus Azure's control plane.
      serviceSubnets: hasGateway
        ? [
            {
              name: SUBNET.ingress,
              addressPrefixes: [this.plan.ingress],
              allowInbound: [
                {
                  name: 'AllowApprovedHttpsInbound',
                  priority: 100,
                  protocol: 'Tcp',
                  sources: config.access.approvedRanges,
                  ports: [443, 80],
                  destinations: ['*'],
                },
                {
                  name: 'AllowGatewayManagerInbound',
                  priority: 110,
                  protocol: 'Tcp',
                  sources: ['GatewayManager'],
                  ports: ['65200-65535'],
                  destinations: ['*'],
                },
                {
                  name: 'AllowAzureLoadBalancerInbound',
                  priority: 120,
                  protocol: '*',
                  sources: ['AzureLoadBalancer'],
                  ports: ['*'],
                  destinations: ['*'],
                },
              ],
            },
          ]
        : undefined,
    });
    // The spoke resolves the hub's private DNS zones (its own endpoints register there too).
    for (const [zone, resource] of Object.entries(platform.dnsZones.zones)) {
      new PrivateDnsZoneVirtualNetworkLink(
        this,
        `DnsLink-${zone.replace(/^privatelink\./, '').replace(/[^A-Za-z0-9]+/g, '-')}`,
        {
          name: `${names.spokeNetwork}-link`,
          resourceGroupName: platform.resourceGroup.name,
          privateDnsZoneName: resource.name,
          virtualNetworkId: this.spoke.virtualNetworkId,
          registrationEnabled: false,
        },
      );
    }

    // Stateless application servers: the trust's data lives in its storage account (GZRS, versioned).
    this.compute = new NorwayLinuxVmScaleSet(this, 'Compute', {
      region,
      resourceGroupName,
      name: names.scaleSet,
      subnetId: this.spoke.subnetIds[SUBNET.workload],
      instances: workload.instances,
      size: workload.vmSize,
      // The environment's zones, stated explicitly: an environment without zones gets none.
      zones: environment.primary.zones,
      sshPublicKeys: config.compute.sshPublicKeys,
      adminUsername: config.compute.adminUsername,
      customerManagedKey: { keyVault: platform.keyVault },
    });

    this.storage = new NorwayStorageAccount(this, 'Storage', {
      region,
      resourceGroupName,
      name: names.storageAccount,
      customerManagedKey: { keyVault: platform.keyVault },
      diagnosticSettings,
      roleAssignments: planReaderAssignments(config, 'storage'),
      privateEndpoints: {
        blob: {
          subnetId: this.spoke.subnetIds[SUBNET.privateEndpoints],
          privateDnsZoneIds: [platform.dnsZones.zoneId(BLOB_ZONE)],
        },
      },
    });

    // The trust's applications: each a construct under `App-<name>`, private in the spoke.
    const apps: Record<string, Construct> = {};
    for (const [appName, app] of Object.entries(trust.apps)) {
      apps[appName] = buildApp(this, appName, app, {
        config,
        trust,
        environment,
        platform,
        pairPlatform: props.pairPlatform,
        resourceGroupName,
        endpointSubnetId: this.spoke.subnetIds[SUBNET.privateEndpoints],
        workloadSubnetId: this.spoke.subnetIds[SUBNET.workload],
        webIntegrationSubnetId: this.spoke.subnetIds[SUBNET.webIntegration],
        containerAppsSubnetId: this.spoke.subnetIds[SUBNET.containerApps],
        spokeNetworkId: this.spoke.virtualNetworkId,
        ingressSubnetId: this.spoke.subnetIds[SUBNET.ingress],
        diagnosticSettings,
      });
    }
    this.apps = apps;
  }
}
