import { typesWhere, azureType, attributePath } from '../../azure/catalogue';
import { defineRule } from '../rule';
import type { Resolved } from '../../model/resolve';

/** The Terraform types whose SKU decides where data is processed (the catalogue's `processing`). */
const PROCESSING_TYPES = typesWhere((entry) => entry.processing !== undefined);
/** The same decisions by ARM type, for azapi resources (`Microsoft.CognitiveServices/accounts/deployments@…`). */
const BY_ARM = new Map(
  PROCESSING_TYPES.flatMap((type) => {
    const entry = azureType(type);
    return entry?.arm ? [[entry.arm.toLowerCase(), entry] as const] : [];
  }),
);

export const RES_012 = defineRule({
  id: 'RES-012',
  title: 'Data is processed in Norway: no Global or Data Zone deployments',
  severity: 'error',
  rationale:
    'An AI deployment with a Global or Data Zone SKU sends prompts and patient data in them to be processed in any region of the world or of the zone, though the account itself is in Norway.',
  anchors: { regulation: ['GDPR chapter V'] },
  resourceTypes: [...PROCESSING_TYPES, 'azapi_resource', 'azapi_update_resource'],
  fix: 'Use a regional SKU (Standard or ProvisionedManaged) in an account in Norway.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      let processing = azureType(resource.type)?.processing;
      let sku: Resolved | undefined;
      let where = '';
      if (processing) {
        sku = context.read(resource, attributePath(processing.attribute));
        where = processing.attribute;
      } else {
        const type = context.read(resource, 'type');
        if (type.kind !== 'known' || typeof type.value !== 'string') continue;
        processing = BY_ARM.get(type.value.split('@')[0].toLowerCase())?.processing;
        if (!processing) continue;
        // ARM puts the SKU at the top of the body: `{ sku = { name = "GlobalStandard" } }`.
        where = `body.${processing.attribute}`;
        sku = context.read(resource, ['body', ...processing.attribute.split('.')]);
      }
      const allowed = processing.inRegion;
      const listed = allowed.join(' or ');
      if (sku.kind === 'known' && typeof sku.value === 'string' && allowed.includes(sku.value)) continue;
      if (sku.kind === 'known')
        yield {
          resource,
          message: `${where} is ${JSON.stringify(sku.value)}, which may process data outside the region (in the region: ${listed}).`,
        };
      else if (sku.kind === 'oneOf' && sku.values.every((v) => allowed.includes(v as string))) continue;
      else
        yield {
          resource,
          message: `${where} cannot be verified before apply (${sku.kind === 'absent' ? 'it is not set' : sku.reason}); only ${listed} process data in the region.`,
        };
    }
  },
});
