import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import {
  HEALTH_DATA_PRIVATE_DNS_ZONES,
  NorwayHealthDataServices,
  NorwayHealthDataServicesProps,
} from '../../constructs/health';
import type { NorwayStack } from '../../stacks/norway-stack';
import { errorFindings, Json, only, synth, testStack, logsAndKeyVault } from './support';

const TENANT = '00000000-0000-0000-0000-000000000001';
const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
const ZONES = HEALTH_DATA_PRIVATE_DNS_ZONES.map(
  (z) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/${z}`,
);

function health(
  stack: NorwayStack,
  region: NorwayRegion,
  extra: Partial<NorwayHealthDataServicesProps> = {},
) {
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  return new NorwayHealthDataServices(stack, 'hds', {
    region,
    resourceGroupName: 'rg-health',
    name: 'hdsrecords',
    tenantId: TENANT,
    fhir: { name: 'fhir' },
    dicom: { name: 'dicom' },
    customerManagedKey: { keyVault },
    diagnosticSettings: { workspaceId: logs.workspaceId },
    privateEndpoints: { workspace: { subnetId: SUBNET, privateDnsZoneIds: ZONES } },
    ...extra,
  });
}

describe.each([NORWAY_EAST, NORWAY_WEST])(
  'NorwayHealthDataServices with defaults in %s',
  (region: NorwayRegion) => {
    let stack: NorwayStack;
    let json: Json;
    beforeAll(() => {
      // GIVEN / WHEN
      stack = testStack(region);
      health(stack, region);
      json = synth(stack);
    });

    test('FHIR R4 trusts the home tenant only and is protected from deletion', () => {
      expect(only(json, 'azurerm_healthcare_fhir_service')).toMatchObject({
        location: region,
        kind: 'fhir-R4',
        authentication: {
          authority: `https://login.microsoftonline.com/${TENANT}`,
          audience: 'https://hdsrecords-fhir.fhir.azurehealthcareapis.com',
        },
        lifecycle: { prevent_destroy: true },
      });
      expect(only(json, 'azurerm_healthcare_fhir_service').access_policy_object_ids).toBeUndefined();
    });

    test('DICOM: public access off, a customer-managed key', () => {
      expect(only(json, 'azurerm_healthcare_dicom_service')).toMatchObject({
        location: region,
        public_network_access_enabled: false,
        encryption_key_url: expect.stringMatching(
          /^\$\{azurerm_key_vault_key\.hds_Key_[0-9A-F]{8}\.versionless_id\}$/,
        ),
        identity: { type: 'UserAssigned' },
      });
    });

    test('the workspace: a private endpoint in both zones, a lock, FHIR and DICOM logs', () => {
      expect(only(json, 'azurerm_private_endpoint', 'hds_')).toMatchObject({
        private_service_connection: { subresource_names: ['healthcareworkspace'] },
        private_dns_zone_group: { private_dns_zone_ids: ZONES },
      });
      expect(only(json, 'azurerm_management_lock', 'hds_')).toMatchObject({ lock_level: 'CanNotDelete' });
      expect(
        only(json, 'azurerm_monitor_diagnostic_setting', 'hds_FhirDiagnostics').target_resource_id,
      ).toMatch(/azurerm_healthcare_fhir_service\.hds_Fhir_/);
      expect(
        only(json, 'azurerm_monitor_diagnostic_setting', 'hds_DicomDiagnostics').target_resource_id,
      ).toMatch(/azurerm_healthcare_dicom_service\.hds_Dicom_/);
    });

    test('zero error findings from the policy engine', () => {
      expect(errorFindings(stack)).toEqual([]);
    });
  },
);

describe('NorwayHealthDataServices validation', () => {
  test('fails on bad names, no services and no private endpoint', () => {
    expect(() =>
      health(testStack(NORWAY_EAST), NORWAY_EAST, {
        name: 'HDS-records',
        fhir: undefined,
        dicom: undefined,
        privateEndpoints: {},
      }),
    ).toThrow(
      /3 problems:\n {2}- name "HDS-records" is invalid.*\n {2}- neither fhir nor dicom is given.*\n {2}- privateEndpoints is missing/,
    );
  });

  test('fails on DICOM without a key', () => {
    expect(() => health(testStack(NORWAY_WEST), NORWAY_WEST, { customerManagedKey: undefined })).toThrow(
      /customerManagedKey is missing: pass \{ keyVault \} with a NorwayKeyVault so DICOM data is encrypted/,
    );
  });
});
