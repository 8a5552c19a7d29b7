/**
 * The applications a trust declares (`apps:` in the configuration), built into its workload stack:
 * one construct per application under the child id `App-<name>`, private in the trust's spoke, keyed
 * by the environment's Key Vault, logging to the environment's workspace.
 */
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { NorwayWindowsVirtualMachine } from '../constructs/compute/windows-virtual-machine';
import type { DiagnosticSettingsConfig, PrivateEndpointConfig } from '../constructs/core/interfaces';
import { NorwayPostgresqlFlexibleServer } from '../constructs/database/postgresql-flexible-server';
import { NorwaySqlServer } from '../constructs/database/sql-server';
import { NorwayFileShareAccount } from '../constructs/storage/file-share-account';
import { NorwayBackupVault } from '../constructs/backup/backup-vault';
import { NorwayServiceBusNamespace } from '../constructs/messaging/service-bus-namespace';
import { NorwayContainerRegistry } from '../constructs/containers/container-registry';
import { NorwayEventHubsNamespace } from '../constructs/messaging/event-hubs-namespace';
import { CONTAINER_REGISTRY_ZONE, EVENT_HUBS_ZONE, WEB_APP_ZONE } from './dns-zones';
import { NorwayHealthDataServices } from '../constructs/health/health-data-services';
import { NorwayLinuxWebApp } from '../constructs/web/linux-web-app';
import { NorwayContainerApp } from '../constructs/containerapps/container-app';
import { NorwayContainerAppEnvironment } from '../constructs/containerapps/container-app-environment';
import { aksPrivateDnsZone, NorwayKubernetesCluster } from '../constructs/containers/kubernetes-cluster';
import { NorwayApplicationGateway } from '../constructs/network/application-gateway';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { approveGatewayPublicIp } from './gateway-approval';
import { NORWAY_WEST_APPROVAL_TAG } from '../policies/rules/residency/res-007-norway-west-approval';
import type { AppConfig, EnvironmentConfig, PlatformConfig, TrustConfig } from './config/schema';
import { workloadNames } from './naming';
import {
  FILE_ZONE,
  HEALTH_DATA_ZONES,
  POSTGRESQL_ZONE,
  PlatformStack,
  SERVICE_BUS_ZONE,
  SQL_ZONE,
} from './platform-stack';

export interface AppContext {
  readonly config: PlatformConfig;
  readonly trust: TrustConfig;
  readonly environment: EnvironmentConfig;
  readonly platform: PlatformStack;
  /** The DR platform in the pair region, when the environment has one. */
  readonly pairPlatform?: PlatformStack;
  readonly resourceGroupName: string;
  readonly endpointSubnetId: string;
  /** The spoke's workload subnet, where VMs and AKS nodes live. */
  readonly workloadSubnetId: string;
  /** The subnet delegated to App Service (present when the trust runs a web app). */
  readonly webIntegrationSubnetId?: string;
  /** The subnet delegated to Container Apps (present when the trust runs a container app). */
  readonly containerAppsSubnetId?: string;
  /** The spoke network, which resolves the Container Apps environment's private zone. */
  readonly spokeNetworkId?: string;
  /** The spoke's ingress subnet (Application Gateway), present when the trust declares a gateway. */
  readonly ingressSubnetId?: string;
  readonly diagnosticSettings: DiagnosticSettingsConfig;
}

/** Build one application of a trust. */
export function buildApp(scope: Construct, name: string, app: AppConfig, context: AppContext): Construct {
  switch (app.kind) {
    case 'postgresql':
      return postgresql(scope, name, app, context);
    case 'sql':
      return sql(scope, name, app, context);
    case 'windowsvm':
      return windowsVm(scope, name, app, context);
    case 'files':
      return files(scope, name, app, context);
    case 'healthdata':
      return healthData(scope, name, app, context);
    case 'backupvault':
      return backupVault(scope, name, context);
    case 'messaging':
      return messaging(scope, name, app, context);
    case 'webapp':
      return webApp(scope, name, app, context);
    case 'containerapp':
      return containerApp(scope, name, app, context);
    case 'registry':
      return registry(scope, name, app, context);
    case 'eventhubs':
      return eventHubs(scope, name, app, context);
    case 'aks':
      return kubernetes(scope, name, app, context);
    case 'gateway':
      return gateway(scope, name, app, context);
  }
}

/** The home tenant, as a literal: what the access rules (ACC-002) can verify. */
function tenantOf(_scope: Construct, context: AppContext): string {
  return context.config.tenantId ?? context.config.access.homeTenantId;
}

function postgresql(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'postgresql' }>,
  context: AppContext,
): NorwayPostgresqlFlexibleServer {
  const { environment, platform, pairPlatform } = context;
  const names = workloadNames(context.config, context.trust, environment);
  return new NorwayPostgresqlFlexibleServer(scope, `App-${name}`, {
    region: environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.postgresqlServer(name),
    tenantId: tenantOf(scope, context),
    entraAdministrator: app.entraAdministrator,
    version: app.version,
    skuName: app.skuName,
    customerManagedKey: { keyVault: platform.keyVault },
    // The geo copy's key sits in the DR site's vault; an environment without a DR site has no vault there.
    geoRedundantBackup: pairPlatform
      ? {
          keyVault: pairPlatform.keyVault,
          tags: {
            [NORWAY_WEST_APPROVAL_TAG]: `geo backup of ${context.trust.name} ${name} (${environment.name})`,
          },
        }
      : {
          relaxed: true,
          justification: `environment ${environment.name} has no DR site, so no Key Vault in the pair region for the geo backup key`,
        },
    diagnosticSettings: context.diagnosticSettings,
    privateEndpoints: {
      server: endpointIn(context, POSTGRESQL_ZONE),
    },
  });
}

function sql(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'sql' }>,
  context: AppContext,
): NorwaySqlServer {
  const { environment, platform } = context;
  const names = workloadNames(context.config, context.trust, environment);
  // Backups are geo-redundant to the pair by the service itself; a failover group needs a partner
  // server in the DR site's network, which the workload stack does not have yet.
  return new NorwaySqlServer(scope, `App-${name}`, {
    region: environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.sqlServer(name),
    tenantId: tenantOf(scope, context),
    entraAdministrator: app.entraAdministrator,
    databases: Object.fromEntries(app.databases.map((db) => [db, {}])),
    customerManagedKey: { keyVault: platform.keyVault },
    diagnosticSettings: context.diagnosticSettings,
    privateEndpoints: {
      server: endpointIn(context, SQL_ZONE),
    },
  });
}

function windowsVm(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'windowsvm' }>,
  context: AppContext,
): NorwayWindowsVirtualMachine {
  const names = workloadNames(context.config, context.trust, context.environment);
  // Never a literal: the password is supplied at apply time (TF_VAR_<name>_admin_password, from Key Vault in CI).
  const password = new TerraformVariable(scope, `${name}_admin_password`, {
    type: 'string',
    sensitive: true,
    description: `Admin password of the ${name} Windows VM (${context.trust.name}); supply from Key Vault.`,
  });
  return new NorwayWindowsVirtualMachine(scope, `App-${name}`, {
    region: context.environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.windowsVm(name),
    subnetId: context.workloadSubnetId,
    adminPassword: password.stringValue,
    size: app.size,
    customerManagedKey: { keyVault: context.platform.keyVault },
  });
}

function files(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'files' }>,
  context: AppContext,
): NorwayFileShareAccount {
  const names = workloadNames(context.config, context.trust, context.environment);
  return new NorwayFileShareAccount(scope, `App-${name}`, {
    region: context.environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.fileShareAccount(name),
    shares: Object.fromEntries(Object.entries(app.shares).map(([share, quotaGb]) => [share, { quotaGb }])),
    customerManagedKey: { keyVault: context.platform.keyVault },
    diagnosticSettings: context.diagnosticSettings,
    privateEndpoints: {
      file: endpointIn(context, FILE_ZONE),
    },
  });
}

function healthData(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'healthdata' }>,
  context: AppContext,
): NorwayHealthDataServices {
  const names = workloadNames(context.config, context.trust, context.environment);
  return new NorwayHealthDataServices(scope, `App-${name}`, {
    region: context.environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.healthWorkspace(name),
    tenantId: tenantOf(scope, context),
    fhir: app.fhir ? { name: 'fhir' } : undefined,
    dicom: app.dicom ? { name: 'dicom' } : undefined,
    customerManagedKey: { keyVault: context.platform.keyVault },
    diagnosticSettings: context.diagnosticSettings,
    privateEndpoints: {
      workspace: endpointIn(context, ...HEALTH_DATA_ZONES),
    },
  });
}

function backupVault(scope: Construct, name: string, context: AppContext): NorwayBackupVault {
  const names = workloadNames(context.config, context.trust, context.environment);
  return new NorwayBackupVault(scope, `App-${name}`, {
    region: context.environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.backupVault(name),
    diagnosticSettings: context.diagnosticSettings,
  });
}

function messaging(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'messaging' }>,
  context: AppContext,
): NorwayServiceBusNamespace {
  const names = workloadNames(context.config, context.trust, context.environment);
  return new NorwayServiceBusNamespace(scope, `App-${name}`, {
    region: context.environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.serviceBus(name),
    capacity: app.capacity,
    customerManagedKey: { keyVault: context.platform.keyVault },
    diagnosticSettings: context.diagnosticSettings,
    privateEndpoints: {
      namespace: endpointIn(context, SERVICE_BUS_ZONE),
    },
  });
}

/** A private endpoint in the spoke's endpoint subnet, registered in the platform's zones. */
function endpointIn(context: AppContext, ...zones: readonly string[]): PrivateEndpointConfig {
  return {
    subnetId: context.endpointSubnetId,
    privateDnsZoneIds: zones.map((zone) => context.platform.dnsZones.zoneId(zone)),
  };
}

/** The subnet a kind needs, which the workload stack creates for it. */
function required(id: string | undefined, what: string): string {
  if (!id)
    throw new Error(
      `the workload stack has no ${what} subnet; it creates one for each trust that declares the kind`,
    );
  return id;
}

function webApp(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'webapp' }>,
  context: AppContext,
): NorwayLinuxWebApp {
  const names = workloadNames(context.config, context.trust, context.environment);
  return new NorwayLinuxWebApp(scope, `App-${name}`, {
    region: context.environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.webApp(name),
    virtualNetworkSubnetId: required(context.webIntegrationSubnetId, 'web integration'),
    servicePlan: { skuName: app.skuName },
    applicationStack: app.image ? { dockerImageName: app.image } : undefined,
    healthCheckPath: app.healthCheckPath,
    diagnosticSettings: context.diagnosticSettings,
    privateEndpoints: {
      sites: endpointIn(context, WEB_APP_ZONE),
    },
  });
}

function registry(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'registry' }>,
  context: AppContext,
): NorwayContainerRegistry {
  const { environment, platform, pairPlatform } = context;
  const names = workloadNames(context.config, context.trust, environment);
  // A replica goes to the DR site's region (the pair) only where the environment has a DR site.
  const replica = app.georeplicate && pairPlatform ? environment.dr : undefined;
  return new NorwayContainerRegistry(scope, `App-${name}`, {
    region: environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.containerRegistry(name),
    georeplications: replica
      ? [
          {
            region: replica.region,
            tags: {
              [NORWAY_WEST_APPROVAL_TAG]: `registry replica of ${context.trust.name} ${name} (${environment.name})`,
            },
          },
        ]
      : undefined,
    customerManagedKey: { keyVault: platform.keyVault },
    diagnosticSettings: context.diagnosticSettings,
    privateEndpoints: {
      registry: endpointIn(context, CONTAINER_REGISTRY_ZONE),
    },
  });
}

function eventHubs(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'eventhubs' }>,
  context: AppContext,
): NorwayEventHubsNamespace {
  const names = workloadNames(context.config, context.trust, context.environment);
  return new NorwayEventHubsNamespace(scope, `App-${name}`, {
    region: context.environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.eventHubs(name),
    capacity: app.capacity,
    eventHubs: Object.fromEntries(
      Object.entries(app.hubs).map(([hub, partitionCount]) => [hub, { partitionCount }]),
    ),
    customerManagedKey: { keyVault: context.platform.keyVault },
    diagnosticSettings: context.diagnosticSettings,
    privateEndpoints: {
      namespace: endpointIn(context, EVENT_HUBS_ZONE),
    },
  });
}

/** A Container App with its own internal environment (child ids `App-<name>` and `App-<name>-env`). */
function containerApp(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'containerapp' }>,
  context: AppContext,
): NorwayContainerApp {
  const names = workloadNames(context.config, context.trust, context.environment);
  const environment = new NorwayContainerAppEnvironment(scope, `App-${name}-env`, {
    region: context.environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.containerAppEnvironment(name),
    infrastructureSubnetId: required(context.containerAppsSubnetId, 'Container Apps'),
    diagnosticSettings: context.diagnosticSettings,
    dnsZoneLinks: { spoke: required(context.spokeNetworkId, 'spoke network') },
  });
  return new NorwayContainerApp(scope, `App-${name}`, {
    resourceGroupName: context.resourceGroupName,
    name: names.containerApp(name),
    environment,
    image: app.image,
    targetPort: app.targetPort,
    cpu: app.cpu,
    memory: `${app.cpu * 2}Gi`,
    minReplicas: app.minReplicas,
    maxReplicas: app.maxReplicas,
  });
}

function kubernetes(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'aks' }>,
  context: AppContext,
): NorwayKubernetesCluster {
  const names = workloadNames(context.config, context.trust, context.environment);
  const region = context.environment.primary.region;
  const cluster = new NorwayKubernetesCluster(scope, `App-${name}`, {
    region,
    resourceGroupName: context.resourceGroupName,
    name: names.kubernetesCluster(name),
    // Egress follows the workload subnet's route table to the hub firewall.
    subnetId: context.workloadSubnetId,
    privateDnsZoneId: context.platform.dnsZones.zoneId(aksPrivateDnsZone(region)),
    adminGroupObjectIds: app.adminGroupObjectIds,
    tenantId: tenantOf(scope, context),
    customerManagedKey: { keyVault: context.platform.keyVault },
    diagnosticSettings: context.diagnosticSettings,
    userNodePools: {
      apps: { vmSize: app.vmSize, minCount: app.minNodes, maxCount: app.maxNodes },
    },
  });
  return cluster;
}

function gateway(
  scope: Construct,
  name: string,
  app: Extract<AppConfig, { kind: 'gateway' }>,
  context: AppContext,
): NorwayApplicationGateway {
  if (!context.ingressSubnetId) throw new Error(`gateway ${name}: the spoke has no ingress subnet`);
  const names = workloadNames(context.config, context.trust, context.environment);
  const vault = context.platform.keyVault;
  const gw = new NorwayApplicationGateway(scope, `App-${name}`, {
    region: context.environment.primary.region,
    resourceGroupName: context.resourceGroupName,
    name: names.applicationGateway(name),
    subnetId: context.ingressSubnetId,
    sites: Object.fromEntries(
      Object.entries(app.sites).map(([key, site]) => [
        key,
        {
          hostName: site.hostName,
          certificateSecretId: `${vault.vaultUri}secrets/${site.certificateName}`,
          backendIpAddresses: site.backendIpAddresses,
          backendFqdns: site.backendFqdns,
        },
      ]),
    ),
    // Only the hospital's approved public ranges reach the sites.
    allowedSourceRanges: context.config.access.approvedRanges,
    diagnosticSettings: context.diagnosticSettings,
  });
  new RoleAssignment(scope, `App-${name}-CertificateAccess`, {
    scope: vault.keyVaultId,
    roleDefinitionName: 'Key Vault Secrets User',
    principalId: gw.identity.principalId,
    principalType: 'ServicePrincipal',
  });
  // The public frontend is the one justified public IP of a workload: the stack's decision.
  approveGatewayPublicIp(gw);
  return gw;
}
