import { LOG_001 } from '../../policies/rules/logging/log-001-diagnostic-settings';
import { LOG_002 } from '../../policies/rules/logging/log-002-workspace-retention';
import { LOG_003 } from '../../policies/rules/logging/log-003-database-auditing';
import { plan, ruleTester, tf } from '../helpers/rule-tester';

const LAW = {
  name: 'law',
  location: 'norwayeast',
  retention_in_days: 365,
  local_authentication_enabled: false,
};
const SA = { name: 'sa', location: 'norwayeast' };

ruleTester(LOG_001, {
  valid: [
    {
      name: 'storage (through its blob service) and Key Vault with settings to a Norway workspace',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW,
        'azurerm_storage_account.sa': SA,
        'azurerm_key_vault.kv': { location: 'norwayeast' },
        'azurerm_monitor_diagnostic_setting.sa': {
          target_resource_id: '${azurerm_storage_account.sa.id}/blobServices/default',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
        'azurerm_monitor_diagnostic_setting.kv': {
          target_resource_id: '${azurerm_key_vault.kv.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
      plan: plan([
        { at: 'module.mon.azurerm_log_analytics_workspace.law', values: LAW },
        { at: 'module.mon.azurerm_storage_account.sa', index: 0, values: SA },
        {
          at: 'module.mon.azurerm_monitor_diagnostic_setting.sa',
          index: 0,
          unknown: { target_resource_id: true, log_analytics_workspace_id: true },
          references: {
            target_resource_id: ['azurerm_storage_account.sa[0].id', 'azurerm_storage_account.sa'],
            log_analytics_workspace_id: ['azurerm_log_analytics_workspace.law.id'],
          },
        },
      ]),
    },
    {
      name: 'one good setting is enough next to one to a storage archive',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW,
        'azurerm_network_security_group.nsg': { location: 'norwayeast' },
        'azurerm_storage_account.archive': SA,
        'azurerm_monitor_diagnostic_setting.archive': {
          target_resource_id: '${azurerm_network_security_group.nsg.id}',
          storage_account_id: '${azurerm_storage_account.archive.id}',
        },
        'azurerm_monitor_diagnostic_setting.law': {
          target_resource_id: '${azurerm_network_security_group.nsg.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
        'azurerm_monitor_diagnostic_setting.sa': {
          target_resource_id: '${azurerm_storage_account.archive.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
    },
    {
      name: 'an existing Key Vault read as a data source is not checked',
      synth: tf({
        'data.azurerm_key_vault.platform': { name: 'kv-platform', resource_group_name: 'rg-shared' },
      }),
      plan: plan([{ at: 'data.azurerm_key_vault.platform', values: { name: 'kv-platform' } }]),
    },
  ],
  invalid: [
    {
      name: 'no setting at all',
      messages: [
        'no diagnostic setting in this configuration.',
        'no diagnostic setting in this configuration.',
      ],
      synth: tf({
        'azurerm_key_vault.kv': { location: 'norwayeast' },
        'azurerm_mssql_database.db': { server_id: 'x' },
      }),
      plan: plan([
        {
          at: 'module.db.azurerm_postgresql_flexible_server.pg',
          index: 'a',
          values: { location: 'norwayeast' },
        },
      ]),
      errors: [
        ['LOG-001', 'azurerm_key_vault.kv'],
        ['LOG-001', 'azurerm_mssql_database.db'],
      ],
      planErrors: [['LOG-001', 'module.db.azurerm_postgresql_flexible_server.pg["a"]']],
      message: /no diagnostic setting/,
    },
    {
      name: 'a for_each setting whose target is each.value does not count (fails closed)',
      messages: [
        'no diagnostic setting in this configuration (the diagnostic setting azurerm_monitor_diagnostic_setting.all could not be resolved to a resource, so it does not count).',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW,
        'azurerm_key_vault.kv': { location: 'norwayeast' },
        'azurerm_monitor_diagnostic_setting.all': {
          for_each: '${var.targets}',
          target_resource_id: '${each.value}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
      errors: [['LOG-001', 'azurerm_key_vault.kv']],
      message: /azurerm_monitor_diagnostic_setting\.all could not be resolved/,
    },
    {
      name: 'a setting to a workspace abroad, one to an external workspace, one without a workspace',
      messages: [
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.a: the workspace azurerm_log_analytics_workspace.nl is "westeurope", outside Norway (allowed: norwayeast or norwaywest)).',
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.b sends to /subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central, which is not in the checked estate; pass its stack, plan or state with --context).',
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.c has no log_analytics_workspace_id).',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.nl': { ...LAW, location: 'westeurope' },
        'azurerm_key_vault.a': {},
        'azurerm_key_vault.b': {},
        'azurerm_key_vault.c': {},
        'azurerm_monitor_diagnostic_setting.a': {
          target_resource_id: '${azurerm_key_vault.a.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.nl.id}',
        },
        'azurerm_monitor_diagnostic_setting.b': {
          target_resource_id: '${azurerm_key_vault.b.id}',
          log_analytics_workspace_id:
            '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central',
        },
        'azurerm_monitor_diagnostic_setting.c': {
          target_resource_id: '${azurerm_key_vault.c.id}',
          eventhub_authorization_rule_id: '${var.rule}',
        },
      }),
      errors: [
        ['LOG-001', 'azurerm_key_vault.a'],
        ['LOG-001', 'azurerm_key_vault.b'],
        ['LOG-001', 'azurerm_key_vault.c'],
      ],
      message: /Norway Log Analytics workspace/,
    },
    {
      name: 'a workspace id from an input variable, and a storage account given as the workspace',
      messages: [
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.a: the workspace cannot be resolved (var.workspace_id has no default and no validation that limits it)).',
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.b points at azurerm_storage_account.archive, not a Log Analytics workspace).',
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.archive: the workspace cannot be resolved (var.workspace_id has no default and no validation that limits it)).',
      ],
      synth: tf(
        {
          'azurerm_storage_account.archive': SA,
          'azurerm_key_vault.a': { location: 'norwayeast' },
          'azurerm_key_vault.b': { location: 'norwayeast' },
          'azurerm_monitor_diagnostic_setting.a': {
            target_resource_id: '${azurerm_key_vault.a.id}',
            log_analytics_workspace_id: '${var.workspace_id}',
          },
          'azurerm_monitor_diagnostic_setting.b': {
            target_resource_id: '${azurerm_key_vault.b.id}',
            log_analytics_workspace_id: '${azurerm_storage_account.archive.id}',
          },
          'azurerm_monitor_diagnostic_setting.archive': {
            target_resource_id: '${azurerm_storage_account.archive.id}',
            log_analytics_workspace_id: '${var.workspace_id}',
          },
        },
        { variable: { workspace_id: { type: 'string' } } },
      ),
      errors: [
        ['LOG-001', 'azurerm_key_vault.a'],
        ['LOG-001', 'azurerm_key_vault.b'],
        ['LOG-001', 'azurerm_storage_account.archive'],
      ],
    },
    {
      name: 'every problem of every setting on one resource is listed',
      messages: [
        'no diagnostic setting sends its logs to a Norway Log Analytics workspace (azurerm_monitor_diagnostic_setting.a has no log_analytics_workspace_id; azurerm_monitor_diagnostic_setting.b: the workspace azurerm_log_analytics_workspace.se is "swedencentral", outside Norway (allowed: norwayeast or norwaywest)).',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.se': { ...LAW, location: 'swedencentral' },
        'azurerm_key_vault.kv': { location: 'norwayeast' },
        'azurerm_monitor_diagnostic_setting.a': {
          target_resource_id: '${azurerm_key_vault.kv.id}',
          eventhub_name: 'audit',
        },
        'azurerm_monitor_diagnostic_setting.b': {
          target_resource_id: '${azurerm_key_vault.kv.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.se.id}',
        },
      }),
      errors: [['LOG-001', 'azurerm_key_vault.kv']],
    },
  ],
});

ruleTester(LOG_002, {
  valid: [
    {
      name: 'a year of retention; local auth off under the newer and the older name',
      synth: tf({
        'azurerm_log_analytics_workspace.a': LAW,
        'azurerm_log_analytics_workspace.b': {
          location: 'norwayeast',
          retention_in_days: 730,
          local_authentication_disabled: true,
        },
      }),
      plan: plan([
        { at: 'azurerm_log_analytics_workspace.a', values: { ...LAW, local_authentication_disabled: true } },
      ]),
    },
    {
      name: 'an existing workspace read as a data source is not checked',
      synth: tf({
        'data.azurerm_log_analytics_workspace.central': {
          name: 'law-central',
          resource_group_name: 'rg-mon',
        },
      }),
      plan: plan([{ at: 'data.azurerm_log_analytics_workspace.central', values: { name: 'law-central' } }]),
    },
  ],
  invalid: [
    {
      name: 'default retention and local auth; short retention',
      messages: [
        'local (shared-key) authentication is not disabled; the provider default enables it.',
        'retention_in_days is not set (provider default 30); at least 365 days are required.',
        'retention_in_days is 90; at least 365 days are required.',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.a': { location: 'norwayeast' },
        'azurerm_log_analytics_workspace.b': { ...LAW, retention_in_days: 90 },
      }),
      plan: plan([
        {
          at: 'azurerm_log_analytics_workspace.a',
          index: 0,
          values: { ...LAW, local_authentication_enabled: true, local_authentication_disabled: false },
        },
      ]),
      errors: [
        ['LOG-002', 'azurerm_log_analytics_workspace.a'],
        ['LOG-002', 'azurerm_log_analytics_workspace.a'],
        ['LOG-002', 'azurerm_log_analytics_workspace.b'],
      ],
      planErrors: [['LOG-002', 'azurerm_log_analytics_workspace.a[0]']],
    },
    {
      name: 'local authentication explicitly enabled, under the newer and the older name',
      messages: [
        'local (shared-key) authentication is enabled; the provider default enables it.',
        'local (shared-key) authentication is enabled; the provider default enables it.',
      ],
      synth: tf({
        'azurerm_log_analytics_workspace.new': { ...LAW, local_authentication_enabled: true },
        'azurerm_log_analytics_workspace.old': {
          name: 'law-old',
          location: 'norwayeast',
          retention_in_days: 365,
          local_authentication_disabled: false,
        },
      }),
      errors: [
        ['LOG-002', 'azurerm_log_analytics_workspace.new'],
        ['LOG-002', 'azurerm_log_analytics_workspace.old'],
      ],
    },
    {
      name: 'retention from an input variable without a default',
      messages: ['retention_in_days cannot be verified before apply; at least 365 days are required.'],
      synth: tf(
        {
          'azurerm_log_analytics_workspace.a': {
            ...LAW,
            retention_in_days: '${var.retention_days}',
          },
        },
        { variable: { retention_days: { type: 'number' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_log_analytics_workspace.a',
          values: { name: 'law', location: 'norwayeast', local_authentication_enabled: false },
          unknown: { retention_in_days: true },
        },
      ]),
      errors: [['LOG-002', 'azurerm_log_analytics_workspace.a']],
    },
  ],
});

ruleTester(LOG_003, {
  valid: [
    {
      name: 'SQL extended auditing and PostgreSQL connection logging',
      synth: tf({
        'azurerm_mssql_server.s': { location: 'norwayeast' },
        'azurerm_mssql_server_extended_auditing_policy.a': {
          server_id: '${azurerm_mssql_server.s.id}',
          log_monitoring_enabled: true,
        },
        'azurerm_postgresql_flexible_server.pg': { location: 'norwayeast' },
        'azurerm_postgresql_flexible_server_configuration.log': {
          server_id: '${azurerm_postgresql_flexible_server.pg.id}',
          name: 'log_connections',
          value: 'on',
        },
      }),
      plan: plan([
        { at: 'azurerm_mssql_server.s', values: { location: 'norwayeast' } },
        {
          at: 'azurerm_mssql_server_extended_auditing_policy.a',
          values: { enabled: true },
          unknown: { server_id: true },
          references: { server_id: ['azurerm_mssql_server.s.id'] },
        },
      ]),
    },
    {
      name: 'auditing for a server outside this configuration, and existing servers read as data sources',
      synth: tf({
        'azurerm_mssql_server_extended_auditing_policy.legacy': {
          server_id:
            '/subscriptions/8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f/resourceGroups/rg-db/providers/Microsoft.Sql/servers/sql-legacy',
          log_monitoring_enabled: true,
        },
        'data.azurerm_mssql_server.shared': { name: 'sql-shared', resource_group_name: 'rg-db' },
        'data.azurerm_postgresql_flexible_server.shared': { name: 'pg-shared', resource_group_name: 'rg-db' },
      }),
    },
  ],
  invalid: [
    {
      name: 'another PostgreSQL parameter set to on is not connection logging',
      messages: ['no azurerm_postgresql_flexible_server_configuration setting log_connections = "on".'],
      synth: tf({
        'azurerm_postgresql_flexible_server.pg': { location: 'norwayeast' },
        'azurerm_postgresql_flexible_server_configuration.disconnections': {
          server_id: '${azurerm_postgresql_flexible_server.pg.id}',
          name: 'log_disconnections',
          value: 'on',
        },
      }),
      errors: [['LOG-003', 'azurerm_postgresql_flexible_server.pg']],
    },
    {
      name: 'auditing disabled, connection logging off, nothing at all',
      messages: [
        'no enabled azurerm_mssql_server_extended_auditing_policy in this configuration.',
        'no azurerm_postgresql_flexible_server_configuration setting log_connections = "on".',
        'no azurerm_postgresql_flexible_server_configuration setting log_connections = "on".',
      ],
      synth: tf({
        'azurerm_mssql_server.s': {},
        'azurerm_mssql_server_extended_auditing_policy.a': {
          server_id: '${azurerm_mssql_server.s.id}',
          enabled: false,
        },
        'azurerm_postgresql_flexible_server.pg': {},
        'azurerm_postgresql_flexible_server_configuration.log': {
          server_id: '${azurerm_postgresql_flexible_server.pg.id}',
          name: 'log_connections',
          value: 'off',
        },
        'azurerm_postgresql_flexible_server.other': {},
      }),
      plan: plan([{ at: 'module.db.azurerm_mssql_server.s', index: 1, values: {} }]),
      errors: [
        ['LOG-003', 'azurerm_mssql_server.s'],
        ['LOG-003', 'azurerm_postgresql_flexible_server.other'],
        ['LOG-003', 'azurerm_postgresql_flexible_server.pg'],
      ],
      planErrors: [['LOG-003', 'module.db.azurerm_mssql_server.s[1]']],
    },
  ],
});

ruleTester(LOG_001, {
  valid: [
    {
      name: 'FHIR and DICOM services with diagnostics to a Norway workspace',
      synth: tf({
        'azurerm_log_analytics_workspace.law': LAW,
        'azurerm_healthcare_fhir_service.fhir': { location: 'norwayeast' },
        'azurerm_healthcare_dicom_service.dicom': { location: 'norwayeast' },
        'azurerm_monitor_diagnostic_setting.fhir': {
          target_resource_id: '${azurerm_healthcare_fhir_service.fhir.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
        'azurerm_monitor_diagnostic_setting.dicom': {
          target_resource_id: '${azurerm_healthcare_dicom_service.dicom.id}',
          log_analytics_workspace_id: '${azurerm_log_analytics_workspace.law.id}',
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'FHIR and DICOM services without diagnostics: reads of patient resources leave no trace',
      synth: tf({
        'azurerm_healthcare_fhir_service.fhir': { location: 'norwayeast' },
        'azurerm_healthcare_dicom_service.dicom': { location: 'norwayeast' },
      }),
      errors: [
        ['LOG-001', 'azurerm_healthcare_fhir_service.fhir'],
        ['LOG-001', 'azurerm_healthcare_dicom_service.dicom'],
      ],
    },
  ],
});
