import { defineRule } from '../rule';
import { boolProblem, stringProblem } from '../attributes';

export const BCK_001 = defineRule({
  id: 'BCK-001',
  title: 'Backup vaults keep copies in Norway, with soft delete and immutability',
  severity: 'error',
  rationale:
    'Backups are the last copy of patient data. Soft delete and immutability stop an attacker or a mistake from destroying them; redundancy must stay within the Norway region pair (geo-redundancy from a Norway vault goes to the other Norway region).',
  anchors: { mcsb: ['BR-1', 'BR-2'] },
  resourceTypes: ['azurerm_data_protection_backup_vault', 'azurerm_recovery_services_vault'],
  fix: 'Keep soft delete on ("On"/"AlwaysOn"; soft_delete_enabled = true) and set immutability = "Unlocked" or "Locked"; use LocallyRedundant, ZoneRedundant (norwayeast) or GeoRedundant storage from a Norway vault.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const dataProtection = resource.type === 'azurerm_data_protection_backup_vault';
      const redundancy = dataProtection ? 'redundancy' : 'storage_mode_type';
      const problems = [
        // Every redundancy option stays inside the pair when the vault is in Norway (RES-001 checks that).
        stringProblem(context, resource, [redundancy], {
          allowed: ['LocallyRedundant', 'ZoneRedundant', 'GeoRedundant'],
          providerDefault: dataProtection ? undefined : 'GeoRedundant',
        }),
        dataProtection
          ? stringProblem(context, resource, ['soft_delete'], {
              allowed: ['On', 'AlwaysOn'],
              providerDefault: 'On',
            })
          : boolProblem(context, resource, ['soft_delete_enabled'], { want: true, providerDefault: true }),
        stringProblem(context, resource, ['immutability'], {
          allowed: ['Unlocked', 'Locked'],
          providerDefault: 'Disabled',
        }),
      ];
      for (const problem of problems) if (problem) yield { resource, message: `${problem}.` };
    }
  },
});
