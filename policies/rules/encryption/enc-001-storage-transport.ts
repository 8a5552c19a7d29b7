import { defineRule } from '../rule';
import { boolProblem, stringProblem } from '../attributes';

export const ENC_001 = defineRule({
  id: 'ENC-001',
  title: 'Storage accounts accept HTTPS only, with TLS 1.2 or newer',
  severity: 'error',
  rationale:
    'Patient data must never cross a network in clear text or over a TLS version with known weaknesses.',
  anchors: { mcsb: ['DP-3'], checkov: ['CKV_AZURE_3', 'CKV_AZURE_44'] },
  resourceTypes: ['azurerm_storage_account'],
  fix: 'Leave https_traffic_only_enabled unset or true (3.x: enable_https_traffic_only) and leave min_tls_version unset or set it to "TLS1_2".',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      // azurerm 4.x: https_traffic_only_enabled defaults to true, min_tls_version to TLS1_2.
      const problems = [
        boolProblem(context, resource, ['https_traffic_only_enabled', 'enable_https_traffic_only'], {
          want: true,
          providerDefault: true,
        }),
        stringProblem(context, resource, ['min_tls_version'], {
          allowed: ['TLS1_2', 'TLS1_3'],
          providerDefault: 'TLS1_2',
        }),
      ];
      for (const problem of problems) if (problem) yield { resource, message: `${problem}.` };
    }
  },
});
