/**
 * Azure Health Data Services in Norway: a workspace reached only through a private endpoint, with a
 * FHIR R4 service (Entra ID authority = the home tenant, no access policies) and a DICOM service
 * (public access off, a customer-managed key), each logging to the Norway workspace and protected
 * from deletion.
 */
import { Construct } from 'constructs';
import { HealthcareDicomService } from '@cdktf/provider-azurerm/lib/healthcare-dicom-service';
import { HealthcareFhirService } from '@cdktf/provider-azurerm/lib/healthcare-fhir-service';
import { HealthcareWorkspace } from '@cdktf/provider-azurerm/lib/healthcare-workspace';
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
  isDeletionProtected,
  PrivateEndpoints,
  protectFromDeletion,
  requirePrivateEndpoint,
  validateCustomerManagedKey,
  validateDiagnosticSettings,
  validateLock,
  validatePrivateEndpoints,
} from '../interfaces';

/** The zones a Health Data Services workspace endpoint registers in (FHIR and DICOM). */
export const HEALTH_DATA_PRIVATE_DNS_ZONES: readonly string[] = [
  'privatelink.azurehealthcareapis.com',
  'privatelink.dicom.azurehealthcareapis.com',
];

export interface NorwayHealthDataServicesProps extends NorwayConstructProps {
  /** 3-24 lowercase letters and digits. */
  readonly name: string;
  /** The home Entra ID tenant: the only authority FHIR accepts tokens from. */
  readonly tenantId: string;
  /** A FHIR R4 service (child `Fhir`). @default - none */
  readonly fhir?: { readonly name: string };
  /** A DICOM service (child `Dicom`). @default - none */
  readonly dicom?: { readonly name: string };
  /** Required with DICOM: its key in a Norway Key Vault, or `{ relaxed: true, justification }`. */
  readonly customerManagedKey?: CustomerManagedKeyOption;
  /** Required: FHIR and DICOM audit logs to a Log Analytics workspace in Norway. */
  readonly diagnosticSettings: DiagnosticSettingsOption;
  /** Required: at least one, on the workspace (sub-resource `healthcareworkspace`). */
  readonly privateEndpoints: PrivateEndpoints;
  /** @default - CanNotDelete lock on the workspace, prevent_destroy on every service */
  readonly lock?: LockConfig;
}

const NAME = /^[a-z0-9]{3,24}$/;
const SERVICE_NAME = /^[a-z0-9]{3,24}$/;

export class NorwayHealthDataServices extends Construct {
  readonly resource: HealthcareWorkspace;
  readonly id: string;
  readonly region: NorwayRegion;
  readonly fhir?: HealthcareFhirService;
  readonly dicom?: HealthcareDicomService;

  constructor(scope: Construct, id: string, props: NorwayHealthDataServicesProps) {
    super(scope, id);
    const problems = new Problems(this);
    problems.region(props.region);
    if (!NAME.test(props.name))
      problems.add(
        `name ${JSON.stringify(props.name)} is invalid; a workspace name is 3-24 lowercase letters and digits`,
      );
    for (const [what, service] of [
      ['fhir', props.fhir],
      ['dicom', props.dicom],
    ] as const)
      if (service && !SERVICE_NAME.test(service.name))
        problems.add(
          `${what}.name ${JSON.stringify(service.name)} is invalid; use 3-24 lowercase letters and digits`,
        );
    if (!props.fhir && !props.dicom)
      problems.add('neither fhir nor dicom is given: a workspace without services holds nothing');
    if (!props.tenantId) problems.add('tenantId is empty: pass the home Entra ID tenant');
    if (props.dicom)
      validateCustomerManagedKey(problems, props.customerManagedKey, { protects: 'DICOM data' });
    validateDiagnosticSettings(problems, props.diagnosticSettings);
    requirePrivateEndpoint(problems, props.privateEndpoints);
    validatePrivateEndpoints(problems, props.privateEndpoints);
    validateLock(problems, props.lock);
    problems.throwIfAny();

    this.region = props.region;
    const tags = props.tags ? { ...props.tags } : undefined;
    this.resource = new HealthcareWorkspace(this, 'Resource', {
      name: props.name,
      location: props.region,
      resourceGroupName: props.resourceGroupName,
      tags,
    });
    this.id = this.resource.id;

    if (props.fhir) {
      this.fhir = new HealthcareFhirService(this, 'Fhir', {
        name: props.fhir.name,
        location: props.region,
        resourceGroupName: props.resourceGroupName,
        workspaceId: this.resource.id,
        kind: 'fhir-R4',
        // Tokens from the home tenant only; access is Azure RBAC (no access policies).
        authentication: {
          authority: `https://login.microsoftonline.com/${props.tenantId}`,
          audience: `https://${props.name}-${props.fhir.name}.fhir.azurehealthcareapis.com`,
        },
        identity: { type: 'SystemAssigned' },
        tags,
      });
      if (isDeletionProtected(props.lock)) this.fhir.lifecycle = { preventDestroy: true };
      addDiagnosticSettings(this, this.fhir.id, props.diagnosticSettings, undefined, 'FhirDiagnostics');
    }
    if (props.dicom) {
      const cmk = addCustomerManagedKey(
        this,
        {
          region: props.region,
          resourceGroupName: props.resourceGroupName,
          resourceName: `${props.name}-${props.dicom.name}`,
          tags,
        },
        props.customerManagedKey!,
      );
      this.dicom = new HealthcareDicomService(this, 'Dicom', {
        name: props.dicom.name,
        location: props.region,
        workspaceId: this.resource.id,
        publicNetworkAccessEnabled: false,
        encryptionKeyUrl: cmk?.key.versionlessId,
        identity: cmk ? { type: 'UserAssigned', identityIds: [cmk.identity.id] } : undefined,
        dependsOn: cmk ? [cmk.keyAccess] : undefined,
        tags,
      });
      if (isDeletionProtected(props.lock)) this.dicom.lifecycle = { preventDestroy: true };
      addDiagnosticSettings(this, this.dicom.id, props.diagnosticSettings, undefined, 'DicomDiagnostics');
    }

    protectFromDeletion(this, this.resource, props.lock);
    addPrivateEndpoints(
      this,
      {
        region: props.region,
        resourceGroupName: props.resourceGroupName,
        resourceId: this.resource.id,
        resourceName: props.name,
        defaultSubresource: 'healthcareworkspace',
        tags,
      },
      props.privateEndpoints,
    );
  }
}
