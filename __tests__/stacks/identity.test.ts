import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { checkModels } from '../../policies/engine/engine';
import { ALL_RULES } from '../../policies/rules';
import { loadPolicyDocument } from '../../policies/engine/policy-file';
import { checkStack } from '../../policies/cdktf/guard';
import { loadCdktfOut } from '../../policies/model/load-cdktf-out';
import { loadConfig } from '../../stacks/config/load';
import { buildPlatform, policySettings } from '../../stacks/platform-app';
import { synthDefaultPlatform, SynthesizedPlatform } from '../helpers/synth-default';
import { TODAY } from '../helpers/today';

let out: SynthesizedPlatform;
beforeAll(() => {
  out = synthDefaultPlatform();
});

describe('the identity stack of the default platform', () => {
  test('keeps its state in the Norway backend under its own key, after every other stack', () => {
    // GIVEN / WHEN
    const identity = out.stack('identity');
    // THEN
    expect(identity.terraform.backend.azurerm).toMatchObject({
      key: 'identity.tfstate',
      use_azuread_auth: true,
    });
    expect(identity.terraform.required_providers.azuread.source).toBe('hashicorp/azuread');
    expect(out.manifest.stacks.identity.dependencies).toHaveLength(10);
  });

  test('has a Norway-only named location and blocks sign-ins elsewhere for every admin group and privileged directory role', () => {
    const identity = out.stack('identity');
    expect(identity.resource.azuread_named_location.Norway.country).toEqual({
      countries_and_regions: ['NO'],
      include_unknown_countries_and_regions: false,
      country_lookup_method: 'clientIpAddress',
    });
    const block = identity.resource.azuread_conditional_access_policy.BlockOutsideNorway;
    expect(block.state).toBe('enabled');
    expect(block.grant_controls.built_in_controls).toEqual(['block']);
    expect(block.conditions.locations).toEqual({
      included_locations: ['All'],
      excluded_locations: ['${azuread_named_location.Norway.id}'],
    });
    expect(block.conditions.users.included_groups).toHaveLength(4);
    expect(block.conditions.users.included_roles).toContain('62e90394-69f5-4237-9190-012177145e10');
    expect(block.conditions.users.excluded_users).toEqual(['0f6e2d4c-8a1b-4e3f-9c5d-7b2a1e0f4d61']);
    const mfa = identity.resource.azuread_conditional_access_policy.RequireMfaAndCompliantDevice;
    expect(mfa.grant_controls).toEqual({ operator: 'AND', built_in_controls: ['mfa', 'compliantDevice'] });
  });

  test('makes each admin group eligible (PIM) with a duration and justification, per scope', () => {
    const eligible = out.stack('identity').resource.azurerm_pim_eligible_role_assignment;
    // platform-admins: three platform sites and the state resource group; each trust: dev and prod.
    expect(Object.keys(eligible).sort()).toEqual([
      'Eligible-dalen-admins-dev',
      'Eligible-dalen-admins-prod',
      'Eligible-fjellheim-admins-dev',
      'Eligible-fjellheim-admins-prod',
      'Eligible-kystbyen-admins-dev',
      'Eligible-kystbyen-admins-prod',
      'Eligible-platform-admins-dev-norwayeast',
      'Eligible-platform-admins-prod-norwayeast',
      'Eligible-platform-admins-prod-norwaywest',
      'Eligible-platform-admins-state',
    ]);
    expect(eligible['Eligible-platform-admins-state']).toMatchObject({
      scope: '${data.azurerm_subscription.Subscription.id}/resourceGroups/rg-hex-tfstate-noe',
      role_definition_id: '${data.azurerm_role_definition.Role-Owner.id}',
      principal_id: '${azuread_group.Group-platform-admins.object_id}',
      schedule: { expiration: { duration_days: 180 } },
    });
  });

  test('no standing privileged role for people anywhere, and the whole platform passes the access rules', () => {
    const report = checkModels(loadCdktfOut(out.outdir), {
      rules: ALL_RULES,
      today: TODAY,
      settings: policySettings(out.config),
    });
    expect(report.findings.filter((f) => !f.suppressed && f.severity === 'error')).toEqual([]);
    for (const id of Object.keys(out.manifest.stacks)) {
      expect(out.stack(id).resource?.azurerm_pim_active_role_assignment).toBeUndefined();
      for (const a of Object.values(out.stack(id).resource?.azurerm_role_assignment ?? {}) as {
        role_definition_name?: string;
      }[])
        expect(['Owner', 'Contributor', 'User Access Administrator']).not.toContain(a.role_definition_name);
    }
  });
});

describe('the guard catches access changes made in code', () => {
  function platform() {
    const { config } = loadConfig({ env: {} });
    return buildPlatform(Testing.app() as App, config, { policy: { today: TODAY } });
  }

  test('fails when an admin group is dropped from the location block (ACC-003)', () => {
    const { identity } = platform();
    identity.blockOutsideNorway.putConditions({
      clientAppTypes: ['all'],
      applications: { includedApplications: ['All'] },
      users: { includedUsers: ['None'] },
      locations: { includedLocations: ['All'], excludedLocations: [identity.norway.id] },
    });
    const findings = checkStack(identity).findings.filter((f) => f.ruleId === 'ACC-003');
    expect(findings.map((f) => f.address)).toHaveLength(10);
    expect(findings[0].message).toMatch(
      /no enabled Conditional Access policy in the estate blocks its sign-ins outside Norway/,
    );
  });

  test('fails on a standing Owner for a group added to a workload stack (ACC-001)', () => {
    const { workloads, identity } = platform();
    new RoleAssignment(workloads[0], 'StandingOwner', {
      scope: workloads[0].resourceGroup.id,
      roleDefinitionName: 'Owner',
      principalId: identity.groupIds.get('fjellheim-admins') as string,
    });
    const findings = checkStack(workloads[0]).findings.filter((f) => f.ruleId.startsWith('ACC-'));
    expect(findings.map((f) => [f.ruleId, f.address])).toEqual([
      ['ACC-001', 'azurerm_role_assignment.StandingOwner'],
      ['ACC-003', 'azurerm_role_assignment.StandingOwner'],
    ]);
  });
});

describe("CI's workload identity", () => {
  test('with access.workloadIdentity, a policy blocks the deploying identity outside the runner egress', () => {
    const { config } = loadConfig({ env: {} });
    const withCi = {
      ...config,
      access: {
        ...config.access,
        workloadIdentity: {
          servicePrincipalObjectId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
          runnerEgressRanges: ['203.0.113.64/28'],
        },
      },
    };
    const { identity } = buildPlatform(Testing.app() as App, withCi, { policy: { today: TODAY } });
    const json = JSON.parse(Testing.synth(identity));
    expect(json.resource.azuread_named_location.RunnerEgress.ip).toEqual({
      ip_ranges: ['203.0.113.64/28'],
      trusted: true,
    });
    const policy = json.resource.azuread_conditional_access_policy.BlockDeployerOutsideRunners;
    expect(policy.conditions.client_applications).toEqual({
      included_service_principals: ['aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'],
    });
    expect(policy.conditions.locations.excluded_locations).toEqual([
      '${azuread_named_location.RunnerEgress.id}',
    ]);
    expect(policy.grant_controls.built_in_controls).toEqual(['block']);
    expect(checkStack(identity).findings.filter((f) => !f.suppressed && f.severity === 'error')).toEqual([]);
  });
});

describe('norway-policy.yaml (the CLI settings)', () => {
  test('names the same home tenant, approved ranges, principals and bootstrap stack as the configuration', () => {
    const { settings } = loadPolicyDocument(path.join(__dirname, '..', '..', 'norway-policy.yaml'));
    const { config } = loadConfig({ env: {} });
    expect(settings).toEqual(policySettings(config));
  });
});
