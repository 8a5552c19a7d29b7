import { azureType, CATALOGUE_PROVIDER, isAzureProviderType } from '../../azure/catalogue';
import { defineRule } from '../rule';

const CATALOGUE = `the Azure catalogue (${CATALOGUE_PROVIDER.package} ${CATALOGUE_PROVIDER.version}, docs/azure-catalogue.md)`;

export const RES_009 = defineRule({
  id: 'RES-009',
  title: 'Every Azure resource type is known to the catalogue, classified and not retired',
  severity: 'error',
  rationale:
    'A rule that does not know a type cannot judge it. A type the catalogue has not classified is treated as data-bearing with an unknown place, which fails closed; a retired type is no longer judged by the provider nor supported by Azure.',
  anchors: { regulation: ['Fail closed: what cannot be judged is not a pass', 'GDPR chapter V'] },
  resourceTypes: 'all',
  fix: 'Decide the type in policies/azure/decisions.ts (its role, and its parent attribute if it has no location) and run npm run catalogue; for a retired type, move to its successor.',
  *check({ resources }) {
    for (const resource of resources) {
      if (resource.mode !== 'managed' || !isAzureProviderType(resource.type)) continue;
      const entry = azureType(resource.type);
      if (!entry) {
        yield {
          resource,
          message: `${resource.type} is not in ${CATALOGUE}; it is treated as data-bearing with an unknown place.`,
        };
      } else if (entry.role === 'unclassified') {
        yield {
          resource,
          message: `${resource.type} is not classified in ${CATALOGUE}; it is treated as data-bearing with an unknown place.`,
        };
      } else if (entry.retired) {
        const successor = entry.retired.successor
          ? `; use ${entry.retired.successor}, whose rules it is judged by meanwhile`
          : '';
        yield {
          resource,
          message: `${resource.type} is retired (${entry.retired.reason})${successor}.`,
        };
      }
    }
  },
});
