/**
 * A Service Bus Premium namespace in Norway (HL7 and FHIR messages between clinical systems): Entra ID
 * only (no SAS keys), TLS 1.2, no public network access (a private endpoint with its DNS zone), a
 * customer-managed key with infrastructure encryption, diagnostics and deletion protection. Premium is
 * zone-redundant by itself where the region has zones.
 */
import { Construct } from 'constructs';
import { ServicebusNamespace } from '@cdktf/provider-azurerm/lib/servicebus-namespace';
import type {
  CustomerManagedKeyOption,
  DiagnosticSettingsOption,
  LockConfig,
  NorwayConstructProps,
} from '../core/interfaces';
import { NorwayRegion } from '../core/region';
import { Problems } from '../core/validation';
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

/** The `privatelink` zone Service Bus and Event Hubs private endpoints register in. */
export const SERVICE_BUS_PRIVATE_DNS_ZONE = 'privatelink.servicebus.windows.net';

export interface NorwayServiceBusNamespaceProps extends NorwayConstructProps {
  /** 6-50 letters, digits and hyphens, starting with a letter; globally unique. */
  readonly name: string;
  /** Messaging units (1, 2, 4, 8 or 16). @default 1 */
  readonly capacity?: 1 | 2 | 4 | 8 | 16;
  /** Required: a key in a Norway Key Vault, or `{ relaxed: true, justification }`. */
  readonly customerManagedKey: CustomerManagedKeyOption;
  /** Required: operational and runtime audit logs to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** Required: at least one (sub-resource `namespace`). */
  readonly privateEndpoints: PrivateEndpoints;
  /** @default - CanNotDelete lock and prevent_destroy */
  readonly lock?: LockConfig;
  /** E.g. `Azure Service Bus Data Sender` for an application's identity. @default - none */
  readonly roleAssignments?: RoleAssignments;
}

const NAME = /^[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]$/;

export class NorwayServiceBusNamespace extends Construct {
  readonly resource: ServicebusNamespace;
  readonly id: string;
  readonly region: NorwayRegion;

  constructor(scope: Construct, id: string, props: NorwayServiceBusNamespaceProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    if (!NAME.test(props.name))
      problems.add(
        `name ${JSON.stringify(props.name)} is invalid; use 6-50 letters, digits and hyphens, starting with a letter`,
      );
    const capacity = props.capacity ?? 1;
    if (![1, 2, 4, 8, 16].includes(capacity)) problems.add(`capacity ${capacity} is not 1, 2, 4, 8 or 16`);
    validateCustomerManagedKey(problems, props.customerManagedKey, { protects: 'the messages' });
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    requirePrivateEndpoint(problems, props.privateEndpoints);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    validateRoleAssignments(problems, props.roleAssignments);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    const cmk = addCustomerManagedKey(
      this,
      { region: props.region, resourceGroupName: props.resourceGroupName, resourceName: props.name, tags },
      props.customerManagedKey,
    );
    this.resource = new ServicebusNamespace(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      sku: 'Premium',
      capacity,
      premiumMessagingPartitions: 1,
      localAuthEnabled: false,
      publicNetworkAccessEnabled: false,
      minimumTlsVersion: '1.2',
      networkRuleSet: {
        defaultAction: 'Deny',
        publicNetworkAccessEnabled: false,
        trustedServicesAllowed: false,
      },
      identity: identityBlock(undefined, false, cmk ? [cmk.identity.id] : []),
      customerManagedKey: cmk
        ? {
            keyVaultKeyId: cmk.key.versionlessId,
            identityId: cmk.identity.id,
            infrastructureEncryptionEnabled: true,
          }
        : undefined,
      dependsOn: cmk ? [cmk.keyAccess] : undefined,
      tags,
    });
    this.id = this.resource.id;

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
