/** The valid and invalid cases of RES-012 (`policies/rules/residency/res-012-processing-location.ts`). */
import { RES_012 } from '../../../policies/rules/residency/res-012-processing-location';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

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
    {
      name: 'a SKU bounded to regional ones by validation; azapi deployments of a regional SKU; other azapi types',
      synth: tf(
        {
          'azurerm_cognitive_deployment.v': { ...DEPLOYMENT_OF('x'), sku: { name: '${var.sku}' } },
          'azapi_resource.gpt': {
            type: 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01',
            name: 'gpt',
            body: { sku: { name: 'Standard', capacity: 1 } },
          },
          'azapi_resource.vnet': {
            type: 'Microsoft.Network/virtualNetworks@2024-01-01',
            name: 'vnet',
            body: { sku: { name: 'GlobalStandard' } },
          },
          'azapi_update_resource.computed': { type: '${var.type}', body: {} },
        },
        {
          variable: {
            sku: {
              type: 'string',
              validation: [
                {
                  condition: '${contains(["Standard", "ProvisionedManaged"], var.sku)}',
                  error_message: 'regional only',
                },
              ],
            },
            type: { type: 'string' },
          },
        },
      ),
    },
    {
      name: 'an existing Global deployment read through a data source deploys nothing',
      synth: tf({
        'data.azapi_resource.gpt': {
          type: 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01',
          name: 'gpt',
          parent_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/ai',
        },
      }),
      plan: plan([
        {
          at: 'data.azapi_resource.gpt',
          values: {
            type: 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01',
            name: 'gpt',
            output: { sku: { name: 'GlobalStandard' } },
          },
          actions: ['read'],
        },
      ]),
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
    {
      name: 'a SKU not set, a SKU bounded to one that is not regional, and an azapi SKU not set',
      synth: tf(
        {
          'azurerm_cognitive_deployment.none': { ...DEPLOYMENT_OF('x'), sku: {} },
          'azurerm_cognitive_deployment.v': { ...DEPLOYMENT_OF('x'), sku: { name: '${var.sku}' } },
          'azapi_resource.gpt': {
            type: 'microsoft.cognitiveservices/accounts/deployments@2024-10-01',
            name: 'gpt',
            body: {},
          },
        },
        {
          variable: {
            sku: {
              type: 'string',
              validation: [
                { condition: '${contains(["Standard", "GlobalStandard"], var.sku)}', error_message: 'x' },
              ],
            },
          },
        },
      ),
      errors: [
        ['RES-012', 'azapi_resource.gpt'],
        ['RES-012', 'azurerm_cognitive_deployment.none'],
        ['RES-012', 'azurerm_cognitive_deployment.v'],
      ],
      messages: [
        'body.sku.name cannot be verified before apply (it is not set); only Standard or ProvisionedManaged process data in the region.',
        'sku.name cannot be verified before apply (it is not set); only Standard or ProvisionedManaged process data in the region.',
        'sku.name cannot be verified before apply (var.sku is limited by its validation to Standard, GlobalStandard); only Standard or ProvisionedManaged process data in the region.',
      ],
    },
  ],
});
