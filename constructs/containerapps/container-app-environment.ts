/**
 * A Container Apps environment in Norway on an internal load balancer: its apps have private addresses
 * in a spoke subnet only, and a private DNS zone for the environment's default domain (a wildcard record
 * to the load balancer) lets the spoke resolve them. Workload profiles, so the subnet can be small and
 * egress follows the spoke's route table; zone-redundant where the region has zones; app logs to the
 * Norway Log Analytics workspace.
 */
import { Construct } from 'constructs';
import { ContainerAppEnvironment } from '@cdktf/provider-azurerm/lib/container-app-environment';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import type {
  DiagnosticSettingsOption,
  LockConfig,
  ManagedIdentitiesConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { isRelaxed } from '../core/interfaces';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import { isLiteral, Problems, warnRelaxed } from '../core/validation';
import {
  addRoleAssignments,
  identityBlock,
  protectFromDeletion,
  RoleAssignments,
  validateDiagnosticSettings,
  validateLock,
  validateRoleAssignments,
} from '../interfaces';
import { childId, validateKeys } from '../interfaces/keys';

/** A workload profile apps can run on. */
export interface WorkloadProfileConfig {
  /** E.g. 'Consumption', 'D4', 'E8'. */
  readonly workloadProfileType: string;
  /** Dedicated profiles only. @default - none */
  readonly minimumCount?: number;
  /** Dedicated profiles only. @default - none */
  readonly maximumCount?: number;
}

export interface NorwayContainerAppEnvironmentProps extends NorwayConstructProps {
  /** 1-60 letters, digits and hyphens, starting with a letter. */
  readonly name: string;
  /**
   * The infrastructure subnet (/27 or larger, delegated to `Microsoft.App/environments`, with the
   * spoke's route table so egress goes through the hub firewall).
   */
  readonly infrastructureSubnetId: string;
  /**
   * Required: where the apps' console and system logs go (the environment's `log_analytics_workspace_id`).
   * `logCategoryGroups` and `metricCategories` do not apply.
   */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /**
   * Networks that resolve the apps' names (the environment's default domain), keyed by a stable name:
   * e.g. `{ spoke: spoke.virtualNetworkId }`. At least one.
   */
  readonly dnsZoneLinks: Readonly<Record<string, string>>;
  /**
   * Spread the environment over the region's availability zones.
   * @default - true where the region has zones (norwayeast), false where it has none (norwaywest)
   */
  readonly zoneRedundant?: boolean;
  /** Profiles by name. @default { Consumption: { workloadProfileType: 'Consumption' } } */
  readonly workloadProfiles?: Readonly<Record<string, WorkloadProfileConfig>>;
  /** @default - no system-assigned identity; only the identities the construct creates itself (none) */
  readonly managedIdentities?: ManagedIdentitiesConfig;
  /** @default - none */
  readonly roleAssignments?: RoleAssignments;
  /** The environment holds no data (its apps are stateless), so none by default. @default - none */
  readonly lock?: LockConfig;
}

const NAME = /^[a-zA-Z][a-zA-Z0-9-]{0,58}[a-zA-Z0-9]$/;

export class NorwayContainerAppEnvironment extends Construct {
  readonly resource: ContainerAppEnvironment;
  readonly id: string;
  readonly region: NorwayRegion;
  /** The private zone named after the environment's default domain. */
  readonly dnsZone: PrivateDnsZone;
  /** Workload profile names apps may run on. */
  readonly workloadProfileNames: readonly string[];

  constructor(scope: Construct, id: string, props: NorwayContainerAppEnvironmentProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    const known = REGION_CAPABILITIES[props.region] !== undefined;
    if (isLiteral(props.name) && !NAME.test(props.name))
      problems.add(
        `name ${JSON.stringify(props.name)} is invalid; use 2-60 letters, digits and hyphens, starting with a letter`,
      );
    if (!props.infrastructureSubnetId)
      problems.add(
        'infrastructureSubnetId is empty: pass a spoke subnet delegated to Microsoft.App/environments (the internal load balancer lives there)',
      );
    const zones = known ? regionCapabilities(props.region).zones : [];
    const zoneRedundant = props.zoneRedundant ?? zones.length > 0;
    if (zoneRedundant && known && zones.length === 0)
      problems.add(
        `zoneRedundant needs availability zones, which ${props.region} does not have (RES-006); leave it unset`,
      );
    validateKeys(problems, 'dnsZoneLinks', props.dnsZoneLinks);
    if (!props.dnsZoneLinks || Object.keys(props.dnsZoneLinks).length === 0)
      problems.add(
        'dnsZoneLinks is missing: pass { <key>: virtualNetworkId } of the networks that reach the apps, or nothing resolves their names',
      );
    const profiles = props.workloadProfiles ?? { Consumption: { workloadProfileType: 'Consumption' } };
    if (Object.keys(profiles).length === 0)
      problems.add('workloadProfiles is empty; leave it unset for Consumption');
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    this.workloadProfileNames = Object.keys(profiles);
    const tags = props.tags ? { ...props.tags } : undefined;
    const logs = isRelaxed(props.diagnosticSettings) ? undefined : props.diagnosticSettings;
    if (isRelaxed(props.diagnosticSettings))
      warnRelaxed(this, 'app logs not sent to Log Analytics', props.diagnosticSettings);

    this.resource = new ContainerAppEnvironment(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      infrastructureSubnetId: props.infrastructureSubnetId,
      // Apps get addresses in the subnet only: no public entry point.
      internalLoadBalancerEnabled: true,
      zoneRedundancyEnabled: zoneRedundant,
      logsDestination: logs ? 'log-analytics' : undefined,
      logAnalyticsWorkspaceId: logs?.workspaceId,
      workloadProfile: Object.entries(profiles).map(([name, p]) => ({
        name,
        workloadProfileType: p.workloadProfileType,
        minimumCount: p.minimumCount,
        maximumCount: p.maximumCount,
      })),
      identity: identityBlock(props.managedIdentities, false),
      tags,
    });
    this.id = this.resource.id;

    // The apps answer at <app>.<default domain> on the load balancer's static address.
    this.dnsZone = new PrivateDnsZone(this, 'DnsZone', {
      name: this.resource.defaultDomain,
      resourceGroupName: props.resourceGroupName,
      tags,
    });
    new PrivateDnsARecord(this, 'DnsRecord', {
      name: '*',
      zoneName: this.dnsZone.name,
      resourceGroupName: props.resourceGroupName,
      ttl: 300,
      records: [this.resource.staticIpAddress],
      tags,
    });
    for (const [key, virtualNetworkId] of Object.entries(props.dnsZoneLinks)) {
      new PrivateDnsZoneVirtualNetworkLink(this, childId('DnsLink', key), {
        name: `${props.name}-${key}`,
        resourceGroupName: props.resourceGroupName,
        privateDnsZoneName: this.dnsZone.name,
        virtualNetworkId,
        registrationEnabled: false,
        tags,
      });
    }

    if (props.lock) protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
  }
}
