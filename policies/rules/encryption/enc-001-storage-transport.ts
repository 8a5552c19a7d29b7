import { defineRule } from '../rule';
import { boolProblem, stringProblem } from '../attributes';

export const ENC_001 = defineRule({
  id: 'ENC-001',
  title: 'Storage accounts accept HTTPS only, with TLS 1.2 or newer; file shares use SMB',
  severity: 'error',
  rationale:
    'Patient data must never cross a network in clear text or over a TLS version with known weaknesses.',
  anchors: { mcsb: ['DP-3'], checkov: ['CKV_AZURE_3', 'CKV_AZURE_44'] },
  resourceTypes: ['azurerm_storage_account', 'azurerm_storage_share'],
  fix: 'Leave https_traffic_only_enabled unset or true (3.x: enable_https_traffic_only) and leave min_tls_version unset or set it to "TLS1_2"; keep file shares on SMB (enabled_protocol unset or "SMB"), whose channel the account encrypts.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (resource.type === 'azurerm_storage_share') {
        // NFS shares have no channel encryption and no Entra ID identities: root squash is all they offer.
        const protocol = stringProblem(context, resource, ['enabled_protocol'], {
          allowed: ['SMB'],
          providerDefault: 'SMB',
        });
        if (protocol)
          yield {
            resource,
            message: `${protocol}: NFS carries the share's files unencrypted and unauthenticated.`,
          };
        continue;
      }
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
