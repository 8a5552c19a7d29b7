/**
 * A platform stack: what one environment needs in one region before any trust can land there: the hub
 * network, the Log Analytics workspace every diagnostic setting points at, a Key Vault for
 * customer-managed keys, and the backup vault. Production has two: the primary (Norway East) and the
 * disaster-recovery site (Norway West).
 */
import { Construct } from 'constructs';
import { NorwayResourceGroup } from '../constructs/core/resource-group';
import type { NorwayRegion } from '../constructs/core/region';
import { NorwayKeyVault } from '../constructs/keyvault/key-vault';
import { NorwayLogAnalyticsWorkspace } from '../constructs/monitoring/log-analytics-workspace';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
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
  readonly keyVault: NorwayKeyVault;

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
    // Who runs Terraform: its tenant, and the identity that needs to create keys in the vault.
    const client = new DataAzurermClientConfig(this, 'Client', {});
    this.keyVault = new NorwayKeyVault(this, 'KeyVault', {
      region: this.region,
      resourceGroupName: this.resourceGroup.name,
      name: names.keyVault,
      tenantId: config.tenantId ?? client.tenantId,
      diagnosticSettings: { workspaceId: this.logs.workspaceId },
      roleAssignments: [
        {
          roleDefinitionName: 'Key Vault Crypto Officer',
          principalId: client.objectId,
          description: 'The deployment identity creates the customer-managed keys of this environment.',
        },
      ],
    });
  }

  /** The region this stack's resources are in. */
  get siteRegion(): NorwayRegion {
    return this.region;
  }
}
