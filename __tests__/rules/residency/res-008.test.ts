/** The valid and invalid cases of RES-008 (`policies/rules/residency/res-008-data-location.ts`). */
import { RES_008 } from '../../../policies/rules/residency/res-008-data-location';
import { SA_NO } from '../../helpers/rules/residency';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(RES_008, {
  valid: [
    {
      name: 'an existing communication service read through a data source',
      synth: tf({ 'data.azurerm_communication_service.shared': { name: 'acs', resource_group_name: 'rg' } }),
    },
    {
      name: 'communication services in Norway; storage without cross-tenant replication (default false)',
      synth: tf({
        'azurerm_communication_service.c': { data_location: 'Norway' },
        'azurerm_email_communication_service.e': { data_location: 'Norway' },
        'azurerm_storage_account.a': SA_NO,
        'azurerm_storage_account.b': { ...SA_NO, cross_tenant_replication_enabled: false },
      }),
      plan: plan([
        { at: 'azurerm_communication_service.c', values: { data_location: 'Norway' } },
        { at: 'azurerm_storage_account.a', values: { ...SA_NO, cross_tenant_replication_enabled: false } },
      ]),
      hcl: `
resource "azurerm_communication_service" "c" {
  data_location = "Norway"
}

resource "azurerm_email_communication_service" "e" {
  data_location = "Norway"
}

resource "azurerm_storage_account" "a" {
  name = "sano"
  location = "norwayeast"
  account_replication_type = "GRS"
}

resource "azurerm_storage_account" "b" {
  name = "sano"
  location = "norwayeast"
  account_replication_type = "GRS"
  cross_tenant_replication_enabled = false
}
`,
    },
  ],
  invalid: [
    {
      name: 'communication service data in Europe; cross-tenant replication on',
      messages: [
        'data_location is "Europe" (expected "Norway").',
        'data_location is not set (expected "Norway").',
        'cross_tenant_replication_enabled is true.',
      ],
      synth: tf({
        'azurerm_communication_service.c': { data_location: 'Europe' },
        'azurerm_email_communication_service.e': {},
        'azurerm_storage_account.a': { ...SA_NO, cross_tenant_replication_enabled: true },
      }),
      plan: plan([
        { at: 'azurerm_communication_service.c', values: { data_location: 'Europe' } },
        { at: 'azurerm_storage_account.a', values: { ...SA_NO, cross_tenant_replication_enabled: true } },
      ]),
      hcl: `
resource "azurerm_communication_service" "c" {
  data_location = "Europe"
}

resource "azurerm_email_communication_service" "e" {}

resource "azurerm_storage_account" "a" {
  name = "sano"
  location = "norwayeast"
  account_replication_type = "GRS"
  cross_tenant_replication_enabled = true
}
`,
      errors: [
        ['RES-008', 'azurerm_communication_service.c'],
        ['RES-008', 'azurerm_email_communication_service.e'],
        ['RES-008', 'azurerm_storage_account.a'],
      ],
      planErrors: [
        ['RES-008', 'azurerm_communication_service.c'],
        ['RES-008', 'azurerm_storage_account.a'],
      ],
    },
  ],
});
