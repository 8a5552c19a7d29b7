import { actionOf, planSummary } from '../../policies/analysis/plan-summary';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { planReport } from '../helpers/report-stacks';

describe('plan summary', () => {
  test('counts actions as terraform plan does and lists destructive changes to data-bearing resources', () => {
    const model = planReport().workspace.models[0];
    const summary = planSummary(model)!;
    expect(summary.counts).toEqual({ create: 6, update: 1, replace: 1, delete: 1, read: 0, 'no-op': 4 });
    expect(summary.destructive.map((c) => [c.action, c.address])).toEqual([
      ['delete', 'azurerm_storage_account.archive'],
      ['replace', 'azurerm_storage_account.data'],
    ]);
    expect(summary.changes).toHaveLength(9);
  });

  test('replacement in either order; synthesized input has no plan summary', () => {
    expect(actionOf(['delete', 'create'])).toBe('replace');
    expect(actionOf(['create', 'delete'])).toBe('replace');
    expect(actionOf(['no-op'])).toBe('no-op');
    expect(planSummary(loadTerraformJson({ resource: {} }, { file: 'cdk.tf.json' }))).toBeUndefined();
  });
});
