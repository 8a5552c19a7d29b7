/** policies/model/parents.ts: which attribute names the parent of a resource without a location of its own. */
import { buildWorkspace } from '../../policies/model/build';
import { loadPlan } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { parentAttributeOf } from '../../policies/model/parents';
import { Resolver } from '../../policies/model/resolve';
import type { TfModel, TfResource } from '../../policies/model/types';
import type { PathSegment } from '../../policies/model/values';
import { plan, tf } from '../helpers/rule-tester';

const SA_ID = '/subscriptions/sub-1/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stapp';

function at(model: TfModel, address: string): TfResource {
  const found = model.byAddress.get(address);
  if (!found) throw new Error(`no ${address} in ${[...model.byAddress.keys()].join(', ')}`);
  return found;
}

/** The resolver's `isWritten`, as the resolver and RES-006 pass it. */
function writtenIn(model: TfModel): (resource: TfResource, path: string | readonly PathSegment[]) => boolean {
  const resolver = new Resolver(buildWorkspace([model]));
  return (resource, path) => resolver.isWritten(resource, path);
}

describe('parentAttributeOf', () => {
  const synth = loadTerraformJson(
    tf({
      'azurerm_storage_account.sa': { name: 'stapp', location: 'norwayeast', resource_group_name: 'rg-app' },
      'azurerm_storage_container.by_id': {
        name: 'c',
        storage_account_id: '${azurerm_storage_account.sa.id}',
      },
      'azurerm_storage_container.by_name': { name: 'c', storage_account_name: 'stapp' },
      'azurerm_storage_container.both': {
        name: 'c',
        storage_account_name: 'stapp',
        storage_account_id: SA_ID,
      },
      'azurerm_storage_container.null_id': {
        name: 'c',
        storage_account_id: null,
        storage_account_name: 'stapp',
      },
      'azurerm_storage_container.neither': { name: 'c' },
      'azurerm_subnet.app': { name: 'app', virtual_network_name: '${azurerm_virtual_network.hub.name}' },
      'azurerm_api_management_api_diagnostic.d': { identifier: 'applicationinsights', api_name: 'orders' },
      'azurerm_container_app.app': { name: 'app', container_app_environment_id: 'env-id' },
      'azurerm_role_assignment.reader': { scope: SA_ID, storage_account_id: SA_ID },
      'azurerm_future_store.by_server': { name: 'f', key_vault_id: 'kv-id', server_id: 'server-id' },
      'azurerm_future_store.by_name': { name: 'f', vault_id: 'v', storage_account_name: 'stapp' },
      'azurerm_future_store.by_hsm': { name: 'f', managed_hsm_id: 'hsm-id' },
      'azurerm_future_store.nothing': { name: 'f', location: 'norwayeast' },
      'data.azurerm_key_vault_secret.password': { name: 'password', key_vault_id: 'kv-id' },
      'data.azurerm_future_lookup.l': { name: 'l', workspace_id: 'w', vault_id: 'v' },
    }),
    { file: 'cdk.tf.json' },
  );
  const isWritten = writtenIn(synth);

  test.each<[string, string, string | undefined]>([
    ['the parent attribute written', 'azurerm_storage_container.by_id', 'storage_account_id'],
    [
      'the second parent attribute when only it is written',
      'azurerm_storage_container.by_name',
      'storage_account_name',
    ],
    [
      'the first written parent attribute when several are',
      'azurerm_storage_container.both',
      'storage_account_id',
    ],
    [
      'the next parent attribute when the first is null',
      'azurerm_storage_container.null_id',
      'storage_account_name',
    ],
    [
      "the catalogue's first parent attribute when none is written",
      'azurerm_storage_container.neither',
      'storage_account_id',
    ],
    ['a name reference to the parent', 'azurerm_subnet.app', 'virtual_network_name'],
    ['the one written of three parent attributes', 'azurerm_api_management_api_diagnostic.d', 'api_name'],
    ['nothing for a type with a location of its own', 'azurerm_storage_account.sa', undefined],
    [
      'nothing for a type with its own location, though it names a parent',
      'azurerm_container_app.app',
      undefined,
    ],
    ['nothing for a type that lives nowhere', 'azurerm_role_assignment.reader', undefined],
    ['nothing for a data source the catalogue knows', 'data.azurerm_key_vault_secret.password', undefined],
    [
      'the preferred common attribute of a type the catalogue does not know',
      'azurerm_future_store.by_server',
      'server_id',
    ],
    [
      'storage_account_name before vault_id for an unknown type',
      'azurerm_future_store.by_name',
      'storage_account_name',
    ],
    ['the last common attribute, managed_hsm_id', 'azurerm_future_store.by_hsm', 'managed_hsm_id'],
    ['nothing for an unknown type that sets no common attribute', 'azurerm_future_store.nothing', undefined],
    [
      'the preferred common attribute of a data source the catalogue does not know',
      'data.azurerm_future_lookup.l',
      'vault_id',
    ],
  ])('gives %s (%s)', (_what, address, expected) => {
    expect(parentAttributeOf(at(synth, address), isWritten)).toBe(expected);
  });

  test.each<[string, string | undefined]>([
    // A type with a location of its own may name its parent: with the location computed, the parent holds it.
    ['azurerm_container_app.app', 'container_app_environment_id'],
    ['azurerm_storage_container.by_name', 'storage_account_name'],
    // Neither a type without parents nor one that lives nowhere gains one.
    ['azurerm_storage_account.sa', undefined],
    ['azurerm_role_assignment.reader', undefined],
    ['data.azurerm_key_vault_secret.password', undefined],
    ['azurerm_future_store.by_server', 'server_id'],
  ])('with the own location computed, %s gives %j', (address, expected) => {
    expect(parentAttributeOf(at(synth, address), isWritten, true)).toBe(expected);
  });

  test('asks isWritten about the resource itself and each catalogue parent in order, stopping at the first written', () => {
    const container = at(synth, 'azurerm_storage_container.by_name');
    const asked: [string, string | readonly PathSegment[]][] = [];
    const answer = parentAttributeOf(container, (resource, path) => {
      asked.push([resource.address, path]);
      return path === 'storage_account_name';
    });
    expect(answer).toBe('storage_account_name');
    expect(asked).toEqual([
      ['azurerm_storage_container.by_name', 'storage_account_id'],
      ['azurerm_storage_container.by_name', 'storage_account_name'],
    ]);
  });

  test('asks nothing for a type with a location of its own', () => {
    const asked: unknown[] = [];
    parentAttributeOf(at(synth, 'azurerm_storage_account.sa'), (_resource, path) => {
      asked.push(path);
      return true;
    });
    expect(asked).toEqual([]);
  });

  test('asks about every common attribute, in order of preference, for a type the catalogue does not know', () => {
    const asked: unknown[] = [];
    const answer = parentAttributeOf(at(synth, 'azurerm_future_store.nothing'), (_resource, path) => {
      asked.push(path);
      return false;
    });
    expect(answer).toBeUndefined();
    expect(asked).toEqual([
      'storage_account_id',
      'storage_account_name',
      'server_id',
      'key_vault_id',
      'namespace_id',
      'primary_namespace_id',
      'account_id',
      'vault_id',
      'workspace_id',
      'managed_hsm_id',
    ]);
  });

  describe('in a plan', () => {
    const model = loadPlan(
      plan([
        {
          at: 'azurerm_storage_container.known_name',
          values: { name: 'c', storage_account_name: 'stapp' },
          unknown: { storage_account_id: true },
        },
        {
          at: 'azurerm_storage_container.unknown_name',
          values: { name: 'c' },
          unknown: { storage_account_name: true },
        },
        { at: 'azurerm_storage_container.neither', values: { name: 'c' } },
        {
          at: 'azurerm_container_app.app',
          values: { name: 'app' },
          unknown: { location: true, container_app_environment_id: true },
        },
      ]),
      { file: 'plan.json' },
    );
    const planWritten = writtenIn(model);

    test.each<[string, boolean, string | undefined]>([
      ['azurerm_storage_container.known_name', false, 'storage_account_id'],
      ['azurerm_storage_container.unknown_name', false, 'storage_account_name'],
      ['azurerm_storage_container.neither', false, 'storage_account_id'],
      ['azurerm_container_app.app', false, undefined],
      ['azurerm_container_app.app', true, 'container_app_environment_id'],
    ])(
      'counts a value known only after apply as written: %s (own location computed: %s) gives %j',
      (address, computed, expected) => {
        expect(parentAttributeOf(at(model, address), planWritten, computed)).toBe(expected);
      },
    );
  });
});
