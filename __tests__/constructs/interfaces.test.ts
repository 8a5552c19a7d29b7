import * as fs from 'fs';
import * as path from 'path';
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

describe('the shared interfaces read the same on every construct', () => {
  // Source text of every construct: the props interfaces are the public contract.
  const root = path.join(__dirname, '..', '..', 'constructs');
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }));
  /** The doc comment just above `readonly <prop>`, per file that declares the prop. */
  const docsOf = (prop: string) =>
    files.flatMap(({ file, text }) =>
      [...text.matchAll(new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*readonly ${prop}\\??:`, 'g'))].map(
        (m) => [file, m[1].replace(/\s*\n\s*\*\s*/g, ' ')] as const,
      ),
    );

  test('managedIdentities documents one default: no system-assigned identity unless the resource needs one', () => {
    const docs = docsOf('managedIdentities');
    expect(docs.length).toBeGreaterThanOrEqual(10);
    for (const [file, doc] of docs) {
      expect([
        file,
        /@default - no system-assigned identity; only the identities the construct creates itself \(/.test(
          doc,
        ) || /@default - system-assigned, plus the identities the construct creates itself \(/.test(doc),
      ]).toEqual([file, true]);
    }
  });

  test('diagnosticSettings and customerManagedKey are required props wherever a construct takes them', () => {
    const optional = files.flatMap(({ file, text }) =>
      [...text.matchAll(/readonly (diagnosticSettings|customerManagedKey)\?:/g)].map(
        (m) => `${file}: ${m[1]}`,
      ),
    );
    // Health Data Services takes a key only for DICOM (the FHIR service has none): required with DICOM.
    expect(optional).toEqual(['health/health-data-services.ts: customerManagedKey']);
  });

  test('roleAssignments and privateEndpoints are keyed records, never lists', () => {
    const lists = files.filter(({ text }) =>
      /readonly (roleAssignments|privateEndpoints)\??:\s*(readonly\s+)?[A-Za-z]+\[\]/.test(text),
    );
    expect(lists.map((f) => f.file)).toEqual([]);
    const declared = files.flatMap(({ text }) => [
      ...text.matchAll(/readonly (roleAssignments|privateEndpoints)\??: ([A-Za-z]+);/g),
    ]);
    expect(new Set(declared.map((m) => m[2]))).toEqual(new Set(['RoleAssignments', 'PrivateEndpoints']));
  });

  test('constructs never import the policy engine', () => {
    const imports = files.filter(({ text }) => /from '(\.\.\/)+policies\//.test(text));
    expect(imports.map((f) => f.file)).toEqual([]);
  });
});
