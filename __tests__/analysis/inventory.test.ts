import { inventory } from '../../policies/analysis/inventory';
import { buildWorkspace } from '../../policies/model/build';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { planReport } from '../helpers/report-stacks';

describe('inventory', () => {
  test('counts resources by type and by resolved location, deleted ones excluded', () => {
    const report = planReport();
    const inv = inventory(report.workspace, report.workspace.models[0]);
    expect(inv.resources).toBe(12);
    expect(inv.byLocation).toEqual([
      ['(none)', 6],
      ['norwayeast', 5],
      ['westeurope', 1],
    ]);
    expect(inv.byType[0]).toEqual(['azurerm_monitor_diagnostic_setting', 2]);
  });

  test('types the catalogue knows to be global count as global without a location attribute', () => {
    const model = loadTerraformJson(
      {
        resource: {
          azurerm_private_dns_zone: { z: { name: 'privatelink.blob.core.windows.net' } },
          azurerm_role_assignment: { r: { scope: '/subscriptions/x', principal_id: 'p' } },
          azurerm_resource_group: { rg: { name: 'rg', location: 'Norway East' } },
        },
      },
      { file: 'main.tf.json' },
    );
    const inv = inventory(buildWorkspace([model]), model);
    expect(inv.byLocation).toEqual([
      ['(none)', 1],
      ['global', 1],
      ['norwayeast', 1],
    ]);
  });
});
