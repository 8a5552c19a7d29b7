/**
 * A workload stack: one hospital trust in one environment. Its spoke network is peered to the
 * environment's hub; its compute and storage log to the environment's workspace and are encrypted
 * with keys from the environment's Key Vault. Values from the platform stack arrive as cdktf
 * cross-stack references, which also put the dependency into manifest.json.
 */
import { Construct } from 'constructs';
import { NorwayResourceGroup } from '../constructs/core/resource-group';
import type { EnvironmentConfig, PlatformConfig, TrustConfig, WorkloadConfig } from './config/schema';
import { workloadNames, workloadStackId } from './naming';
import { NorwayStack, NorwayStackProps, StateBackendConfig } from './norway-stack';
import type { PlatformStack } from './platform-stack';

export interface WorkloadStackProps {
  readonly config: PlatformConfig;
  readonly trust: TrustConfig;
  readonly environment: EnvironmentConfig;
  /** The platform stack of the environment's primary region. */
  readonly platform: PlatformStack;
  readonly state: StateBackendConfig;
  /** @default - the whole catalogue, today's date */
  readonly policy?: NorwayStackProps['policy'];
}

export class WorkloadStack extends NorwayStack {
  readonly trust: TrustConfig;
  readonly environment: EnvironmentConfig;
  readonly workload: WorkloadConfig;
  readonly resourceGroup: NorwayResourceGroup;

  constructor(scope: Construct, props: WorkloadStackProps) {
    const { config, trust, environment } = props;
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
    const names = workloadNames(config, trust, environment);
    this.resourceGroup = new NorwayResourceGroup(this, 'ResourceGroup', { region: this.region, name: names.resourceGroup });
    this.addDependency(props.platform);
  }
}
