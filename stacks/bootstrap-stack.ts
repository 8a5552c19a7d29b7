/**
 * The bootstrap stack: the storage account that holds every other stack's Terraform state. It cannot
 * keep its own state in the account it creates, so it alone uses a local backend (marked bootstrap for
 * TFS-001); run it once, by hand, and keep its `terraform.bootstrap.tfstate` safe (see docs/deploy.md).
 */
import { Construct } from 'constructs';
import { NorwayResourceGroup } from '../constructs/core/resource-group';
import { NorwayLogAnalyticsWorkspace } from '../constructs/monitoring/log-analytics-workspace';
import type { PlatformConfig } from './config/schema';
import { BOOTSTRAP_STACK_ID, stateNames } from './naming';
import { NorwayStack, NorwayStackProps } from './norway-stack';

export interface BootstrapStackProps {
  readonly config: PlatformConfig;
  /** Options for the synth-time policy guard. @default - the whole catalogue, today's date */
  readonly policy?: NorwayStackProps['policy'];
}

export class BootstrapStack extends NorwayStack {
  readonly resourceGroup: NorwayResourceGroup;
  readonly logs: NorwayLogAnalyticsWorkspace;

  constructor(scope: Construct, props: BootstrapStackProps) {
    const { config } = props;
    super(scope, BOOTSTRAP_STACK_ID, {
      region: config.state.region,
      bootstrap: true,
      subscriptionId: config.state.subscriptionId ?? config.subscriptionId,
      tags: { ...config.tags, purpose: 'terraform-state' },
      policy: props.policy,
    });
    const names = stateNames(config);
    this.resourceGroup = new NorwayResourceGroup(this, 'ResourceGroup', { region: this.region, name: names.resourceGroup });
    // The state account's own access log (who read or wrote which state) stays next to it, in Norway.
    this.logs = new NorwayLogAnalyticsWorkspace(this, 'Logs', {
      region: this.region,
      resourceGroupName: this.resourceGroup.name,
      name: names.logAnalytics,
    });
  }
}
