/** The valid and invalid cases of TFS-001 (`policies/rules/state/tfs-001-state-backend.ts`). */
import { loadTerraformJson } from '../../../policies/model/load-terraform-json';
import { TFS_001 } from '../../../policies/rules/state/tfs-001-state-backend';
import { AZURERM_BACKEND, backend } from '../../helpers/rules/state';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

/** The state account AZURERM_BACKEND names, in Norway: the estate shows where state is kept. */
const STATE_ACCOUNT = { 'azurerm_storage_account.state': { name: 'stnostate', location: 'norwayeast' } };

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
      hcl: `
resource "azurerm_storage_account" "state" {
  name = "stnostate"
  location = "norwayeast"
}

resource "azurerm_storage_account" "archive" {
  name = "starchive"
  location = "westeurope"
}

resource "azurerm_storage_account" "unnamed" {
  name = var.name
  location = "westeurope"
}

terraform {
  backend "azurerm" {
    resource_group_name = "rg-state"
    storage_account_name = "stnostate"
    container_name = "tfstate"
    key = "app.tfstate"
    use_azuread_auth = true
  }
}
`,
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
      hcl: `
resource "azurerm_storage_account" "state" {
  name = "stnostate"
  location = "norwayeast"
}

data "terraform_remote_state" "saas" {
  backend = "remote"
  config {
    organization = "x"
    workspaces {
      name = "y"
    }
  }
}

data "terraform_remote_state" "dynamic" {
  backend = var.backend
  config {}
}

data "terraform_remote_state" "cross-stack-reference-input-platform" {
  backend = "azurerm"
  config {
    resource_group_name = "rg-state"
    storage_account_name = "stnostate"
    container_name = "tfstate"
    key = "app.tfstate"
    use_azuread_auth = true
  }
}

terraform {
  backend "azurerm" {
    resource_group_name = "rg-state"
    storage_account_name = "stnostate"
    container_name = "tfstate"
    key = "app.tfstate"
    use_azuread_auth = true
  }
}
`,
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
