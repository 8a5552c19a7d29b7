import {
  describePlacePath,
  edgesOf,
  lastKey,
  parseDocument,
  placesOf,
  unreadableDocumentsOf,
} from '../../policies/model/data-flow';
import type { ResourceChange, TfResource } from '../../policies/model/types';
import { GEOGRAPHY_WITHOUT_NORWAY } from '../../policies/azure/location-attributes';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st';
const SUBNET =
  '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s';

function resource(
  values: Record<string, unknown>,
  extra: {
    type?: string;
    expressions?: boolean;
    change?: ResourceChange;
    references?: Record<string, string[]>;
  } = {},
): TfResource {
  const type = extra.type ?? 'azurerm_storage_account';
  return {
    address: `${type}.r`,
    configAddress: `${type}.r`,
    type,
    name: 'r',
    mode: 'managed',
    provider: 'azurerm',
    values,
    valuesAreExpressions: extra.expressions ?? false,
    references: extra.references ? new Map(Object.entries(extra.references)) : undefined,
    change: extra.change,
    source: { file: 'plan.json', module: '' },
  };
}

const planChange = (afterUnknown: unknown): ResourceChange => ({
  actions: ['create'],
  before: null,
  after: {},
  afterUnknown,
});

describe('data flow: the places a resource names and the paths data can take', () => {
  test('a region name anywhere is a place, its own location included', () => {
    const places = placesOf(resource({ location: 'norwayeast', replica: [{ region: 'West Europe' }] }));
    expect(places.map((p) => [p.path, p.kind, p.region])).toEqual([
      [['location'], 'region', 'norwayeast'],
      [['replica', 0, 'region'], 'region', 'westeurope'],
    ]);
  });

  test('a region inside an id places the id, with no edge to resolve', () => {
    const id = '/subscriptions/0000/providers/Microsoft.Sql/locations/westeurope/longTermRetentionServers/s';
    const flow = resource({ restore_source_id: id });
    expect(placesOf(flow).map((p) => [p.path, p.kind, p.region])).toEqual([
      [['restore_source_id'], 'in-id', 'westeurope'],
    ]);
    expect(edgesOf(flow)).toEqual([]);
  });

  test("the resource's own id is no path to another resource; a nested id is", () => {
    const edges = edgesOf(resource({ id: ID, network_rules: [{ subnet: [{ id: SUBNET }] }] }));
    expect(edges.map((e) => [e.path, e.kind, e.text])).toEqual([
      [['network_rules', 0, 'subnet', 0, 'id'], 'resource', SUBNET],
    ]);
  });

  test("a plan's own id unknown until apply is no edge; a configured id-like attribute is", () => {
    const edges = edgesOf(
      resource(
        { name: 'st' },
        {
          change: planChange({ id: true, backup_vault_id: true }),
          references: { id: ['x.y.id'], backup_vault_id: ['azurerm_data_protection_backup_vault.v.id'] },
        },
      ),
    );
    expect(edges.map((e) => [e.path, e.kind])).toEqual([[['backup_vault_id'], 'resource']]);
  });

  test('endpoints name the resource behind the host; URLs outside Azure are data leaving', () => {
    const edges = edgesOf(
      resource({
        blob_endpoint: 'https://archive01.blob.core.windows.net/',
        webhook_url: 'https://hooks.example.com/x',
        docs_url: 'https://learn.microsoft.com/azure',
      }),
    );
    expect(edges.map((e) => [e.path, e.kind, e.service])).toEqual([
      [['blob_endpoint'], 'endpoint', { type: 'azurerm_storage_account', name: 'archive01' }],
      [['webhook_url'], 'internet', undefined],
    ]);
  });

  test('in synthesized JSON a reference to an id is an edge, a location expression a place to resolve', () => {
    const flow = resource(
      {
        location: '${var.location}',
        key_vault_id: '${azurerm_key_vault.kv.id}',
        id: '${azurerm_storage_account.other.id}',
      },
      { expressions: true },
    );
    expect(placesOf(flow).map((p) => [p.path, p.kind])).toEqual([[['location'], 'to-resolve']]);
    expect(edgesOf(flow).map((e) => e.path)).toEqual([['key_vault_id']]);
  });

  test('a deployment template is read as a document; one that is not JSON cannot be judged', () => {
    const template = JSON.stringify({ resources: [{ id: ID, location: 'westeurope' }] });
    const deployment = resource(
      { template_content: template },
      { type: 'azurerm_resource_group_template_deployment' },
    );
    expect(placesOf(deployment).map((p) => [p.path, p.region, p.inDocument])).toEqual([
      [['template_content', 'resources', 0, 'location'], 'westeurope', true],
    ]);
    expect(edgesOf(deployment).map((e) => [e.path, e.inDocument])).toEqual([
      [['template_content', 'resources', 0, 'id'], true],
    ]);
    const broken = resource(
      { template_content: '{ not json' },
      { type: 'azurerm_resource_group_template_deployment' },
    );
    expect(unreadableDocumentsOf(broken).map((d) => d.path)).toEqual([['template_content']]);
  });

  test.each<[string, Record<string, unknown>, { expressions?: boolean; change?: ResourceChange }, string]>([
    [
      'written as an expression in synthesized JSON',
      { template_content: '${data.local_file.template.content}' },
      { expressions: true },
      'is computed by Terraform',
    ],
    [
      'known only after apply in a plan',
      {},
      { change: planChange({ template_content: true }) },
      'is known only after apply',
    ],
    [
      'larger than the walk reads',
      { template_content: `{"resources": [], "pad": "${'x'.repeat(4 * 1024 * 1024)}"}` },
      {},
      'is not valid JSON (it is larger than 4194304 bytes)',
    ],
    ['text that is no document', { template_content: 'resources: []' }, {}, 'is not a JSON document'],
  ])('a deployment template %s cannot be judged, and says why', (_name, values, extra, problem) => {
    const deployment = resource(values, { type: 'azurerm_resource_group_template_deployment', ...extra });
    expect(unreadableDocumentsOf(deployment)).toEqual([{ path: ['template_content'], problem }]);
    expect(placesOf(deployment)).toEqual([]);
  });

  test('in synthesized JSON an ARM id built with an expression is an edge at an id attribute only', () => {
    const built =
      '/subscriptions/${var.subscription}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st';
    const flow = resource(
      { backup_storage_id: built, description: built, vault: '${azurerm_key_vault.kv.id}' },
      { expressions: true },
    );
    expect(edgesOf(flow).map((e) => [e.path, e.kind, e.text])).toEqual([
      [['backup_storage_id'], 'resource', built],
      [['vault'], 'resource', '${azurerm_key_vault.kv.id}'],
    ]);
  });

  test('an attribute known only after apply is a place or an edge only where the configuration names something', () => {
    const flow = resource(
      { name: 'st' },
      {
        change: planChange({
          location: true,
          backup_location: true,
          network: [{ id: true }],
          vault_id: true,
        }),
        references: {
          location: ['azurerm_resource_group.rg.location'],
          'network.id': ['azurerm_subnet.s.id'],
        },
      },
    );
    expect(placesOf(flow).map((p) => [p.path, p.kind])).toEqual([[['location'], 'to-resolve']]);
    expect(edgesOf(flow).map((e) => [e.path, e.kind])).toEqual([[['network', 0, 'id'], 'resource']]);
  });

  test('only deployment types have their JSON strings read as documents', () => {
    const flow = resource({ settings_json: JSON.stringify({ location: 'westeurope' }) });
    expect(placesOf(flow)).toEqual([]);
    expect(unreadableDocumentsOf(flow)).toEqual([]);
  });

  test("in a plan, text that spells '${' is a literal, not an expression to resolve", () => {
    expect(placesOf(resource({ backup_location: '${var.location}' }))).toEqual([
      { path: ['backup_location'], kind: 'unrecognised', text: '${var.location}' },
    ]);
  });

  test.each<[string, string]>([
    ['remote_volume_location', 'atlantisnorth'],
    ['region', 'global'],
    ['location', 'Norway Central'],
    ['replica_region', 'norway-east'],
    ['cache_location', 'eastus-3'],
  ])('a literal at %s that names no known region (%j) is a place that cannot be verified', (key, text) => {
    expect(placesOf(resource({ [key]: text }))).toEqual([{ path: [key], kind: 'unrecognised', text }]);
  });

  test.each(['Europe', 'norwayeast', 'Norway East'])(
    'a geography of a service that offers none in Norway (%j) is a place outside Norway, whatever its value',
    (text) => {
      expect(placesOf(resource({ data_residency_location: text }))).toEqual([
        {
          path: ['data_residency_location'],
          kind: 'unrecognised',
          text,
          noNorway: GEOGRAPHY_WITHOUT_NORWAY.data_residency_location,
        },
      ]);
    },
  );

  test.each<[string, string]>([
    ['store_location', 'LocalMachine'],
    ['certificate_location', 'CurrentUserMy'],
    ['fabric_location', 'Primary'],
    [
      'custom_location',
      '/subscriptions/0/resourceGroups/rg/providers/Microsoft.ExtendedLocation/customLocations/c',
    ],
    ['usage_location', 'NO'],
    ['office_location', 'Ullevål, bygg 4'],
    ['data_location', 'Norway'],
    ['peering_location', 'Oslo'],
    ['dataLocation', 'Norway'],
    ['cache_location', 'default'],
    ['replication_region', 'Default'],
    ['replication_region', 'None'],
    ['remote_volume_location', ''],
    ['region', '  '],
  ])('%s = %j names no place to judge here', (key, text) => {
    expect(placesOf(resource({ [key]: text }))).toEqual([]);
  });

  test('a region attribute is judged by the block it stands in: a gateway’s description of itself is no place', () => {
    const gateway = resource(
      { name: 'gw', location_data: [{ name: 'Ullevål', city: 'Oslo', region: 'Oslo' }] },
      { type: 'azurerm_api_management_gateway' },
    );
    expect(placesOf(gateway)).toEqual([]);
    const actions = resource(
      { itsm_receiver: [{ name: 'itsm', region: 'Oslo' }] },
      { type: 'azurerm_monitor_action_group' },
    );
    expect(placesOf(actions)).toEqual([
      { path: ['itsm_receiver', 0, 'region'], kind: 'unrecognised', text: 'Oslo' },
    ]);
  });

  test('a place of another kind outside Norway is a place with what is allowed there', () => {
    expect(
      placesOf(resource({ peering_location: 'Amsterdam' }, { type: 'azurerm_express_route_port' })),
    ).toEqual([
      { path: ['peering_location'], kind: 'unrecognised', text: 'Amsterdam', allowed: ['Oslo', 'Stavanger'] },
    ]);
  });

  test('in an azapi body and an ARM template, camelCase location keys are places', () => {
    const body = {
      properties: { secondaryLocation: '${var.where}', failoverRegion: 'atlantis', storeLocation: 'My' },
    };
    const azapi = resource({ body }, { type: 'azapi_resource', expressions: true });
    expect(placesOf(azapi).map((p) => [p.path, p.kind, p.text])).toEqual([
      [['body', 'properties', 'secondaryLocation'], 'to-resolve', '${var.where}'],
      [['body', 'properties', 'failoverRegion'], 'unrecognised', 'atlantis'],
    ]);
    const template = JSON.stringify({
      resources: [{ location: 'norwayeast', properties: { replicaLocation: "[parameters('replica')]" } }],
    });
    const deployment = resource(
      { template_content: template },
      { type: 'azurerm_resource_group_template_deployment' },
    );
    expect(placesOf(deployment).map((p) => [p.path, p.kind])).toEqual([
      [['template_content', 'resources', 0, 'location'], 'region'],
      [['template_content', 'resources', 0, 'properties', 'replicaLocation'], 'to-resolve'],
    ]);
  });

  test('a regional endpoint names its region in the host: a place recorded by the host alone', () => {
    const flow = resource({
      site_config: [{ cognitive: 'https://westeurope.api.cognitive.microsoft.com/' }],
      app_settings: {
        APPLICATIONINSIGHTS_CONNECTION_STRING:
          'InstrumentationKey=00000000;IngestionEndpoint=https://norwayeast-0.in.applicationinsights.azure.com/;LiveEndpoint=https://NorthEurope.livediagnostics.monitor.azure.com/',
        PLAIN: 'https://app.example.org/eastus/hook',
      },
    });
    expect(placesOf(flow).map((p) => [p.path, p.kind, p.region, p.text])).toEqual([
      [['site_config', 0, 'cognitive'], 'in-host', 'westeurope', 'westeurope.api.cognitive.microsoft.com'],
      [
        ['app_settings', 'APPLICATIONINSIGHTS_CONNECTION_STRING'],
        'in-host',
        'norwayeast',
        'norwayeast-0.in.applicationinsights.azure.com',
      ],
      [
        ['app_settings', 'APPLICATIONINSIGHTS_CONNECTION_STRING'],
        'in-host',
        'northeurope',
        'northeurope.livediagnostics.monitor.azure.com',
      ],
    ]);
  });

  test('a known region at a location-like attribute stays a region, in either spelling', () => {
    expect(placesOf(resource({ remote_volume_location: 'Sweden Central' }))).toEqual([
      { path: ['remote_volume_location'], kind: 'region', region: 'swedencentral', text: 'Sweden Central' },
    ]);
  });

  test('inside an ARM template, a literal location that names no region (`global`) cannot be verified', () => {
    const template = JSON.stringify({
      resources: [{ type: 'Microsoft.Network/frontDoors', location: 'global' }],
    });
    const deployment = resource(
      { template_content: template },
      { type: 'azurerm_resource_group_template_deployment' },
    );
    expect(placesOf(deployment)).toEqual([
      {
        path: ['template_content', 'resources', 0, 'location'],
        kind: 'unrecognised',
        text: 'global',
        inDocument: true,
      },
    ]);
  });

  test.each<[string, boolean]>([
    ['location', true],
    ['region', true],
    ['backup_location', true],
    ['replica_region', true],
    ['relocation', false],
    ['xlocation', false],
    ['subregion', false],
    ['location_mode', false],
    ['region_suffix', false],
    // Keys of ARM and azapi bodies are camelCase.
    ['replicaLocation', true],
    ['failoverRegion', true],
    ['Location', false],
    ['_Location', false],
    ['locationName', false],
  ])('an expression at %s is a place to resolve: %s', (key, isPlace) => {
    const flow = resource({ [key]: '${var.somewhere}' }, { expressions: true });
    expect(placesOf(flow).map((p) => [p.path, p.kind])).toEqual(isPlace ? [[[key], 'to-resolve']] : []);
  });

  test('tags and the cdktf metadata block are not walked: a region there places nothing', () => {
    const flow = resource({
      tags: { region: 'westeurope', backup: ID },
      '//': { metadata: { region: 'westeurope' } },
    });
    expect(placesOf(flow)).toEqual([]);
    expect(edgesOf(flow)).toEqual([]);
  });

  test('a resource is walked once: asking again gives the same lists', () => {
    const flow = resource({ location: 'norwayeast', backup_id: ID });
    expect(placesOf(flow)).toBe(placesOf(flow));
    expect(edgesOf(flow)).toBe(edgesOf(flow));
  });

  test('an id whose locations segment names no region is a path to resolve, not a place', () => {
    const id = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/locations/atlantis/x/y';
    const flow = resource({ source_id: id });
    expect(placesOf(flow)).toEqual([]);
    expect(edgesOf(flow).map((e) => [e.path, e.kind, e.text])).toEqual([[['source_id'], 'resource', id]]);
  });

  test.each<[string, string, { type: string; name: string }]>([
    [
      'a storage account name, lower-cased',
      'DefaultEndpointsProtocol=https;AccountName=Archive01;AccountKey=abc;EndpointSuffix=core.windows.net',
      { type: 'azurerm_storage_account', name: 'archive01' },
    ],
    [
      'an account name first',
      'AccountName=archive02;AccountKey=abc;EndpointSuffix=core.windows.net',
      { type: 'azurerm_storage_account', name: 'archive02' },
    ],
    [
      'an account name with spaces around it, last',
      'DefaultEndpointsProtocol=https; AccountName=Archive03 ',
      { type: 'azurerm_storage_account', name: 'archive03' },
    ],
    [
      'a Service Bus endpoint first',
      'Endpoint=sb://hub-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc',
      { type: 'azurerm_servicebus_namespace', name: 'hub-bus' },
    ],
    [
      'a Service Bus endpoint after a space',
      'SharedAccessKeyName=send; Endpoint=sb://hub-bus2.servicebus.windows.net/;SharedAccessKey=abc',
      { type: 'azurerm_servicebus_namespace', name: 'hub-bus2' },
    ],
  ])('a connection string with %s names its resource', (_name, text, service) => {
    expect(edgesOf(resource({ primary_connection_string: text })).map((e) => [e.kind, e.service])).toEqual([
      ['endpoint', service],
    ]);
  });

  test('a template expression at a location inside a document is a place to resolve; elsewhere it is text', () => {
    const template = JSON.stringify({ resources: [{ location: "[parameters('location')]" }] });
    const deployment = resource(
      { template_content: template },
      { type: 'azurerm_resource_group_template_deployment' },
    );
    expect(placesOf(deployment).map((p) => [p.path, p.kind, p.text, p.inDocument])).toEqual([
      [['template_content', 'resources', 0, 'location'], 'to-resolve', "[parameters('location')]", true],
    ]);
    const atTop = resource(
      { location: '[resourceGroup().location]' },
      { type: 'azurerm_resource_group_template_deployment' },
    );
    expect(placesOf(atTop).map((p) => [p.path, p.kind, p.inDocument])).toEqual([
      [['location'], 'to-resolve', undefined],
    ]);
    // Outside a deployment, a location in brackets is no template expression: a literal naming no region.
    expect(placesOf(resource({ location: '[norwayeast]' })).map((p) => [p.path, p.kind])).toEqual([
      [['location'], 'unrecognised'],
    ]);
  });

  test('only a top-level document attribute of a deployment type is a document that must be read', () => {
    const deployment = resource(
      { name: 'not json', settings: [{ template_content: 'not json either' }] },
      { type: 'azurerm_resource_group_template_deployment' },
    );
    expect(unreadableDocumentsOf(deployment)).toEqual([]);
    const computedName = resource(
      { name: '${var.name}', template_content: '{}' },
      { type: 'azurerm_resource_group_template_deployment', expressions: true },
    );
    expect(unreadableDocumentsOf(computedName)).toEqual([]);
  });

  test('a document attribute unknown until apply is unreadable only at the top level of a deployment type', () => {
    const nested = resource(
      {},
      {
        type: 'azurerm_resource_group_template_deployment',
        change: planChange({ settings: [{ template_content: true }] }),
      },
    );
    expect(unreadableDocumentsOf(nested)).toEqual([]);
    const notADeployment = resource({}, { change: planChange({ template_content: true }) });
    expect(unreadableDocumentsOf(notADeployment)).toEqual([]);
  });
});

describe('parseDocument', () => {
  test('a document of exactly the largest size read is parsed', () => {
    const largest = 4 * 1024 * 1024;
    const text = `["${'x'.repeat(largest - 4)}"]`;
    expect(text.length).toBe(largest);
    expect(parseDocument(text)?.ok).toBe(true);
    expect(parseDocument(`${text} `)).toEqual({ ok: false, error: 'it is larger than 4194304 bytes' });
  });

  test.each<[string, ReturnType<typeof parseDocument>]>([
    ['  {"a": 1}', { ok: true, value: { a: 1 } }],
    ['[1, 2]', { ok: true, value: [1, 2] }],
    ['norwayeast', undefined],
    ['', undefined],
  ])('%j', (text, expected) => expect(parseDocument(text)).toEqual(expected));

  test("a document that is not JSON carries the parser's reason", () => {
    const parsed = parseDocument('{ not json');
    expect(parsed?.ok).toBe(false);
    expect(parsed?.error).toMatch(/JSON/);
  });
});

describe('lastKey', () => {
  test.each<[(string | number)[], string | undefined]>([
    [['storage_account', 0, 'storage_resource_id'], 'storage_resource_id'],
    [['replica', 2], 'replica'],
    [[0, 1], undefined],
    [[], undefined],
  ])('%j gives %j', (path, expected) => expect(lastKey(path)).toBe(expected));
});

describe('describePlacePath', () => {
  test.each<[(string | number)[], string]>([
    [['location'], 'location'],
    [['geo_location', 0, 'location'], 'geo_location[0].location'],
    [
      ['template_content', 'resources', 2, 'properties', 'location'],
      'template_content.resources[2].properties.location',
    ],
    [[0, 'id'], '[0].id'],
  ])('%j is written %s', (path, text) => {
    expect(describePlacePath(path)).toBe(text);
  });
});
