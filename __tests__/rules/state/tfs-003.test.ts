/** The valid and invalid cases of TFS-003 (`policies/rules/state/tfs-003-valid-suppressions.ts`). */
import { ALL_RULES } from '../../../policies/rules';
import { TFS_003 } from '../../../policies/rules/state/tfs-003-valid-suppressions';
import { ruleTester, tf } from '../../helpers/rule-tester';

const KNOWN_IDS = ALL_RULES.map((rule) => rule.id)
  .sort()
  .join(', ');

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
  ],
  invalid: [
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
  ],
});
