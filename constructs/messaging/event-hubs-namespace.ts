/**
 * An Event Hubs Premium namespace in Norway (device telemetry, HL7/FHIR event streams) with its event
 * hubs: Entra ID only (no SAS keys), TLS 1.2, no public network access (a private endpoint with its DNS
 * zone, the same `privatelink.servicebus.windows.net` as Service Bus), a customer-managed key with
 * infrastructure encryption, capture only to a storage account in Norway, diagnostics and deletion
 * protection. Premium is zone-redundant by itself where the region has zones (azurerm 4.x has no switch).
 */
import { Construct } from 'constructs';
import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { EventhubNamespaceCustomerManagedKey } from '@cdktf/provider-azurerm/lib/eventhub-namespace-customer-managed-key';
import type {
  CustomerManagedKeyOption,
  DiagnosticSettingsOption,
  LockConfig,
  ManagedIdentitiesConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { EVENT_HUBS_NAMESPACE_NAME, nameProblem } from '../core/naming';
import { NORWAY_REGIONS, NorwayRegion, REGION_CAPABILITIES, regionCapabilities } from '../core/region';
import { Problems } from '../core/validation';
import {
  addCustomerManagedKey,
  addDiagnosticSettings,
  addPrivateEndpoints,
  addRoleAssignments,
  isDeletionProtected,
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
import { childId, validateKeys } from '../interfaces/keys';
import { NorwayKeyVaultKey } from '../keyvault/key-vault-key';
import { SERVICE_BUS_PRIVATE_DNS_ZONE } from './service-bus-namespace';

/** Event Hubs private endpoints register in the Service Bus zone (one zone for both services). */
export const EVENT_HUBS_PRIVATE_DNS_ZONE = SERVICE_BUS_PRIVATE_DNS_ZONE;

/** A storage account in Norway that capture writes to (a `NorwayStorageAccount` fits). */
export interface CaptureStorageAccount {
  readonly storageAccountId: string;
  readonly region: NorwayRegion;
}

/** Event Hubs Capture: every event also written, as Avro, to a blob container in Norway. */
export interface EventHubCapture {
  /** The account capture writes to; it must be in Norway. */
  readonly storageAccount: CaptureStorageAccount;
  readonly blobContainerName: string;
  /** Seconds between captures (60-900). @default 300 */
  readonly intervalInSeconds?: number;
  /** Bytes per capture file (10485760-524288000). @default 314572800 */
  readonly sizeLimitInBytes?: number;
  /** @default '{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}' */
  readonly archiveNameFormat?: string;
}

export interface EventHubConfig {
  /** Partitions (1-100 on Premium; cannot be lowered later). @default 4 */
  readonly partitionCount?: number;
  /** Days events are kept (1-90 on Premium). @default 7 */
  readonly messageRetentionDays?: number;
  /** @default - no capture */
  readonly capture?: EventHubCapture;
}

export interface NorwayEventHubsNamespaceProps extends NorwayConstructProps {
  /** 6-50 letters, digits and hyphens, starting with a letter; globally unique. */
  readonly name: string;
  /** Processing units (1, 2, 4, 8 or 16). @default 1 */
  readonly capacity?: 1 | 2 | 4 | 8 | 16;
  /** Event hubs by name (child ids `EventHub-<name>`). @default - none */
  readonly eventHubs?: Readonly<Record<string, EventHubConfig>>;
  /** Required: a key in a Norway Key Vault (child `KeyAttachment`), or `{ relaxed: true, justification }`. */
  readonly customerManagedKey: CustomerManagedKeyOption;
  /** Required: operational, runtime audit and application metrics logs to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** Required: at least one (sub-resource `namespace`, zone `EVENT_HUBS_PRIVATE_DNS_ZONE`). */
  readonly privateEndpoints: PrivateEndpoints;
  /** @default - CanNotDelete lock and prevent_destroy on the namespace; prevent_destroy on each event hub */
  readonly lock?: LockConfig;
  /** E.g. `Azure Event Hubs Data Sender` for a producer's identity. @default - none */
  readonly roleAssignments?: RoleAssignments;
  /** @default - no system-assigned identity; only the identities the construct creates itself (the customer-managed key's) */
  readonly managedIdentities?: ManagedIdentitiesConfig;
}

const EVENT_HUB_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$/;
const DEFAULT_ARCHIVE_FORMAT =
  '{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}';

export class NorwayEventHubsNamespace extends Construct {
  readonly resource: EventhubNamespace;
  readonly id: string;
  readonly region: NorwayRegion;
  /** Whether the region gives Premium its zone redundancy. */
  readonly zoneRedundant: boolean;
  readonly key?: NorwayKeyVaultKey;
  readonly keyAttachment?: EventhubNamespaceCustomerManagedKey;
  /** The event hubs by name. */
  readonly eventHubs: Readonly<Record<string, Eventhub>>;

  constructor(scope: Construct, id: string, props: NorwayEventHubsNamespaceProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    const known = REGION_CAPABILITIES[props.region] !== undefined;
    const bad = nameProblem(props.name, EVENT_HUBS_NAMESPACE_NAME);
    if (bad) problems.add(`${bad}; e.g. 'evhns-hospital-telemetry'`);
    const capacity = props.capacity ?? 1;
    if (![1, 2, 4, 8, 16].includes(capacity)) problems.add(`capacity ${capacity} is not 1, 2, 4, 8 or 16`);
    validateKeys(problems, 'eventHubs', props.eventHubs);
    for (const [name, hub] of Object.entries(props.eventHubs ?? {})) {
      if (!EVENT_HUB_NAME.test(name))
        problems.add(
          `eventHubs.${name}: the name is invalid; use 1-256 letters, digits, '.', '_' or '-', starting with a letter or digit`,
        );
      const partitions = hub.partitionCount ?? 4;
      if (!Number.isInteger(partitions) || partitions < 1 || partitions > 100)
        problems.add(`eventHubs.${name}.partitionCount ${partitions} is outside 1-100`);
      const retention = hub.messageRetentionDays ?? 7;
      if (!Number.isInteger(retention) || retention < 1 || retention > 90)
        problems.add(`eventHubs.${name}.messageRetentionDays ${retention} is outside 1-90`);
      if (hub.capture) captureProblems(problems, `eventHubs.${name}.capture`, hub.capture);
    }
    validateCustomerManagedKey(problems, props.customerManagedKey, { protects: 'the events' });
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    requirePrivateEndpoint(problems, props.privateEndpoints);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    this.zoneRedundant = known && regionCapabilities(props.region).zones.length > 0;
    const tags = props.tags ? { ...props.tags } : undefined;
    const cmk = addCustomerManagedKey(
      this,
      { region: props.region, resourceGroupName: props.resourceGroupName, resourceName: props.name, tags },
      props.customerManagedKey,
    );
    this.key = cmk?.key;
    this.resource = new EventhubNamespace(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: 'Premium',
      capacity,
      localAuthenticationEnabled: false,
      publicNetworkAccessEnabled: false,
      minimumTlsVersion: '1.2',
      networkRulesets: [
        { defaultAction: 'Deny', publicNetworkAccessEnabled: false, trustedServiceAccessEnabled: false },
      ],
      identity: identityBlock(props.managedIdentities, false, cmk ? [cmk.identity.id] : []),
      tags,
    });
    this.id = this.resource.id;
    if (cmk) {
      // azurerm 4.x attaches an Event Hubs key by a resource of its own, after the identity may use it.
      this.keyAttachment = new EventhubNamespaceCustomerManagedKey(this, 'KeyAttachment', {
        eventhubNamespaceId: this.resource.id,
        keyVaultKeyIds: [cmk.key.versionlessId],
        userAssignedIdentityId: cmk.identity.id,
        infrastructureEncryptionEnabled: true,
        dependsOn: [cmk.keyAccess],
      });
    }

    const hubs: Record<string, Eventhub> = {};
    for (const [name, hub] of Object.entries(props.eventHubs ?? {})) {
      const capture = hub.capture;
      hubs[name] = new Eventhub(this, childId('EventHub', name), {
        name,
        namespaceId: this.resource.id,
        partitionCount: hub.partitionCount ?? 4,
        messageRetention: hub.messageRetentionDays ?? 7,
        captureDescription: capture
          ? {
              enabled: true,
              encoding: 'Avro',
              intervalInSeconds: capture.intervalInSeconds ?? 300,
              sizeLimitInBytes: capture.sizeLimitInBytes ?? 314572800,
              skipEmptyArchives: true,
              destination: {
                name: 'EventHubArchive.AzureBlockBlob',
                archiveNameFormat: capture.archiveNameFormat ?? DEFAULT_ARCHIVE_FORMAT,
                blobContainerName: capture.blobContainerName,
                storageAccountId: capture.storageAccount.storageAccountId,
              },
            }
          : undefined,
        // Events are written only after the key is attached, so none is ever kept under Microsoft's key alone.
        dependsOn: this.keyAttachment ? [this.keyAttachment] : undefined,
        lifecycle: isDeletionProtected(props.lock) ? { preventDestroy: true } : undefined,
      });
    }
    this.eventHubs = hubs;

    protectFromDeletion(this, this.resource, props.lock);
    addRoleAssignments(this, this.resource.id, props.roleAssignments);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'namespace',
        tags,
      },
      props.privateEndpoints,
    );
    addDiagnosticSettings(this, this.resource.id, props.diagnosticSettings);
  }
}

function captureProblems(problems: Problems, at: string, capture: EventHubCapture): void {
  const region = capture.storageAccount?.region;
  if (!(NORWAY_REGIONS as readonly unknown[]).includes(region))
    problems.add(
      `${at}.storageAccount is in ${JSON.stringify(region)}; capture writes every event to it, so it must be a storage account in norwayeast or norwaywest`,
    );
  if (!capture.storageAccount?.storageAccountId)
    problems.add(`${at}.storageAccount.storageAccountId is empty`);
  if (!capture.blobContainerName) problems.add(`${at}.blobContainerName is empty`);
  const interval = capture.intervalInSeconds ?? 300;
  if (!Number.isInteger(interval) || interval < 60 || interval > 900)
    problems.add(`${at}.intervalInSeconds ${interval} is outside 60-900`);
  const size = capture.sizeLimitInBytes ?? 314572800;
  if (!Number.isInteger(size) || size < 10485760 || size > 524288000)
    problems.add(`${at}.sizeLimitInBytes ${size} is outside 10485760-524288000`);
}
