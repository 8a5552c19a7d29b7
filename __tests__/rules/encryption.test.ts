import { ENC_001 } from '../../policies/rules/encryption/enc-001-storage-transport';
import { ENC_002 } from '../../policies/rules/encryption/enc-002-customer-managed-keys';
import { ENC_003 } from '../../policies/rules/encryption/enc-003-disk-encryption';
import { ENC_004 } from '../../policies/rules/encryption/enc-004-tls-endpoints';
import { ENC_005 } from '../../policies/rules/encryption/enc-005-key-vault-recovery';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

const SA = { name: 'sa', location: 'norwayeast', account_replication_type: 'ZRS' };

ruleTester(ENC_001, {
  valid: [
    {
      name: 'defaults (HTTPS only and TLS 1.2 in azurerm 4.x), and both written out under 4.x and 3.x names',
      synth: tf({
        'azurerm_storage_account.a': SA,
        'azurerm_storage_account.b': { ...SA, https_traffic_only_enabled: true, min_tls_version: 'TLS1_2' },
        'azurerm_storage_account.c': { ...SA, enable_https_traffic_only: true },
      }),
      plan: plan([
        {
          at: 'azurerm_storage_account.a',
          values: { ...SA, https_traffic_only_enabled: true, min_tls_version: 'TLS1_2' },
        },
      ]),
    },
    {
      name: 'TLS version through a variable whose validation allows only TLS1_2',
      synth: tf(
        { 'azurerm_storage_account.a': { ...SA, min_tls_version: '${var.tls}' } },
        { variable: { tls: { default: 'TLS1_2', validation: [{ condition: '${var.tls == "TLS1_2"}' }] } } },
      ),
    },
  ],
  invalid: [
    {
      name: 'TLS version through a variable default only: -var may set TLS1_0',
      messages: [
        'min_tls_version cannot be verified before apply (var.tls has a default ("TLS1_2"), ' +
          'but -var, TF_VAR_tls or another tfvars file may set any value; only a validation restricts it: ' +
          'validation { condition = contains(["TLS1_2"], var.tls) }).',
      ],
      synth: tf(
        { 'azurerm_storage_account.a': { ...SA, min_tls_version: '${var.tls}' } },
        { variable: { tls: { default: 'TLS1_2' } } },
      ),
      hcl: `
        variable "tls" {
          default = "TLS1_2"
        }
        resource "azurerm_storage_account" "a" {
          name                     = "a"
          location                 = "norwayeast"
          resource_group_name      = "rg"
          account_tier             = "Standard"
          account_replication_type = "ZRS"
          min_tls_version          = var.tls
        }`,
      errors: [['ENC-001', 'azurerm_storage_account.a']],
    },
    {
      name: 'HTTP allowed under the 4.x name and the 3.x name',
      messages: ['https_traffic_only_enabled is false.', 'enable_https_traffic_only is false.'],
      synth: tf({
        'azurerm_storage_account.a': { ...SA, https_traffic_only_enabled: false },
        'azurerm_storage_account.b': { ...SA, enable_https_traffic_only: false },
      }),
      plan: plan([
        {
          at: 'module.st.azurerm_storage_account.a',
          index: 0,
          values: { ...SA, https_traffic_only_enabled: false, min_tls_version: 'TLS1_2' },
        },
      ]),
      errors: [
        ['ENC-001', 'azurerm_storage_account.a'],
        ['ENC-001', 'azurerm_storage_account.b'],
      ],
      planErrors: [['ENC-001', 'module.st.azurerm_storage_account.a[0]']],
      message: /https_traffic_only|enable_https_traffic_only/,
    },
    {
      name: 'TLS 1.0, and a TLS version unknown before apply',
      messages: [
        'min_tls_version is "TLS1_0" (expected "TLS1_2" or "TLS1_3").',
        'min_tls_version cannot be verified before apply (var.tls has no default and no validation that limits it).',
      ],
      synth: tf(
        {
          'azurerm_storage_account.a': { ...SA, min_tls_version: 'TLS1_0' },
          'azurerm_storage_account.b': { ...SA, min_tls_version: '${var.tls}' },
        },
        { variable: { tls: { type: 'string' } } },
      ),
      plan: plan([{ at: 'azurerm_storage_account.a', values: { ...SA, min_tls_version: 'TLS1_1' } }]),
      errors: [
        ['ENC-001', 'azurerm_storage_account.a'],
        ['ENC-001', 'azurerm_storage_account.b'],
      ],
      planErrors: [['ENC-001', 'azurerm_storage_account.a']],
    },
  ],
});

const KV = { name: 'kv', location: 'norwayeast' };
const CMK_SYNTH = {
  'azurerm_key_vault.kv': KV,
  'azurerm_key_vault_key.k': { key_vault_id: '${azurerm_key_vault.kv.id}', name: 'k' },
};

ruleTester(ENC_002, {
  valid: [
    {
      name: 'storage with inline CMK (block as object) from a Norway vault, and infrastructure encryption',
      synth: tf({
        ...CMK_SYNTH,
        'azurerm_storage_account.sa': {
          ...SA,
          infrastructure_encryption_enabled: true,
          customer_managed_key: {
            key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}',
            user_assigned_identity_id: 'x',
          },
        },
      }),
      plan: plan([
        { at: 'azurerm_key_vault.kv', values: KV },
        {
          at: 'azurerm_key_vault_key.k',
          unknown: { key_vault_id: true },
          references: { key_vault_id: ['azurerm_key_vault.kv.id'] },
        },
        {
          at: 'azurerm_storage_account.sa',
          values: { ...SA, infrastructure_encryption_enabled: true, customer_managed_key: [{}] },
          unknown: { customer_managed_key: [{ key_vault_key_id: true }] },
          references: {
            'customer_managed_key.key_vault_key_id': [
              'azurerm_key_vault_key.k.versionless_id',
              'azurerm_key_vault_key.k',
            ],
          },
        },
      ]),
    },
    {
      name: 'storage and SQL with separate key attachments',
      synth: tf({
        ...CMK_SYNTH,
        'azurerm_storage_account.sa': { ...SA, infrastructure_encryption_enabled: true },
        'azurerm_storage_account_customer_managed_key.cmk': {
          storage_account_id: '${azurerm_storage_account.sa.id}',
          key_vault_id: '${azurerm_key_vault.kv.id}',
          key_name: 'k',
        },
        'azurerm_storage_account.by_uri': { ...SA, infrastructure_encryption_enabled: true },
        'azurerm_storage_account_customer_managed_key.by_uri': {
          storage_account_id: '${azurerm_storage_account.by_uri.id}',
          key_vault_uri: '${azurerm_key_vault.kv.vault_uri}',
          key_name: 'k',
        },
        'azurerm_mssql_server.sql': { location: 'norwayeast' },
        'azurerm_mssql_server_transparent_data_encryption.tde': {
          server_id: '${azurerm_mssql_server.sql.id}',
          key_vault_key_id: '${azurerm_key_vault_key.k.id}',
        },
      }),
    },
    {
      name: "a key attachment for a storage account outside this configuration is not this stack's to check",
      synth: tf({
        ...CMK_SYNTH,
        'azurerm_storage_account_customer_managed_key.legacy': {
          storage_account_id:
            '/subscriptions/8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f/resourceGroups/rg-legacy/providers/Microsoft.Storage/storageAccounts/stlegacy',
          key_vault_key_id: '${azurerm_key_vault_key.k.id}',
        },
      }),
    },
    {
      name: 'an existing account read as a data source is not checked',
      synth: tf({
        'data.azurerm_storage_account.shared': { name: 'stshared', resource_group_name: 'rg-shared' },
      }),
      plan: plan([{ at: 'data.azurerm_storage_account.shared', values: { name: 'stshared' } }]),
    },
    {
      name: 'storage with a key from a managed HSM in Norway',
      synth: tf({
        'azurerm_key_vault_managed_hardware_security_module.hsm': { name: 'hsm', location: 'norwayeast' },
        'azurerm_key_vault_managed_hardware_security_module_key.k': {
          name: 'k',
          managed_hsm_id: '${azurerm_key_vault_managed_hardware_security_module.hsm.id}',
        },
        'azurerm_storage_account.sa': {
          ...SA,
          infrastructure_encryption_enabled: true,
          customer_managed_key: [
            {
              managed_hsm_key_id: '${azurerm_key_vault_managed_hardware_security_module_key.k.versioned_id}',
              user_assigned_identity_id: '${azurerm_user_assigned_identity.id.id}',
            },
          ],
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a key id from a variable whose default is null: -var may set any key, so nothing is proven',
      messages: [
        'key_vault_key_id cannot be resolved: var.cmk_key_id has a default (null), ' +
          'but -var, TF_VAR_cmk_key_id or another tfvars file may set any value; only a validation restricts it: ' +
          'a validation block whose condition limits var.cmk_key_id to allowed values.',
      ],
      synth: tf(
        { 'azurerm_cosmosdb_account.c': { location: 'norwayeast', key_vault_key_id: '${var.cmk_key_id}' } },
        { variable: { cmk_key_id: { type: 'string', default: null } } },
      ),
      errors: [['ENC-002', 'azurerm_cosmosdb_account.c']],
    },
    {
      name: 'platform-managed keys only, and storage without infrastructure encryption',
      messages: [
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'infrastructure_encryption_enabled is not set, and the provider default is false.',
      ],
      synth: tf({
        'azurerm_storage_account.sa': SA,
        'azurerm_cosmosdb_account.c': { location: 'norwayeast' },
      }),
      plan: plan([{ at: 'azurerm_storage_account.sa', index: 'logs', values: SA }]),
      errors: [
        ['ENC-002', 'azurerm_cosmosdb_account.c'],
        ['ENC-002', 'azurerm_storage_account.sa'],
        ['ENC-002', 'azurerm_storage_account.sa'],
      ],
      planErrors: [
        ['ENC-002', 'azurerm_storage_account.sa["logs"]'],
        ['ENC-002', 'azurerm_storage_account.sa["logs"]'],
      ],
    },
    {
      name: 'storage key attachments (azurerm 4.x) naming a vault abroad, and a vault by a literal URI',
      messages: [
        'the key vault azurerm_key_vault.we is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
        'key_vault_uri https://kv-shared.vault.azure.net/ points at a key that is not in the checked estate; pass its stack, plan or state with --context.',
      ],
      synth: tf({
        'azurerm_key_vault.we': { location: 'westeurope' },
        'azurerm_storage_account.abroad': { ...SA, infrastructure_encryption_enabled: true },
        'azurerm_storage_account_customer_managed_key.abroad': {
          storage_account_id: '${azurerm_storage_account.abroad.id}',
          key_vault_id: '${azurerm_key_vault.we.id}',
          key_name: 'k',
        },
        'azurerm_storage_account.literal': { ...SA, infrastructure_encryption_enabled: true },
        'azurerm_storage_account_customer_managed_key.literal': {
          storage_account_id: '${azurerm_storage_account.literal.id}',
          key_vault_uri: 'https://kv-shared.vault.azure.net/',
          key_name: 'k',
        },
      }),
      errors: [
        ['ENC-002', 'azurerm_storage_account.abroad'],
        ['ENC-002', 'azurerm_storage_account.literal'],
      ],
    },
    {
      name: 'key in a vault abroad, and a key id outside the configuration',
      messages: [
        'key_vault_key_id https://kv.vault.azure.net/keys/k points at a key that is not in the checked estate; pass its stack, plan or state with --context.',
        'the key vault azurerm_key_vault.kv is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_key_vault.kv': { location: 'westeurope' },
        'azurerm_key_vault_key.k': { key_vault_id: '${azurerm_key_vault.kv.id}' },
        'azurerm_postgresql_flexible_server.pg': {
          location: 'norwayeast',
          customer_managed_key: [{ key_vault_key_id: '${azurerm_key_vault_key.k.id}' }],
        },
        'azurerm_cosmosdb_account.c': {
          location: 'norwayeast',
          key_vault_key_id: 'https://kv.vault.azure.net/keys/k',
        },
      }),
      errors: [
        ['ENC-002', 'azurerm_cosmosdb_account.c'],
        ['ENC-002', 'azurerm_postgresql_flexible_server.pg'],
      ],
    },
    {
      name: 'key id from an input variable, a key whose vault is not in the configuration, a secret instead of a key',
      messages: [
        'key_vault_key_id points at azurerm_key_vault_secret.s, which is not a key in a Key Vault or managed HSM.',
        'transparent_data_encryption_key_vault_key_id cannot be resolved: var.tde_key has no default and no validation that limits it.',
        'the key vault of azurerm_key_vault_key.k cannot be verified to be in the configuration.',
      ],
      synth: tf(
        {
          'azurerm_key_vault.kv': KV,
          'azurerm_key_vault_key.k': {
            name: 'k',
            key_vault_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/shared',
          },
          'azurerm_key_vault_secret.s': { name: 's', key_vault_id: '${azurerm_key_vault.kv.id}' },
          'azurerm_mysql_flexible_server.my': {
            location: 'norwayeast',
            customer_managed_key: [{ key_vault_key_id: '${azurerm_key_vault_key.k.id}' }],
          },
          'azurerm_mssql_server.sql': {
            location: 'norwayeast',
            transparent_data_encryption_key_vault_key_id: '${var.tde_key}',
          },
          'azurerm_cosmosdb_account.c': {
            location: 'norwayeast',
            key_vault_key_id: '${azurerm_key_vault_secret.s.versionless_id}',
          },
        },
        { variable: { tde_key: { type: 'string' } } },
      ),
      errors: [
        ['ENC-002', 'azurerm_cosmosdb_account.c'],
        ['ENC-002', 'azurerm_mssql_server.sql'],
        ['ENC-002', 'azurerm_mysql_flexible_server.my'],
      ],
    },
    {
      name: 'a TDE resource without a key leaves SQL on service-managed keys; an inline key block named in full',
      messages: [
        'encrypted with platform-managed keys only; no customer-managed key is configured.',
        'customer_managed_key.key_vault_key_id cannot be resolved: var.storage_key_id has no default and no validation that limits it.',
      ],
      synth: tf(
        {
          'azurerm_mssql_server.sql': { location: 'norwayeast' },
          'azurerm_mssql_server_transparent_data_encryption.tde': {
            server_id: '${azurerm_mssql_server.sql.id}',
          },
          'azurerm_storage_account.sa': {
            ...SA,
            infrastructure_encryption_enabled: true,
            customer_managed_key: [{ key_vault_key_id: '${var.storage_key_id}' }],
          },
        },
        { variable: { storage_key_id: { type: 'string' } } },
      ),
      errors: [
        ['ENC-002', 'azurerm_mssql_server.sql'],
        ['ENC-002', 'azurerm_storage_account.sa'],
      ],
    },
    {
      name: 'key from a managed HSM outside Norway',
      messages: [
        'the key vault azurerm_key_vault_managed_hardware_security_module.hsm is "swedencentral", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azurerm_key_vault_managed_hardware_security_module.hsm': { name: 'hsm', location: 'swedencentral' },
        'azurerm_key_vault_managed_hardware_security_module_key.k': {
          name: 'k',
          managed_hsm_id: '${azurerm_key_vault_managed_hardware_security_module.hsm.id}',
        },
        'azurerm_storage_account.sa': {
          ...SA,
          infrastructure_encryption_enabled: true,
          customer_managed_key: [
            {
              managed_hsm_key_id: '${azurerm_key_vault_managed_hardware_security_module_key.k.versioned_id}',
            },
          ],
        },
      }),
      errors: [['ENC-002', 'azurerm_storage_account.sa']],
    },
  ],
});

ruleTester(ENC_003, {
  valid: [
    {
      name: 'encryption at host and a disk encryption set',
      synth: tf({
        'azurerm_linux_virtual_machine.vm': { location: 'norwayeast', encryption_at_host_enabled: true },
        'azurerm_disk_encryption_set.des': { location: 'norwayeast', key_vault_key_id: '${var.key}' },
        'azurerm_managed_disk.d': {
          location: 'norwayeast',
          disk_encryption_set_id: '${azurerm_disk_encryption_set.des.id}',
        },
      }),
      plan: plan([
        { at: 'azurerm_windows_virtual_machine_scale_set.ss', values: { encryption_at_host_enabled: true } },
        { at: 'azurerm_managed_disk.d', values: {}, unknown: { disk_encryption_set_id: true } },
      ]),
    },
    {
      name: 'Azure Disk Encryption explicitly enabled (3.x) next to a disk encryption set',
      synth: tf({
        'azurerm_disk_encryption_set.des': { location: 'norwayeast', key_vault_key_id: '${var.key}' },
        'azurerm_managed_disk.d': {
          location: 'norwayeast',
          disk_encryption_set_id: '${azurerm_disk_encryption_set.des.id}',
          encryption_settings: { enabled: true },
        },
      }),
    },
    {
      name: 'an existing disk read as a data source is not checked',
      synth: tf({ 'data.azurerm_managed_disk.os': { name: 'osdisk', resource_group_name: 'rg-vm' } }),
      plan: plan([{ at: 'data.azurerm_managed_disk.os', values: { name: 'osdisk' } }]),
    },
  ],
  invalid: [
    {
      name: 'no encryption at host (default false), disk without encryption set, encryption explicitly disabled (3.x)',
      messages: [
        'encryption_at_host_enabled is false.',
        'encryption_at_host_enabled is not set, and the provider default is false.',
        'no disk_encryption_set_id, so it is encrypted with platform-managed keys only.',
        'encryption_settings.enabled is false.',
      ],
      synth: tf({
        'azurerm_linux_virtual_machine.vm': { location: 'norwayeast' },
        'azurerm_linux_virtual_machine_scale_set.ss': { encryption_at_host_enabled: false },
        'azurerm_managed_disk.d': { location: 'norwayeast', encryption_settings: { enabled: false } },
      }),
      plan: plan([
        {
          at: 'module.vm.azurerm_linux_virtual_machine.vm',
          index: 1,
          values: { encryption_at_host_enabled: false },
        },
      ]),
      errors: [
        ['ENC-003', 'azurerm_linux_virtual_machine.vm'],
        ['ENC-003', 'azurerm_linux_virtual_machine_scale_set.ss'],
        ['ENC-003', 'azurerm_managed_disk.d'],
        ['ENC-003', 'azurerm_managed_disk.d'],
      ],
      planErrors: [['ENC-003', 'module.vm.azurerm_linux_virtual_machine.vm[1]']],
    },
  ],
});

ruleTester(ENC_004, {
  valid: [
    {
      name: 'defaults for SQL, Redis and Cosmos; web app HTTPS only with FTPS disabled',
      synth: tf({
        'azurerm_mssql_server.s': { location: 'norwayeast' },
        'azurerm_redis_cache.r': { location: 'norwayeast', minimum_tls_version: '1.2' },
        'azurerm_cosmosdb_account.c': { location: 'norwayeast' },
        'azurerm_linux_web_app.w': { https_only: true, site_config: { ftps_state: 'Disabled' } },
        'azurerm_postgresql_flexible_server_configuration.c': {
          name: 'require_secure_transport',
          value: 'on',
        },
        'azurerm_postgresql_flexible_server_configuration.other': { name: 'log_connections', value: 'off' },
        'azurerm_windows_web_app.basic': {
          https_only: true,
          ftp_publish_basic_authentication_enabled: false,
        },
        'azurerm_redis_cache.closed': { location: 'norwayeast', non_ssl_port_enabled: false },
        'azurerm_postgresql_flexible_server_configuration.bool': {
          name: 'require_secure_transport',
          value: 'true',
        },
        'azurerm_mysql_flexible_server_configuration.numeric': {
          name: 'require_secure_transport',
          value: '1',
        },
        'data.azurerm_linux_web_app.existing': { name: 'app-legacy', resource_group_name: 'rg-web' },
      }),
      plan: plan([
        { at: 'azurerm_mssql_server.s', values: { minimum_tls_version: '1.2' } },
        {
          at: 'azurerm_windows_function_app.f',
          values: { https_only: true, site_config: [{ minimum_tls_version: '1.2', ftps_state: 'FtpsOnly' }] },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'old TLS, non-TLS Redis port (4.x and 3.x names), HTTP web app with FTP, secure transport off',
      messages: [
        'minimal_tls_version is "Tls" (expected "Tls12" or "Tls13").',
        'https_only is not set, and the provider default is false.',
        'site_config.ftps_state is "AllAllowed" (expected "Disabled" or "FtpsOnly").',
        'minimum_tls_version is "1.0" (expected "1.2" or "1.3").',
        'require_secure_transport is "OFF".',
        'non_ssl_port_enabled is true.',
        'enable_non_ssl_port is true.',
      ],
      synth: tf({
        'azurerm_mssql_server.s': { minimum_tls_version: '1.0' },
        'azurerm_redis_cache.r': { non_ssl_port_enabled: true },
        'azurerm_redis_cache.r3': { enable_non_ssl_port: true },
        'azurerm_cosmosdb_account.c': { minimal_tls_version: 'Tls' },
        'azurerm_linux_web_app.w': { site_config: [{ ftps_state: 'AllAllowed' }] },
        'azurerm_mysql_flexible_server_configuration.c': { name: 'require_secure_transport', value: 'OFF' },
      }),
      plan: plan([
        {
          at: 'azurerm_linux_web_app.w',
          values: { https_only: true, site_config: [{ minimum_tls_version: '1.1', ftps_state: 'Disabled' }] },
        },
      ]),
      errors: [
        ['ENC-004', 'azurerm_cosmosdb_account.c'],
        ['ENC-004', 'azurerm_linux_web_app.w'],
        ['ENC-004', 'azurerm_linux_web_app.w'],
        ['ENC-004', 'azurerm_mssql_server.s'],
        ['ENC-004', 'azurerm_mysql_flexible_server_configuration.c'],
        ['ENC-004', 'azurerm_redis_cache.r'],
        ['ENC-004', 'azurerm_redis_cache.r3'],
      ],
      planErrors: [['ENC-004', 'azurerm_linux_web_app.w']],
    },
    {
      name: 'FTP publishing with basic authentication; secure transport from a variable without a default; old SCM TLS',
      messages: [
        'site_config.scm_minimum_tls_version is "1.0" (expected "1.2" or "1.3").',
        'ftp_publish_basic_authentication_enabled is true.',
        'require_secure_transport is not verifiable before apply.',
      ],
      synth: tf(
        {
          'azurerm_linux_function_app_slot.staging': {
            https_only: true,
            ftp_publish_basic_authentication_enabled: true,
            site_config: [{ ftps_state: 'FtpsOnly' }],
          },
          'azurerm_postgresql_flexible_server_configuration.tls': {
            name: 'require_secure_transport',
            value: '${var.secure_transport}',
          },
          'azurerm_windows_web_app.scm': {
            https_only: true,
            site_config: [{ scm_minimum_tls_version: '1.0' }],
          },
        },
        { variable: { secure_transport: { type: 'string' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_linux_function_app_slot.staging',
          values: { https_only: true, ftp_publish_basic_authentication_enabled: true },
        },
      ]),
      errors: [
        ['ENC-004', 'azurerm_linux_function_app_slot.staging'],
        ['ENC-004', 'azurerm_postgresql_flexible_server_configuration.tls'],
        ['ENC-004', 'azurerm_windows_web_app.scm'],
      ],
      planErrors: [['ENC-004', 'azurerm_linux_function_app_slot.staging']],
    },
  ],
});

ruleTester(ENC_005, {
  valid: [
    {
      name: 'purge protection, default retention, keys with rotation or expiry',
      synth: tf({
        'azurerm_key_vault.kv': { ...KV, purge_protection_enabled: true },
        'azurerm_key_vault_key.a': {
          rotation_policy: { expire_after: 'P90D', automatic: { time_before_expiry: 'P30D' } },
        },
        'azurerm_key_vault_key.b': { expiration_date: '2027-01-01T00:00:00Z' },
        'azurerm_key_vault.min': { ...KV, purge_protection_enabled: true, soft_delete_retention_days: 7 },
        'data.azurerm_key_vault.platform': { name: 'kv-platform', resource_group_name: 'rg-shared' },
      }),
      plan: plan([
        {
          at: 'azurerm_key_vault.kv',
          values: { ...KV, purge_protection_enabled: true, soft_delete_retention_days: 90 },
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'no purge protection (default false), retention unknown, key that never expires',
      messages: [
        'neither expiration_date nor rotation_policy.expire_after is set; the key never expires.',
        'soft_delete_retention_days must be at least 7 (cannot be verified before apply).',
        'purge_protection_enabled is not set, and the provider default is false.',
      ],
      synth: tf(
        {
          'azurerm_key_vault.kv': KV,
          'azurerm_key_vault.b': {
            ...KV,
            purge_protection_enabled: true,
            soft_delete_retention_days: '${var.days}',
          },
          'azurerm_key_vault_key.k': { name: 'k' },
        },
        { variable: { days: { type: 'number' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_key_vault.kv',
          values: { ...KV, purge_protection_enabled: false, soft_delete_retention_days: 90 },
        },
      ]),
      errors: [
        ['ENC-005', 'azurerm_key_vault.b'],
        ['ENC-005', 'azurerm_key_vault.kv'],
        ['ENC-005', 'azurerm_key_vault_key.k'],
      ],
      planErrors: [['ENC-005', 'azurerm_key_vault.kv']],
    },
    {
      name: 'soft delete retention below the 7-day minimum, on a Key Vault and a managed HSM',
      messages: [
        'soft_delete_retention_days must be at least 7 (is 3).',
        'soft_delete_retention_days must be at least 7 (is 6).',
      ],
      synth: tf({
        'azurerm_key_vault.kv': { ...KV, purge_protection_enabled: true, soft_delete_retention_days: 3 },
        'azurerm_key_vault_managed_hardware_security_module.hsm': {
          name: 'hsm',
          location: 'norwayeast',
          purge_protection_enabled: true,
          soft_delete_retention_days: 6,
        },
      }),
      plan: plan([
        {
          at: 'azurerm_key_vault.kv',
          values: { ...KV, purge_protection_enabled: true, soft_delete_retention_days: 3 },
        },
      ]),
      errors: [
        ['ENC-005', 'azurerm_key_vault.kv'],
        ['ENC-005', 'azurerm_key_vault_managed_hardware_security_module.hsm'],
      ],
      planErrors: [['ENC-005', 'azurerm_key_vault.kv']],
    },
    {
      name: 'retention from a variable whose validation also allows a value below 7 cannot be verified',
      messages: ['soft_delete_retention_days must be at least 7 (cannot be verified before apply).'],
      synth: tf(
        {
          'azurerm_key_vault.kv': {
            ...KV,
            purge_protection_enabled: true,
            soft_delete_retention_days: '${var.retention_days}',
          },
        },
        {
          variable: {
            retention_days: {
              type: 'string',
              validation: [
                { condition: '${contains(["3", "90"], var.retention_days)}', error_message: '3 or 90 days' },
              ],
            },
          },
        },
      ),
      errors: [['ENC-005', 'azurerm_key_vault.kv']],
    },
  ],
});
