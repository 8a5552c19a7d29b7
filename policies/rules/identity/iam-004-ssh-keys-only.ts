import { defineRule } from '../rule';
import { boolProblem } from '../attributes';

const LINUX_TYPES = ['azurerm_linux_virtual_machine', 'azurerm_linux_virtual_machine_scale_set'];

export const IAM_004 = defineRule({
  id: 'IAM-004',
  title: 'Linux VMs allow SSH keys only; no literal admin passwords',
  severity: 'error',
  rationale:
    'Passwords can be guessed and reused from anywhere; a password written into the configuration is readable by everyone with access to the repository and the state.',
  anchors: { mcsb: ['IM-8'], checkov: ['CKV_AZURE_1', 'CKV_AZURE_149', 'CKV_AZURE_178'] },
  resourceTypes: [
    ...LINUX_TYPES,
    'azurerm_windows_virtual_machine',
    'azurerm_windows_virtual_machine_scale_set',
  ],
  fix: 'Leave disable_password_authentication unset or true and give admin_ssh_key; never write admin_password as a literal (generate it with random_password and keep it in Key Vault).',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      if (LINUX_TYPES.includes(resource.type)) {
        // azurerm 4.x defaults disable_password_authentication to true on Linux VMs and scale sets.
        const problem = boolProblem(context, resource, ['disable_password_authentication'], {
          want: true,
          providerDefault: true,
        });
        if (problem) yield { resource, message: `${problem}; password sign-in is allowed.` };
      }
      // Plans show every value as a literal; only the configuration tells a literal from a generated one.
      if (context.isLiteral(resource, 'admin_password'))
        yield {
          resource,
          message: `admin_password is written as a literal in the configuration.`,
        };
    }
  },
});
