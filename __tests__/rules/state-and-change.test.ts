import { CHG_001 } from '../../policies/rules/change/chg-001-data-loss';
import { ALL_RULES } from '../../policies/rules';
import { CHG_002 } from '../../policies/rules/change/chg-002-location-change';
import { TFS_001 } from '../../policies/rules/state/tfs-001-state-backend';
import { TFS_002 } from '../../policies/rules/state/tfs-002-no-literal-secrets';
import { TFS_003 } from '../../policies/rules/state/tfs-003-valid-suppressions';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { plan, ruleTester, tf, priorStateWithData } from '../helpers/rule-tester';

const KNOWN_IDS = ALL_RULES.map((rule) => rule.id)
  .sort()
  .join(', ');

const AZURERM_BACKEND = {
  resource_group_name: 'rg-state',
  storage_account_name: 'stnostate',
  container_name: 'tfstate',
  key: 'app.tfstate',
  use_azuread_auth: true,
};
/** The state account AZURERM_BACKEND names, in Norway: the estate shows where state is kept. */
const STATE_ACCOUNT = { 'azurerm_storage_account.state': { name: 'stnostate', location: 'norwayeast' } };
const backend = (type: string, config: Record<string, unknown>) => ({
  terraform: { backend: { [type]: config } },
});

ruleTester(TFS_001, {
  valid: [
    {
      name: 'azurerm backend with Entra ID; the state account in the configuration is in Norway',
      synth: tf(
        {
          'azurerm_storage_account.state': { name: 'stnostate', location: 'norwayeast' },
          // Not the state account: RES-001's business, not this rule's.
          'azurerm_storage_account.archive': { name: 'starchive', location: 'westeurope' },
          'azurerm_storage_account.unnamed': { name: '${var.name}', location: 'westeurope' },
        },
        backend('azurerm', AZURERM_BACKEND),
      ),
      // Plans never describe a backend: the rule does not run on them.
      plan: plan([
        { at: 'azurerm_storage_account.state', values: { name: 'stnostate', location: 'westeurope' } },
      ]),
    },
    {
      name: 'OIDC authentication',
      synth: tf(
        STATE_ACCOUNT,
        backend('azurerm', { ...AZURERM_BACKEND, use_azuread_auth: undefined, use_oidc: true }),
      ),
    },
    {
      name: 'local backend on the bootstrap stack',
      synth: { ...tf({}), '//': { norway_policy: { bootstrap: true } } },
    },
    {
      name: 'local backend on the stack the settings name as the bootstrap stack',
      synth: {
        ...tf({}),
        '//': { metadata: { stackName: 'bootstrap' }, norway_policy: { bootstrap: true } },
      },
      settings: { bootstrapStack: 'bootstrap' },
    },
  ],
  invalid: [
    {
      name: 'a stack that marks itself bootstrap while the settings name another',
      settings: { bootstrapStack: 'bootstrap' },
      synth: { ...tf({}), '//': { norway_policy: { bootstrap: true } } },
      errors: [['TFS-001', 'terraform.backend']],
      messages: [
        'Stack cdk.tf.json is marked bootstrap and keeps local state, but the one bootstrap stack is bootstrap. Configure the azurerm backend.',
      ],
    },
    {
      name: 'two stacks marked bootstrap with local state, and no bootstrap stack named',
      synth: { ...tf({}), '//': { norway_policy: { bootstrap: true } } },
      others: [
        loadTerraformJson(
          { ...tf({}), '//': { norway_policy: { bootstrap: true } } },
          { file: 'second/cdk.tf.json' },
        ),
      ],
      errors: [['TFS-001', 'terraform.backend']],
      messages: [
        '2 stacks (cdk.tf.json, second/cdk.tf.json) keep local state as bootstrap; exactly one may (name it: policy setting bootstrapStack).',
      ],
    },
    {
      name: 'no backend at all means local state',
      messages: [
        'State is kept in a local file; only the bootstrap stack may do that. Configure the azurerm backend.',
      ],
      synth: tf({ 'azurerm_resource_group.rg': { location: 'norwayeast' } }),
      errors: [['TFS-001', 'terraform.backend']],
    },
    {
      name: 'a SaaS backend',
      messages: ['Backend "remote" stores state outside our Norway state account.'],
      synth: tf({}, backend('remote', { organization: 'x' })),
      errors: [['TFS-001', 'terraform.backend']],
    },
    {
      name: 'azurerm backend with an access key and without Entra ID',
      messages: [
        'The azurerm backend does not authenticate with Entra ID (set use_azuread_auth = true).',
        'The azurerm backend has access_key written into the configuration; use Entra ID instead.',
      ],
      synth: tf(
        STATE_ACCOUNT,
        backend('azurerm', { ...AZURERM_BACKEND, use_azuread_auth: false, access_key: 'c2VjcmV0' }),
      ),
      errors: [
        ['TFS-001', 'terraform.backend'],
        ['TFS-001', 'terraform.backend'],
      ],
    },
    {
      name: 'remote state read from a SaaS backend or an unknown one; a cdktf cross-stack azurerm reference is fine',
      messages: [
        'state is read from a backend that cannot be verified before apply; state is read only from the azurerm backend in Norway.',
        'state is read from the "remote" backend; state is read only from the azurerm backend in Norway.',
      ],
      synth: tf(
        {
          ...STATE_ACCOUNT,
          'data.terraform_remote_state.saas': {
            backend: 'remote',
            config: { organization: 'x', workspaces: { name: 'y' } },
          },
          'data.terraform_remote_state.dynamic': { backend: '${var.backend}', config: {} },
          'data.terraform_remote_state.cross-stack-reference-input-platform': {
            backend: 'azurerm',
            config: AZURERM_BACKEND,
          },
        },
        backend('azurerm', AZURERM_BACKEND),
      ),
      errors: [
        ['TFS-001', 'data.terraform_remote_state.dynamic'],
        ['TFS-001', 'data.terraform_remote_state.saas'],
      ],
    },
    {
      name: 'the state account in the configuration is abroad',
      messages: [
        'the state account azurerm_storage_account.state is "westeurope", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf(
        { 'azurerm_storage_account.state': { name: 'stnostate', location: 'westeurope' } },
        backend('azurerm', AZURERM_BACKEND),
      ),
      errors: [['TFS-001', 'terraform.backend']],
      message: /westeurope/,
    },
    {
      name: 'the state account is created by another checked stack, abroad',
      messages: [
        'the state account azurerm_storage_account.state is "swedencentral", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({}, backend('azurerm', AZURERM_BACKEND)),
      others: [
        loadTerraformJson(
          tf({ 'azurerm_storage_account.state': { name: 'stnostate', location: 'swedencentral' } }),
          { file: 'bootstrap.tf.json' },
        ),
      ],
      errors: [['TFS-001', 'terraform.backend']],
    },
    {
      name: 'the state account is not in the estate, or not named by a literal',
      messages: [
        'The state account stnostate is not in the checked estate; pass its stack, plan or state with --context (the bootstrap stack that creates it), so its location cannot be verified.',
      ],
      synth: tf({}, backend('azurerm', AZURERM_BACKEND)),
      errors: [['TFS-001', 'terraform.backend']],
    },
    {
      name: 'azurerm backend with a SAS token',
      messages: ['The azurerm backend has sas_token written into the configuration; use Entra ID instead.'],
      synth: tf(
        STATE_ACCOUNT,
        backend('azurerm', { ...AZURERM_BACKEND, sas_token: '?sv=2024-11-04&sig=abc' }),
      ),
      errors: [['TFS-001', 'terraform.backend']],
    },
  ],
});

ruleTester(TFS_002, {
  valid: [
    {
      name: 'generated passwords, Key Vault references, secrets from variables without defaults',
      synth: tf(
        {
          'azurerm_mssql_server.s': { administrator_login_password: '${random_password.sql.result}' },
          'azurerm_linux_web_app.w': {
            app_settings: {
              DB_PASSWORD: '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db)',
              LOG_LEVEL: 'info',
            },
            connection_string: [
              { name: 'db', type: 'SQLAzure', value: '${azurerm_key_vault_secret.cs.value}' },
            ],
          },
          'azurerm_key_vault_secret.s': { name: 's', value: '${random_password.sql.result}' },
          'azurerm_linux_virtual_machine.vm': {
            disable_password_authentication: true,
            tags: { secret: 'no' },
          },
        },
        { variable: { client_secret: { type: 'string', sensitive: true } } },
      ),
      // Plans show every value as a literal; the rule reads the configuration only.
      plan: plan([
        { at: 'azurerm_mssql_server.s', values: { administrator_login_password: 'from-a-generator' } },
      ]),
    },
    {
      name: 'names that only contain a secret word, blank values, non-secret values and settings, comments',
      synth: tf(
        {
          'azurerm_application_gateway.agw': {
            ssl_certificate: [
              { name: 'tls', key_vault_secret_id: 'https://kv-app.vault.azure.net/secrets/tls-cert' },
            ],
          },
          'azurerm_linux_virtual_machine.vm': {
            admin_password: '',
            // A block named `secret` holds certificate references, not a secret value.
            secret: [
              {
                key_vault_id: '${azurerm_key_vault.kv.id}',
                certificate: [{ url: 'https://kv-app.vault.azure.net/secrets/cert/1' }],
              },
            ],
          },
          'azurerm_container_group.cg': {
            image_registry_credential: [{ server: 'acr.azurecr.io', username: 'pull', password: '   ' }],
          },
          'azurerm_container_app.app': {
            template: [
              {
                container: [
                  { name: 'app', image: 'acr.azurecr.io/app:1', env: [{ name: 'LOG_LEVEL', value: 'info' }] },
                ],
              },
            ],
          },
          'azurerm_app_configuration_key.level': { key: 'log-level', value: 'debug' },
          'azurerm_linux_web_app.w': {
            '//': { password: 'comes from Key Vault, see the runbook' },
            app_settings: { DB_PASSWORD: '@microsoft.keyvault(VaultName=kv-app;SecretName=db)' },
          },
        },
        {
          ...backend('azurerm', { ...AZURERM_BACKEND, client_certificate_path: 'certs/ci.pfx' }),
          variable: {
            location: { type: 'string', default: 'norwayeast' },
            sql_password: { type: 'string', default: '' },
          },
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'provider blocks with a client secret and a certificate password written in',
      messages: [
        'Provider azurerm has client_secret written into the configuration.',
        'Provider azurerm.dr has client_certificate_password written into the configuration.',
      ],
      synth: tf(
        {},
        {
          provider: {
            azurerm: [
              { features: [{}], client_id: 'app', client_secret: 'abc~secret' },
              { alias: 'dr', features: [{}], client_certificate_password: 'pfx-password' },
              // From a variable, or OIDC: nothing written in.
              { alias: 'ok', features: [{}], client_secret: '${var.client_secret}', use_oidc: true },
            ],
          },
        },
      ),
      errors: [
        ['TFS-002', 'provider.azurerm'],
        ['TFS-002', 'provider.azurerm.dr'],
      ],
    },
    {
      name: 'a password and a private key in connection blocks, on the resource and inside a provisioner',
      messages: [
        'connection.password is a secret written as a literal.',
        'provisioner[0].remote-exec.connection.private_key is a secret written as a literal.',
      ],
      synth: tf({
        'azurerm_linux_virtual_machine.vm': {
          admin_username: 'azureuser',
          connection: { type: 'ssh', host: '10.0.0.4', user: 'azureuser', password: 'Sommer2026!' },
          provisioner: [
            {
              'remote-exec': {
                inline: ['systemctl restart app'],
                connection: {
                  type: 'ssh',
                  host: '10.0.0.4',
                  private_key: '-----BEGIN OPENSSH PRIVATE KEY-----',
                },
              },
            },
          ],
        },
        // Credentials read from variables and files are not literals.
        'azurerm_linux_virtual_machine.ok': {
          connection: { type: 'ssh', host: '10.0.0.5', password: '${var.vm_password}' },
          provisioner: [{ 'remote-exec': { connection: { private_key: '${file(var.key_path)}' } } }],
        },
      }),
      errors: [
        ['TFS-002', 'azurerm_linux_virtual_machine.vm'],
        ['TFS-002', 'azurerm_linux_virtual_machine.vm'],
      ],
    },
    {
      name: 'a container app secret and camelCase app settings written as literals',
      messages: [
        'secret[0].value is a secret written as a literal.',
        'app_settings.ApiKey is a secret written as a literal.',
        'app_settings.AzureAd__ClientSecret is a secret written as a literal.',
      ],
      synth: tf({
        'azurerm_container_app.app': { secret: [{ name: 'db-password', value: 'hunter2' }] },
        'azurerm_linux_web_app.web': {
          app_settings: {
            AzureAd__ClientSecret: 'abc~def',
            ApiKey: 'k-123',
            TokenUrl: 'https://login.example/token',
          },
        },
      }),
      errors: [
        ['TFS-002', 'azurerm_container_app.app'],
        ['TFS-002', 'azurerm_linux_web_app.web'],
        ['TFS-002', 'azurerm_linux_web_app.web'],
      ],
    },
    {
      name: 'literal passwords, keys, connection strings and secret values; in the backend; as a variable default',
      messages: [
        'value is a secret written as a literal.',
        'app_settings.STORAGE-ACCESS-KEY is a secret written as a literal.',
        'connection_string.value is a secret written as a literal.',
        'administrator_login_password is a secret written as a literal.',
        'The azurerm backend has sas_token written into the configuration.',
        'Variable admin_password has a secret as its default value.',
      ],
      synth: tf(
        {
          'azurerm_mssql_server.s': { administrator_login_password: 'Sommer2026!' },
          'azurerm_linux_web_app.w': {
            app_settings: { 'STORAGE-ACCESS-KEY': 'abc123' },
            connection_string: { name: 'db', type: 'SQLAzure', value: 'Server=tcp:x;Password=y' },
          },
          'azurerm_key_vault_secret.s': { name: 's', value: 'hunter2' },
        },
        {
          ...backend('azurerm', { ...AZURERM_BACKEND, sas_token: '?sv=2024' }),
          variable: { admin_password: { type: 'string', default: 'changeme' } },
        },
      ),
      errors: [
        ['TFS-002', 'azurerm_key_vault_secret.s'],
        ['TFS-002', 'azurerm_linux_web_app.w'],
        ['TFS-002', 'azurerm_linux_web_app.w'],
        ['TFS-002', 'azurerm_mssql_server.s'],
        ['TFS-002', 'terraform.backend'],
        ['TFS-002', 'var.admin_password'],
      ],
    },
    {
      name: 'a bare password, connection strings in a list, every backend credential',
      messages: [
        'image_registry_credential[0].password is a secret written as a literal.',
        'connection_string[1].value is a secret written as a literal.',
        'The azurerm backend has access_key written into the configuration.',
        'The azurerm backend has client_secret written into the configuration.',
        'The azurerm backend has client_certificate_password written into the configuration.',
        'The azurerm backend has client_certificate written into the configuration.',
        'Variable SQL-Admin-Password has a secret as its default value.',
      ],
      synth: tf(
        {
          'azurerm_container_group.cg': {
            image_registry_credential: [
              { server: 'acr.azurecr.io', username: 'pull', password: 'Pull2026!' },
            ],
          },
          'azurerm_linux_web_app.w': {
            connection_string: [
              { name: 'cache', type: 'Custom', value: '${azurerm_redis_cache.r.primary_connection_string}' },
              { name: 'db', type: 'SQLAzure', value: 'Server=tcp:sql;Password=y' },
            ],
          },
        },
        {
          ...backend('azurerm', {
            ...AZURERM_BACKEND,
            access_key: 'c2VjcmV0',
            client_secret: 'xyz~secret',
            client_certificate_password: 'pfx-password',
            client_certificate: 'MIIKcQIBAzCCCjcGCSqGSIb3DQEHAaCCCig=',
          }),
          // Terraform names may hold capitals and dashes.
          variable: { 'SQL-Admin-Password': { type: 'string', default: 'Vinter2026!' } },
        },
      ),
      errors: [
        ['TFS-002', 'azurerm_container_group.cg'],
        ['TFS-002', 'azurerm_linux_web_app.w'],
        ['TFS-002', 'terraform.backend'],
        ['TFS-002', 'terraform.backend'],
        ['TFS-002', 'terraform.backend'],
        ['TFS-002', 'terraform.backend'],
        ['TFS-002', 'var.SQL-Admin-Password'],
      ],
    },
  ],
});

const withSuppression = (spec: Record<string, unknown>) =>
  tf({
    'azurerm_public_ip.bastion': {
      location: 'norwayeast',
      '//': { metadata: { path: 'app/Bastion/Ip' }, norway_policy: { suppressions: [spec] } },
    },
  });

ruleTester(TFS_003, {
  valid: [
    {
      name: 'a complete suppression',
      synth: withSuppression({
        ruleId: 'NET-004',
        reason: 'Azure Bastion needs a public IP',
        expires: '2026-06-30',
      }),
    },
  ],
  invalid: [
    {
      name: 'unknown rule, short reason, past expiry',
      messages: [
        'NET-999 suppression at construct app/Bastion/Ip: expired on 2025-12-31; fix the finding or renew the suppression with a new reason.',
        'NET-999 suppression at construct app/Bastion/Ip: has a reason of 2 characters; write why, in at least 10.',
        `NET-999 suppression at construct app/Bastion/Ip: names unknown rule NET-999 (known: ${KNOWN_IDS}).`,
      ],
      synth: withSuppression({ ruleId: 'NET-999', reason: 'ok', expires: '2025-12-31' }),
      errors: [
        ['TFS-003', 'azurerm_public_ip.bastion'],
        ['TFS-003', 'azurerm_public_ip.bastion'],
        ['TFS-003', 'azurerm_public_ip.bastion'],
      ],
    },
    {
      name: 'no expiry',
      messages: ['NET-004 suppression at construct app/Bastion/Ip: has no expiry; add expires: YYYY-MM-DD.'],
      synth: withSuppression({ ruleId: 'NET-004', reason: 'Azure Bastion needs a public IP' }),
      errors: [['TFS-003', 'azurerm_public_ip.bastion']],
    },
  ],
});

const SA = { name: 'stpatients', location: 'norwayeast', account_replication_type: 'GZRS' };
/** Terraform records data sources read while planning in prior_state only, without a resource change. */
const PRIOR_STATE = priorStateWithData('data.azurerm_key_vault.shared', {
  name: 'kv-shared',
  location: 'norwayeast',
});

ruleTester(CHG_001, {
  valid: [
    {
      name: 'create, update and no-op of stores; delete of a stateless resource',
      plan: plan([
        { at: 'azurerm_storage_account.new', values: SA },
        {
          at: 'azurerm_storage_account.sa',
          values: { ...SA, min_tls_version: 'TLS1_2' },
          actions: ['update'],
          before: SA,
        },
        { at: 'azurerm_key_vault.kv', values: { location: 'norwayeast' }, actions: ['no-op'] },
        { at: 'azurerm_network_security_rule.old', values: {}, actions: ['delete'], deleted: true },
      ]),
      // The rule applies to plans only: a configuration has no changes.
      synth: tf({ 'azurerm_storage_account.sa': SA }),
    },
    {
      name: 'a data source read while planning: in prior_state only, with no change',
      plan: plan([{ at: 'azurerm_storage_account.new', values: SA }], { prior_state: PRIOR_STATE }),
    },
  ],
  invalid: [
    {
      name: 'delete, replace (both orders) in modules and for count / for_each instances',
      messages: [
        'The plan replaces (create, delete) this azurerm_key_vault; the data in it would be lost.',
        'The plan replaces (delete, create) this azurerm_managed_disk; the data in it would be lost.',
        'The plan deletes this azurerm_storage_account; the data in it would be lost.',
        'The plan replaces (delete, create) this azurerm_mssql_database; the data in it would be lost.',
      ],
      plan: plan([
        { at: 'azurerm_storage_account.sa', values: SA, actions: ['delete'], deleted: true },
        { at: 'module.db.azurerm_mssql_database.db', index: 0, values: {}, actions: ['delete', 'create'] },
        { at: 'azurerm_key_vault.kv', index: 'prod', values: {}, actions: ['create', 'delete'] },
        { at: 'azurerm_managed_disk.d', values: {}, actions: ['delete', 'create'] },
      ]),
      errors: [
        ['CHG-001', 'azurerm_key_vault.kv["prod"]'],
        ['CHG-001', 'azurerm_managed_disk.d'],
        ['CHG-001', 'azurerm_storage_account.sa'],
        ['CHG-001', 'module.db.azurerm_mssql_database.db[0]'],
      ],
      message: /would be lost/,
    },
  ],
});

ruleTester(CHG_002, {
  valid: [
    {
      name: 'same region written differently; a new resource; an update without location',
      plan: plan([
        {
          at: 'azurerm_resource_group.rg',
          values: { location: 'norwayeast' },
          actions: ['update'],
          before: { location: 'Norway East' },
        },
        { at: 'azurerm_storage_account.new', values: SA },
        {
          at: 'azurerm_role_assignment.ra',
          values: { scope: 'b' },
          actions: ['update'],
          before: { scope: 'a' },
        },
      ]),
    },
    {
      name: 'a data source read while planning: in prior_state only, with no change',
      plan: plan([{ at: 'azurerm_storage_account.new', values: SA }], { prior_state: PRIOR_STATE }),
    },
    {
      name: 'a resource deleted (CHG-001 decides whether that loses data) and one left unchanged',
      plan: plan([
        { at: 'azurerm_storage_account.old', values: SA, actions: ['delete'], deleted: true },
        { at: 'azurerm_key_vault.kv', values: { location: 'norwayeast' }, actions: ['no-op'] },
      ]),
    },
  ],
  invalid: [
    {
      name: 'norwayeast to westeurope, to norwaywest, and to an unknown location',
      messages: [
        'location changes from norwayeast to a value only known after apply.',
        'location changes from norwayeast to westeurope, which replaces the resource.',
        'location changes from norwayeast to norwaywest, which replaces the resource.',
      ],
      plan: plan([
        {
          at: 'azurerm_storage_account.sa',
          values: { ...SA, location: 'westeurope' },
          actions: ['delete', 'create'],
          before: SA,
        },
        {
          at: 'module.dr.azurerm_resource_group.rg',
          index: 0,
          values: { location: 'norwaywest' },
          actions: ['delete', 'create'],
          before: { location: 'norwayeast' },
        },
        {
          at: 'azurerm_key_vault.kv',
          values: {},
          unknown: { location: true },
          actions: ['delete', 'create'],
          before: { location: 'norwayeast' },
        },
      ]),
      errors: [
        ['CHG-002', 'azurerm_key_vault.kv'],
        ['CHG-002', 'azurerm_storage_account.sa'],
        ['CHG-002', 'module.dr.azurerm_resource_group.rg[0]'],
      ],
    },
  ],
});
