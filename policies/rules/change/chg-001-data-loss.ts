import { defineRule } from '../rule';
import { isDataBearing } from '../data-bearing';

export const CHG_001 = defineRule({
  id: 'CHG-001',
  title: 'A plan does not delete or replace a data-bearing resource',
  severity: 'error',
  rationale:
    'Deleting or replacing a storage account, database, key vault, backup vault or disk destroys the patient data in it; a replacement creates an empty resource with the same name. Such a change needs a deliberate, reviewed exception.',
  anchors: {
    mcsb: ['BR-2'],
    regulation: ['Loses no data: patient records must be kept (pasientjournalloven)'],
  },
  resourceTypes: 'all',
  inputs: ['plan'],
  fix: 'Change the configuration so the attribute that forces replacement keeps its value (check the plan for "forces replacement"), move the resource with a moved block, or, if the data is truly to be destroyed, suppress CHG-001 for this address with the approval as the reason.',
  *check({ resources }) {
    for (const resource of resources) {
      const actions = resource.change?.actions ?? [];
      if (resource.mode !== 'managed' || !actions.includes('delete') || !isDataBearing(resource.type))
        continue;
      const what = actions.includes('create') ? `replaces (${actions.join(', ')})` : 'deletes';
      yield {
        resource,
        message: `The plan ${what} this ${resource.type}; the data in it would be lost.`,
      };
    }
  },
});
