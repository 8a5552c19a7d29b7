/** The valid and invalid cases of RES-010 (`policies/rules/residency/res-010-unseen-placement.ts`). */
import { RES_010 } from '../../../policies/rules/residency/res-010-unseen-placement';
import { DEPLOYMENT, TEMPLATE_HOME } from '../../helpers/rules/residency';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(RES_010, {
  valid: [
    {
      name: 'a literal template, and ignore_changes on tags only',
      synth: tf({
        'azurerm_resource_group_template_deployment.t': { ...DEPLOYMENT, template_content: TEMPLATE_HOME },
        'azurerm_storage_account.sa': {
          name: 'sa',
          location: 'norwayeast',
          lifecycle: { ignore_changes: ['tags'] },
        },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group_template_deployment.t',
          values: { ...DEPLOYMENT, template_content: TEMPLATE_HOME },
        },
      ]),
      hcl: `
resource "azurerm_storage_account" "sa" {
  name     = "sa"
  location = "norwayeast"
  lifecycle {
    ignore_changes = [tags]
  }
}
`,
    },
    {
      name: 'ignore_changes on attributes that name no place or path, written as a list or a single name',
      synth: tf({
        'azurerm_storage_account.a': {
          name: 'a',
          location: 'norwayeast',
          key_vault_id: '${azurerm_key_vault.kv.id}',
          lifecycle: { ignore_changes: ['tags["owner"]', '${name}', 7] },
        },
        'azurerm_storage_account.b': {
          name: 'b',
          location: 'norwayeast',
          lifecycle: { ignore_changes: 'tags' },
        },
        'azurerm_key_vault.kv': { name: 'kv', location: 'norwayeast' },
      }),
    },
  ],
  invalid: [
    {
      name: 'a template that is not valid JSON',
      synth: tf({
        'azurerm_resource_group_template_deployment.t': {
          ...DEPLOYMENT,
          template_content: '{"resources": [',
        },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group_template_deployment.t',
          values: { ...DEPLOYMENT, template_content: '{"resources": [' },
        },
      ]),
      errors: [['RES-010', 'azurerm_resource_group_template_deployment.t']],
      message: /^template_content is not valid JSON \(.+\), so the resources it deploys cannot be judged\.$/,
    },
    {
      name: 'a template computed by Terraform, or known only after apply',
      messages: ['template_content is computed by Terraform, so the resources it deploys cannot be judged.'],
      synth: tf({
        'azurerm_resource_group_template_deployment.t': {
          ...DEPLOYMENT,
          template_content: '${file("template.json")}',
        },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group_template_deployment.t',
          values: DEPLOYMENT,
          unknown: { template_content: true },
        },
      ]),
      hcl: `
resource "azapi_resource" "app" {
  type = "Microsoft.App/containerApps@2024-03-01"
  name = "app"
  body = jsonencode(merge(local.base, { location = "norwayeast" }))
}
`,
      errors: [['RES-010', 'azurerm_resource_group_template_deployment.t']],
      planErrors: [['RES-010', 'azurerm_resource_group_template_deployment.t']],
      hclErrors: [['RES-010', 'azapi_resource.app']],
    },
    {
      name: 'an import whose location is ignored, and ignore_changes = all',
      messages: [
        'lifecycle.ignore_changes includes location, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.',
        'lifecycle.ignore_changes is all, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.',
      ],
      synth: tf({
        'azurerm_storage_account.a': {
          name: 'a',
          location: 'norwayeast',
          lifecycle: { ignore_changes: ['location'] },
        },
        'azurerm_storage_account.b': {
          name: 'b',
          location: 'norwayeast',
          lifecycle: { ignore_changes: 'all' },
        },
      }),
      hcl: `
resource "azurerm_storage_account" "a" {
  name     = "a"
  location = "norwayeast"
  lifecycle {
    ignore_changes = [location]
  }
}
resource "azurerm_storage_account" "b" {
  name     = "b"
  location = "norwayeast"
  lifecycle {
    ignore_changes = all
  }
}
`,
      errors: [
        ['RES-010', 'azurerm_storage_account.a'],
        ['RES-010', 'azurerm_storage_account.b'],
      ],
    },
    {
      name: 'ignore_changes on a replica block hides a place',
      messages: [
        'lifecycle.ignore_changes includes geo_location, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.',
      ],
      hcl: `
resource "azurerm_cosmosdb_account" "c" {
  name     = "c"
  location = "norwayeast"
  geo_location {
    location          = "norwaywest"
    failover_priority = 1
  }
  lifecycle {
    ignore_changes = [geo_location]
  }
}
`,
      errors: [['RES-010', 'azurerm_cosmosdb_account.c']],
    },
    {
      name: 'entries as interpolations and indexed paths, several hidden attributes named in order, all as an interpolation',
      synth: tf({
        'azurerm_storage_account.a': {
          name: 'a',
          location: 'norwayeast',
          key_vault_id: '${azurerm_key_vault.kv.id}',
          lifecycle: { ignore_changes: ['${ key_vault_id }', '${location}'] },
        },
        'azurerm_cosmosdb_account.c': {
          name: 'c',
          location: 'norwayeast',
          geo_location: [{ location: 'norwaywest', failover_priority: 1 }],
          lifecycle: { ignore_changes: ['geo_location[0].location'] },
        },
        'azurerm_storage_account.b': {
          name: 'b',
          location: 'norwayeast',
          lifecycle: { ignore_changes: ['${all}'] },
        },
        'azurerm_key_vault.kv': { name: 'kv', location: 'norwayeast' },
      }),
      errors: [
        ['RES-010', 'azurerm_cosmosdb_account.c'],
        ['RES-010', 'azurerm_storage_account.a'],
        ['RES-010', 'azurerm_storage_account.b'],
      ],
      messages: [
        'lifecycle.ignore_changes includes geo_location, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.',
        'lifecycle.ignore_changes includes key_vault_id, location, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.',
        'lifecycle.ignore_changes is all, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.',
      ],
    },
    {
      name: 'an imported resource whose location is written nowhere but ignored; entries with stray spaces',
      synth: tf({
        'azurerm_storage_account.imported': {
          name: 'imported',
          lifecycle: { ignore_changes: ['location'] },
        },
        'azurerm_storage_account.spaced': {
          name: 'spaced',
          location: 'norwayeast',
          lifecycle: { ignore_changes: [' location '] },
        },
        'azurerm_storage_account.all': {
          name: 'all',
          location: 'norwayeast',
          lifecycle: { ignore_changes: 'all ' },
        },
      }),
      errors: [
        ['RES-010', 'azurerm_storage_account.all'],
        ['RES-010', 'azurerm_storage_account.imported'],
        ['RES-010', 'azurerm_storage_account.spaced'],
      ],
      messages: [
        'lifecycle.ignore_changes includes location, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.',
        'lifecycle.ignore_changes includes location, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.',
        'lifecycle.ignore_changes is all, so the configuration proves nothing about where the resource and its data are; check the plan, whose state shows them.',
      ],
    },
  ],
});
