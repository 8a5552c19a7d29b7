/**
 * A private AKS cluster in Norway: the API server has no public address (private cluster, its own
 * `privatelink.<region>.azmk8s.io` zone), no local accounts (Entra ID with Azure RBAC only), workload
 * identity with the OIDC issuer, Azure CNI overlay with Azure network policy, nodes in the spoke subnet
 * with host encryption and zones from the region's capabilities, OS disks encrypted with a
 * customer-managed key (a disk encryption set), egress through the hub firewall (userDefinedRouting),
 * automatic upgrades, Container Insights and audit logs to a Log Analytics workspace in Norway, and
 * deletion protection.
 */
import { Construct } from 'constructs';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { NorwayDiskEncryptionSet } from '../compute/disk-encryption-set';
import {
  CustomerManagedKeyOption,
  DiagnosticSettingsOption,
  isRelaxed,
  Relaxed,
  LockConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { NorwayRegion, regionCapabilities } from '../core/region';
import { isLiteral, Problems, warnRelaxed } from '../core/validation';
import {
  addDiagnosticSettings,
  addRoleAssignments,
  protectFromDeletion,
  RoleAssignments,
  validateCustomerManagedKey,
  validateDiagnosticSettings,
  validateLock,
  validateRoleAssignments,
} from '../interfaces';
import { childId, validateKeys } from '../interfaces/keys';

/** The private DNS zone a private AKS API server registers in: one per region. */
export function aksPrivateDnsZone(region: NorwayRegion): string {
  return `privatelink.${region}.azmk8s.io`;
}

/**
 * What a private cluster's nodes must reach through the hub firewall (AKS's required outbound names):
 * images and packages, Azure Resource Manager and Entra ID, and Container Insights' ingestion. The
 * monitoring names are exact for the Norway workspace given (its workspace id, a GUID), never the
 * `*.ods.opinsights.azure.com` wildcard, which would let logs reach a workspace anywhere.
 */
export function aksEgressFqdns(region: NorwayRegion, workspaceCustomerId: string): string[] {
  return [
    'mcr.microsoft.com',
    '*.data.mcr.microsoft.com',
    'mcr-0001.mcr-msedge.net',
    'management.azure.com',
    'login.microsoftonline.com',
    'packages.microsoft.com',
    'acs-mirror.azureedge.net',
    'packages.aks.azure.com',
    'global.handler.control.monitor.azure.com',
    `${region}.handler.control.monitor.azure.com`,
    `${workspaceCustomerId}.ods.opinsights.azure.com`,
    `${workspaceCustomerId}.oms.opinsights.azure.com`,
  ];
}

/** A node pool: VM size and autoscaling bounds. */
export interface NodePoolConfig {
  /** @default 'Standard_D4ds_v5' */
  readonly vmSize?: string;
  /** @default 1 per zone of the region (at least 1) */
  readonly minCount?: number;
  /** @default 5 */
  readonly maxCount?: number;
}

export interface NorwayKubernetesClusterProps extends NorwayConstructProps {
  /** 1-63 letters, digits, hyphens and underscores, starting and ending with a letter or digit. */
  readonly name: string;
  /** The spoke subnet the nodes live in (its route table sends egress to the hub firewall). */
  readonly subnetId: string;
  /** Id of the `privatelink.<region>.azmk8s.io` zone (see `aksPrivateDnsZone`) the API server registers in. */
  readonly privateDnsZoneId: string;
  /** Object ids of the Entra ID groups that administer the cluster (Azure RBAC cluster admins). */
  readonly adminGroupObjectIds: readonly string[];
  /** The home tenant's id, so only its users sign in. */
  readonly tenantId: string;
  /** Required: OS and data disks encrypted with a key in a Norway Key Vault (a disk encryption set). */
  readonly customerManagedKey: CustomerManagedKeyOption;
  /** Required: the API server's audit logs to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /**
   * The Log Analytics workspace in Norway Container Insights (the `oms_agent`) sends to.
   * @default - the workspace of `diagnosticSettings`
   */
  readonly monitoringWorkspaceId?: string;
  /** @default - the AKS default version (not pinned; the upgrade channel keeps it current) */
  readonly kubernetesVersion?: string;
  /** @default 'stable' */
  readonly automaticUpgradeChannel?: 'patch' | 'stable' | 'rapid' | 'node-image';
  /** @default 'NodeImage' */
  readonly nodeOsUpgradeChannel?: 'NodeImage' | 'SecurityPatch' | 'Unmanaged';
  /** @default 'Standard' (the uptime SLA) */
  readonly skuTier?: 'Standard' | 'Premium';
  /** The system pool (critical add-ons only). @default - Standard_D4ds_v5, 1 per zone up to 5 */
  readonly systemNodePool?: NodePoolConfig;
  /** User pools by name (1-12 lowercase letters and digits, starting with a letter). @default - none */
  readonly userNodePools?: Readonly<Record<string, NodePoolConfig>>;
  /** Pod address space (overlay; must not overlap the hospital's networks). @default '172.16.0.0/16' */
  readonly podCidr?: string;
  /** Service address space. @default '172.17.0.0/16' */
  readonly serviceCidr?: string;
  /** The cluster DNS service address, inside `serviceCidr`. @default '172.17.0.10' */
  readonly dnsServiceIp?: string;
  /**
   * Egress through an Azure load balancer with public IPs instead of the hub firewall.
   * @default - not allowed: egress follows the subnet's route table to the hub firewall (userDefinedRouting)
   */
  readonly loadBalancerEgress?: Relaxed;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /** E.g. `Azure Kubernetes Service RBAC Reader` for a team's group. @default - none */
  readonly roleAssignments?: RoleAssignments;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,61}[a-zA-Z0-9]$/;
const POOL = /^[a-z][a-z0-9]{0,11}$/;
const CIDR = /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class NorwayKubernetesCluster extends Construct {
  readonly resource: KubernetesCluster;
  readonly id: string;
  readonly region: NorwayRegion;
  /** The control plane's user-assigned identity (granted the DNS zone and the subnet). */
  readonly identity: UserAssignedIdentity;
  readonly diskEncryptionSet?: NorwayDiskEncryptionSet;
  readonly userNodePools: Readonly<Record<string, KubernetesClusterNodePool>>;

  constructor(scope: Construct, id: string, props: NorwayKubernetesClusterProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    if (!NAME.test(props.name ?? ''))
      problems.add(
        `name ${JSON.stringify(props.name)} is invalid; use 2-63 letters, digits, '-' or '_', starting and ending with a letter or digit`,
      );
    if (!props.subnetId) problems.add('subnetId is empty: pass the spoke subnet the nodes live in');
    if (!props.privateDnsZoneId)
      problems.add(
        `privateDnsZoneId is empty: pass the ${aksPrivateDnsZone(props.region)} zone so the private API server resolves (NET-006)`,
      );
    if (!props.adminGroupObjectIds || props.adminGroupObjectIds.length === 0)
      problems.add(
        'adminGroupObjectIds is empty: name at least one Entra ID group that administers the cluster (no local accounts exist)',
      );
    for (const group of props.adminGroupObjectIds ?? [])
      if (isLiteral(group) && !GUID.test(group))
        problems.add(`adminGroupObjectIds ${JSON.stringify(group)} is not an Entra ID object id`);
    if (!props.tenantId) problems.add('tenantId is empty: pass the home tenant so only its users sign in');
    validateCustomerManagedKey(problems, props.customerManagedKey, {
      protects: 'the node disks',
      ruleId: 'ENC-003',
    });
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    const monitoringWorkspaceId =
      props.monitoringWorkspaceId ??
      (props.diagnosticSettings && !isRelaxed(props.diagnosticSettings)
        ? props.diagnosticSettings.workspaceId
        : undefined);
    if (!monitoringWorkspaceId)
      problems.add(
        'monitoringWorkspaceId is missing: with diagnostics disabled, pass the Norway workspace Container Insights sends to',
      );
    for (const [what, cidr] of [
      ['podCidr', props.podCidr],
      ['serviceCidr', props.serviceCidr],
    ] as const)
      if (cidr !== undefined && !CIDR.test(cidr))
        problems.add(`${what} ${JSON.stringify(cidr)} is not a CIDR`);
    validatePool(problems, 'systemNodePool', props.systemNodePool);
    validateKeys(problems, 'userNodePools', props.userNodePools);
    for (const [name, pool] of Object.entries(props.userNodePools ?? {})) {
      if (!POOL.test(name))
        problems.add(
          `userNodePools key ${JSON.stringify(name)} is invalid; use 1-12 lowercase letters and digits`,
        );
      validatePool(problems, `userNodePools.${name}`, pool);
    }
    if (props.loadBalancerEgress) problems.relaxed('loadBalancerEgress', props.loadBalancerEgress);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    const zones = [...regionCapabilities(props.region).zones];

    if (isRelaxed(props.customerManagedKey)) {
      warnRelaxed(
        this,
        'node disks with Microsoft-managed keys instead of a customer-managed key',
        props.customerManagedKey,
      );
    } else {
      this.diskEncryptionSet = new NorwayDiskEncryptionSet(this, 'DiskEncryptionSet', {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        name: `${props.name}-des`,
        keyVault: props.customerManagedKey.keyVault,
        keyName: props.customerManagedKey.keyName,
        tags,
      });
    }
    if (props.loadBalancerEgress)
      warnRelaxed(
        this,
        'egress through a load balancer with public IPs, not the hub firewall',
        props.loadBalancerEgress,
      );

    // A user-assigned control-plane identity can be granted the zone and the subnet before the cluster exists.
    this.identity = new UserAssignedIdentity(this, 'Identity', {
      name: `${props.name}-identity`,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      tags,
    });
    const grants = [
      new RoleAssignment(this, 'DnsZoneAccess', {
        scope: props.privateDnsZoneId,
        roleDefinitionName: 'Private DNS Zone Contributor',
        principalId: this.identity.principalId,
        principalType: 'ServicePrincipal',
      }),
      new RoleAssignment(this, 'SubnetAccess', {
        scope: props.subnetId,
        roleDefinitionName: 'Network Contributor',
        principalId: this.identity.principalId,
        principalType: 'ServicePrincipal',
      }),
    ];
    if (this.diskEncryptionSet)
      grants.push(
        new RoleAssignment(this, 'DiskEncryptionSetAccess', {
          scope: this.diskEncryptionSet.id,
          roleDefinitionName: 'Reader',
          principalId: this.identity.principalId,
          principalType: 'ServicePrincipal',
        }),
      );

    const system = poolDefaults(props.systemNodePool, zones);
    this.resource = new KubernetesCluster(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      dnsPrefixPrivateCluster: props.name.replace(/_/g, '-').slice(0, 54),
      kubernetesVersion: props.kubernetesVersion,
      skuTier: props.skuTier ?? 'Standard',
      privateClusterEnabled: true,
      privateClusterPublicFqdnEnabled: false,
      privateDnsZoneId: props.privateDnsZoneId,
      localAccountDisabled: true,
      roleBasedAccessControlEnabled: true,
      azureActiveDirectoryRoleBasedAccessControl: {
        azureRbacEnabled: true,
        tenantId: props.tenantId,
        adminGroupObjectIds: [...props.adminGroupObjectIds],
      },
      oidcIssuerEnabled: true,
      workloadIdentityEnabled: true,
      azurePolicyEnabled: true,
      runCommandEnabled: false,
      httpApplicationRoutingEnabled: false,
      imageCleanerEnabled: true,
      imageCleanerIntervalHours: 48,
      automaticUpgradeChannel: props.automaticUpgradeChannel ?? 'stable',
      nodeOsUpgradeChannel: props.nodeOsUpgradeChannel ?? 'NodeImage',
      diskEncryptionSetId: this.diskEncryptionSet?.id,
      identity: { type: 'UserAssigned', identityIds: [this.identity.id] },
      defaultNodePool: {
        name: 'system',
        vmSize: system.vmSize,
        vnetSubnetId: props.subnetId,
        zones: zones.length > 0 ? zones : undefined,
        autoScalingEnabled: true,
        minCount: system.minCount,
        maxCount: system.maxCount,
        hostEncryptionEnabled: true,
        nodePublicIpEnabled: false,
        onlyCriticalAddonsEnabled: true,
        osSku: 'AzureLinux',
        osDiskType: 'Managed',
        temporaryNameForRotation: 'systemtmp',
        upgradeSettings: { maxSurge: '33%' },
      },
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkPolicy: 'azure',
        networkDataPlane: 'azure',
        loadBalancerSku: 'standard',
        outboundType: props.loadBalancerEgress ? 'loadBalancer' : 'userDefinedRouting',
        podCidr: props.podCidr ?? '172.16.0.0/16',
        serviceCidr: props.serviceCidr ?? '172.17.0.0/16',
        dnsServiceIp: props.dnsServiceIp ?? '172.17.0.10',
      },
      omsAgent: { logAnalyticsWorkspaceId: monitoringWorkspaceId!, msiAuthForMonitoringEnabled: true },
      dependsOn: [...grants, ...(this.diskEncryptionSet ? [this.diskEncryptionSet.keyAccess] : [])],
      tags,
    });
    this.id = this.resource.id;

    const pools: Record<string, KubernetesClusterNodePool> = {};
    for (const [name, config] of Object.entries(props.userNodePools ?? {})) {
      const pool = poolDefaults(config, zones);
      pools[name] = new KubernetesClusterNodePool(this, childId('NodePool', name), {
        name,
        kubernetesClusterId: this.resource.id,
        vmSize: pool.vmSize,
        vnetSubnetId: props.subnetId,
        zones: zones.length > 0 ? zones : undefined,
        autoScalingEnabled: true,
        minCount: pool.minCount,
        maxCount: pool.maxCount,
        hostEncryptionEnabled: true,
        nodePublicIpEnabled: false,
        osSku: 'AzureLinux',
        mode: 'User',
        upgradeSettings: { maxSurge: '33%' },
        tags,
      });
    }
    this.userNodePools = pools;

    protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    // The API server's audit trail: who did what in the cluster.
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings, {
      logCategoryGroups: ['audit'],
      metricCategories: ['AllMetrics'],
    });
  }
}

function validatePool(problems: Problems, what: string, pool: NodePoolConfig | undefined): void {
  if (!pool) return;
  const { minCount, maxCount } = pool;
  if (minCount !== undefined && (!Number.isInteger(minCount) || minCount < 1))
    problems.add(`${what}.minCount ${minCount} is not a whole number of at least 1`);
  if (maxCount !== undefined && (!Number.isInteger(maxCount) || maxCount > 1000))
    problems.add(`${what}.maxCount ${maxCount} is not a whole number up to 1000`);
  if (minCount !== undefined && maxCount !== undefined && minCount > maxCount)
    problems.add(`${what}.minCount ${minCount} is above maxCount ${maxCount}`);
}

function poolDefaults(
  pool: NodePoolConfig | undefined,
  zones: readonly string[],
): { vmSize: string; minCount: number; maxCount: number } {
  const minCount = pool?.minCount ?? Math.max(1, zones.length);
  return {
    vmSize: pool?.vmSize ?? 'Standard_D4ds_v5',
    minCount,
    maxCount: pool?.maxCount ?? Math.max(5, minCount),
  };
}
