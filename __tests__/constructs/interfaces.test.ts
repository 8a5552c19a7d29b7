import { NORWAY_EAST, NORWAY_WEST, NorwayRegion } from '../../constructs/core/region';
import { NorwayStorageAccount } from '../../constructs/storage';
import { identityBlock } from '../../constructs/interfaces/managed-identities';
import { Json, resourcesOf, synth, testStack, logsAndKeyVault } from './support';

const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
const ZONE =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net';
const READER = {
  roleDefinitionName: 'Storage Blob Data Reader',
  principalId: '00000000-0000-0000-0000-00000000000a',
};

function account(region: NorwayRegion, extra: Record<string, unknown>) {
  const stack = testStack(region);
  const { logs, keyVault } = logsAndKeyVault(stack, region, SUBNET);
  new NorwayStorageAccount(stack, 'data', {
    region,
    resourceGroupName: 'rg',
    name: 'sthospitaldata01',
    customerManagedKey: { keyVault },
    diagnosticSettings: { workspaceId: logs.workspaceId },
    ...extra,
  });
  return stack;
}

describe.each([NORWAY_EAST, NORWAY_WEST])('keyed interfaces in %s', (region: NorwayRegion) => {
  test('role assignments and private endpoints are addressed by key, not position', () => {
    // GIVEN / WHEN
    const json: Json = synth(
      account(region, {
        roleAssignments: { readers: READER },
        privateEndpoints: { blob: { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } },
      }),
    );
    // THEN
    const endpoints = Object.keys(resourcesOf(json, 'azurerm_private_endpoint'));
    expect(endpoints.filter((a) => a.startsWith('data_'))).toEqual([
      expect.stringMatching(/^data_PrivateEndpoint-blob_[0-9A-F]{8}$/),
    ]);
    const assignments = Object.keys(resourcesOf(json, 'azurerm_role_assignment')).filter((a) =>
      a.startsWith('data_'),
    );
    expect(assignments).toEqual(
      expect.arrayContaining([expect.stringMatching(/^data_RoleAssignment-readers_[0-9A-F]{8}$/)]),
    );
  });

  test('fails when a list is passed instead of a keyed record', () => {
    expect(() => account(region, { roleAssignments: [READER] })).toThrow(
      /roleAssignments is a list; pass a record keyed by a stable name/,
    );
  });

  test('fails when a key is not a stable word', () => {
    expect(() =>
      account(region, { privateEndpoints: { '1 blob': { subnetId: SUBNET, privateDnsZoneIds: [ZONE] } } }),
    ).toThrow(/privateEndpoints key "1 blob" is invalid/);
  });

  test('fails when a role assignment names no role and an endpoint no zone', () => {
    expect(() =>
      account(region, {
        roleAssignments: { x: { principalId: READER.principalId } },
        privateEndpoints: { blob: { subnetId: SUBNET, privateDnsZoneIds: [] } },
      }),
    ).toThrow(
      /privateEndpoints\.blob\.privateDnsZoneIds is empty[\s\S]*roleAssignments\.x needs exactly one of roleDefinitionName or roleDefinitionId/,
    );
  });
});

describe('managedIdentities', () => {
  test('no identity unless asked for; own identities first, then the given ones', () => {
    expect(identityBlock(undefined)).toBeUndefined();
    expect(identityBlock(undefined, true)).toEqual({ type: 'SystemAssigned', identityIds: undefined });
    expect(identityBlock({ userAssignedResourceIds: ['u2'] }, false, ['u1'])).toEqual({
      type: 'UserAssigned',
      identityIds: ['u1', 'u2'],
    });
    expect(identityBlock({ systemAssigned: true }, false, ['u1'])).toEqual({
      type: 'SystemAssigned, UserAssigned',
      identityIds: ['u1'],
    });
  });
});
