import { defineRule } from '../rule';
import { asBoolean, firstSet } from '../attributes';

export const MINIMUM_RETENTION_DAYS = 365;

export const LOG_002 = defineRule({
  id: 'LOG-002',
  title: 'Log Analytics workspaces keep logs for a year and allow Entra ID access only',
  severity: 'warning',
  rationale:
    'Access to health records must be reviewable long after the fact; the provider default of 30 days loses the evidence. Shared-key ingestion and query bypass Entra ID.',
  anchors: { mcsb: ['LT-6'], regulation: ['Normen: logging and log review'] },
  resourceTypes: ['azurerm_log_analytics_workspace'],
  fix: `Set retention_in_days to at least ${MINIMUM_RETENTION_DAYS} and local_authentication_enabled = false (older 4.x: local_authentication_disabled = true).`,
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const retention = firstSet(context, resource, ['retention_in_days']).resolved;
      if (retention.kind !== 'known' || !(Number(retention.value) >= MINIMUM_RETENTION_DAYS)) {
        const is =
          retention.kind === 'known'
            ? `is ${String(retention.value)}`
            : retention.kind === 'absent'
              ? 'is not set (provider default 30)'
              : 'cannot be verified before apply';
        yield {
          resource,
          message: `retention_in_days ${is}; at least ${MINIMUM_RETENTION_DAYS} days are required.`,
        };
      }
      // Two names for one setting, with opposite meanings: local_authentication_enabled (newer) and _disabled.
      const enabled = firstSet(context, resource, ['local_authentication_enabled']).resolved;
      const disabled = firstSet(context, resource, ['local_authentication_disabled']).resolved;
      const off =
        (enabled.kind === 'known' && asBoolean(enabled.value) === false) ||
        (disabled.kind === 'known' && asBoolean(disabled.value) === true);
      const on =
        (enabled.kind === 'known' && asBoolean(enabled.value) === true) ||
        (disabled.kind === 'known' && asBoolean(disabled.value) === false);
      if (!off || on)
        yield {
          resource,
          message: `local (shared-key) authentication is ${on ? 'enabled' : 'not disabled'}; the provider default enables it.`,
        };
    }
  },
});
