import {
  NorwayContainerApp,
  NorwayContainerAppEnvironment,
  NorwayContainerAppEnvironmentProps,
  NorwayContainerAppProps,
} from '../../constructs/containerapps';
import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayLogAnalyticsWorkspace } from '../../constructs/monitoring';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, relaxedWarnings, synth, testStack } from './support';

const NETWORK = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';
const REGISTRY = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/crlab';
const SECRET = 'https://kv-lab.vault.azure.net/secrets/db-password';

function environment(
  stack: NorwayStack,
  region: NorwayRegion,
  extra: Partial<NorwayContainerAppEnvironmentProps> = {},
) {
  const logs = new NorwayLogAnalyticsWorkspace(stack, 'logs', {
    region,
    resourceGroupName: 'rg-logs',
    name: 'law-platform',
  });
  return new NorwayContainerAppEnvironment(stack, 'cae', {
    region,
    resourceGroupName: 'rg-apps',
    name: 'cae-lab',
    infrastructureSubnetId: `${NETWORK}/subnets/apps`,
    diagnosticSettings: { workspaceId: logs.workspaceId },
    dnsZoneLinks: { spoke: NETWORK },
    ...extra,
  });
}

function app(
  stack: NorwayStack,
  env: NorwayContainerAppEnvironment,
  extra: Partial<NorwayContainerAppProps> = {},
) {
  return new NorwayContainerApp(stack, 'ca', {
    resourceGroupName: 'rg-apps',
    name: 'lab-results',
    environment: env,
    image: 'crlab.azurecr.io/lab/results:1.4.2',
    registry: { server: 'crlab.azurecr.io', registryId: REGISTRY },
    secrets: { 'db-password': { keyVaultSecretId: SECRET } },
    env: { PORT: '8080', DB_PASSWORD: { secretName: 'db-password' } },
    ...extra,
  });
}

describe.each([
  [NORWAY_EAST, true],
  [NORWAY_WEST, false],
])(
  'NorwayContainerAppEnvironment and NorwayContainerApp with defaults in %s',
  (region: NorwayRegion, zoned) => {
    let stack: NorwayStack;
    let json: Json;
    beforeAll(() => {
      // GIVEN / WHEN
      stack = testStack(region);
      app(stack, environment(stack, region), { registry: undefined, secrets: undefined, env: undefined });
      json = synth(stack);
    });

    test(`an internal environment in the subnet, logging to the workspace, zone-redundant: ${zoned}`, () => {
      expect(only(json, 'azurerm_container_app_environment')).toMatchObject({
        name: 'cae-lab',
        location: region,
        infrastructure_subnet_id: `${NETWORK}/subnets/apps`,
        internal_load_balancer_enabled: true,
        zone_redundancy_enabled: zoned,
        logs_destination: 'log-analytics',
        log_analytics_workspace_id: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\.logs_/),
        workload_profile: [{ name: 'Consumption', workload_profile_type: 'Consumption' }],
      });
    });

    test('a private zone for the default domain with a wildcard to the load balancer, linked to the spoke', () => {
      expect(only(json, 'azurerm_private_dns_zone')).toMatchObject({
        name: expect.stringMatching(/^\$\{azurerm_container_app_environment\.cae_\w+\.default_domain\}$/),
      });
      expect(only(json, 'azurerm_private_dns_a_record')).toMatchObject({
        name: '*',
        records: [expect.stringMatching(/\.static_ip_address\}$/)],
      });
      expect(only(json, 'azurerm_private_dns_zone_virtual_network_link')).toMatchObject({
        name: 'cae-lab-spoke',
        virtual_network_id: NETWORK,
        registration_enabled: false,
      });
    });

    test('internal HTTPS-only ingress under its own identity, no registry, no secrets', () => {
      const ca = only(json, 'azurerm_container_app');
      expect(ca).toMatchObject({
        name: 'lab-results',
        revision_mode: 'Single',
        workload_profile_name: 'Consumption',
        identity: {
          type: 'UserAssigned',
          identity_ids: [
            expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.ca_Identity_\w+\.id\}$/),
          ],
        },
        ingress: {
          external_enabled: false,
          allow_insecure_connections: false,
          target_port: 8080,
          traffic_weight: [{ latest_revision: true, percentage: 100 }],
        },
        template: { min_replicas: 1, max_replicas: 3, container: [{ cpu: 0.5, memory: '1Gi' }] },
      });
      expect(ca.registry).toBeUndefined();
      expect(ca.secret).toBeUndefined();
      expect(only(json, 'azurerm_user_assigned_identity', 'ca_')).toMatchObject({ location: region });
    });

    test('zero error findings from the policy engine', () => {
      expect(errorFindings(stack)).toEqual([]);
    });
  },
);

describe('NorwayContainerAppEnvironment options', () => {
  test('a registry pulled and secrets read with its own identity; ids outside the estate fail closed', () => {
    // GIVEN
    const stack = testStack(NORWAY_EAST);
    // WHEN
    app(stack, environment(stack, NORWAY_EAST));
    const json = synth(stack);
    // THEN
    const ca = only(json, 'azurerm_container_app');
    const identity = expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.ca_Identity_\w+\.id\}$/);
    expect(ca).toMatchObject({
      name: 'lab-results',
      revision_mode: 'Single',
      workload_profile_name: 'Consumption',
      identity: { type: 'UserAssigned', identity_ids: [identity] },
      ingress: {
        external_enabled: false,
        allow_insecure_connections: false,
        target_port: 8080,
        traffic_weight: [{ latest_revision: true, percentage: 100 }],
      },
      registry: [{ server: 'crlab.azurecr.io', identity }],
      secret: [{ name: 'db-password', key_vault_secret_id: SECRET, identity }],
      template: {
        min_replicas: 1,
        max_replicas: 3,
        container: [
          {
            image: 'crlab.azurecr.io/lab/results:1.4.2',
            cpu: 0.5,
            memory: '1Gi',
            env: [
              { name: 'PORT', value: '8080' },
              { name: 'DB_PASSWORD', secret_name: 'db-password' },
            ],
          },
        ],
      },
    });
    expect(ca.registry[0].password_secret_name).toBeUndefined();
    expect(ca.depends_on).toEqual([expect.stringMatching(/^azurerm_role_assignment\.ca_RegistryPull_/)]);
    expect(only(json, 'azurerm_role_assignment', 'ca_RegistryPull')).toMatchObject({
      scope: REGISTRY,
      role_definition_name: 'AcrPull',
    });
    // The registry and the vault are not in this stack: RES-004 cannot place them, so it fails closed.
    expect(errorFindings(stack).map((f) => f.split(':')[0])).toEqual([
      'RES-004 azurerm_container_app.ca_B45FA08E',
      'RES-004 azurerm_role_assignment.ca_RegistryPull_9C83EB08',
    ]);
  });

  test('without logs: a justified relaxation that LOG-001 reports', () => {
    const stack = testStack(NORWAY_EAST);
    environment(stack, NORWAY_EAST, {
      diagnosticSettings: { relaxed: true, justification: 'short-lived test environment' },
    });
    const cae = only(synth(stack), 'azurerm_container_app_environment');
    expect(cae.log_analytics_workspace_id).toBeUndefined();
    expect(cae.logs_destination).toBeUndefined();
    expect(relaxedWarnings(stack)).toEqual([
      '[relaxed default] test-norwayeast/cae: app logs not sent to Log Analytics. Justification: short-lived test environment',
    ]);
    expect(errorFindings(stack).map((f) => f.split(':')[0])).toEqual([
      'LOG-001 azurerm_container_app_environment.cae_C6790725',
    ]);
  });
});

describe('NorwayContainerAppEnvironment validation', () => {
  test('fails on a bad name, without a subnet and without DNS links', () => {
    expect(() =>
      environment(testStack(NORWAY_EAST), NORWAY_EAST, {
        name: '1cae',
        infrastructureSubnetId: '',
        dnsZoneLinks: {},
      }),
    ).toThrow(
      /3 problems:\n {2}- name "1cae" is invalid.*\n {2}- infrastructureSubnetId is empty.*\n {2}- dnsZoneLinks is missing/,
    );
  });

  test('fails when zone redundancy is asked for in Norway West', () => {
    expect(() => environment(testStack(NORWAY_WEST), NORWAY_WEST, { zoneRedundant: true })).toThrow(
      /zoneRedundant needs availability zones, which norwaywest does not have/,
    );
  });

  test('fails without diagnostics', () => {
    expect(() =>
      environment(testStack(NORWAY_EAST), NORWAY_EAST, { diagnosticSettings: undefined as never }),
    ).toThrow(/diagnosticSettings is missing/);
  });
});

describe('NorwayContainerApp validation', () => {
  test('fails on a bad name, an empty image, a secret without Key Vault and an env naming no secret', () => {
    const stack = testStack(NORWAY_EAST);
    const env = environment(stack, NORWAY_EAST);
    expect(() =>
      app(stack, env, {
        name: 'Lab_Results',
        image: '',
        secrets: { pw: { keyVaultSecretId: '' } },
        env: { X: { secretName: 'other' } },
      }),
    ).toThrow(
      /4 problems:\n {2}- name "Lab_Results" is invalid.*\n {2}- image is empty.*\n {2}- secrets\.pw\.keyVaultSecretId is empty.*\n {2}- env\.X names secret "other", which is not in secrets/,
    );
  });

  test('fails on a registry without its id, cpu and memory that do not match, and an unknown profile', () => {
    const stack = testStack(NORWAY_EAST);
    const env = environment(stack, NORWAY_EAST);
    expect(() =>
      app(stack, env, {
        registry: { server: 'crlab.azurecr.io', registryId: '' },
        cpu: 1,
        memory: '1Gi',
        workloadProfileName: 'D4',
      }),
    ).toThrow(
      /3 problems:\n {2}- registry needs server and registryId.*\n {2}- memory 1Gi does not match cpu 1; use '2Gi'\n {2}- workloadProfileName "D4" is not a profile of the environment \(Consumption\)/,
    );
  });
});
