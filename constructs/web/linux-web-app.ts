/**
 * A Linux Web App in Norway with its App Service plan: no public network access (a private endpoint to
 * `sites` with its DNS zone), integrated into a spoke subnet with all outbound traffic routed through
 * it (so through the hub firewall), HTTPS only, TLS 1.2 for the site and its SCM (Kudu) endpoint, FTP
 * and basic-auth publishing off, a managed identity, a zone-redundant plan where the region has zones,
 * and diagnostics to the Norway workspace. App Service holds no patient data of its own (no
 * customer-managed key to give): the data lives in the stores the app reaches through its identity.
 */
import { Construct } from 'constructs';
import {
  LinuxWebApp,
  LinuxWebAppSiteConfigApplicationStack,
} from '@cdktf/provider-azurerm/lib/linux-web-app';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import type {
  DiagnosticSettingsOption,
  Relaxed,
  LockConfig,
  ManagedIdentitiesConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import { isLiteral, Problems, warnRelaxed } from '../core/validation';
import {
  addDiagnosticSettings,
  addPrivateEndpoints,
  addRoleAssignments,
  identityBlock,
  PrivateEndpoints,
  protectFromDeletion,
  requirePrivateEndpoint,
  RoleAssignments,
  validateDiagnosticSettings,
  validateLock,
  validatePrivateEndpoints,
  validateRoleAssignments,
} from '../interfaces';

/** The `privatelink` zone web app private endpoints (`sites`, and its `scm` name) register in. */
export const WEB_APP_PRIVATE_DNS_ZONE = 'privatelink.azurewebsites.net';

/** The App Service plan the app runs on. */
export interface NorwayServicePlanConfig {
  /** @default - `<app name>-plan` */
  readonly name?: string;
  /** Premium v3 (or v2) is what zone redundancy needs. @default 'P1v3' */
  readonly skuName?: string;
  /** Instances; zone redundancy needs at least 2 (one per zone is 3). @default - 3 where zones, 1 elsewhere */
  readonly workerCount?: number;
  /**
   * Spread the instances over the region's availability zones.
   * @default - true where the region has zones (norwayeast), false where it has none (norwaywest)
   */
  readonly zoneRedundant?: boolean;
}

/** Entra ID sign-in in front of the app (App Service Authentication, v2). */
export interface EntraAuthenticationConfig {
  /** Client (application) id of the app registration. */
  readonly clientId: string;
  /** The tenant that signs users in: the home tenant. */
  readonly tenantId: string;
  /** @default - the client id (`api://<clientId>` tokens are accepted too) */
  readonly allowedAudiences?: readonly string[];
}

export interface NorwayLinuxWebAppProps extends NorwayConstructProps {
  /** 2-60 letters, digits and hyphens, not starting or ending with a hyphen; globally unique. */
  readonly name: string;
  /**
   * The integration subnet (delegated to `Microsoft.Web/serverFarms`, /28 or larger, with the spoke's
   * route table): every outbound call leaves through it (`vnet_route_all_enabled`).
   */
  readonly virtualNetworkSubnetId: string;
  /** Required: HTTP, console and audit logs to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** Required: at least one (sub-resource `sites`, zone `privatelink.azurewebsites.net`). */
  readonly privateEndpoints: PrivateEndpoints;
  /** @default - P1v3, zone-redundant with 3 instances where the region has zones */
  readonly servicePlan?: NorwayServicePlanConfig;
  /** What runs: a container image or a language runtime. @default - none (App Service's default page) */
  readonly applicationStack?: LinuxWebAppSiteConfigApplicationStack;
  /** Application settings (use Key Vault references, `@Microsoft.KeyVault(...)`, for secrets). @default - none */
  readonly appSettings?: Readonly<Record<string, string>>;
  /** Path App Service probes to take unhealthy instances out. @default - none */
  readonly healthCheckPath?: string;
  /** Require Entra ID sign-in before a request reaches the app. @default - none (the app authenticates itself) */
  readonly entraAuthentication?: EntraAuthenticationConfig;
  /**
   * Mutual TLS: require (or accept) client certificates.
   * @default - client certificates off (callers authenticate with Entra ID tokens)
   */
  readonly clientCertificateMode?: 'Required' | 'Optional';
  /**
   * Unlike most constructs, a web app needs a system-assigned identity (Key Vault references, its
   * databases and its registry).
   * @default - system-assigned, plus the identities the construct creates itself (none)
   */
  readonly managedIdentities?: ManagedIdentitiesConfig;
  /** E.g. `Website Contributor` for the team that deploys it. @default - none */
  readonly roleAssignments?: RoleAssignments;
  /**
   * Deletion protection. The app is stateless, so none by default; pass `{ kind: 'CanNotDelete' }` to lock it.
   * @default - none
   */
  readonly lock?: LockConfig;
  /**
   * Routing only private addresses through the integration subnet (outbound internet calls bypass the
   * hub firewall): `{ relaxed: true, justification }`.
   * @default - all outbound traffic through the integration subnet
   */
  readonly privateTrafficOnly?: Relaxed;
}

const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,58}[a-zA-Z0-9])?$/;
const ZONE_SKU = /^P\d+m?v[23]$/;

export class NorwayLinuxWebApp extends Construct {
  readonly resource: LinuxWebApp;
  readonly servicePlan: ServicePlan;
  readonly id: string;
  readonly region: NorwayRegion;
  /** Principal id of the system-assigned identity (when it has one), for role assignments elsewhere. */
  readonly principalId: string;

  constructor(scope: Construct, id: string, props: NorwayLinuxWebAppProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    const known = REGION_CAPABILITIES[props.region] !== undefined;
    if (isLiteral(props.name) && !NAME.test(props.name))
      problems.add(
        `name ${JSON.stringify(props.name)} is invalid; use 2-60 letters, digits and hyphens, not starting or ending with a hyphen`,
      );
    if (!props.virtualNetworkSubnetId)
      problems.add(
        'virtualNetworkSubnetId is empty: pass a subnet delegated to Microsoft.Web/serverFarms so outbound traffic goes through the spoke (NET-011)',
      );
    const zones = known ? regionCapabilities(props.region).zones : [];
    const plan = props.servicePlan ?? {};
    const skuName = plan.skuName ?? 'P1v3';
    const zoneRedundant = plan.zoneRedundant ?? zones.length > 0;
    const workerCount = plan.workerCount ?? (zoneRedundant ? 3 : 1);
    if (!Number.isInteger(workerCount) || workerCount < 1 || workerCount > 30)
      problems.add(`servicePlan.workerCount ${workerCount} is outside 1-30`);
    if (zoneRedundant) {
      if (known && zones.length === 0)
        problems.add(
          `servicePlan.zoneRedundant needs availability zones, which ${props.region} does not have (RES-006); leave it unset`,
        );
      if (!ZONE_SKU.test(skuName))
        problems.add(
          `servicePlan.skuName ${skuName} cannot be zone-redundant; use a Premium v3 SKU such as P1v3`,
        );
      if (workerCount < 2)
        problems.add(`servicePlan.workerCount ${workerCount} is too few for zone redundancy; use 2 or more`);
    }
    if (
      props.entraAuthentication &&
      (!props.entraAuthentication.clientId || !props.entraAuthentication.tenantId)
    )
      problems.add('entraAuthentication needs clientId and tenantId (the home tenant)');
    if (props.privateTrafficOnly) problems.relaxed('privateTrafficOnly', props.privateTrafficOnly);
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    requirePrivateEndpoint(problems, props.privateEndpoints);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    this.servicePlan = new ServicePlan(this, 'Plan', {
      name: plan.name ?? `${props.name}-plan`,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      osType: 'Linux',
      skuName,
      workerCount,
      zoneBalancingEnabled: zoneRedundant,
      tags,
    });

    const auth = props.entraAuthentication;
    const stack = props.applicationStack;
    this.resource = new LinuxWebApp(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      servicePlanId: this.servicePlan.id,
      httpsOnly: true,
      publicNetworkAccessEnabled: false,
      virtualNetworkSubnetId: props.virtualNetworkSubnetId,
      vnetImagePullEnabled: true,
      ftpPublishBasicAuthenticationEnabled: false,
      webdeployPublishBasicAuthenticationEnabled: false,
      clientAffinityEnabled: false,
      clientCertificateEnabled: props.clientCertificateMode !== undefined,
      clientCertificateMode: props.clientCertificateMode,
      identity: identityBlock(props.managedIdentities, true),
      appSettings: props.appSettings ? { ...props.appSettings } : undefined,
      siteConfig: {
        alwaysOn: true,
        ftpsState: 'Disabled',
        http2Enabled: true,
        minimumTlsVersion: '1.2',
        scmMinimumTlsVersion: '1.2',
        remoteDebuggingEnabled: false,
        vnetRouteAllEnabled: !props.privateTrafficOnly,
        ipRestrictionDefaultAction: 'Deny',
        scmIpRestrictionDefaultAction: 'Deny',
        scmUseMainIpRestriction: true,
        healthCheckPath: props.healthCheckPath,
        healthCheckEvictionTimeInMin: props.healthCheckPath ? 5 : undefined,
        // A container image is pulled with the app's identity, never a registry password.
        containerRegistryUseManagedIdentity: stack?.dockerImageName ? true : undefined,
        applicationStack: stack,
      },
      authSettingsV2: auth
        ? {
            authEnabled: true,
            requireAuthentication: true,
            requireHttps: true,
            unauthenticatedAction: 'RedirectToLoginPage',
            defaultProvider: 'azureactivedirectory',
            activeDirectoryV2: {
              clientId: auth.clientId,
              tenantAuthEndpoint: `https://login.microsoftonline.com/${auth.tenantId}/v2.0`,
              allowedAudiences: [...(auth.allowedAudiences ?? [auth.clientId, `api://${auth.clientId}`])],
            },
            login: { tokenStoreEnabled: false },
          }
        : undefined,
      tags,
    });
    this.id = this.resource.id;
    this.principalId = this.resource.identity.principalId;

    if (props.privateTrafficOnly)
      warnRelaxed(this, 'only private traffic through the integration subnet', props.privateTrafficOnly);
    if (props.lock) protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'sites',
        tags,
      },
      props.privateEndpoints,
    );
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings);
  }
}
