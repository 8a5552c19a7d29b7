import { defineRule, RuleContext } from '../rule';
import { asBoolean, firstSet, resourceKey } from '../attributes';

/** Server → the auditing (SQL) or connection-logging (PostgreSQL) resources that point at it. */
const AUDIT_RESOURCES: Readonly<Record<string, { server: string; type: 'sql' | 'pg' }>> = {
  azurerm_mssql_server_extended_auditing_policy: { server: 'server_id', type: 'sql' },
  azurerm_postgresql_flexible_server_configuration: { server: 'server_id', type: 'pg' },
};

export const LOG_003 = defineRule({
  id: 'LOG-003',
  title: 'Database auditing is on (SQL extended auditing, PostgreSQL connection logging)',
  severity: 'error',
  rationale:
    'Who connected to a database holding patient data, and what they ran, must be recorded; the platform does not do it unless asked.',
  anchors: {
    mcsb: ['LT-3'],
    checkov: ['CKV_AZURE_23', 'CKV_AZURE_24'],
    regulation: ['Pasientjournalloven § 22'],
  },
  resourceTypes: ['azurerm_mssql_server', 'azurerm_postgresql_flexible_server'],
  fix: 'Add an azurerm_mssql_server_extended_auditing_policy for each SQL server (enabled, log_monitoring_enabled), and an azurerm_postgresql_flexible_server_configuration setting log_connections = "on" for each PostgreSQL server.',
  *check(context) {
    const audited = indexAuditing(context);
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (audited.has(resourceKey(context.model, resource))) continue;
      const message =
        resource.type === 'azurerm_mssql_server'
          ? `no enabled azurerm_mssql_server_extended_auditing_policy in this configuration.`
          : `no azurerm_postgresql_flexible_server_configuration setting log_connections = "on".`;
      yield { resource, message };
    }
  },
});

function indexAuditing(context: RuleContext): Set<string> {
  const out = new Set<string>();
  for (const [type, spec] of Object.entries(AUDIT_RESOURCES)) {
    for (const resource of context.model.byType.get(type) ?? []) {
      if (resource.mode !== 'managed') continue;
      if (spec.type === 'sql') {
        const enabled = firstSet(context, resource, ['enabled']).resolved;
        if (enabled.kind !== 'absent' && !(enabled.kind === 'known' && asBoolean(enabled.value) === true))
          continue;
      } else {
        const name = firstSet(context, resource, ['name']).resolved;
        const value = firstSet(context, resource, ['value']).resolved;
        if (name.kind !== 'known' || String(name.value).toLowerCase() !== 'log_connections') continue;
        if (value.kind !== 'known' || String(value.value).toLowerCase() !== 'on') continue;
      }
      const server = context.target(resource, spec.server);
      if (server.kind === 'resource') out.add(resourceKey(server.model, server.resource));
    }
  }
  return out;
}
