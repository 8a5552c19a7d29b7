/** The valid and invalid cases of RES-007 (`policies/rules/residency/res-007-norway-west-approval.ts`). */
import { RES_007 } from '../../../policies/rules/residency/res-007-norway-west-approval';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(RES_007, {
  valid: [
    {
      name: 'a resource group in norwaywest read through a data source; a location written as a list',
      synth: tf({ 'azurerm_resource_group.odd': { name: 'odd', location: ['norwaywest'] } }),
      plan: plan([
        {
          at: 'data.azurerm_resource_group.dr',
          values: { name: 'rg-dr', location: 'norwaywest' },
          actions: ['read'],
        },
      ]),
    },
    {
      name: 'norwaywest with the approval tag; norwayeast without',
      synth: tf({
        'azurerm_resource_group.dr': { location: 'norwaywest', tags: { 'dr-approval': 'CAB-2026-114' } },
        'azurerm_resource_group.main': { location: 'norwayeast' },
      }),
      plan: plan([
        {
          at: 'azurerm_resource_group.dr',
          values: { location: 'norwaywest', tags: { 'dr-approval': 'CAB-2026-114' } },
        },
      ]),
    },
    {
      name: 'an approval written as a number, and one from a variable whose validation admits only approvals',
      synth: tf(
        {
          'azurerm_resource_group.number': { location: 'norwaywest', tags: { 'dr-approval': 2026114 } },
          'azurerm_resource_group.variable': {
            location: 'norwaywest',
            tags: { 'dr-approval': '${var.approval}' },
          },
        },
        {
          variable: {
            approval: {
              type: 'string',
              validation: [
                {
                  condition: '${contains(["CAB-2026-114", "CAB-2026-131"], var.approval)}',
                  error_message: 'An approved change.',
                },
              ],
            },
          },
        },
      ),
      hcl: `
resource "azurerm_resource_group" "number" {
  location = "norwaywest"
  tags = {
    dr-approval = 2026114
  }
}

resource "azurerm_resource_group" "variable" {
  location = "norwaywest"
  tags = {
    dr-approval = var.approval
  }
}

variable "approval" {
  type = string
  validation {
    condition = contains(["CAB-2026-114", "CAB-2026-131"], var.approval)
    error_message = "An approved change."
  }
}
`,
    },
    {
      name: 'the region in any spelling with a boolean approval; a data source in norwaywest; a location from a variable',
      synth: tf(
        {
          'azurerm_storage_account.dr': {
            name: 'dr',
            location: 'Norway West',
            tags: { 'dr-approval': true },
          },
          'data.azurerm_resource_group.dr': { name: 'rg-dr', location: 'norwaywest' },
          'azurerm_storage_account.var': { name: 'var', location: '${var.location}' },
        },
        { variable: { location: { type: 'string' } } },
      ),
    },
  ],
  invalid: [
    {
      name: 'the approval tag from a variable whose validation also admits an empty value',
      messages: ['in norwaywest, but its tags cannot be verified before apply.'],
      synth: tf(
        {
          'azurerm_resource_group.dr': { location: 'norwaywest', tags: { 'dr-approval': '${var.approval}' } },
        },
        {
          variable: {
            approval: {
              type: 'string',
              validation: [
                { condition: '${contains(["", "CAB-2026-114"], var.approval)}', error_message: 'x' },
              ],
            },
          },
        },
      ),
      errors: [['RES-007', 'azurerm_resource_group.dr']],
    },
    {
      name: 'the approval tag written from a variable without a value',
      messages: ['in norwaywest, but its tags cannot be verified before apply.'],
      synth: tf(
        {
          'azurerm_resource_group.dr': { location: 'norwaywest', tags: { 'dr-approval': '${var.approval}' } },
        },
        { variable: { approval: { type: 'string' } } },
      ),
      errors: [['RES-007', 'azurerm_resource_group.dr']],
    },
    {
      name: 'norwaywest without the tag, with an empty one, or with tags only known after apply',
      messages: [
        'in norwaywest, but it has no non-empty "dr-approval" tag.',
        'in norwaywest, but it has no non-empty "dr-approval" tag.',
        'in norwaywest, but its tags cannot be verified before apply.',
      ],
      synth: tf({
        'azurerm_resource_group.a': { location: 'norwaywest' },
        'azurerm_resource_group.b': { location: 'Norway West', tags: { 'dr-approval': ' ' } },
        'azurerm_resource_group.c': { location: 'norwaywest', tags: '${merge(var.tags, {})}' },
      }),
      plan: plan([
        { at: 'azurerm_resource_group.a', values: { location: 'norwaywest', tags: { env: 'dr' } } },
      ]),
      hcl: `
resource "azurerm_resource_group" "a" {
  location = "norwaywest"
}

resource "azurerm_resource_group" "b" {
  location = "Norway West"
  tags = {
    dr-approval = " "
  }
}

resource "azurerm_resource_group" "c" {
  location = "norwaywest"
  tags = merge(var.tags, {})
}
`,
      errors: [
        ['RES-007', 'azurerm_resource_group.a'],
        ['RES-007', 'azurerm_resource_group.b'],
        ['RES-007', 'azurerm_resource_group.c'],
      ],
      planErrors: [['RES-007', 'azurerm_resource_group.a']],
    },
    {
      name: 'a tag key written as an expression, which may or may not be the approval tag',
      messages: ['in norwaywest, but its tags cannot be verified before apply.'],
      synth: tf({
        'azurerm_resource_group.dr': { location: 'norwaywest', tags: { '${var.tag_name}': 'CAB-2026-114' } },
      }),
      hcl: `
resource "azurerm_resource_group" "dr" {
  location = "norwaywest"
  tags = {
    (var.tag_name) = "CAB-2026-114"
  }
}
`,
      errors: [['RES-007', 'azurerm_resource_group.dr']],
    },
    {
      name: 'a spaced region spelling with a blank approval, and with no tags at all',
      synth: tf({
        'azurerm_storage_account.blank': {
          name: 'blank',
          location: 'NORWAY WEST',
          tags: { 'dr-approval': '  ' },
        },
        'azurerm_storage_account.none': { name: 'none', location: 'norwaywest' },
        'azurerm_storage_account.tags': { name: 'tags', location: 'norwaywest', tags: '${var.tags}' },
      }),
      errors: [
        ['RES-007', 'azurerm_storage_account.blank'],
        ['RES-007', 'azurerm_storage_account.none'],
        ['RES-007', 'azurerm_storage_account.tags'],
      ],
      messages: [
        'in norwaywest, but it has no non-empty "dr-approval" tag.',
        'in norwaywest, but it has no non-empty "dr-approval" tag.',
        'in norwaywest, but its tags cannot be verified before apply.',
      ],
    },
  ],
});
