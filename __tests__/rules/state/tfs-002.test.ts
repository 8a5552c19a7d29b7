/** The valid and invalid cases of TFS-002 (`policies/rules/state/tfs-002-no-literal-secrets.ts`). */
import { TFS_002 } from '../../../policies/rules/state/tfs-002-no-literal-secrets';
import { AZURERM_BACKEND, backend } from '../../helpers/rules/state';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

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
    {
      name: 'a generated password',
      hcl: 'resource "random_password" "p" {\n  length = 32\n}\nresource "azurerm_mssql_server" "s" {\n  administrator_login_password = random_password.p.result\n}\n',
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
    {
      name: 'a literal password',
      messages: ['administrator_login_password is a secret written as a literal.'],
      hcl: 'resource "azurerm_mssql_server" "s" {\n  administrator_login_password = "Sommer2026!"\n}\n',
      errors: [['TFS-002', 'azurerm_mssql_server.s']],
    },
    {
      name: 'a client secret written into the provider block',
      messages: ['Provider azurerm has client_secret written into the configuration.'],
      hcl: 'provider "azurerm" {\n  features {}\n  client_secret = "abc~secret"\n}\n',
      errors: [['TFS-002', 'provider.azurerm']],
    },
    {
      name: "a literal password in a connection block; a key in a provisioner's connection",
      messages: [
        'connection[0].password is a secret written as a literal.',
        'provisioner.remote-exec[0].connection[0].private_key is a secret written as a literal.',
      ],
      hcl: `resource "null_resource" "deploy" {
  connection {
    type     = "ssh"
    host     = "10.0.0.4"
    password = "Sommer2026!"
  }
  provisioner "remote-exec" {
    inline = ["systemctl restart app"]
    connection {
      host        = "10.0.0.4"
      private_key = "-----BEGIN OPENSSH PRIVATE KEY-----"
    }
  }
}
`,
      errors: [
        ['TFS-002', 'null_resource.deploy'],
        ['TFS-002', 'null_resource.deploy'],
      ],
    },
  ],
});
