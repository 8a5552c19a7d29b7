/** The valid and invalid cases of ENC-001 (`policies/rules/encryption/enc-001-storage-transport.ts`). */
import { ENC_001 } from '../../../policies/rules/encryption/enc-001-storage-transport';
import { AT } from '../../helpers/rules/applications';
import { SA } from '../../helpers/rules/encryption';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const account = { ...AT, name: 'st', account_tier: 'Premium', account_kind: 'FileStorage' };

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
    // file shares over SMB, without stored access policies
    {
      name: 'SMB by default and by name',
      synth: tf({
        'azurerm_storage_account.st': account,
        'azurerm_storage_share.a': {
          name: 'a',
          storage_account_id: '${azurerm_storage_account.st.id}',
          quota: 100,
        },
        'azurerm_storage_share.b': {
          name: 'b',
          storage_account_id: '${azurerm_storage_account.st.id}',
          quota: 100,
          enabled_protocol: 'SMB',
        },
      }),
    },
    { name: '4.x defaults', hcl: 'resource "azurerm_storage_account" "sa" {\n  name = "sa"\n}\n' },
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
    // file shares over SMB, without stored access policies
    {
      name: 'an NFS share',
      messages: [
        'enabled_protocol is "NFS" (expected "SMB"): NFS carries the share\'s files unencrypted and unauthenticated.',
      ],
      synth: tf({
        'azurerm_storage_account.st': account,
        'azurerm_storage_share.nfs': {
          name: 'nfs',
          storage_account_id: '${azurerm_storage_account.st.id}',
          quota: 100,
          enabled_protocol: 'NFS',
        },
      }),
      errors: [['ENC-001', 'azurerm_storage_share.nfs']],
    },
    {
      name: 'the azurerm 3.x name enable_https_traffic_only = false',
      messages: ['enable_https_traffic_only is false.'],
      hcl: 'resource "azurerm_storage_account" "sa" {\n  name = "sa"\n  enable_https_traffic_only = false\n}\n',
      errors: [['ENC-001', 'azurerm_storage_account.sa']],
    },
  ],
});
