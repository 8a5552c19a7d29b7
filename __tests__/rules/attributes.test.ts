/**
 * The helpers every rule reads attributes through. Their sentences end up verbatim in findings that
 * reviewers read, so each case pins the exact message, and each fail-closed branch is a problem, not a pass.
 */
import type { AttributePath } from '../../policies/rules/rule';
import { buildWorkspace } from '../../policies/model/build';
import { loadPlan } from '../../policies/model/load-plan';
import { loadTerraformJson } from '../../policies/model/load-terraform-json';
import { Resolver, type Target } from '../../policies/model/resolve';
import type { TfModel, TfResource } from '../../policies/model/types';
import {
  asBoolean,
  blockCount,
  boolProblem,
  firstSet,
  resourceKey,
  stringProblem,
  unresolvedNote,
} from '../../policies/rules/attributes';
import { locationProblem, targetLocationProblem } from '../../policies/rules/location';
import { contextOf, plan, tf, priorStateWithData } from '../helpers/rule-tester';

/** Questions about how the configuration writes an attribute need no estate. */
const shapes = new Resolver(buildWorkspace([]));
const isWritten = (resource: TfResource, path: AttributePath) => shapes.isWritten(resource, path);
const isLiteralInConfig = (resource: TfResource, path: AttributePath) => shapes.isLiteral(resource, path);
const hasOwnLocation = (resource: TfResource) => shapes.isWritten(resource, 'location');

function synth(resources: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) {
  const model = loadTerraformJson(tf(resources, extra), { file: 'cdk.tf.json' });
  return { context: contextOf(model), at: (address: string) => model.byAddress.get(address) as TfResource };
}

const VARIABLES = {
  variable: {
    tls: {
      type: 'string',
      validation: [{ condition: '${contains(["TLS1_2", "TLS1_0"], var.tls)}', error_message: 'x' }],
    },
    free: { type: 'string' },
    https: {
      type: 'string',
      validation: [{ condition: '${contains(["true"], var.https)}', error_message: 'x' }],
    },
    either: {
      type: 'string',
      validation: [{ condition: '${contains(["true", "false"], var.either)}', error_message: 'x' }],
    },
  },
};

/** A data source read while planning: Terraform records it in prior_state only, without a change. */
const PRIOR_STATE = priorStateWithData('data.azurerm_key_vault.shared', {
  name: 'kv-shared',
  resource_group_name: 'rg-shared',
});

describe('asBoolean', () => {
  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['false', false],
    ['True', undefined],
    [1, undefined],
    [null, undefined],
  ])('%j → %j', (input, expected) => expect(asBoolean(input)).toBe(expected));
});

describe('boolProblem', () => {
  const { context, at } = synth(
    {
      'azurerm_storage_account.on': { https_traffic_only_enabled: true },
      'azurerm_storage_account.text': { https_traffic_only_enabled: 'true' },
      'azurerm_storage_account.off': { https_traffic_only_enabled: false },
      'azurerm_storage_account.old': { enable_https_traffic_only: false },
      'azurerm_storage_account.unset': {},
      'azurerm_storage_account.bounded': { https_traffic_only_enabled: '${var.tls}' },
      'azurerm_storage_account.free': { https_traffic_only_enabled: '${var.free}' },
      'azurerm_storage_account.only_true': { https_traffic_only_enabled: '${var.https}' },
      'azurerm_storage_account.either': { https_traffic_only_enabled: '${var.either}' },
    },
    VARIABLES,
  );
  const names = ['https_traffic_only_enabled', 'enable_https_traffic_only'];
  const check = (name: string, providerDefault: boolean) =>
    boolProblem(context, at(`azurerm_storage_account.${name}`), names, { want: true, providerDefault });

  it('passes the wanted value, also written as a string', () => {
    expect(check('on', false)).toBeUndefined();
    expect(check('text', false)).toBeUndefined();
  });
  it('names the value it found, under the name it was found', () => {
    expect(check('off', true)).toBe('https_traffic_only_enabled is false');
    expect(check('old', true)).toBe('enable_https_traffic_only is false');
  });
  it('an unset attribute passes only when the provider default is the wanted value', () => {
    expect(check('unset', true)).toBeUndefined();
    expect(check('unset', false)).toBe(
      'https_traffic_only_enabled is not set, and the provider default is false',
    );
  });
  it('a variable bounded by its validation: every allowed value must pass', () => {
    expect(check('bounded', true)).toBe('https_traffic_only_enabled may be "TLS1_2" or "TLS1_0"');
    expect(check('only_true', false)).toBeUndefined();
    expect(check('either', true)).toBe('https_traffic_only_enabled may be "true" or "false"');
  });
  it('a value that cannot be resolved is a problem with the reason', () => {
    expect(check('free', true)).toBe(
      'https_traffic_only_enabled cannot be verified before apply (var.free has no default and no validation that limits it)',
    );
  });
});

describe('stringProblem', () => {
  const { context, at } = synth(
    {
      'azurerm_storage_account.ok': { min_tls_version: 'tls1_2' },
      'azurerm_storage_account.bad': { min_tls_version: 'TLS1_0' },
      'azurerm_storage_account.number': { min_tls_version: 12 },
      'azurerm_storage_account.unset': {},
      'azurerm_storage_account.bounded': { min_tls_version: '${var.tls}' },
      'azurerm_storage_account.free': { min_tls_version: '${var.free}' },
    },
    VARIABLES,
  );
  const check = (name: string, providerDefault?: string) =>
    stringProblem(context, at(`azurerm_storage_account.${name}`), ['min_tls_version'], {
      allowed: ['TLS1_2', 'TLS1_3'],
      providerDefault,
    });

  it('compares case-insensitively', () => expect(check('ok')).toBeUndefined());
  it('names the value and every allowed one', () => {
    expect(check('bad')).toBe('min_tls_version is "TLS1_0" (expected "TLS1_2" or "TLS1_3")');
    expect(check('number')).toBe('min_tls_version is 12 (expected "TLS1_2" or "TLS1_3")');
  });
  it('an unset attribute: the provider default decides, and is named', () => {
    expect(check('unset', 'TLS1_2')).toBeUndefined();
    expect(check('unset', 'TLS1_0')).toBe(
      'min_tls_version is not set, and the provider default is "TLS1_0" (expected "TLS1_2" or "TLS1_3")',
    );
    expect(check('unset')).toBe('min_tls_version is not set (expected "TLS1_2" or "TLS1_3")');
  });
  it('a bounded variable fails when one allowed value fails', () => {
    expect(check('bounded')).toBe(
      'min_tls_version may be "TLS1_2" or "TLS1_0" (expected "TLS1_2" or "TLS1_3")',
    );
  });
  it('an unresolvable value is a problem', () => {
    expect(check('free')).toBe(
      'min_tls_version cannot be verified before apply (var.free has no default and no validation that limits it)',
    );
  });
});

describe('firstSet', () => {
  const { context, at } = synth({
    'azurerm_storage_account.both': { https_traffic_only_enabled: true, enable_https_traffic_only: false },
    'azurerm_storage_account.none': {},
    'azurerm_storage_account.nested': {
      blob_properties: [{ versioning_enabled: true }, { versioning_enabled: false }],
    },
  });
  it('the first name that is set wins', () => {
    expect(
      firstSet(context, at('azurerm_storage_account.both'), [
        'https_traffic_only_enabled',
        'enable_https_traffic_only',
      ]),
    ).toEqual({
      name: 'https_traffic_only_enabled',
      resolved: { kind: 'known', value: true },
    });
  });
  it('when none is set, the first name is reported as absent', () => {
    expect(firstSet(context, at('azurerm_storage_account.none'), ['a', 'b'])).toEqual({
      name: 'a',
      resolved: { kind: 'absent' },
    });
  });
  it('names block paths the way people write them: index 0 dropped, others shown', () => {
    const nested = at('azurerm_storage_account.nested');
    expect(firstSet(context, nested, [['blob_properties', 0, 'versioning_enabled']]).name).toBe(
      'blob_properties.versioning_enabled',
    );
    expect(firstSet(context, nested, [['blob_properties', 1, 'versioning_enabled']])).toEqual({
      name: 'blob_properties[1].versioning_enabled',
      resolved: { kind: 'known', value: false },
    });
  });
});

describe('blockCount', () => {
  const { context, at } = synth(
    {
      'azurerm_storage_account.two': { network_rules: [{ a: 1 }, { a: 2 }] },
      'azurerm_storage_account.one': { network_rules: { a: 1 } },
      'azurerm_storage_account.none': {},
      'azurerm_storage_account.text': { network_rules: 'nope' },
      'azurerm_storage_account.dynamic': { dynamic: { network_rules: { for_each: '${var.free}' } } },
      'azurerm_storage_account.nested': {
        blob_properties: { dynamic: { cors_rule: { for_each: '${var.free}' } } },
      },
      'azurerm_storage_account.variable': { network_rules: '${var.free}' },
      'azurerm_storage_account.bounded': { network_rules: '${var.tls}' },
      'azurerm_linux_web_app.deep': {
        site_config: { ip_restriction: { dynamic: { headers: { for_each: '${var.free}' } } } },
      },
    },
    VARIABLES,
  );
  const count = (name: string, path = 'network_rules') =>
    blockCount(context, at(`azurerm_storage_account.${name}`), path);

  it('counts written blocks, a single object as one, none as zero', () => {
    expect(count('two')).toEqual({ kind: 'count', count: 2 });
    expect(count('one')).toEqual({ kind: 'count', count: 1 });
    expect(count('none')).toEqual({ kind: 'count', count: 0 });
  });
  it('a value that is not a block, a dynamic block or an unresolved value is unknown, with why', () => {
    expect(count('text')).toEqual({ kind: 'unknown', reason: 'network_rules is not a block' });
    expect(count('dynamic')).toEqual({
      kind: 'unknown',
      reason: 'network_rules is built by a dynamic block',
    });
    expect(count('nested', 'blob_properties.cors_rule')).toEqual({
      kind: 'unknown',
      reason: 'blob_properties.cors_rule is built by a dynamic block',
    });
    expect(count('variable')).toEqual({
      kind: 'unknown',
      reason:
        'network_rules cannot be verified before apply (var.free has no default and no validation that limits it)',
    });
    expect(count('bounded')).toEqual({
      kind: 'unknown',
      reason:
        'network_rules cannot be verified before apply (var.tls is limited by its validation to TLS1_2, TLS1_0)',
    });
  });
  it('a dynamic block is found next to the static blocks it stands among, however deep', () => {
    expect(
      blockCount(context, at('azurerm_linux_web_app.deep'), 'site_config.ip_restriction.headers'),
    ).toEqual({ kind: 'unknown', reason: 'site_config.ip_restriction.headers is built by a dynamic block' });
  });
  it('in a plan, blocks are counted from the values (no dynamic blocks there)', () => {
    const model = loadPlan(
      plan([
        {
          at: 'azurerm_storage_account.p',
          values: { network_rules: [{ a: 1 }], dynamic: { network_rules: {} } },
        },
      ]),
      {
        file: 'plan.json',
      },
    );
    expect(blockCount(contextOf(model), model.resources[0], 'network_rules')).toEqual({
      kind: 'count',
      count: 1,
    });
  });
});

describe('isLiteralInConfig, isWritten', () => {
  const { at } = synth(
    {
      'azurerm_key_vault_secret.literal': { value: 'hunter2', number: 3 },
      'azurerm_key_vault_secret.reference': { value: '${var.free}', empty: null },
    },
    VARIABLES,
  );
  it('a literal string or number is literal; a reference, null or nothing is not', () => {
    expect(isLiteralInConfig(at('azurerm_key_vault_secret.literal'), 'value')).toBe(true);
    expect(isLiteralInConfig(at('azurerm_key_vault_secret.literal'), 'number')).toBe(true);
    expect(isLiteralInConfig(at('azurerm_key_vault_secret.reference'), 'value')).toBe(false);
    expect(isLiteralInConfig(at('azurerm_key_vault_secret.reference'), 'empty')).toBe(false);
    expect(isLiteralInConfig(at('azurerm_key_vault_secret.reference'), 'missing')).toBe(false);
  });
  it('plan values are never "literal in the configuration"', () => {
    const model = loadPlan(plan([{ at: 'azurerm_key_vault_secret.s', values: { value: 'hunter2' } }]), {
      file: 'plan.json',
    });
    expect(isLiteralInConfig(model.resources[0], 'value')).toBe(false);
  });
  it('written means any value, a reference included, or unknown in a plan', () => {
    expect(isWritten(at('azurerm_key_vault_secret.reference'), 'value')).toBe(true);
    expect(isWritten(at('azurerm_key_vault_secret.reference'), 'empty')).toBe(false);
    expect(isWritten(at('azurerm_key_vault_secret.reference'), 'missing')).toBe(false);
    const model = loadPlan(
      plan([
        { at: 'azurerm_key_vault_secret.s', values: {}, unknown: { key_vault_id: true } },
        { at: 'azurerm_key_vault_secret.t', values: {} },
      ]),
      { file: 'plan.json' },
    );
    expect(isWritten(model.resources[0], 'key_vault_id')).toBe(true);
    expect(isWritten(model.resources[1], 'key_vault_id')).toBe(false);
  });
  it('a data source read while planning has no change; what it does not carry is not written', () => {
    const model = loadPlan(plan([], { prior_state: PRIOR_STATE }), { file: 'plan.json' });
    const vault = model.byAddress.get('data.azurerm_key_vault.shared') as TfResource;
    expect(vault.change).toBeUndefined();
    expect(isWritten(vault, 'name')).toBe(true);
    expect(isWritten(vault, 'tenant_id')).toBe(false);
    expect(hasOwnLocation(vault)).toBe(false);
  });
});

describe('unresolvedNote, resourceKey', () => {
  it('says nothing when everything resolved, and lists at most three addresses', () => {
    expect(unresolvedNote('the endpoint', [])).toBe('');
    expect(unresolvedNote('the endpoint', ['a.x'])).toBe(
      ' (the endpoint a.x could not be resolved to a resource, so it does not count)',
    );
    expect(unresolvedNote('endpoints', ['a.w', 'a.x', 'a.y', 'a.z', 'a.v'])).toBe(
      ' (endpoints a.w, a.x, a.y and 2 more could not be resolved to a resource, so it does not count)',
    );
    expect(unresolvedNote('endpoints', ['a.w', 'a.x', 'a.y'])).toBe(
      ' (endpoints a.w, a.x, a.y could not be resolved to a resource, so it does not count)',
    );
  });
  it('keys a resource by its model and address', () => {
    const { context, at } = synth({ 'azurerm_resource_group.rg': {} });
    expect(resourceKey(context.model, at('azurerm_resource_group.rg'))).toBe(
      'cdk.tf.json\u0000azurerm_resource_group.rg',
    );
  });
});

describe('location helpers', () => {
  it('locationProblem: each kind of resolution, in words', () => {
    expect(locationProblem({ kind: 'known', value: 'Norway East' }, 'location')).toBeUndefined();
    expect(locationProblem({ kind: 'known', value: 'westeurope' }, 'location')).toBe(
      'location is "westeurope", outside Norway (allowed: norwayeast or norwaywest)',
    );
    expect(locationProblem({ kind: 'known', value: 7 }, 'location')).toBe(
      'location is 7, outside Norway (allowed: norwayeast or norwaywest)',
    );
    expect(
      locationProblem({ kind: 'oneOf', values: ['norwayeast', 'norwaywest'], reason: 'r' }, 'location'),
    ).toBeUndefined();
    expect(
      locationProblem(
        { kind: 'oneOf', values: ['norwayeast', 'westeurope', 3], reason: 'var.loc' },
        'location',
      ),
    ).toBe('location may be "westeurope", 3, outside Norway (var.loc)');
    expect(locationProblem({ kind: 'unknown', reason: 'known after apply' }, 'location')).toBe(
      'location cannot be verified before apply: known after apply; a value that cannot be resolved counts as outside Norway',
    );
    expect(locationProblem({ kind: 'absent' }, 'location')).toBe('location is not set');
  });

  const { context, at } = synth({
    'azurerm_mssql_server.sql': { location: 'norwaywest' },
    'azurerm_mssql_database.db': { server_id: '${azurerm_mssql_server.sql.id}' },
    'azurerm_mssql_database.external': {
      server_id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/servers/x',
    },
    'azurerm_mssql_database.orphan': {},
    'azurerm_storage_container.c': { storage_account_id: '${var.free}' },
    'azurerm_role_assignment.ra': { scope: 'x' },
    'azurerm_mssql_database.ltr': {
      recover_database_id:
        '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/locations/westeurope/longTermRetentionServers/x/longTermRetentionDatabases/d',
    },
    'azurerm_mssql_database.ltr_norway': {
      recover_database_id:
        '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/Locations/NorwayEast/longTermRetentionServers/x/longTermRetentionDatabases/d',
    },
    'azurerm_mssql_server.abroad': { location: 'westeurope' },
    'azurerm_mssql_database.abroad': { server_id: '${azurerm_mssql_server.abroad.id}' },
    // Two containers naming each other as parent: a broken configuration must not loop.
    'azurerm_storage_container.a': { storage_account_id: '${azurerm_storage_container.b.id}' },
    'azurerm_storage_container.b': { storage_account_id: '${azurerm_storage_container.a.id}' },
  });

  it('hasOwnLocation: written in configuration, or unknown in a plan', () => {
    expect(hasOwnLocation(at('azurerm_mssql_server.sql'))).toBe(true);
    expect(hasOwnLocation(at('azurerm_mssql_database.db'))).toBe(false);
    const model = loadPlan(
      plan([{ at: 'azurerm_resource_group.rg', values: {}, unknown: { location: true } }]),
      { file: 'plan.json' },
    );
    expect(hasOwnLocation(model.resources[0])).toBe(true);
  });

  it('in a plan, a child without a location of its own lives where its parent lives', () => {
    const SERVER = '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/servers/sql';
    const model = loadPlan(
      plan([
        { at: 'azurerm_mssql_server.sql', values: { id: SERVER, location: 'norwaywest' } },
        { at: 'azurerm_mssql_database.db', values: { server_id: SERVER } },
      ]),
      { file: 'plan.json' },
    );
    const context = contextOf(model);
    const database = model.byAddress.get('azurerm_mssql_database.db') as TfResource;
    expect(hasOwnLocation(database)).toBe(false);
    expect(context.locationOf(database)).toEqual({ kind: 'known', value: 'norwaywest' });
  });

  it('locationOf follows a child to its parent, and says why when it cannot', () => {
    expect(context.locationOf(at('azurerm_mssql_database.db'))).toEqual({
      kind: 'known',
      value: 'norwaywest',
    });
    expect(context.locationOf(at('azurerm_mssql_database.external'))).toEqual({
      kind: 'unknown',
      reason:
        'the parent of azurerm_mssql_database.external (/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/servers/x) is not in the checked estate; pass its stack, plan or state with --context',
    });
    expect(context.locationOf(at('azurerm_mssql_database.orphan'))).toEqual({
      kind: 'unknown',
      reason: 'azurerm_mssql_database.orphan names no parent (server_id)',
    });
    expect(context.locationOf(at('azurerm_role_assignment.ra'))).toEqual({
      kind: 'unknown',
      reason: 'azurerm_role_assignment.ra has no location to verify',
    });
    // Containers that name each other as parents: a cycle ends at the hop limit.
    expect(context.locationOf(at('azurerm_storage_container.a'))).toEqual({
      kind: 'unknown',
      reason: 'the parents of azurerm_storage_container.a nest too deep',
    });
    expect(context.locationOf(at('azurerm_storage_container.c'))).toEqual({
      kind: 'unknown',
      reason: expect.stringMatching(/^the parent of azurerm_storage_container\.c cannot be resolved: /),
    });
  });

  it('targetLocationProblem: a region named in an external id is checked; other external ids fail closed', () => {
    expect(
      targetLocationProblem(context, at('azurerm_mssql_database.ltr'), 'recover_database_id', 'the backup'),
    ).toBe(
      'the region in the backup /subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/locations/westeurope/longTermRetentionServers/x/longTermRetentionDatabases/d is "westeurope", outside Norway (allowed: norwayeast or norwaywest)',
    );
    expect(
      targetLocationProblem(context, at('azurerm_mssql_database.external'), 'server_id', 'the server'),
    ).toBe(
      'the server /subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/servers/x points at a resource that is not in the checked estate; pass its stack, plan or state with --context',
    );
    expect(
      targetLocationProblem(
        context,
        at('azurerm_mssql_database.ltr_norway'),
        'recover_database_id',
        'the backup',
      ),
    ).toBeUndefined();
    expect(
      targetLocationProblem(context, at('azurerm_mssql_database.db'), 'server_id', 'the server'),
    ).toBeUndefined();
    expect(
      targetLocationProblem(context, at('azurerm_mssql_database.abroad'), 'server_id', 'the server'),
    ).toBe(
      'the location of the server azurerm_mssql_server.abroad is "westeurope", outside Norway (allowed: norwayeast or norwaywest)',
    );
    expect(
      targetLocationProblem(context, at('azurerm_mssql_database.orphan'), 'server_id', 'the server'),
    ).toBeUndefined();
    expect(
      targetLocationProblem(context, at('azurerm_storage_container.c'), 'storage_account_id', 'the account'),
    ).toMatch(/^the account cannot be resolved: /);
  });
});

describe('targetOf', () => {
  const SERVERS = '/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/servers';
  /** What a target names, in one line: the resource address, the external id, or why it is unknown. */
  const describeTarget = (target: Target): string | { external: string } | { unknown: string } | 'absent' => {
    switch (target.kind) {
      case 'resource':
        return target.resource.address;
      case 'external':
        return { external: target.value };
      case 'unknown':
        return { unknown: target.reason };
      case 'absent':
        return 'absent';
    }
  };
  const targetIn = (model: TfModel) => (address: string, path: AttributePath) => {
    const context = contextOf(model);
    return describeTarget(context.target(model.byAddress.get(address) as TfResource, path));
  };

  describe('in a plan, the configuration references name the target even when the id is already known', () => {
    // The servers exist already; their planned values carry no id here, so only the references tell.
    const database = (at: string, references: readonly string[], serverId = `${SERVERS}/existing`) => ({
      at,
      values: { server_id: serverId },
      references: { server_id: references },
    });
    const model = loadPlan(
      plan([
        { at: 'azurerm_mssql_server.sql', values: { location: 'norwayeast' } },
        { at: 'azurerm_mssql_server.other', values: { location: 'norwayeast' } },
        { at: 'azurerm_mssql_server.pool', index: 0, values: { location: 'norwayeast' } },
        { at: 'azurerm_mssql_server.pool', index: 1, values: { location: 'norwayeast' } },
        { at: 'data.azurerm_mssql_server.existing', values: { location: 'norwayeast' } },
        { at: 'azurerm_subnet.aks', values: { name: 'snet-aks' } },
        database('azurerm_mssql_database.plain', ['azurerm_mssql_server.sql.id', 'azurerm_mssql_server.sql']),
        database('azurerm_mssql_database.bare', ['azurerm_mssql_server.sql']),
        database('azurerm_mssql_database.counted', [
          'azurerm_mssql_server.pool[1].id',
          'azurerm_mssql_server.pool[1]',
          'azurerm_mssql_server.pool',
        ]),
        database('azurerm_mssql_database.whole_list', ['azurerm_mssql_server.pool']),
        database('azurerm_mssql_database.data', [
          'data.azurerm_mssql_server.existing.id',
          'data.azurerm_mssql_server.existing',
        ]),
        database('azurerm_mssql_database.unparsed', [
          'azurerm_mssql_server.pool[*].id',
          'azurerm_mssql_server',
          'azurerm_mssql_server.sql.id',
        ]),
        database('azurerm_mssql_database.two', [
          'azurerm_mssql_server.sql.id',
          'azurerm_mssql_server.other.id',
        ]),
        database('azurerm_mssql_database.gone', ['azurerm_mssql_server.gone.id']),
        database('azurerm_mssql_database.variable', ['var.server_id']),
        database('azurerm_mssql_database.local', ['local.server_id']),
        database('azurerm_mssql_database.module', ['module.sql.server_id']),
        database('azurerm_mssql_database.each', ['each.value', 'azurerm_mssql_server.sql.id']),
        database('azurerm_mssql_database.count', ['count.index']),
        database('azurerm_mssql_database.path', ['path.module']),
        database('azurerm_mssql_database.none', []),
        {
          at: 'azurerm_kubernetes_cluster.aks',
          values: { default_node_pool: [{ vnet_subnet_id: '/subscriptions/s/x/subnets/snet-aks' }] },
          references: { 'default_node_pool.vnet_subnet_id': ['azurerm_subnet.aks.id', 'azurerm_subnet.aks'] },
        },
      ]),
      { file: 'plan.json' },
    );
    const target = targetIn(model);
    const existing = { external: `${SERVERS}/existing` };

    it('follows a reference to one resource, an instance of a counted one, or a data source', () => {
      expect(target('azurerm_mssql_database.plain', 'server_id')).toBe('azurerm_mssql_server.sql');
      expect(target('azurerm_mssql_database.bare', 'server_id')).toBe('azurerm_mssql_server.sql');
      expect(target('azurerm_mssql_database.counted', 'server_id')).toBe('azurerm_mssql_server.pool[1]');
      expect(target('azurerm_mssql_database.data', 'server_id')).toBe('data.azurerm_mssql_server.existing');
    });
    it('skips references it cannot read', () => {
      expect(target('azurerm_mssql_database.unparsed', 'server_id')).toBe('azurerm_mssql_server.sql');
    });
    it('reads references of an attribute in a block, whose index the configuration does not record', () => {
      expect(target('azurerm_kubernetes_cluster.aks', ['default_node_pool', 0, 'vnet_subnet_id'])).toBe(
        'azurerm_subnet.aks',
      );
    });
    it('falls back to the id when the references do not agree on one resource instance', () => {
      for (const name of ['whole_list', 'two', 'gone', 'none'])
        expect(target(`azurerm_mssql_database.${name}`, 'server_id')).toEqual(existing);
    });
    it('falls back to the id when the value comes through a variable, local, module, iteration or path', () => {
      for (const name of ['variable', 'local', 'module', 'each', 'count', 'path'])
        expect(target(`azurerm_mssql_database.${name}`, 'server_id')).toEqual(existing);
    });
    it('an attribute that is not set is absent', () => {
      expect(target('azurerm_mssql_server.sql', 'server_id')).toBe('absent');
    });
  });

  it('a plan without its configuration section is read by id alone', () => {
    const document = plan([
      { at: 'azurerm_mssql_server.sql', values: { id: `${SERVERS}/sql` } },
      {
        at: 'azurerm_mssql_database.db',
        values: { server_id: `${SERVERS}/sql` },
        references: { server_id: ['azurerm_mssql_server.other.id'] },
      },
    ]);
    delete document.configuration;
    const target = targetIn(loadPlan(document, { file: 'plan.json' }));
    expect(target('azurerm_mssql_database.db', 'server_id')).toBe('azurerm_mssql_server.sql');
  });

  describe('in a plan, references inside a module instance name resources of that module', () => {
    const PROVIDER = 'registry.terraform.io/hashicorp/azurerm';
    const resource = (
      module: string,
      type: string,
      name: string,
      values: Record<string, unknown>,
      index?: number,
    ) => ({
      address: `${module ? `${module}.` : ''}${type}.${name}${index === undefined ? '' : `[${index}]`}`,
      mode: 'managed',
      type,
      name,
      ...(index === undefined ? {} : { index }),
      provider_name: PROVIDER,
      values,
    });
    const config = (type: string, name: string, references?: readonly string[]) => ({
      address: `${type}.${name}`,
      mode: 'managed',
      type,
      name,
      expressions: references ? { server_id: { references } } : {},
    });
    // module.single["blue"] is one instance; module.pair["a"] and ["b"] each count one server.
    const single = 'module.single["blue"]';
    const pair = ['a', 'b'].map((key) => ({
      address: `module.pair["${key}"]`,
      resources: [
        resource(
          `module.pair["${key}"]`,
          'azurerm_mssql_server',
          'sql',
          { id: `${SERVERS}/sql-${key}`, location: 'norwayeast' },
          0,
        ),
        resource(`module.pair["${key}"]`, 'azurerm_mssql_database', 'db', {
          server_id: `${SERVERS}/sql-${key}`,
        }),
      ],
    }));
    const modules = [
      {
        address: single,
        resources: [
          resource(single, 'azurerm_mssql_server', 'sql', { location: 'norwayeast' }),
          resource(single, 'azurerm_mssql_database', 'db', { server_id: `${SERVERS}/existing` }),
        ],
      },
      ...pair,
    ];
    const root = [resource('', 'azurerm_mssql_server', 'sql', { location: 'norwayeast' })];
    const model = loadPlan(
      {
        format_version: '1.2',
        terraform_version: '1.9.8',
        planned_values: { root_module: { resources: root, child_modules: modules } },
        resource_changes: [...root, ...modules.flatMap((m) => m.resources)].map(({ values, ...r }) => ({
          ...r,
          change: { actions: ['no-op'], before: values, after: values, after_unknown: {} },
        })),
        configuration: {
          root_module: {
            resources: [config('azurerm_mssql_server', 'sql')],
            module_calls: {
              single: {
                source: './single',
                module: {
                  resources: [
                    config('azurerm_mssql_server', 'sql'),
                    config('azurerm_mssql_database', 'db', [
                      'azurerm_mssql_server.sql.id',
                      'azurerm_mssql_server.sql',
                    ]),
                  ],
                },
              },
              pair: {
                source: './pair',
                module: {
                  resources: [
                    config('azurerm_mssql_server', 'sql'),
                    config('azurerm_mssql_database', 'db', [
                      'azurerm_mssql_server.sql[0].id',
                      'azurerm_mssql_server.sql[0]',
                      'azurerm_mssql_server.sql',
                    ]),
                  ],
                },
              },
            },
          },
        },
      },
      { file: 'plan.json' },
    );
    const target = targetIn(model);

    it('resolves the reference within the module, not at the root', () => {
      expect(target('module.single["blue"].azurerm_mssql_database.db', 'server_id')).toBe(
        'module.single["blue"].azurerm_mssql_server.sql',
      );
    });
    it('does not pick the first module instance when several match; the id decides', () => {
      expect(target('module.pair["a"].azurerm_mssql_database.db', 'server_id')).toBe(
        'module.pair["a"].azurerm_mssql_server.sql[0]',
      );
      expect(target('module.pair["b"].azurerm_mssql_database.db', 'server_id')).toBe(
        'module.pair["b"].azurerm_mssql_server.sql[0]',
      );
    });
  });

  describe('in synthesized JSON', () => {
    const { context, at } = synth(
      {
        'azurerm_storage_account.sa': { location: 'norwayeast' },
        'azurerm_monitor_diagnostic_setting.blob': {
          target_resource_id: '${azurerm_storage_account.sa.id}/blobServices/default',
        },
        'azurerm_monitor_diagnostic_setting.list': {
          target_resource_id: ['${azurerm_storage_account.sa.id}/blobServices/default'],
        },
        'azurerm_monitor_diagnostic_setting.direct': {
          target_resource_id: '${azurerm_storage_account.sa.id}',
        },
      },
      VARIABLES,
    );
    const target = (address: string) => describeTarget(context.target(at(address), 'target_resource_id'));

    it('a reference with a literal suffix points into the referenced resource', () => {
      expect(target('azurerm_monitor_diagnostic_setting.blob')).toBe('azurerm_storage_account.sa');
      expect(target('azurerm_monitor_diagnostic_setting.direct')).toBe('azurerm_storage_account.sa');
    });
    it('a list is not an id, even when its one element would be', () => {
      expect(target('azurerm_monitor_diagnostic_setting.list')).toEqual({
        unknown: 'target_resource_id is not a resource id',
      });
    });
  });
});
