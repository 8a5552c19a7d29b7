/** The valid and invalid cases of RES-003 (`policies/rules/residency/res-003-allowed-providers.ts`). */
import { RES_003 } from '../../../policies/rules/residency/res-003-allowed-providers';
import { QUIET_HCL } from '../../helpers/rules/residency';
import { plan, RG, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(RES_003, {
  valid: [
    {
      name: 'provider sources written as namespace/type, in any letter case',
      synth: tf(
        {
          'azurerm_resource_group.rg': RG,
          'azapi_resource.pe': { type: 'Microsoft.Network/privateEndpoints@2024-01-01', name: 'pe' },
          'random_string.s': { length: 4 },
        },
        {
          terraform: {
            required_providers: {
              azurerm: { source: 'hashicorp/azurerm', version: '4.14.0' },
              azapi: { source: 'Azure/azapi', version: '2.1.0' },
              random: { source: 'hashicorp/random' },
            },
          },
        },
      ),
    },
    {
      name: 'Entra ID (azuread): named locations, Conditional Access and groups hold no patient data',
      synth: tf(
        {
          'azuread_named_location.norway': { display_name: 'Norway' },
          'azuread_group.admins': { display_name: 'admins' },
          'data.azuread_client_config.current': {},
        },
        { terraform: { required_providers: { azuread: { source: 'hashicorp/azuread', version: '3.7.0' } } } },
      ),
      plan: plan([{ at: 'azuread_conditional_access_policy.block', values: { display_name: 'block' } }]),
    },
    {
      name: 'azurerm, random and terraform_data',
      synth: tf({
        'azurerm_resource_group.rg': RG,
        'random_string.s': { length: 4 },
        'terraform_data.d': {},
      }),
      plan: plan([
        { at: 'azurerm_resource_group.rg', values: RG },
        { at: 'random_string.s', values: { length: 4 } },
      ]),
    },
    { name: 'an aliased azurerm provider, azuread and terraform_remote_state data sources', hcl: QUIET_HCL },
    {
      name: 'the public cloud and a Norway default location',
      synth: tf(
        {},
        {
          provider: {
            azurerm: [{ features: {}, environment: 'public' }],
            azapi: [{ default_location: 'norwayeast' }],
          },
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'azurerm from a registry other than registry.terraform.io',
      messages: [
        'provider registry.example.com/hashicorp/azurerm is not allowed (allowed: hashicorp/azurerm, azure/azapi, hashicorp/azuread, hashicorp/random, hashicorp/time, hashicorp/tls, hashicorp/null, builtin/terraform).',
      ],
      synth: tf(
        { 'azurerm_resource_group.rg': RG },
        {
          terraform: {
            required_providers: { azurerm: { source: 'registry.example.com/hashicorp/azurerm' } },
          },
        },
      ),
      errors: [['RES-003', 'azurerm_resource_group.rg']],
    },
    {
      name: 'aws and google resources and data sources',
      messages: [
        'provider aws is not allowed (allowed: hashicorp/azurerm, azure/azapi, hashicorp/azuread, hashicorp/random, hashicorp/time, hashicorp/tls, hashicorp/null, builtin/terraform).',
        'provider google is not allowed (allowed: hashicorp/azurerm, azure/azapi, hashicorp/azuread, hashicorp/random, hashicorp/time, hashicorp/tls, hashicorp/null, builtin/terraform).',
      ],
      synth: tf({ 'aws_s3_bucket.b': { bucket: 'x' }, 'data.google_project.p': {} }),
      plan: plan([{ at: 'module.x.aws_s3_bucket.b', values: { bucket: 'x' } }]),
      errors: [
        ['RES-003', 'aws_s3_bucket.b'],
        ['RES-003', 'data.google_project.p'],
      ],
      planErrors: [['RES-003', 'module.x.aws_s3_bucket.b']],
    },
    {
      name: 'a sovereign cloud, a metadata host and a default location abroad',
      messages: [
        'the default location "westeurope" is not a Norway region (norwayeast or norwaywest).',
        'environment is "usgovernment"; only the public Azure cloud has the Norway regions.',
        'metadata_host "management.example.com" points the provider at a cloud of its own choosing.',
      ],
      synth: tf(
        {},
        {
          provider: {
            azurerm: [
              { features: {}, environment: 'usgovernment' },
              { alias: 'dr', features: {}, metadata_host: 'management.example.com' },
            ],
            azapi: [{ default_location: 'westeurope' }],
          },
        },
      ),
      hcl: `
provider "azurerm" {
  features {}
  environment = "usgovernment"
}

provider "azurerm" {
  alias = "dr"
  features {}
  metadata_host = "management.example.com"
}

provider "azapi" {
  default_location = "westeurope"
}
`,
      errors: [
        ['RES-003', 'provider.azapi'],
        ['RES-003', 'provider.azurerm'],
        ['RES-003', 'provider.azurerm.dr'],
      ],
    },
  ],
});
