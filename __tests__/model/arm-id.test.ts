/** policies/model/arm-id.ts: ARM ids and Key Vault object URLs read into their parts, and the parent of a child id. */
import {
  parentArmId,
  parseArmId,
  parseVaultObjectUrl,
  type ArmId,
  type VaultObjectUrl,
} from '../../policies/model/arm-id';

const GROUP = '/subscriptions/sub-1/resourceGroups/rg-app';
const ACCOUNT = `${GROUP}/providers/Microsoft.Storage/storageAccounts/stapp`;
const CONTAINER = `${ACCOUNT}/blobServices/default/containers/uploads`;

describe('parseArmId', () => {
  test.each<[string, string, ArmId]>([
    [
      'a top-level resource',
      ACCOUNT,
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.storage/storageaccounts',
        names: ['stapp'],
      },
    ],
    [
      'a child resource, its types joined and its names outermost first',
      CONTAINER,
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.storage/storageaccounts/blobservices/containers',
        names: ['stapp', 'default', 'uploads'],
      },
    ],
    [
      'a resource written in mixed case, every part lower-cased',
      '/subscriptions/SUB-1/resourceGroups/RG-App/providers/Microsoft.KeyVault/vaults/KV-Main',
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.keyvault/vaults',
        names: ['kv-main'],
      },
    ],
    [
      'the fixed segments in any case',
      '/SUBSCRIPTIONS/sub-1/RESOURCEGROUPS/rg-app/PROVIDERS/microsoft.keyvault/VAULTS/kv',
      { subscription: 'sub-1', resourceGroup: 'rg-app', armType: 'microsoft.keyvault/vaults', names: ['kv'] },
    ],
    [
      'a resource with a trailing slash',
      `${ACCOUNT}/`,
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.storage/storageaccounts',
        names: ['stapp'],
      },
    ],
    [
      'a resource with doubled slashes after /providers/',
      `${GROUP}/providers//Microsoft.Storage//storageAccounts//stapp`,
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.storage/storageaccounts',
        names: ['stapp'],
      },
    ],
    [
      'a percent-encoded name, decoded',
      `${GROUP}/providers/Microsoft.Web/sites/My%20App`,
      { subscription: 'sub-1', resourceGroup: 'rg-app', armType: 'microsoft.web/sites', names: ['my app'] },
    ],
    [
      'a name percent-encoded as UTF-8, decoded',
      `${GROUP}/providers/Microsoft.Web/sites/caf%C3%A9`,
      { subscription: 'sub-1', resourceGroup: 'rg-app', armType: 'microsoft.web/sites', names: ['café'] },
    ],
    [
      'an extension resource on a scope whose name is malformed, as its own readable part',
      `${GROUP}/providers/Microsoft.Web/sites/bad%zz/providers/Microsoft.Insights/diagnosticSettings/d`,
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.insights/diagnosticsettings',
        names: ['d'],
      },
    ],
    [
      'a resource group, as the group type named by the group',
      '/subscriptions/sub-1/resourceGroups/RG-App',
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.resources/resourcegroups',
        names: ['rg-app'],
      },
    ],
    [
      'a resource group with a trailing slash',
      '/subscriptions/sub-1/resourcegroups/rg-app/',
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.resources/resourcegroups',
        names: ['rg-app'],
      },
    ],
    [
      'a subscription, as the subscription type named by the subscription',
      '/subscriptions/SUB-1',
      { subscription: 'sub-1', armType: 'microsoft.resources/subscriptions', names: ['sub-1'] },
    ],
    [
      'a subscription with a trailing slash',
      '/subscriptions/sub-1/',
      { subscription: 'sub-1', armType: 'microsoft.resources/subscriptions', names: ['sub-1'] },
    ],
    [
      'a resource directly under a subscription, with no group',
      '/subscriptions/sub-1/providers/Microsoft.Authorization/roleAssignments/ra-1',
      { subscription: 'sub-1', armType: 'microsoft.authorization/roleassignments', names: ['ra-1'] },
    ],
    [
      'an extension resource, as its innermost /providers/ part',
      `${ACCOUNT}/providers/Microsoft.Insights/diagnosticSettings/to-logs`,
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.insights/diagnosticsettings',
        names: ['to-logs'],
      },
    ],
  ])('reads %s', (_what, id, expected) => {
    expect(parseArmId(id)).toEqual(expected);
  });

  test('leaves out the resource group of an id that has none', () => {
    const id = parseArmId('/subscriptions/sub-1/providers/Microsoft.Authorization/roleAssignments/ra-1');
    expect(id?.resourceGroup).toBeUndefined();
    expect(parseArmId('/subscriptions/sub-1')?.resourceGroup).toBeUndefined();
  });

  test.each([
    ['the empty string', ''],
    ['an id without its leading slash', 'subscriptions/sub-1/resourceGroups/rg-app'],
    ['an id after leading whitespace', ' /subscriptions/sub-1'],
    ['a subscription segment without a subscription', '/subscriptions/'],
    ['an empty subscription', '/subscriptions//resourceGroups/rg-app'],
    ['a resourceGroups segment without a group', '/subscriptions/sub-1/resourceGroups/'],
    ['a misspelt resourceGroups segment', '/subscriptions/sub-1/resourceGroupsX/rg-app'],
    ['a path with no /providers/ part', `${GROUP}/storageAccounts/stapp`],
    ['a /providers/ part with nothing after it', `${GROUP}/providers/`],
    ['a namespace without a type', `${GROUP}/providers/Microsoft.Storage`],
    ['a type without a name', `${GROUP}/providers/Microsoft.Storage/storageAccounts`],
    ['a child type without a name', `${ACCOUNT}/blobServices`],
    ['a management group scope', '/providers/Microsoft.Management/managementGroups/mg-1'],
    ['a Key Vault object URL', 'https://kv-main.vault.azure.net/keys/cmk'],
    ['a resource name', 'stapp'],
  ])('refuses %s: %j', (_what, text) => {
    expect(parseArmId(text)).toBeUndefined();
  });

  // A name it cannot decode is no name it can match: undefined, not the name left encoded, so the id
  // never matches a resource of the estate nor falls back to the parent it names.
  test.each([
    ['a malformed escape', `${GROUP}/providers/Microsoft.Web/sites/bad%zz`],
    ['an escape cut off at the end', `${GROUP}/providers/Microsoft.Web/sites/bad%2`],
    ['a lone percent sign', `${GROUP}/providers/Microsoft.Web/sites/50%`],
    ['an unfinished UTF-8 sequence', `${GROUP}/providers/Microsoft.Web/sites/%E0%A4`],
    ['an escape that is no UTF-8', `${GROUP}/providers/Microsoft.Web/sites/%FF`],
    [
      'a malformed escape in a child name, under a readable parent',
      `${ACCOUNT}/blobServices/default/containers/bad%zz`,
    ],
    [
      'a malformed escape in a parent name, under a readable child',
      `${GROUP}/providers/Microsoft.Storage/storageAccounts/st%zz/blobServices/default`,
    ],
  ])('refuses, without throwing, a name with %s: %j', (_what, text) => {
    expect(() => parseArmId(text)).not.toThrow();
    expect(parseArmId(text)).toBeUndefined();
  });
});

describe('parentArmId', () => {
  test('walks a child id up to its top-level resource, then stops', () => {
    const chain: ArmId[] = [];
    for (let at = parseArmId(CONTAINER); at; at = parentArmId(at)) chain.push(at);
    expect(chain).toEqual([
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.storage/storageaccounts/blobservices/containers',
        names: ['stapp', 'default', 'uploads'],
      },
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.storage/storageaccounts/blobservices',
        names: ['stapp', 'default'],
      },
      {
        subscription: 'sub-1',
        resourceGroup: 'rg-app',
        armType: 'microsoft.storage/storageaccounts',
        names: ['stapp'],
      },
    ]);
  });

  test.each([
    ['a top-level resource', ACCOUNT],
    ['a resource group', GROUP],
    ['a subscription', '/subscriptions/sub-1'],
    ['an extension resource on a child', `${CONTAINER}/providers/Microsoft.Insights/diagnosticSettings/d`],
  ])('gives undefined for %s: its parent is no child resource', (_what, text) => {
    const id = parseArmId(text);
    expect(id).not.toBeUndefined();
    expect(parentArmId(id!)).toBeUndefined();
  });

  test.each<[string, ArmId, ArmId | undefined]>([
    [
      'a two-level id without subscription or group',
      { armType: 'microsoft.sql/servers/databases', names: ['sql-1', 'db-1'] },
      { armType: 'microsoft.sql/servers', names: ['sql-1'] },
    ],
    ['an id with no names', { armType: 'microsoft.sql/servers', names: [] }, undefined],
  ])('takes the last child off %s', (_what, id, expected) => {
    expect(parentArmId(id)).toEqual(expected);
  });

  test('leaves the child id as it was', () => {
    const child = parseArmId(CONTAINER)!;
    parentArmId(child);
    expect(child).toEqual({
      subscription: 'sub-1',
      resourceGroup: 'rg-app',
      armType: 'microsoft.storage/storageaccounts/blobservices/containers',
      names: ['stapp', 'default', 'uploads'],
    });
  });
});

describe('parseVaultObjectUrl', () => {
  test.each<[string, VaultObjectUrl]>([
    ['https://kv-main.vault.azure.net/keys/cmk', { vault: 'kv-main', kind: 'keys', name: 'cmk' }],
    [
      'https://kv-main.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef',
      { vault: 'kv-main', kind: 'keys', name: 'cmk' },
    ],
    ['https://kv-main.vault.azure.net/keys/cmk/', { vault: 'kv-main', kind: 'keys', name: 'cmk' }],
    [
      'https://kv-main.vault.azure.net/secrets/db-password',
      { vault: 'kv-main', kind: 'secrets', name: 'db-password' },
    ],
    [
      'https://kv-main.vault.azure.net/certificates/tls',
      { vault: 'kv-main', kind: 'certificates', name: 'tls' },
    ],
    ['https://KV-Main.Vault.Azure.NET/Keys/CMK', { vault: 'kv-main', kind: 'keys', name: 'cmk' }],
    ['https://kv-main.vault.azure.net:443/keys/cmk', { vault: 'kv-main', kind: 'keys', name: 'cmk' }],
    [
      'https://kv-main.vault.azure.net/keys/cmk?api-version=7.4',
      { vault: 'kv-main', kind: 'keys', name: 'cmk' },
    ],
    ['https://kv-main.vault.azure.net/keys/cmk#v', { vault: 'kv-main', kind: 'keys', name: 'cmk' }],
    ['https://kv-cn.vault.azure.cn/secrets/s', { vault: 'kv-cn', kind: 'secrets', name: 's' }],
    ['https://kv-gov.vault.usgovcloudapi.net/keys/k', { vault: 'kv-gov', kind: 'keys', name: 'k' }],
    ['https://hsm-main.managedhsm.azure.net/keys/cmk', { vault: 'hsm-main', kind: 'keys', name: 'cmk' }],
  ])('reads %s', (url, expected) => {
    expect(parseVaultObjectUrl(url)).toEqual(expected);
  });

  test.each([
    ['the empty string', ''],
    ['plain http', 'http://kv-main.vault.azure.net/keys/cmk'],
    ['a port other than 443', 'https://kv-main.vault.azure.net:8443/keys/cmk'],
    ['a kind without an object name', 'https://kv-main.vault.azure.net/keys/'],
    ['a kind without a slash after it', 'https://kv-main.vault.azure.net/keys'],
    ['the vault alone', 'https://kv-main.vault.azure.net/'],
    ['a kind Key Vault does not have', 'https://kv-main.vault.azure.net/storage/acct'],
    ['a kind in the singular', 'https://kv-main.vault.azure.net/key/cmk'],
    ['a doubled slash before the kind', 'https://kv-main.vault.azure.net//keys/cmk'],
    ['a vault name with an underscore', 'https://kv_main.vault.azure.net/keys/cmk'],
    ['a host under a vault domain', 'https://a.kv-main.vault.azure.net/keys/cmk'],
    ['a look-alike host', 'https://kv-main.vault.azure.net.example.com/keys/cmk'],
    ['a vault domain in the path', 'https://example.com/kv-main.vault.azure.net/keys/cmk'],
    ['a host of another service', 'https://stapp.blob.core.windows.net/keys/cmk'],
    ['leading whitespace', ' https://kv-main.vault.azure.net/keys/cmk'],
    ['an ARM id', `${GROUP}/providers/Microsoft.KeyVault/vaults/kv-main/keys/cmk`],
  ])('refuses %s: %j', (_what, text) => {
    expect(parseVaultObjectUrl(text)).toBeUndefined();
  });
});
