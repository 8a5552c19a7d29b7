/** The context a rule runs in reads every resource in the model the resource belongs to. */
import { ruleContext } from '../../policies/engine/context';
import { buildWorkspace } from '../../policies/model/build';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { Resolver } from '../../policies/model/resolve';
import type { TfModel, TfResource } from '../../policies/model/types';
import { tf } from '../helpers/rule-tester';

/** A stack whose storage account names its resource group by reference, so reading it needs the model. */
function stack(name: string, group: string): TfModel {
  return loadTerraformJson(
    tf({
      'azurerm_resource_group.rg': { name: group, location: 'norwayeast' },
      'azurerm_storage_account.sa': {
        name: `sa${name}`,
        location: 'norwayeast',
        resource_group_name: '${azurerm_resource_group.rg.name}',
      },
    }),
    { file: `cdktf.out/stacks/${name}/cdk.tf.json`, stack: name },
  );
}

function account(model: TfModel): TfResource {
  return model.byAddress.get('azurerm_storage_account.sa') as TfResource;
}

const a = stack('a', 'rg-a');
const b = stack('b', 'rg-b');
const workspace = buildWorkspace([a, b]);

function contextOf(model: TfModel) {
  return ruleContext(model, workspace, new Resolver(workspace), model.resources);
}

describe('ruleContext', () => {
  it('reads a resource of the judged model in that model', () => {
    expect(contextOf(a).read(account(a), 'resource_group_name')).toEqual({ kind: 'known', value: 'rg-a' });
  });

  it('reads a resource of another model in its own model, even where the judged one has its address', () => {
    const context = contextOf(a);
    expect(context.read(account(b), 'resource_group_name')).toEqual({ kind: 'known', value: 'rg-b' });
    // Asked again after a resource of the judged model, the answer does not stick to the last model.
    expect(context.read(account(a), 'resource_group_name')).toEqual({ kind: 'known', value: 'rg-a' });
    expect(context.read(account(b), 'resource_group_name')).toEqual({ kind: 'known', value: 'rg-b' });
  });

  it('reads a resource a view of the model leaves out in the model it was loaded into', () => {
    // The engine judges a plan as applied through such a view: what the plan deletes is not in it.
    const kept = a.resources.filter(
      (r) => r.type !== 'azurerm_storage_account' && r.type !== 'azurerm_resource_group',
    );
    const view: TfModel = { ...a, resources: kept, byAddress: new Map(kept.map((r) => [r.address, r])) };
    const context = ruleContext(view, workspace, new Resolver(workspace), kept);
    expect(context.read(account(a), 'resource_group_name')).toEqual({ kind: 'known', value: 'rg-a' });
  });
});
