/** The valid and invalid cases of TFS-003 (`policies/rules/state/tfs-003-valid-suppressions.ts`). */
import { ALL_RULES } from '../../../policies/rules';
import { TFS_003 } from '../../../policies/rules/state/tfs-003-valid-suppressions';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

const KNOWN_IDS = ALL_RULES.map((rule) => rule.id)
  .sort()
  .join(', ');

/** A public IP in plan and in plain Terraform, where suppressions come from a policy file. */
const PUBLIC_IP = {
  plan: plan([{ at: 'azurerm_public_ip.bastion', values: { location: 'norwayeast' } }]),
  hcl: `
resource "azurerm_public_ip" "bastion" {
  location = "norwayeast"
}
`,
};

const withSuppression = (spec: Record<string, unknown>) =>
  tf({
    'azurerm_public_ip.bastion': {
      location: 'norwayeast',
      '//': { metadata: { path: 'app/Bastion/Ip' }, norway_policy: { suppressions: [spec] } },
    },
  });

ruleTester(TFS_003, {
  valid: [
    {
      name: 'a complete suppression',
      synth: withSuppression({
        ruleId: 'NET-004',
        reason: 'Azure Bastion needs a public IP',
        expires: '2026-06-30',
      }),
    },
    {
      name: 'a complete suppression in the policy file',
      ...PUBLIC_IP,
      suppressions: [
        {
          ruleId: 'NET-004',
          address: 'azurerm_public_ip.bastion',
          reason: 'Azure Bastion needs a public IP',
          expires: '2026-06-30',
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'a valid suppression on a construct with no resource or data source below it',
      messages: [
        'NET-004 suppression at construct app/Bastion/Outputs: applies to nothing: construct app/Bastion/Outputs has no Terraform resource or data source at or below it; attach it to the construct that holds the resources.',
      ],
      synth: tf(
        { 'azurerm_public_ip.bastion': { location: 'norwayeast' } },
        {
          '//': {
            norway_policy: {
              unattached: {
                'app/Bastion/Outputs': [
                  { ruleId: 'NET-004', reason: 'Azure Bastion needs a public IP', expires: '2026-06-30' },
                ],
              },
            },
          },
        },
      ),
      errors: [['TFS-003', 'construct app/Bastion/Outputs']],
    },
    {
      name: 'unknown rule, short reason, past expiry',
      messages: [
        'NET-999 suppression at construct app/Bastion/Ip: expired on 2025-12-31; fix the finding or renew the suppression with a new reason.',
        'NET-999 suppression at construct app/Bastion/Ip: has a reason of 2 characters; write why, in at least 10.',
        `NET-999 suppression at construct app/Bastion/Ip: names unknown rule NET-999 (known: ${KNOWN_IDS}).`,
      ],
      synth: withSuppression({ ruleId: 'NET-999', reason: 'ok', expires: '2025-12-31' }),
      errors: [
        ['TFS-003', 'azurerm_public_ip.bastion'],
        ['TFS-003', 'azurerm_public_ip.bastion'],
        ['TFS-003', 'azurerm_public_ip.bastion'],
      ],
    },
    {
      name: 'no expiry',
      messages: ['NET-004 suppression at construct app/Bastion/Ip: has no expiry; add expires: YYYY-MM-DD.'],
      synth: withSuppression({ ruleId: 'NET-004', reason: 'Azure Bastion needs a public IP' }),
      errors: [['TFS-003', 'azurerm_public_ip.bastion']],
    },
    {
      name: 'a policy-file suppression of an unknown rule, with a short reason, expired',
      messages: [
        'NET-999 suppression at norway-policy.yaml suppressions[0]: expired on 2025-12-31; fix the finding or renew the suppression with a new reason.',
        'NET-999 suppression at norway-policy.yaml suppressions[0]: has a reason of 2 characters; write why, in at least 10.',
        `NET-999 suppression at norway-policy.yaml suppressions[0]: names unknown rule NET-999 (known: ${KNOWN_IDS}).`,
      ],
      ...PUBLIC_IP,
      suppressions: [
        { ruleId: 'NET-999', address: 'azurerm_public_ip.bastion', reason: 'ok', expires: '2025-12-31' },
      ],
      errors: [
        ['TFS-003', 'azurerm_public_ip.bastion'],
        ['TFS-003', 'azurerm_public_ip.bastion'],
        ['TFS-003', 'azurerm_public_ip.bastion'],
      ],
    },
  ],
});
