/** policies/rules/location.ts: the residency rules' location sentences, for resolved values and for the resources ids point at. */
import { loadPlan } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import type { Resolved } from '../../policies/model/resolve';
import type { TfResource } from '../../policies/model/types';
import { locationProblem, targetLocationProblem } from '../../policies/rules/location';
import { contextOf, plan, tf } from '../helpers/rule-tester';

const OUTSIDE = 'outside Norway (allowed: norwayeast or norwaywest)';
const NOT_IN_ESTATE = 'not in the checked estate; pass its stack, plan or state with --context';
const SERVERS = '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/servers';
const LTR = '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/locations';

function synth(resources: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) {
  const model = loadTerraformJson(tf(resources, extra), { file: 'cdk.tf.json' });
  return {
    model,
    context: contextOf(model),
    at: (address: string) => model.byAddress.get(address) as TfResource,
  };
}

describe('locationProblem', () => {
  describe('a known value', () => {
    it.each([
      'norwayeast',
      'norwaywest',
      'Norway East',
      'Norway West',
      'NORWAYEAST',
      'norway east',
      ' norwayeast ',
    ])('%j is in Norway: no problem', (value) => {
      expect(locationProblem({ kind: 'known', value }, 'location')).toBeUndefined();
    });

    it.each([
      ['westeurope', 'location is "westeurope", ' + OUTSIDE],
      ['North Europe', 'location is "North Europe", ' + OUTSIDE],
      ['swedencentral', 'location is "swedencentral", ' + OUTSIDE],
      ['global', 'location is "global", ' + OUTSIDE],
      ['', 'location is "", ' + OUTSIDE],
      ['norway', 'location is "norway", ' + OUTSIDE],
      ['norway-east', 'location is "norway-east", ' + OUTSIDE],
      ['norway\teast', 'location is "norway\\teast", ' + OUTSIDE],
      ['Norway\u00a0East', 'location is "Norway\u00a0East", ' + OUTSIDE],
      ['n\u043erwayeast', 'location is "n\u043erwayeast", ' + OUTSIDE],
    ])('%j is outside Norway, quoted as written', (value, message) => {
      expect(locationProblem({ kind: 'known', value }, 'location')).toBe(message);
    });

    it.each([
      [7, 'location is 7, ' + OUTSIDE],
      [true, 'location is true, ' + OUTSIDE],
      [null, 'location is null, ' + OUTSIDE],
      [['norwayeast'], 'location is ["norwayeast"], ' + OUTSIDE],
      [{ name: 'norwayeast' }, 'location is {"name":"norwayeast"}, ' + OUTSIDE],
    ])(
      'a value that is no string (%j) is outside Norway, even when it holds a Norway name',
      (value, message) => {
        expect(locationProblem({ kind: 'known', value }, 'location')).toBe(message);
      },
    );

    it('names the subject exactly as the caller words it', () => {
      expect(locationProblem({ kind: 'known', value: 'westus' }, 'the location of the replica')).toBe(
        'the location of the replica is "westus", ' + OUTSIDE,
      );
    });
  });

  describe('one of several values', () => {
    it('is no problem when every value is a Norway region, in any spelling', () => {
      const resolved: Resolved = {
        kind: 'oneOf',
        values: ['norwayeast', 'Norway West', 'NORWAYEAST'],
        reason: 'var.location is limited by its validation',
      };
      expect(locationProblem(resolved, 'location')).toBeUndefined();
    });

    it.each([
      [['norwayeast', 'westeurope'], 'location may be "westeurope", outside Norway (var.loc)'],
      [
        ['westeurope', 'norwaywest', 'swedencentral'],
        'location may be "westeurope", "swedencentral", outside Norway (var.loc)',
      ],
      [['norwayeast', 3, null], 'location may be 3, null, outside Norway (var.loc)'],
      [['norwayeast', ''], 'location may be "", outside Norway (var.loc)'],
    ])('names only the values outside Norway, with the reason: %j', (values, message) => {
      expect(locationProblem({ kind: 'oneOf', values, reason: 'var.loc' }, 'location')).toBe(message);
    });
  });

  it('an unknown value is a problem that says why and that it counts as outside Norway', () => {
    expect(locationProblem({ kind: 'unknown', reason: 'known after apply' }, 'location')).toBe(
      'location cannot be verified before apply: known after apply; a value that cannot be resolved counts as outside Norway',
    );
  });

  it('an absent value is a problem: not set', () => {
    expect(locationProblem({ kind: 'absent' }, 'the location of the workspace')).toBe(
      'the location of the workspace is not set',
    );
  });

  describe('on values read from real configurations', () => {
    const { context, at } = synth(
      {
        'azurerm_resource_group.display': { name: 'rg', location: 'Norway East' },
        'azurerm_resource_group.abroad': { name: 'rg', location: 'westeurope' },
        'azurerm_resource_group.none': { name: 'rg' },
        'azurerm_resource_group.bounded': { name: 'rg', location: '${var.norway}' },
        'azurerm_resource_group.loose': { name: 'rg', location: '${var.region}' },
        'azurerm_resource_group.free': { name: 'rg', location: '${var.free}' },
        'azurerm_resource_group.defaulted': { name: 'rg', location: '${var.defaulted}' },
      },
      {
        variable: {
          norway: {
            type: 'string',
            validation: [
              { condition: '${contains(["norwayeast", "norwaywest"], var.norway)}', error_message: 'x' },
            ],
          },
          region: {
            type: 'string',
            validation: [
              { condition: '${contains(["norwayeast", "westeurope"], var.region)}', error_message: 'x' },
            ],
          },
          free: { type: 'string' },
          defaulted: { type: 'string', default: 'swedencentral' },
        },
      },
    );
    const problem = (name: string) =>
      locationProblem(context.read(at(`azurerm_resource_group.${name}`), 'location'), 'location');

    it('a literal display name in Norway passes; one elsewhere is named', () => {
      expect(problem('display')).toBeUndefined();
      expect(problem('abroad')).toBe('location is "westeurope", ' + OUTSIDE);
    });
    it('a location that is not written is not set', () => {
      expect(problem('none')).toBe('location is not set');
    });
    it('a variable its validation keeps in Norway passes; one that admits another region names it', () => {
      expect(problem('bounded')).toBeUndefined();
      expect(problem('loose')).toBe(
        'location may be "westeurope", outside Norway (var.region is limited by its validation to norwayeast, westeurope)',
      );
    });
    it('a variable with no default and no validation cannot be verified', () => {
      expect(problem('free')).toBe(
        'location cannot be verified before apply: var.free has no default and no validation that limits it; a value that cannot be resolved counts as outside Norway',
      );
    });
    it('a variable default is not trusted to stay: it cannot be verified, and the validation that would fix it is named', () => {
      expect(problem('defaulted')).toBe(
        'location cannot be verified before apply: var.defaulted has a default ("swedencentral"), but -var, TF_VAR_defaulted or another tfvars file may set any value; only a validation restricts it: validation { condition = contains(["norwayeast", "norwaywest"], var.defaulted) }; a value that cannot be resolved counts as outside Norway',
      );
    });

    it('in a plan, a location known only after apply cannot be verified', () => {
      const model = loadPlan(
        plan([
          { at: 'azurerm_resource_group.later', values: { name: 'rg' }, unknown: { location: true } },
          { at: 'azurerm_resource_group.known', values: { name: 'rg', location: 'norwaywest' } },
        ]),
        { file: 'plan.json' },
      );
      const planContext = contextOf(model);
      const read = (address: string) =>
        planContext.read(model.byAddress.get(address) as TfResource, 'location');
      expect(locationProblem(read('azurerm_resource_group.later'), 'location')).toBe(
        'location cannot be verified before apply: location of azurerm_resource_group.later is only known after apply; a value that cannot be resolved counts as outside Norway',
      );
      expect(locationProblem(read('azurerm_resource_group.known'), 'location')).toBeUndefined();
    });
  });
});

describe('targetLocationProblem', () => {
  const { context, at } = synth(
    {
      'azurerm_mssql_server.east': { location: 'norwayeast' },
      'azurerm_mssql_server.west': { location: 'Norway West' },
      'azurerm_mssql_server.abroad': { location: 'westeurope' },
      'azurerm_mssql_server.nowhere': {},
      'azurerm_mssql_database.east': { server_id: '${azurerm_mssql_server.east.id}' },
      'azurerm_mssql_database.west': { server_id: '${azurerm_mssql_server.west.id}' },
      'azurerm_mssql_database.abroad': { server_id: '${azurerm_mssql_server.abroad.id}' },
      'azurerm_mssql_database.nowhere': { server_id: '${azurerm_mssql_server.nowhere.id}' },
      'azurerm_mssql_database.unset': {},
      'azurerm_mssql_database.external': { server_id: `${SERVERS}/x` },
      'azurerm_mssql_database.ltr_abroad': {
        recover_database_id: `${LTR}/westeurope/longTermRetentionServers/x/longTermRetentionDatabases/d`,
      },
      'azurerm_mssql_database.ltr_norway': {
        recover_database_id:
          '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/Locations/NorwayEast/longTermRetentionServers/x/longTermRetentionDatabases/d',
      },
      'azurerm_mssql_database.ltr_bare': { recover_database_id: `${LTR}/norwayeast` },
      'azurerm_mssql_database.free': { server_id: '${var.free}' },
      'azurerm_storage_account.sa': { location: 'norwayeast' },
      'azurerm_storage_container.c': { storage_account_id: '${azurerm_storage_account.sa.id}' },
      'azurerm_virtual_network.hub': { name: 'vnet-hub', location: 'norwayeast' },
      'azurerm_virtual_network.abroad': { name: 'vnet-abroad', location: 'westeurope' },
      'azurerm_subnet.hub': { virtual_network_name: '${azurerm_virtual_network.hub.name}' },
      'azurerm_subnet.abroad': { virtual_network_name: '${azurerm_virtual_network.abroad.name}' },
      'azurerm_kubernetes_cluster.home': {
        default_node_pool: { vnet_subnet_id: '${azurerm_subnet.hub.id}' },
      },
      'azurerm_kubernetes_cluster.abroad': {
        default_node_pool: { vnet_subnet_id: '${azurerm_subnet.abroad.id}' },
      },
    },
    { variable: { free: { type: 'string' } } },
  );
  const check = (address: string, path: string, what: string) =>
    targetLocationProblem(context, at(address), path, what);

  it('an attribute that is not set is no problem here', () => {
    expect(check('azurerm_mssql_database.unset', 'server_id', 'the server')).toBeUndefined();
  });

  it.each([
    ['azurerm_mssql_database.east', 'norwayeast'],
    ['azurerm_mssql_database.west', 'a display name'],
  ])('a target in the configuration that lives in Norway is no problem (%s, %s)', (address) => {
    expect(check(address, 'server_id', 'the server')).toBeUndefined();
  });

  it('a target elsewhere is named by its address and location', () => {
    expect(check('azurerm_mssql_database.abroad', 'server_id', 'the server')).toBe(
      'the location of the server azurerm_mssql_server.abroad is "westeurope", ' + OUTSIDE,
    );
  });

  it('a target with no location written cannot be verified, and fails closed', () => {
    expect(check('azurerm_mssql_database.nowhere', 'server_id', 'the server')).toBe(
      'the location of the server azurerm_mssql_server.nowhere cannot be verified before apply: azurerm_mssql_server.nowhere has no location to verify; a value that cannot be resolved counts as outside Norway',
    );
  });

  it('a target that is itself a child is judged where its parent lives, also through a block path', () => {
    expect(check('azurerm_storage_container.c', 'storage_account_id', 'the account')).toBeUndefined();
    const node = (address: string) =>
      targetLocationProblem(context, at(address), ['default_node_pool', 0, 'vnet_subnet_id'], 'the subnet');
    expect(node('azurerm_kubernetes_cluster.home')).toBeUndefined();
    expect(node('azurerm_kubernetes_cluster.abroad')).toBe(
      'the location of the subnet azurerm_subnet.abroad is "westeurope", ' + OUTSIDE,
    );
  });

  it('an external id that names no region fails closed: it is not in the checked estate', () => {
    expect(check('azurerm_mssql_database.external', 'server_id', 'the server')).toBe(
      `the server ${SERVERS}/x points at a resource that is ${NOT_IN_ESTATE}`,
    );
  });

  it('an external id that names its region is judged by that region, in any casing', () => {
    expect(check('azurerm_mssql_database.ltr_abroad', 'recover_database_id', 'the backup')).toBe(
      `the region in the backup ${LTR}/westeurope/longTermRetentionServers/x/longTermRetentionDatabases/d is "westeurope", ` +
        OUTSIDE,
    );
    expect(check('azurerm_mssql_database.ltr_norway', 'recover_database_id', 'the backup')).toBeUndefined();
  });

  it('a region segment at the very end of an id is not read as a region: the id fails closed', () => {
    expect(check('azurerm_mssql_database.ltr_bare', 'recover_database_id', 'the backup')).toBe(
      `the backup ${LTR}/norwayeast points at a resource that is ${NOT_IN_ESTATE}`,
    );
  });

  it('a value that cannot be resolved is a problem with the reason', () => {
    expect(check('azurerm_mssql_database.free', 'server_id', 'the server')).toBe(
      'the server cannot be resolved: var.free has no default and no validation that limits it',
    );
  });

  it('a target in another stack of the estate is judged where it lives', () => {
    const other = loadTerraformJson(
      tf({
        'azurerm_mssql_server.shared': { name: 'shared', resource_group_name: 'r', location: 'westeurope' },
        'azurerm_mssql_server.home': { name: 'home', resource_group_name: 'r', location: 'norwayeast' },
      }),
      { file: 'cdktf.out/stacks/shared/cdk.tf.json', stack: 'shared' },
    );
    const model = loadTerraformJson(
      tf({
        'azurerm_mssql_database.db': { server_id: `${SERVERS}/shared` },
        'azurerm_mssql_database.home': { server_id: `${SERVERS}/home` },
      }),
      { file: 'cdk.tf.json' },
    );
    const estate = contextOf(model, [other]);
    const problem = (address: string) =>
      targetLocationProblem(estate, model.byAddress.get(address) as TfResource, 'server_id', 'the server');
    expect(problem('azurerm_mssql_database.db')).toBe(
      'the location of the server azurerm_mssql_server.shared is "westeurope", ' + OUTSIDE,
    );
    expect(problem('azurerm_mssql_database.home')).toBeUndefined();
  });

  it('in a plan, a target whose location is known only after apply cannot be verified', () => {
    const model = loadPlan(
      plan([
        { at: 'azurerm_mssql_server.sql', values: {}, unknown: { location: true, id: true } },
        {
          at: 'azurerm_mssql_database.db',
          values: {},
          unknown: { server_id: true },
          references: { server_id: ['azurerm_mssql_server.sql.id', 'azurerm_mssql_server.sql'] },
        },
      ]),
      { file: 'plan.json' },
    );
    const planContext = contextOf(model);
    expect(
      targetLocationProblem(
        planContext,
        model.byAddress.get('azurerm_mssql_database.db') as TfResource,
        'server_id',
        'the server',
      ),
    ).toBe(
      'the location of the server azurerm_mssql_server.sql cannot be verified before apply: location of azurerm_mssql_server.sql is only known after apply; a value that cannot be resolved counts as outside Norway',
    );
  });
});
