/** The valid and invalid cases of IAM-004 (`policies/rules/identity/iam-004-ssh-keys-only.ts`). */
import { IAM_004 } from '../../../policies/rules/identity/iam-004-ssh-keys-only';
import { plan, ruleTester, tf } from '../../helpers/rule-tester';

ruleTester(IAM_004, {
  valid: [
    {
      name: 'SSH keys only (default), password from a generated value',
      synth: tf({
        'azurerm_linux_virtual_machine.vm': {
          admin_ssh_key: { username: 'ops', public_key: 'ssh-ed25519 AAAA' },
        },
        'azurerm_windows_virtual_machine.win': { admin_password: '${random_password.admin.result}' },
      }),
      plan: plan([
        { at: 'azurerm_linux_virtual_machine.vm', values: { disable_password_authentication: true } },
        { at: 'azurerm_windows_virtual_machine.win', values: { admin_password: 'generated-value-in-plan' } },
      ]),
      hcl: `
resource "azurerm_linux_virtual_machine" "vm" {
  admin_ssh_key {
    username = "ops"
    public_key = "ssh-ed25519 AAAA"
  }
}

resource "azurerm_windows_virtual_machine" "win" {
  admin_password = random_password.admin.result
}
`,
    },
  ],
  invalid: [
    {
      name: 'password authentication on; a literal admin password',
      messages: [
        'disable_password_authentication cannot be verified before apply (var.pw_auth has no default and no validation that limits it); password sign-in is allowed.',
        'admin_password is written as a literal in the configuration.',
        'disable_password_authentication is false; password sign-in is allowed.',
      ],
      synth: tf(
        {
          'azurerm_linux_virtual_machine.vm': {
            disable_password_authentication: false,
            admin_password: 'Sommer2026!',
          },
          'azurerm_linux_virtual_machine_scale_set.ss': { disable_password_authentication: '${var.pw_auth}' },
        },
        { variable: { pw_auth: { type: 'bool' } } },
      ),
      plan: plan([
        {
          at: 'azurerm_linux_virtual_machine_scale_set.ss',
          index: 0,
          values: { disable_password_authentication: false },
        },
      ]),
      hcl: `
resource "azurerm_linux_virtual_machine" "vm" {
  disable_password_authentication = false
  admin_password = "Sommer2026!"
}

resource "azurerm_linux_virtual_machine_scale_set" "ss" {
  disable_password_authentication = var.pw_auth
}

variable "pw_auth" {
  type = bool
}
`,
      errors: [
        ['IAM-004', 'azurerm_linux_virtual_machine.vm'],
        ['IAM-004', 'azurerm_linux_virtual_machine.vm'],
        ['IAM-004', 'azurerm_linux_virtual_machine_scale_set.ss'],
      ],
      planErrors: [['IAM-004', 'azurerm_linux_virtual_machine_scale_set.ss[0]']],
    },
    {
      name: 'literal admin passwords on Windows machines and scale sets',
      messages: [
        'admin_password is written as a literal in the configuration.',
        'admin_password is written as a literal in the configuration.',
      ],
      synth: tf({
        'azurerm_windows_virtual_machine.win': { admin_username: 'ops', admin_password: 'Vinter2026!' },
        'azurerm_windows_virtual_machine_scale_set.ss': {
          admin_username: 'ops',
          admin_password: 'Host2026!',
        },
      }),
      errors: [
        ['IAM-004', 'azurerm_windows_virtual_machine.win'],
        ['IAM-004', 'azurerm_windows_virtual_machine_scale_set.ss'],
      ],
    },
  ],
});
