import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  moduleDir,
  providerSchema,
  typeSchema,
  type AttributeSchema,
  type BlockSchema,
} from '../../../tools/tf-stand-in/schema-from-bindings';

const LIB = join(dirname(require.resolve('@cdktf/provider-azurerm/package.json')), 'lib');
const flags = (a: AttributeSchema | undefined) =>
  a && [
    a.name,
    JSON.stringify(a.type),
    a.required ? 'required' : a.optional ? 'optional' : '',
    a.computed ? 'computed' : '',
  ];
const attr = (b: BlockSchema, name: string) => flags(b.attributes.find((a) => a.name === name));
const block = (b: BlockSchema, name: string) => {
  const found = b.blocks.find((x) => x.name === name);
  if (!found) throw new Error(`no block ${name}`);
  return found;
};

describe('schema from the cdktf bindings', () => {
  const sa = typeSchema(LIB, 'azurerm', 'azurerm_storage_account', false)!;

  it('maps type names to binding modules', () => {
    expect(moduleDir('azurerm', 'azurerm_storage_account', false)).toBe('storage-account');
    expect(moduleDir('azurerm', 'azurerm_client_config', true)).toBe('data-azurerm-client-config');
  });

  it('reads required, optional and optional+computed arguments with their cty types', () => {
    expect(attr(sa, 'name')).toEqual(['name', '"string"', 'required', '']);
    expect(attr(sa, 'account_replication_type')).toEqual([
      'account_replication_type',
      '"string"',
      'required',
      '',
    ]);
    expect(attr(sa, 'min_tls_version')).toEqual(['min_tls_version', '"string"', 'optional', '']);
    expect(attr(sa, 'public_network_access_enabled')).toEqual([
      'public_network_access_enabled',
      '"bool"',
      'optional',
      '',
    ]);
    expect(attr(sa, 'tags')).toEqual(['tags', '["map","string"]', 'optional', '']);
    expect(attr(sa, 'id')).toEqual(['id', '"string"', 'optional', 'computed']);
  });

  it('reads computed-only attributes from getters without an input getter', () => {
    expect(attr(sa, 'primary_blob_endpoint')).toEqual(['primary_blob_endpoint', '"string"', '', 'computed']);
    expect(attr(block(sa, 'identity').block, 'principal_id')).toEqual([
      'principal_id',
      '"string"',
      '',
      'computed',
    ]);
    expect(attr(block(sa, 'identity').block, 'identity_ids')).toEqual([
      'identity_ids',
      '["set","string"]',
      'optional',
      '',
    ]);
  });

  it('reads block nesting: one block, many, a set, a single timeouts object, required blocks', () => {
    const at = (b: { nesting: string; minItems: number; maxItems: number }) => [
      b.nesting,
      b.minItems,
      b.maxItems,
    ];
    expect(at(block(sa, 'blob_properties'))).toEqual(['list', 0, 1]);
    expect(at(block(block(sa, 'blob_properties').block, 'cors_rule'))).toEqual(['list', 0, 0]);
    expect(at(block(sa, 'timeouts'))).toEqual(['single', 0, 0]);
    const vmss = typeSchema(LIB, 'azurerm', 'azurerm_linux_virtual_machine_scale_set', false)!;
    expect(at(block(vmss, 'admin_ssh_key'))).toEqual(['set', 0, 0]);
    expect(at(block(vmss, 'os_disk'))).toEqual(['list', 1, 1]);
    expect(at(block(vmss, 'network_interface'))).toEqual(['list', 1, 0]);
  });

  it('reads data sources: arguments, and computed lists of objects', () => {
    const client = typeSchema(LIB, 'azurerm', 'azurerm_client_config', true)!;
    expect(client.attributes.map((a) => flags(a))).toEqual([
      ['id', '"string"', 'optional', 'computed'],
      ['client_id', '"string"', '', 'computed'],
      ['object_id', '"string"', '', 'computed'],
      ['subscription_id', '"string"', '', 'computed'],
      ['tenant_id', '"string"', '', 'computed'],
    ]);
    const kv = typeSchema(LIB, 'azurerm', 'azurerm_key_vault', true)!;
    expect(attr(kv, 'name')).toEqual(['name', '"string"', 'required', '']);
    const policy = kv.attributes.find((a) => a.name === 'access_policy')!;
    expect(policy.type).toEqual([
      'list',
      [
        'object',
        {
          application_id: 'string',
          certificate_permissions: ['list', 'string'],
          key_permissions: ['list', 'string'],
          object_id: 'string',
          secret_permissions: ['list', 'string'],
          storage_permissions: ['list', 'string'],
          tenant_id: 'string',
        },
      ],
    ]);
  });

  it('reads the provider configuration without cdktf meta-arguments', () => {
    const provider = providerSchema(LIB);
    expect(attr(provider, 'subscription_id')).toEqual(['subscription_id', '"string"', 'optional', '']);
    expect(provider.attributes.find((a) => a.name === 'alias')).toBeUndefined();
    // Optional in the bindings (the real provider requires it): the stand-in serves what the bindings say.
    expect([block(provider, 'features').nesting, block(provider, 'features').minItems]).toEqual(['list', 0]);
  });

  it('knows no type the bindings lack', () => {
    expect(typeSchema(LIB, 'azurerm', 'azurerm_storage_acount', false)).toBeUndefined();
    expect(typeSchema(LIB, 'azurerm', 'azurerm_client_config', false)).toBeUndefined();
  });

  it('derives every resource and data source type the installed bindings hold', () => {
    const failures: string[] = [];
    let count = 0;
    for (const dir of readdirSync(LIB, { withFileTypes: true })) {
      if (!dir.isDirectory() || dir.name === 'provider') continue;
      const js = readFileSync(join(LIB, dir.name, 'index.js'), 'utf8');
      const typeName = /\n\w+\.tfResourceType = "(\w+)";/.exec(js)?.[1];
      if (!typeName) {
        failures.push(`${dir.name}: no tfResourceType`);
        continue;
      }
      try {
        if (typeSchema(LIB, 'azurerm', typeName, dir.name.startsWith('data-azurerm-'))) count++;
        else failures.push(`${typeName}: not found from ${dir.name}`);
      } catch (err) {
        failures.push(`${typeName}: ${(err as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    // azurerm 4.55 (cdktf 14.23.1) has 1,526; the CDK Terrain leg's 16.x bindings have more.
    const version = (JSON.parse(readFileSync(join(LIB, '..', 'package.json'), 'utf8')) as { version: string })
      .version;
    if (version === '14.23.1') expect(count).toBe(1526);
    else expect(count).toBeGreaterThan(1526);
  });
});
