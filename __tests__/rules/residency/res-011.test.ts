/** The valid and invalid cases of RES-011 (`policies/rules/residency/res-011-deploy-time-code.ts`). */
import { RES_011 } from '../../../policies/rules/residency/res-011-deploy-time-code';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(RES_011, {
  valid: [
    {
      name: 'no provisioners, no scripts',
      synth: tf({ 'terraform_data.marker': { input: 'x' } }),
      plan: plan([{ at: 'terraform_data.marker', values: { input: 'x' } }]),
      hcl: 'resource "terraform_data" "marker" {\n  input = "x"\n}\n',
    },
    {
      name: 'an existing deployment script read through a data source runs nothing',
      synth: tf({
        'data.azapi_resource.s': { type: 'Microsoft.Resources/deploymentScripts@2023-08-01', name: 's' },
      }),
      plan: plan([
        {
          at: 'data.azapi_resource.s',
          values: { type: 'Microsoft.Resources/deploymentScripts@2023-08-01', name: 's' },
          actions: ['read'],
        },
      ]),
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
    {
      name: 'provisioners as a cdktf list of typed entries: one finding per provisioner',
      messages: [
        'runs a local-exec provisioner; what it does with data is not visible to the policy engine.',
        'runs a remote-exec provisioner; what it does with data is not visible to the policy engine.',
      ],
      synth: tf({
        'terraform_data.copy': {
          provisioner: [
            { type: 'local-exec', command: 'azcopy copy a b' },
            { type: 'remote-exec', inline: ['curl -T /data https://example.com'] },
          ],
        },
      }),
      errors: [
        ['RES-011', 'terraform_data.copy'],
        ['RES-011', 'terraform_data.copy'],
      ],
    },
  ],
});
