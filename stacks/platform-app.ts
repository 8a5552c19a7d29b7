/**
 * The whole platform from one configuration: the bootstrap stack, a platform stack per environment and
 * region, a workload stack per trust and environment. Tests and reporters call `buildPlatform` to
 * synthesize the platform in-process; `main.ts` calls it for `cdktf synth`.
 */
import type { App } from 'cdktf';
import type { PlatformConfig } from './config/schema';
import type { PolicySettings } from '../policies/rules/rule';
import { BootstrapStack } from './bootstrap-stack';
import { IdentityStack } from './identity-stack';
import { BOOTSTRAP_STACK_ID } from './naming';
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
  readonly identity: IdentityStack;
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

/**
 * What the guard judges access against, from the configuration: the home tenant, the approved ranges,
 * and the object ids the configuration names as home-tenant identities.
 */
export function policySettings(config: PlatformConfig): PolicySettings {
  const access = config.access;
  return {
    homeTenantId: access.homeTenantId,
    bootstrapStack: BOOTSTRAP_STACK_ID,
    approvedRanges: access.approvedRanges,
    homePrincipals: [
      ...access.adminGroups.flatMap((g) => (g.objectId ? [g.objectId] : [])),
      ...access.breakGlass.map((b) => b.objectId),
      ...(access.workloadIdentity ? [access.workloadIdentity.servicePrincipalObjectId] : []),
      ...config.state.blobDataContributors,
      // The database administrators the trusts' applications name (groups of the home tenant).
      ...config.trusts.flatMap((t) =>
        Object.values(t.apps).flatMap((a) =>
          'entraAdministrator' in a && a.entraAdministrator ? [a.entraAdministrator.objectId] : [],
        ),
      ),
    ],
  };
}

export function buildPlatform(app: App, config: PlatformConfig, options: BuildOptions = {}): Platform {
  // The configuration's settings always apply: a caller's policy options cannot drop the home tenant.
  const policy = { ...options.policy, settings: { ...options.policy?.settings, ...policySettings(config) } };
  const extensions = options.extensions ?? [];
  const state = stateBackend(config);
  const dnsZones = requiredDnsZones(config, extensions);
  const bootstrap = new BootstrapStack(app, { config, policy });
  const platforms: PlatformStack[] = [];
  const workloads: WorkloadStack[] = [];
  for (const environment of config.environments) {
    const primary = new PlatformStack(app, { config, environment, role: 'primary', state, policy, dnsZones });
    primary.addDependency(bootstrap);
    platforms.push(primary);
    let dr: PlatformStack | undefined;
    if (environment.dr) {
      dr = new PlatformStack(app, {
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
        new WorkloadStack(app, {
          config,
          trust,
          environment,
          platform: primary,
          pairPlatform: dr,
          state,
          policy,
        }),
      );
    }
  }
  // Last: its eligibilities are scoped to the resource groups the other stacks create.
  const identity = new IdentityStack(app, { config, state, policy });
  for (const stack of [bootstrap, ...platforms, ...workloads]) identity.addDependency(stack);
  const platform = { bootstrap, identity, platforms, workloads };
  for (const extension of extensions) extension.extend({ app, config, platform, state, policy });
  return platform;
}
