/**
 * The whole platform from one configuration: the bootstrap stack, a platform stack per environment and
 * region, a workload stack per trust and environment. Tests and reporters call `buildPlatform` to
 * synthesize the platform in-process; `main.ts` calls it for `cdktf synth`.
 */
import type { App } from 'cdktf';
import type { PlatformConfig } from './config/schema';
import { BootstrapStack } from './bootstrap-stack';
import type { NorwayStackProps, StateBackendConfig } from './norway-stack';
import { PlatformStack } from './platform-stack';
import { WorkloadStack } from './workload-stack';
import { requiredDnsZones } from './dns-zones';
import type { PlatformExtension } from './extensions';

export interface BuildOptions {
  /** Options for every stack's synth-time policy guard (e.g. a fixed date in tests). */
  readonly policy?: NorwayStackProps['policy'];
  /** Teams' stacks and the DNS zones they need (see stacks/extensions.ts). @default - none */
  readonly extensions?: readonly PlatformExtension[];
}

export interface Platform {
  readonly bootstrap: BootstrapStack;
  readonly platforms: readonly PlatformStack[];
  readonly workloads: readonly WorkloadStack[];
}

/** The backend every stack but the bootstrap uses: the state account, reached with Entra ID. */
export function stateBackend(config: PlatformConfig): StateBackendConfig {
  const s = config.state;
  return {
    resourceGroupName: s.resourceGroupName,
    storageAccountName: s.storageAccountName,
    containerName: s.containerName,
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    useOidc: s.useOidc,
  };
}

export function buildPlatform(app: App, config: PlatformConfig, options: BuildOptions = {}): Platform {
  const { policy, extensions = [] } = options;
  const state = stateBackend(config);
  const dnsZones = requiredDnsZones(extensions);
  const bootstrap = new BootstrapStack(app, { config, policy });
  const platforms: PlatformStack[] = [];
  const workloads: WorkloadStack[] = [];
  for (const environment of config.environments) {
    const primary = new PlatformStack(app, { config, environment, role: 'primary', state, policy, dnsZones });
    primary.addDependency(bootstrap);
    platforms.push(primary);
    if (environment.dr) {
      const dr = new PlatformStack(app, {
        config,
        environment,
        role: 'dr',
        state,
        primary,
        policy,
        dnsZones,
      });
      dr.addDependency(bootstrap);
      platforms.push(dr);
    }
    for (const trust of config.trusts) {
      if (!trust.environments[environment.name]) continue;
      workloads.push(
        new WorkloadStack(app, { config, trust, environment, platform: primary, state, policy }),
      );
    }
  }
  const platform = { bootstrap, platforms, workloads };
  for (const extension of extensions) extension.extend({ app, config, platform, state, policy });
  return platform;
}
