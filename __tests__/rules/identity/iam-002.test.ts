/** The valid and invalid cases of IAM-002 (`policies/rules/identity/iam-002-foreign-tenant-delegation.ts`). */
import {
  IAM_002,
  lighthouseDelegationRule,
} from '../../../policies/rules/identity/iam-002-foreign-tenant-delegation';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const TENANT = '11111111-2222-3333-4444-555555555555';

const HEX_TENANT = 'ABCDEF01-2345-6789-ABCD-EF0123456789';

ruleTester(IAM_002, {
  valid: [
    {
      name: 'no Lighthouse resources',
      synth: tf({ 'azurerm_resource_group.rg': { location: 'norwayeast' } }),
      plan: plan([]),
      hcl: `
resource "azurerm_resource_group" "rg" {
  location = "norwayeast"
}
`,
    },
  ],
  invalid: [
    {
      name: 'a delegation to a foreign tenant and its assignment; an assignment of an external definition',
      messages: [
        'the managing tenant of this Lighthouse delegation cannot be verified: /subscriptions/x/providers/Microsoft.ManagedServices/registrationDefinitions/y is not in the checked estate; pass its stack, plan or state with --context.',
        'management is delegated to tenant 11111111-2222-3333-4444-555555555555, which is not on the allow-list (none).',
      ],
      synth: tf({
        'azurerm_lighthouse_definition.d': { managing_tenant_id: TENANT, scope: '/subscriptions/x' },
        'azurerm_lighthouse_assignment.a': {
          lighthouse_definition_id: '${azurerm_lighthouse_definition.d.id}',
          scope: '/subscriptions/x',
        },
        'azurerm_lighthouse_assignment.b': {
          lighthouse_definition_id:
            '/subscriptions/x/providers/Microsoft.ManagedServices/registrationDefinitions/y',
          scope: '/subscriptions/x',
        },
      }),
      plan: plan([
        { at: 'module.ops.azurerm_lighthouse_definition.d', values: { managing_tenant_id: TENANT } },
      ]),
      errors: [
        ['IAM-002', 'azurerm_lighthouse_assignment.b'],
        ['IAM-002', 'azurerm_lighthouse_definition.d'],
      ],
      planErrors: [['IAM-002', 'module.ops.azurerm_lighthouse_definition.d']],
    },
    {
      name: 'a definition that names no managing tenant',
      messages: [
        'management is delegated to a tenant that is not named, which is not on the allow-list (none).',
      ],
      synth: tf({ 'azurerm_lighthouse_definition.d': { name: 'ops', scope: '/subscriptions/x' } }),
      errors: [['IAM-002', 'azurerm_lighthouse_definition.d']],
    },
    {
      name: 'a tenant id written as a number is reported, not allow-list-checked',
      messages: ['management is delegated to tenant 12345678, which is not on the allow-list (none).'],
      hcl: `
resource "azurerm_lighthouse_definition" "d" {
  name               = "ops"
  scope              = "/subscriptions/x"
  managing_tenant_id = 12345678
}
`,
      errors: [['IAM-002', 'azurerm_lighthouse_definition.d']],
    },
    {
      name: 'an assignment whose definition id points at a resource that is not a Lighthouse definition',
      messages: [
        'the managing tenant of this Lighthouse delegation cannot be verified: it names no definition.',
      ],
      synth: tf({
        'azurerm_resource_group.rg': { name: 'rg-ops', location: 'norwayeast' },
        'azurerm_lighthouse_assignment.a': {
          lighthouse_definition_id: '${azurerm_resource_group.rg.id}',
          scope: '/subscriptions/x',
        },
      }),
      errors: [['IAM-002', 'azurerm_lighthouse_assignment.a']],
    },
    {
      name: 'assignments of a definition from an unvalidated variable, and of no definition at all',
      messages: [
        'the managing tenant of this Lighthouse delegation cannot be verified: it names no definition.',
        'the managing tenant of this Lighthouse delegation cannot be verified: var.definition has no default and no validation that limits it.',
      ],
      synth: tf(
        {
          'azurerm_lighthouse_assignment.var': {
            lighthouse_definition_id: '${var.definition}',
            scope: '/subscriptions/x',
          },
          'azurerm_lighthouse_assignment.none': { scope: '/subscriptions/x' },
        },
        { variable: { definition: { type: 'string' } } },
      ),
      errors: [
        ['IAM-002', 'azurerm_lighthouse_assignment.none'],
        ['IAM-002', 'azurerm_lighthouse_assignment.var'],
      ],
    },
  ],
});

// The allow-list is the extension point: IAM-002 built by lighthouseDelegationRule with tenants on it.
ruleTester(lighthouseDelegationRule([TENANT]), {
  valid: [
    {
      name: 'an allow-listed tenant (the documented extension point)',
      synth: tf({
        'azurerm_lighthouse_definition.d': { managing_tenant_id: TENANT.toUpperCase() },
        'azurerm_lighthouse_assignment.a': {
          lighthouse_definition_id: '${azurerm_lighthouse_definition.d.id}',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'a tenant from a variable without validation',
      messages: [
        'management is delegated to a tenant that cannot be verified before apply, which is not on the allow-list (11111111-2222-3333-4444-555555555555).',
      ],
      synth: tf(
        { 'azurerm_lighthouse_definition.d': { managing_tenant_id: '${var.tenant}' } },
        { variable: { tenant: { type: 'string' } } },
      ),
      errors: [['IAM-002', 'azurerm_lighthouse_definition.d']],
    },
  ],
});

ruleTester(lighthouseDelegationRule([HEX_TENANT, TENANT]), {
  valid: [
    {
      name: 'an allow-listed tenant written in lower case while the allow-list has it in upper case',
      synth: tf({ 'azurerm_lighthouse_definition.d': { managing_tenant_id: HEX_TENANT.toLowerCase() } }),
      plan: plan([
        { at: 'azurerm_lighthouse_definition.d', values: { managing_tenant_id: HEX_TENANT.toLowerCase() } },
      ]),
    },
  ],
  invalid: [
    {
      name: 'a tenant not on a two-tenant allow-list',
      messages: [
        'management is delegated to tenant 99999999-aaaa-bbbb-cccc-dddddddddddd, which is not on the allow-list (ABCDEF01-2345-6789-ABCD-EF0123456789, 11111111-2222-3333-4444-555555555555).',
      ],
      synth: tf({
        'azurerm_lighthouse_definition.d': { managing_tenant_id: '99999999-aaaa-bbbb-cccc-dddddddddddd' },
      }),
      errors: [['IAM-002', 'azurerm_lighthouse_definition.d']],
    },
  ],
});
