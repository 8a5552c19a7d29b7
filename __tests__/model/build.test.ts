/** policies/model/build.ts: models and the workspace built from loaded documents. */
import { buildModel, buildWorkspace, providerShortName } from '../../policies/model/build';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { InputError, TfResource } from '../../policies/model/types';

/** The message `fn` throws, asserting it is an InputError. */
function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

describe('build', () => {
  it('refuses two resources with one address, even when the JSON keys differ', () => {
    // A managed resource of type "data" and a data source can spell the same address.
    const document = { resource: { data: { 'azurerm_x.y': {} } }, data: { azurerm_x: { y: {} } } };
    expect(inputError(() => loadTerraformJson(document, { file: 'twice.tf.json' }))).toBe(
      'twice.tf.json: the address data.azurerm_x.y appears twice; every resource needs a unique address',
    );
  });

  it('indexes resources by address, config address and type, keeping their order', () => {
    const model = loadTerraformJson(
      {
        resource: { azurerm_storage_account: { a: {}, b: {} }, azurerm_resource_group: { rg: {} } },
        data: { azurerm_storage_account: { a: {} } },
      },
      { file: 'x.tf.json' },
    );
    expect(model.byType.get('azurerm_storage_account')?.map((r) => r.address)).toEqual([
      'azurerm_storage_account.a',
      'azurerm_storage_account.b',
      'data.azurerm_storage_account.a',
    ]);
    expect(model.byType.get('azurerm_resource_group')?.map((r) => r.address)).toEqual([
      'azurerm_resource_group.rg',
    ]);
    expect(model.byConfigAddress.get('azurerm_storage_account.a')?.map((r) => r.mode)).toEqual(['managed']);
    expect(model.byAddress.get('data.azurerm_storage_account.a')?.mode).toBe('data');
  });

  it('indexes the resources a caller assembles, with the parts it was given', () => {
    const resource = (address: string, configAddress: string, type: string) =>
      ({
        address,
        configAddress,
        type,
        name: 'n',
        mode: 'managed',
        provider: 'azurerm',
        values: {},
        valuesAreExpressions: false,
        source: { file: 'f' },
      }) as TfResource;
    const parts = {
      kind: 'plan' as const,
      origin: 'p.json',
      stack: 's',
      resources: [resource('a[0]', 'a', 't1'), resource('a[1]', 'a', 't2'), resource('b', 'b', 't1')],
      backend: undefined,
      variables: new Map(),
      locals: new Map(),
      outputs: new Map(),
      bootstrap: false,
      suppressions: [],
    };
    const model = buildModel(parts);
    expect(model.byConfigAddress.get('a')?.map((r) => r.address)).toEqual(['a[0]', 'a[1]']);
    expect(model.byType.get('t1')?.map((r) => r.address)).toEqual(['a[0]', 'b']);
    expect(model).toMatchObject({ kind: 'plan', origin: 'p.json', stack: 's', bootstrap: false });
    expect(
      inputError(() => buildModel({ ...parts, resources: [...parts.resources, resource('b', 'b', 't3')] })),
    ).toBe('p.json: the address b appears twice; every resource needs a unique address');
    // A loader that has indexed the resources by address hands its index over instead.
    const indexed = new Map(parts.resources.map((r) => [r.address, r]));
    const fromIndex = buildModel(parts, indexed);
    expect(fromIndex.byAddress).toBe(indexed);
    expect(fromIndex.byType.get('t1')?.map((r) => r.address)).toEqual(['a[0]', 'b']);
  });

  it('keeps the first model of each named stack in a workspace and skips unnamed ones', () => {
    const model = (stack: string | undefined, origin: string) =>
      loadTerraformJson({ resource: {} }, { file: origin, stack });
    const first = model('a', 'a1.json');
    const second = model('a', 'a2.json');
    const unnamed = model(undefined, 'u.json');
    const other = model('b', 'b.json');
    const models = [first, second, unnamed, other];
    const workspace = buildWorkspace(models);
    expect(workspace.models).toBe(models);
    expect(workspace.byStack.get('a')).toBe(first);
    expect([...workspace.byStack.entries()].map(([k, m]) => [k, m.origin])).toEqual([
      ['a', 'a1.json'],
      ['b', 'b.json'],
    ]);
  });

  it('shortens provider sources to their last name', () => {
    expect(providerShortName('registry.terraform.io/hashicorp/azurerm')).toBe('azurerm');
    expect(providerShortName('registry.terraform.io/hashicorp/azurerm')).toBe('azurerm');
    expect(providerShortName('hashicorp/azuread')).toBe('azuread');
    expect(providerShortName('azapi')).toBe('azapi');
    expect(providerShortName('example.com/acme/thing.v2')).toBe('thing');
    // More distinct sources than are remembered still shorten correctly.
    const many = Array.from({ length: 1100 }, (_, i) => providerShortName(`example.com/acme/p${i}`));
    expect(many[0]).toBe('p0');
    expect(many[1099]).toBe('p1099');
    expect(providerShortName('example.com/acme/p1099')).toBe('p1099');
  });
});
