/** The valid and invalid cases of CHG-001 (`policies/rules/change/chg-001-data-loss.ts`). */
import { CHG_001 } from '../../../policies/rules/change/chg-001-data-loss';
import { PRIOR_STATE, SA } from '../../helpers/rules/change';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(CHG_001, {
  valid: [
    {
      name: 'create, update and no-op of stores; delete of a stateless resource',
      plan: plan([
        { at: 'azurerm_storage_account.new', values: SA },
        {
          at: 'azurerm_storage_account.sa',
          values: { ...SA, min_tls_version: 'TLS1_2' },
          actions: ['update'],
          before: SA,
        },
        { at: 'azurerm_key_vault.kv', values: { location: 'norwayeast' }, actions: ['no-op'] },
        { at: 'azurerm_network_security_rule.old', values: {}, actions: ['delete'], deleted: true },
      ]),
      // The rule applies to plans only: a configuration has no changes.
      synth: tf({ 'azurerm_storage_account.sa': SA }),
    },
    {
      name: 'a data source read while planning: in prior_state only, with no change',
      plan: plan([{ at: 'azurerm_storage_account.new', values: SA }], { prior_state: PRIOR_STATE }),
    },
    {
      name: 'deleting a classified type that holds no data',
      plan: plan([{ at: 'azurerm_subnet.s', values: { name: 's' }, actions: ['delete'] }]),
    },
  ],
  invalid: [
    {
      name: 'delete, replace (both orders) in modules and for count / for_each instances',
      messages: [
        'The plan replaces (create, delete) this azurerm_key_vault; the data in it would be lost.',
        'The plan replaces (delete, create) this azurerm_managed_disk; the data in it would be lost.',
        'The plan deletes this azurerm_storage_account; the data in it would be lost.',
        'The plan replaces (delete, create) this azurerm_mssql_database; the data in it would be lost.',
      ],
      plan: plan([
        { at: 'azurerm_storage_account.sa', values: SA, actions: ['delete'], deleted: true },
        { at: 'module.db.azurerm_mssql_database.db', index: 0, values: {}, actions: ['delete', 'create'] },
        { at: 'azurerm_key_vault.kv', index: 'prod', values: {}, actions: ['create', 'delete'] },
        { at: 'azurerm_managed_disk.d', values: {}, actions: ['delete', 'create'] },
      ]),
      errors: [
        ['CHG-001', 'azurerm_key_vault.kv["prod"]'],
        ['CHG-001', 'azurerm_managed_disk.d'],
        ['CHG-001', 'azurerm_storage_account.sa'],
        ['CHG-001', 'module.db.azurerm_mssql_database.db[0]'],
      ],
      message: /would be lost/,
    },
    {
      name: 'deleting an unclassified type: treated as data-bearing (fail closed)',
      plan: plan([{ at: 'azurerm_bot_service_azure_bot.b', values: { name: 'b' }, actions: ['delete'] }]),
      errors: [['CHG-001', 'azurerm_bot_service_azure_bot.b']],
    },
  ],
});
