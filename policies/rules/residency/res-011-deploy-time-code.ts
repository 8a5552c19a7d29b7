import { defineRule } from '../rule';
import { isRecord } from '../../model/values';

/** Azure runs these scripts in a container with the identity and network access it is given. */
const SCRIPT_TYPES = /^azurerm_resource_deployment_script_/;
const SCRIPT_ARM_TYPE = /^microsoft\.resources\/deploymentscripts(@|$)/i;

export const RES_011 = defineRule({
  id: 'RES-011',
  title: 'Code that runs at deploy time is reviewed: provisioners and deployment scripts',
  severity: 'warning',
  rationale:
    'A provisioner or deployment script runs arbitrary commands with the deployer’s or an identity’s access; what it copies, and where to, is invisible to every other rule.',
  anchors: { mcsb: ['DP-2'], regulation: ['Fail closed: what cannot be judged is not a pass'] },
  resourceTypes: 'all',
  inputs: ['synth', 'hcl', 'plan'],
  fix: 'Replace the script with resources the engine can judge; where it must stay, review what it sends where and suppress this warning with the reason and an expiry.',
  *check(context) {
    for (const resource of context.resources) {
      if (resource.mode !== 'managed') continue;
      for (const kind of provisionerKinds(resource.provisioning?.provisioner))
        yield {
          resource,
          message: `runs a ${kind} provisioner; what it does with data is not visible to the policy engine.`,
        };
      const azapiType = resource.type.startsWith('azapi_') ? context.read(resource, 'type') : undefined;
      if (
        SCRIPT_TYPES.test(resource.type) ||
        (azapiType?.kind === 'known' &&
          typeof azapiType.value === 'string' &&
          SCRIPT_ARM_TYPE.test(azapiType.value))
      )
        yield {
          resource,
          message: 'is a deployment script; what it does with data is not visible to the policy engine.',
        };
    }
  },
});

/** `provisioner: { 'local-exec': [...] }` (HCL, cdktf) or `[{ type: 'local-exec', … }]` (cdktf lists). */
function provisionerKinds(provisioner: unknown): string[] {
  if (Array.isArray(provisioner))
    return provisioner.flatMap((entry) =>
      isRecord(entry) && typeof entry.type === 'string' ? [entry.type] : provisionerKinds(entry),
    );
  return isRecord(provisioner) ? Object.keys(provisioner) : [];
}
