/**
 * Azure Container Registry Premium in Norway: the images a hospital's AKS clusters and container apps
 * run. No admin user and no anonymous pull (Entra ID identities with AcrPull only), no public network
 * access (a private endpoint with its DNS zone), the export policy off (images cannot be copied out),
 * a dedicated data endpoint, a customer-managed key, zone redundancy from the region's capabilities,
 * a geo-replica only in the other Norway region, diagnostics and deletion protection.
 */
import { Construct } from 'constructs';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import type {
  CustomerManagedKeyOption,
  DiagnosticSettingsOption,
  Relaxed,
  LockConfig,
  ManagedIdentitiesConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { CONTAINER_REGISTRY_NAME, nameProblem } from '../core/naming';
import { NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import type { Tags } from '../core/tags';
import { Problems, warnRelaxed } from '../core/validation';
import {
  addCustomerManagedKey,
  addDiagnosticSettings,
  addPrivateEndpoints,
  addRoleAssignments,
  identityBlock,
  PrivateEndpoints,
  protectFromDeletion,
  requirePrivateEndpoint,
  RoleAssignments,
  validateCustomerManagedKey,
  validateDiagnosticSettings,
  validateLock,
  validatePrivateEndpoints,
  validateRoleAssignments,
} from '../interfaces';
import { NorwayKeyVaultKey } from '../keyvault/key-vault-key';

/** The `privatelink` zone container registry private endpoints register in (login server and data endpoints). */
export const CONTAINER_REGISTRY_PRIVATE_DNS_ZONE = 'privatelink.azurecr.io';

/** A geo-replica of the registry: only in the other Norway region (the pair). */
export interface ContainerRegistryGeoreplication {
  /** Must be the pair of the registry's region: Norway is the only place a replica may live. */
  readonly region: NorwayRegion;
  /**
   * Tags on the replica, e.g. the `dr-approval` tag for Norway West (RES-007).
   * @default - the construct's tags
   */
  readonly tags?: Tags;
}

export interface NorwayContainerRegistryProps extends NorwayConstructProps {
  /** 5-50 letters and digits (no hyphens); globally unique; becomes `<name>.azurecr.io`. */
  readonly name: string;
  /** Required: a key in a Norway Key Vault, or `{ relaxed: true, justification }`. */
  readonly customerManagedKey: CustomerManagedKeyOption;
  /** Required: repository and login events to a Log Analytics workspace in Norway (`allLogs` + `AllMetrics`). */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** Required: at least one (sub-resource `registry`, zone `CONTAINER_REGISTRY_PRIVATE_DNS_ZONE`). */
  readonly privateEndpoints: PrivateEndpoints;
  /**
   * Zone-redundant storage and compute for the registry; not possible where the region has no zones.
   * @default - true where the region has availability zones (Norway East), false where it has none
   */
  readonly zoneRedundancyEnabled?: boolean;
  /**
   * Replicas of the registry. Only the pair region is allowed: a replica outside Norway, or in the
   * registry's own region, is an error. The replica is zone-redundant where its region has zones.
   * @default - none (a single-region registry)
   */
  readonly georeplications?: readonly ContainerRegistryGeoreplication[];
  /**
   * A dedicated data endpoint per region (`<name>.<region>.data.azurecr.io`): layers are served from a
   * name of the registry's own, reached through the private endpoint, instead of a shared storage host.
   * @default true
   */
  readonly dataEndpointEnabled?: boolean;
  /**
   * Let trusted Azure services (e.g. Defender for Containers' image scanning, ACR Tasks) bypass the
   * network rules: `{ relaxed: true, justification }` relaxes (a warning).
   * @default - no bypass (`network_rule_bypass_option = "None"`)
   */
  readonly trustedServicesBypass?: Relaxed;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /** E.g. `AcrPull` for a cluster's kubelet identity, `AcrPush` for CI. @default - none */
  readonly roleAssignments?: RoleAssignments;
  /** @default - no system-assigned identity; only the identities the construct creates itself (the customer-managed key's) */
  readonly managedIdentities?: ManagedIdentitiesConfig;
}

export class NorwayContainerRegistry extends Construct {
  readonly resource: ContainerRegistry;
  /** The registry's resource id (scope for `AcrPull` assignments). */
  readonly id: string;
  readonly registryName: string;
  /** `<name>.azurecr.io`. */
  readonly loginServer: string;
  readonly region: NorwayRegion;
  readonly zoneRedundancyEnabled: boolean;
  readonly key?: NorwayKeyVaultKey;

  constructor(scope: Construct, id: string, props: NorwayContainerRegistryProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    const known = REGION_CAPABILITIES[props.region] !== undefined;
    const bad = nameProblem(props.name, CONTAINER_REGISTRY_NAME);
    if (bad) problems.add(`${bad}; e.g. 'crhospitalimages'`);
    const zones = known ? regionCapabilities(props.region).zones : [];
    const zoneRedundant = props.zoneRedundancyEnabled ?? zones.length > 0;
    if (zoneRedundant && known && zones.length === 0)
      problems.add(
        `zoneRedundancyEnabled is true, but ${props.region} has no availability zones; leave it unset or set it to false`,
      );
    const replicas = props.georeplications ?? [];
    const seen = new Set<string>();
    replicas.forEach((replica, i) => {
      const at = `georeplications[${i}].region`;
      if (!known) return;
      const pair = regionCapabilities(props.region).pair;
      if (replica.region === props.region)
        problems.add(
          `${at} is ${replica.region}, the registry's own region; a replica goes to the pair ${pair}`,
        );
      else if (replica.region !== pair)
        problems.add(
          `${at} ${JSON.stringify(replica.region)} is not the Norway pair region; a replica may only go to ${pair} (images stay in Norway)`,
        );
      else if (seen.has(replica.region)) problems.add(`${at} ${replica.region} is listed twice`);
      seen.add(replica.region);
    });
    if (props.trustedServicesBypass) problems.relaxed('trustedServicesBypass', props.trustedServicesBypass);
    validateCustomerManagedKey(problems, props.customerManagedKey, { protects: 'the images' });
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    requirePrivateEndpoint(problems, props.privateEndpoints);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    this.registryName = props.name;
    this.zoneRedundancyEnabled = zoneRedundant;
    const tags = props.tags ? { ...props.tags } : undefined;
    const cmk = addCustomerManagedKey(
      this,
      { region: props.region, resourceGroupName: props.resourceGroupName, resourceName: props.name, tags },
      props.customerManagedKey,
    );
    this.key = cmk?.key;
    if (props.trustedServicesBypass)
      warnRelaxed(this, 'trusted Azure services bypass the network rules', props.trustedServicesBypass);

    this.resource = new ContainerRegistry(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: 'Premium',
      adminEnabled: false,
      anonymousPullEnabled: false,
      publicNetworkAccessEnabled: false,
      exportPolicyEnabled: false,
      dataEndpointEnabled: props.dataEndpointEnabled ?? true,
      networkRuleBypassOption: props.trustedServicesBypass ? 'AzureServices' : 'None',
      networkRuleSet: [{ defaultAction: 'Deny' }],
      zoneRedundancyEnabled: zoneRedundant,
      georeplications: replicas.map((replica) => {
        const replicaTags = { ...(tags ?? {}), ...(replica.tags ?? {}) };
        return {
          location: replica.region,
          zoneRedundancyEnabled: regionCapabilities(replica.region).zones.length > 0,
          tags: Object.keys(replicaTags).length > 0 ? replicaTags : undefined,
        };
      }),
      identity: identityBlock(props.managedIdentities, false, cmk ? [cmk.identity.id] : []),
      encryption: cmk
        ? [{ keyVaultKeyId: cmk.key.versionlessId, identityClientId: cmk.identity.clientId }]
        : undefined,
      dependsOn: cmk ? [cmk.keyAccess] : undefined,
      tags,
    });
    this.id = this.resource.id;
    this.loginServer = this.resource.loginServer;

    protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'registry',
        tags,
      },
      props.privateEndpoints,
    );
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings);
  }
}
