/** The valid and invalid cases of LOG-003 (`policies/rules/logging/log-003-database-auditing.ts`). */
import { LOG_003 } from '../../../policies/rules/logging/log-003-database-auditing';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

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
      hcl: `
resource "azurerm_mssql_server" "s" {
  location = "norwayeast"
}

resource "azurerm_mssql_server_extended_auditing_policy" "a" {
  server_id = azurerm_mssql_server.s.id
  log_monitoring_enabled = true
}

resource "azurerm_postgresql_flexible_server" "pg" {
  location = "norwayeast"
}

resource "azurerm_postgresql_flexible_server_configuration" "log" {
  server_id = azurerm_postgresql_flexible_server.pg.id
  name = "log_connections"
  value = "on"
}
`,
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
      hcl: `
resource "azurerm_mssql_server" "s" {}

resource "azurerm_mssql_server_extended_auditing_policy" "a" {
  server_id = azurerm_mssql_server.s.id
  enabled = false
}

resource "azurerm_postgresql_flexible_server" "pg" {}

resource "azurerm_postgresql_flexible_server" "other" {}

resource "azurerm_postgresql_flexible_server_configuration" "log" {
  server_id = azurerm_postgresql_flexible_server.pg.id
  name = "log_connections"
  value = "off"
}
`,
      errors: [
        ['LOG-003', 'azurerm_mssql_server.s'],
        ['LOG-003', 'azurerm_postgresql_flexible_server.other'],
        ['LOG-003', 'azurerm_postgresql_flexible_server.pg'],
      ],
      planErrors: [['LOG-003', 'module.db.azurerm_mssql_server.s[1]']],
    },
  ],
});
