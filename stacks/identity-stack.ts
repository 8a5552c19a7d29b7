/**
 * The identity stack: who may administer the platform, and from where. It targets the home tenant (Entra
 * ID) rather than a region, keeps its state in the Norway backend under its own key, and holds
 * - a Norway named location (unknown countries excluded),
 * - Conditional Access: sign-ins outside Norway blocked for the admin groups and the privileged
 *   directory roles (break-glass accounts excluded), and MFA with a compliant device required for them,
 * - PIM eligible assignments, one per admin group and scope, with a maximum duration and justification.
 * No person or group gets a standing privileged role anywhere in the platform (ACC-001, ACC-003).
 */
import { Construct } from 'constructs';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { NamedLocation } from '@cdktf/provider-azuread/lib/named-location';
import { ConditionalAccessPolicy } from '@cdktf/provider-azuread/lib/conditional-access-policy';
import { DataAzurermSubscription } from '@cdktf/provider-azurerm/lib/data-azurerm-subscription';
import { DataAzurermRoleDefinition } from '@cdktf/provider-azurerm/lib/data-azurerm-role-definition';
import { PimEligibleRoleAssignment } from '@cdktf/provider-azurerm/lib/pim-eligible-role-assignment';
import type { AdminGroupConfig, PlatformConfig } from './config/schema';
import { NorwayStack, NorwayStackProps, StateBackendConfig } from './norway-stack';
import { platformNames, workloadNames } from './naming';
import { PRIVILEGED_DIRECTORY_ROLES } from '../policies/rules/access/principals';

export const IDENTITY_STACK_ID = 'identity';

export interface IdentityStackProps {
  readonly config: PlatformConfig;
  readonly state: StateBackendConfig;
  readonly policy?: NorwayStackProps['policy'];
}

export class IdentityStack extends NorwayStack {
  /** The admin groups by configured name: the object id of an existing group, or of the one created here. */
  readonly groupIds: ReadonlyMap<string, string>;
  readonly norway: NamedLocation;
  readonly blockOutsideNorway: ConditionalAccessPolicy;
  readonly requireMfaAndCompliantDevice: ConditionalAccessPolicy;
  /** Only with `access.workloadIdentity`. */
  readonly blockDeployerOutsideRunners?: ConditionalAccessPolicy;
  readonly eligibilities: readonly PimEligibleRoleAssignment[];

  constructor(scope: Construct, props: IdentityStackProps) {
    const { config } = props;
    // Entra ID objects have no location; the stack's region only places its state and azurerm calls.
    super(scope, IDENTITY_STACK_ID, {
      region: 'norwayeast',
      state: props.state,
      subscriptionId: config.subscriptionId,
      policy: props.policy,
    });
    const access = config.access;
    new AzureadProvider(this, 'azuread', { tenantId: access.homeTenantId, useOidc: props.state.useOidc });

    const groupIds = new Map<string, string>();
    for (const group of access.adminGroups) {
      groupIds.set(
        group.name,
        group.objectId ??
          new Group(this, `Group-${group.name}`, {
            displayName: `${config.organisation.code}-${group.name}`,
            description: group.justification,
            securityEnabled: true,
            // Members come only through PIM-governed membership and reviews, never from a dynamic rule.
            preventDuplicateNames: true,
          }).objectId,
      );
    }
    this.groupIds = groupIds;

    this.norway = new NamedLocation(this, 'Norway', {
      displayName: 'Norway',
      country: {
        countriesAndRegions: ['NO'],
        includeUnknownCountriesAndRegions: false,
        countryLookupMethod: 'clientIpAddress',
      },
    });

    const users = {
      includedGroups: [...groupIds.values()],
      includedRoles: Object.keys(PRIVILEGED_DIRECTORY_ROLES),
      // Break-glass accounts: excluded so a broken policy cannot lock the tenant out; alerted on sign-in.
      excludedUsers: access.breakGlass.map((b) => b.objectId),
    };
    this.blockOutsideNorway = new ConditionalAccessPolicy(this, 'BlockOutsideNorway', {
      displayName: 'Administrators: block sign-ins outside Norway',
      state: 'enabled',
      conditions: {
        clientAppTypes: ['all'],
        applications: { includedApplications: ['All'] },
        users,
        locations: { includedLocations: ['All'], excludedLocations: [this.norway.id] },
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });
    this.requireMfaAndCompliantDevice = new ConditionalAccessPolicy(this, 'RequireMfaAndCompliantDevice', {
      displayName: 'Administrators: MFA and a compliant device',
      state: 'enabled',
      conditions: {
        clientAppTypes: ['all'],
        applications: { includedApplications: ['All'] },
        users,
      },
      grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] },
    });

    // CI's workload identity: service principals are outside user policies; this one blocks every
    // location but the runners' egress addresses.
    const ci = access.workloadIdentity;
    if (ci) {
      const runners = new NamedLocation(this, 'RunnerEgress', {
        displayName: 'CI runner egress',
        ip: { ipRanges: ci.runnerEgressRanges.map((r) => (r.includes('/') ? r : `${r}/32`)), trusted: true },
      });
      this.blockDeployerOutsideRunners = new ConditionalAccessPolicy(this, 'BlockDeployerOutsideRunners', {
        displayName: 'Deployment identity: block outside the CI runners',
        state: 'enabled',
        conditions: {
          clientAppTypes: ['all'],
          applications: { includedApplications: ['All'] },
          users: { includedUsers: ['None'] },
          clientApplications: { includedServicePrincipals: [ci.servicePrincipalObjectId] },
          locations: { includedLocations: ['All'], excludedLocations: [runners.id] },
        },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      });
    }

    const subscription = new DataAzurermSubscription(this, 'Subscription', {
      subscriptionId: config.subscriptionId,
    });
    const roles = new Map<string, DataAzurermRoleDefinition>();
    const roleFor = (name: AdminGroupConfig['role']) => {
      let role = roles.get(name);
      if (!role) {
        role = new DataAzurermRoleDefinition(this, `Role-${name.replace(/ /g, '')}`, {
          name,
          scope: subscription.id,
        });
        roles.set(name, role);
      }
      return role;
    };
    const eligibilities: PimEligibleRoleAssignment[] = [];
    for (const group of access.adminGroups) {
      for (const [key, scopeId] of scopesOf(config, group, subscription.id)) {
        eligibilities.push(
          new PimEligibleRoleAssignment(this, `Eligible-${group.name}-${key}`, {
            scope: scopeId,
            roleDefinitionId: roleFor(group.role).id,
            principalId: groupIds.get(group.name) as string,
            justification: group.justification,
            schedule: { expiration: { durationDays: group.eligibleDays } },
          }),
        );
      }
    }
    this.eligibilities = eligibilities;
  }
}

/** Where a group's eligibility applies: the platform's resource groups, or the trust's, per environment and region. */
function scopesOf(
  config: PlatformConfig,
  group: AdminGroupConfig,
  subscriptionId: string,
): [string, string][] {
  const rg = (name: string) => `${subscriptionId}/resourceGroups/${name}`;
  const scopes: [string, string][] = [];
  for (const env of config.environments) {
    if (group.scope === 'platform') {
      for (const site of [env.primary, ...(env.dr ? [env.dr] : [])])
        scopes.push([
          `${env.name}-${site.region}`,
          rg(platformNames(config, env, site.region).resourceGroup),
        ]);
      continue;
    }
    const trust = config.trusts.find((t) => t.name === group.scope);
    if (trust?.environments[env.name])
      scopes.push([env.name, rg(workloadNames(config, trust, env).resourceGroup)]);
  }
  if (group.scope === 'platform') scopes.push(['state', rg(config.state.resourceGroupName)]);
  return scopes;
}
