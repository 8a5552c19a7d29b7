/**
 * What the engine cannot see is never a pass: deployments inside deployments in every input form,
 * templates that cannot be read, placement Terraform is told to ignore, code run at deploy time, and
 * data processed outside the region by SKU.
 */
import { RES_004 } from '../../policies/rules/residency/res-004-replication-targets';
import { RES_010 } from '../../policies/rules/residency/res-010-unseen-placement';
import { RES_011 } from '../../policies/rules/residency/res-011-deploy-time-code';
import { RES_012 } from '../../policies/rules/residency/res-012-processing-location';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

const TEMPLATE_ABROAD = JSON.stringify({
  resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'x', location: 'westeurope' }],
});
const TEMPLATE_HOME = JSON.stringify({
  resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'x', location: 'norwayeast' }],
});
const DEPLOYMENT = { name: 't', resource_group_name: 'rg', deployment_mode: 'Incremental' };
const ABROAD =
  'template_content.resources[0].location is "westeurope", outside Norway (allowed: norwayeast or norwaywest).';

ruleTester(RES_004, {
  valid: [
    {
      name: 'a template and an azapi body whose resources are in Norway',
      synth: tf({
        'azurerm_resource_group_template_deployment.t': { ...DEPLOYMENT, template_content: TEMPLATE_HOME },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group_template_deployment.t',
          values: { ...DEPLOYMENT, template_content: TEMPLATE_HOME },
        },
      ]),
      hcl: `
resource "azapi_resource" "app" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "app"
  location  = "norwayeast"
  parent_id = "/subscriptions/s/resourceGroups/rg"
  body = jsonencode({
    properties = { replicaLocations = ["norwaywest"] }
  })
}
`,
    },
  ],
  invalid: [
    {
      name: 'a template with a resource abroad: a JSON string, a plan value, an HCL heredoc',
      messages: [`${ABROAD}`],
      synth: tf({
        'azurerm_resource_group_template_deployment.t': { ...DEPLOYMENT, template_content: TEMPLATE_ABROAD },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group_template_deployment.t',
          values: { ...DEPLOYMENT, template_content: TEMPLATE_ABROAD },
        },
      ]),
      hcl: `
resource "azurerm_resource_group_template_deployment" "t" {
  name                = "t"
  resource_group_name = "rg"
  deployment_mode     = "Incremental"
  template_content    = <<TEMPLATE
${TEMPLATE_ABROAD}
TEMPLATE
}
`,
      errors: [['RES-004', 'azurerm_resource_group_template_deployment.t']],
    },
    {
      name: 'jsonencode of a literal object is read: in HCL and in synthesized JSON (Fn.jsonencode)',
      messages: [
        'body.properties.replicaLocations[1] is "uksouth", outside Norway (allowed: norwayeast or norwaywest).',
      ],
      synth: tf({
        'azapi_resource.app': {
          type: 'Microsoft.App/containerApps@2024-03-01',
          name: 'app',
          location: 'norwayeast',
          body: '${jsonencode({"properties" = {"replicaLocations" = ["norwaywest", "uksouth"]}})}',
        },
      }),
      hcl: `
resource "azapi_resource" "app" {
  type     = "Microsoft.App/containerApps@2024-03-01"
  name     = "app"
  location = "norwayeast"
  body = jsonencode({
    properties = { replicaLocations = ["norwaywest", "uksouth"] }
  })
}
`,
      errors: [['RES-004', 'azapi_resource.app']],
    },
  ],
});

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
  ],
});

ruleTester(RES_011, {
  valid: [
    {
      name: 'no provisioners, no scripts',
      synth: tf({ 'terraform_data.marker': { input: 'x' } }),
      hcl: 'resource "terraform_data" "marker" {\n  input = "x"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'a local-exec provisioner and an Azure CLI deployment script',
      messages: [
        'runs a local-exec provisioner; what it does with data is not visible to the policy engine.',
        'is a deployment script; what it does with data is not visible to the policy engine.',
      ],
      synth: tf({
        'terraform_data.copy': { provisioner: [{ 'local-exec': { command: 'azcopy copy a b' } }] },
        'azurerm_resource_deployment_script_azure_cli.s': {
          name: 's',
          location: 'norwayeast',
          resource_group_name: 'rg',
          version: '2.60.0',
          retention_interval: 'P1D',
          script_content: 'az storage blob download-batch ...',
        },
      }),
      hcl: `
resource "terraform_data" "copy" {
  provisioner "local-exec" {
    command = "azcopy copy a b"
  }
}
resource "azurerm_resource_deployment_script_azure_cli" "s" {
  name                = "s"
  location            = "norwayeast"
  resource_group_name = "rg"
  version             = "2.60.0"
  retention_interval  = "P1D"
  script_content      = "az storage blob download-batch ..."
}
`,
      errors: [
        ['RES-011', 'azurerm_resource_deployment_script_azure_cli.s'],
        ['RES-011', 'terraform_data.copy'],
      ],
    },
    {
      name: 'a deployment script through azapi',
      messages: ['is a deployment script; what it does with data is not visible to the policy engine.'],
      synth: tf({
        'azapi_resource.s': { type: 'Microsoft.Resources/deploymentScripts@2023-08-01', name: 's' },
      }),
      plan: plan([
        { at: 'azapi_resource.s', values: { type: 'Microsoft.Resources/deploymentScripts@2023-08-01' } },
      ]),
      errors: [['RES-011', 'azapi_resource.s']],
    },
  ],
});

const DEPLOYMENT_OF = (sku: string) => ({
  name: 'gpt',
  cognitive_account_id:
    '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/ai',
  model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-08-06' },
  sku: { name: sku },
});

ruleTester(RES_012, {
  valid: [
    {
      name: 'regional Standard and ProvisionedManaged deployments',
      synth: tf({
        'azurerm_cognitive_deployment.a': DEPLOYMENT_OF('Standard'),
        'azurerm_cognitive_deployment.b': DEPLOYMENT_OF('ProvisionedManaged'),
      }),
      plan: plan([
        {
          at: 'azurerm_cognitive_deployment.a',
          values: { ...DEPLOYMENT_OF('Standard'), sku: [{ name: 'Standard' }] },
        },
      ]),
      hcl: `
resource "azurerm_cognitive_deployment" "a" {
  name                 = "gpt"
  cognitive_account_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/ai"
  sku {
    name = "Standard"
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'Global and Data Zone SKUs, and a SKU Azure may add later',
      messages: [
        'sku.name is "GlobalStandard", which may process data outside the region (in the region: Standard or ProvisionedManaged).',
        'sku.name is "DataZoneStandard", which may process data outside the region (in the region: Standard or ProvisionedManaged).',
        'sku.name is "DeveloperTier", which may process data outside the region (in the region: Standard or ProvisionedManaged).',
      ],
      synth: tf({
        'azurerm_cognitive_deployment.g': DEPLOYMENT_OF('GlobalStandard'),
        'azurerm_cognitive_deployment.d': DEPLOYMENT_OF('DataZoneStandard'),
        'azurerm_cognitive_deployment.n': DEPLOYMENT_OF('DeveloperTier'),
      }),
      errors: [
        ['RES-012', 'azurerm_cognitive_deployment.d'],
        ['RES-012', 'azurerm_cognitive_deployment.g'],
        ['RES-012', 'azurerm_cognitive_deployment.n'],
      ],
    },
    {
      name: 'a Global deployment in a plan, in HCL, and through azapi',
      synth: tf({
        'azapi_resource.gpt': {
          type: 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01',
          name: 'gpt',
          body: { sku: { name: 'GlobalBatch', capacity: 1 } },
        },
      }),
      plan: plan([
        {
          at: 'azurerm_cognitive_deployment.g',
          values: { ...DEPLOYMENT_OF('x'), sku: [{ name: 'GlobalStandard' }] },
        },
      ]),
      hcl: `
resource "azurerm_cognitive_deployment" "g" {
  name                 = "gpt"
  cognitive_account_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/ai"
  sku {
    name = "DataZoneProvisionedManaged"
  }
}
`,
      errors: [['RES-012', 'azapi_resource.gpt']],
      planErrors: [['RES-012', 'azurerm_cognitive_deployment.g']],
      hclErrors: [['RES-012', 'azurerm_cognitive_deployment.g']],
      message:
        /^(body\.)?sku\.name is "(GlobalBatch|GlobalStandard|DataZoneProvisionedManaged)", which may process data outside the region/,
    },
    {
      name: 'a SKU from a variable with a default only',
      message: /^sku\.name cannot be verified before apply \(var\.sku has a default \("Standard"\)/,
      synth: tf(
        { 'azurerm_cognitive_deployment.v': { ...DEPLOYMENT_OF('x'), sku: { name: '${var.sku}' } } },
        { variable: { sku: { default: 'Standard' } } },
      ),
      errors: [['RES-012', 'azurerm_cognitive_deployment.v']],
    },
  ],
});
