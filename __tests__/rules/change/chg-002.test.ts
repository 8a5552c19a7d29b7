/** The valid and invalid cases of CHG-002 (`policies/rules/change/chg-002-location-change.ts`). */
import { CHG_002 } from '../../../policies/rules/change/chg-002-location-change';
import { PRIOR_STATE, SA } from '../../helpers/rules/change';
import { plan, ruleTester } from '../../helpers/rule-tester';

ruleTester(CHG_002, {
  valid: [
    {
      name: 'same region written differently; a new resource; an update without location',
      plan: plan([
        {
          at: 'azurerm_resource_group.rg',
          values: { location: 'norwayeast' },
          actions: ['update'],
          before: { location: 'Norway East' },
        },
        { at: 'azurerm_storage_account.new', values: SA },
        {
          at: 'azurerm_role_assignment.ra',
          values: { scope: 'b' },
          actions: ['update'],
          before: { scope: 'a' },
        },
      ]),
    },
    {
      name: 'a data source read while planning: in prior_state only, with no change',
      plan: plan([{ at: 'azurerm_storage_account.new', values: SA }], { prior_state: PRIOR_STATE }),
    },
    {
      name: 'a resource deleted (CHG-001 decides whether that loses data) and one left unchanged',
      plan: plan([
        { at: 'azurerm_storage_account.old', values: SA, actions: ['delete'], deleted: true },
        { at: 'azurerm_key_vault.kv', values: { location: 'norwayeast' }, actions: ['no-op'] },
      ]),
    },
  ],
  invalid: [
    {
      name: 'norwayeast to westeurope, to norwaywest, and to an unknown location',
      messages: [
        'location changes from norwayeast to a value only known after apply.',
        'location changes from norwayeast to westeurope, which replaces the resource.',
        'location changes from norwayeast to norwaywest, which replaces the resource.',
      ],
      plan: plan([
        {
          at: 'azurerm_storage_account.sa',
          values: { ...SA, location: 'westeurope' },
          actions: ['delete', 'create'],
          before: SA,
        },
        {
          at: 'module.dr.azurerm_resource_group.rg',
          index: 0,
          values: { location: 'norwaywest' },
          actions: ['delete', 'create'],
          before: { location: 'norwayeast' },
        },
        {
          at: 'azurerm_key_vault.kv',
          values: {},
          unknown: { location: true },
          actions: ['delete', 'create'],
          before: { location: 'norwayeast' },
        },
      ]),
      errors: [
        ['CHG-002', 'azurerm_key_vault.kv'],
        ['CHG-002', 'azurerm_storage_account.sa'],
        ['CHG-002', 'module.dr.azurerm_resource_group.rg[0]'],
      ],
    },
  ],
});
