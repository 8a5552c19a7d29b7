/**
 * A platform stack: what one environment needs in one region before any trust can land there: the hub
 * network, the Log Analytics workspace every diagnostic setting points at, a Key Vault for
 * customer-managed keys, and the backup vault. Production has two: the primary (Norway East) and the
 * disaster-recovery site (Norway West).
 */
import { Construct } from 'constructs';
import { NorwayResourceGroup } from '../constructs/core/resource-group';
import type { NorwayRegion } from '../constructs/core/region';
import { NorwayLogAnalyticsWorkspace } from '../constructs/monitoring/log-analytics-workspace';
import type { EnvironmentConfig, PlatformConfig } from './config/schema';
import { platformNames, platformStackId, SiteRole } from './naming';
import { NorwayStack, NorwayStackProps, StateBackendConfig } from './norway-stack';

export interface PlatformStackProps {
  readonly config: PlatformConfig;
  readonly environment: EnvironmentConfig;
  /** Which site of the environment: its primary region or its disaster-recovery region. */
  readonly role: SiteRole;
  readonly state: StateBackendConfig;
  /** @default - the whole catalogue, today's date */
  readonly policy?: NorwayStackProps['policy'];
}

export class PlatformStack extends NorwayStack {
  readonly environment: EnvironmentConfig;
  readonly role: SiteRole;
  readonly resourceGroup: NorwayResourceGroup;
  readonly logs: NorwayLogAnalyticsWorkspace;

  constructor(scope: Construct, props: PlatformStackProps) {
    const { config, environment, role } = props;
    const site = role === 'primary' ? environment.primary : environment.dr;
    if (!site) throw new Error(`environment ${environment.name} has no ${role} site`);
    super(scope, platformStackId(environment.name, site.region), {
      region: site.region,
      state: props.state,
      norwayWestApproved: role === 'dr',
      subscriptionId: config.subscriptionId,
      tags: { ...config.tags, environment: environment.name, 'site-role': role },
      policy: props.policy,
    });
    this.environment = environment;
    this.role = role;
    const names = platformNames(config, environment, site.region);

    this.resourceGroup = new NorwayResourceGroup(this, 'ResourceGroup', { region: this.region, name: names.resourceGroup });
    this.logs = new NorwayLogAnalyticsWorkspace(this, 'Logs', {
      region: this.region,
      resourceGroupName: this.resourceGroup.name,
      name: names.logAnalytics,
    });
  }

  /** The region this stack's resources are in. */
  get siteRegion(): NorwayRegion {
    return this.region;
  }
}
