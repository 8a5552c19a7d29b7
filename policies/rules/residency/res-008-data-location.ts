import { defineRule } from '../rule';
import { boolProblem, stringProblem } from '../attributes';
import { OWN_VOCABULARY } from '../../azure/location-attributes';

const COMMUNICATION_TYPES = OWN_VOCABULARY.data_location.judgedBy.types;

export const RES_008 = defineRule({
  id: 'RES-008',
  title: 'Data location of communication services is Norway; no cross-tenant storage replication',
  severity: 'error',
  rationale:
    'Communication services store data in the geography named by data_location, not by a region; storage cross-tenant object replication copies blobs into accounts of another tenant, beyond our control.',
  anchors: { regulation: ['GDPR chapter V'] },
  resourceTypes: [...COMMUNICATION_TYPES, 'azurerm_storage_account'],
  fix: 'Set data_location = "Norway" on communication services; leave cross_tenant_replication_enabled unset or false on storage accounts.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      const problem =
        resource.type === 'azurerm_storage_account'
          ? // azurerm 4.x defaults cross_tenant_replication_enabled to false.
            boolProblem(context, resource, ['cross_tenant_replication_enabled'], {
              want: false,
              providerDefault: false,
            })
          : stringProblem(context, resource, ['data_location'], { allowed: ['Norway'] });
      if (problem) yield { resource, message: `${problem}.` };
    }
  },
});
