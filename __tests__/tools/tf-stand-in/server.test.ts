/** The stand-in at the gRPC level, as Terraform calls it: schema, planning with unknowns, apply, data sources. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { encode, ExtEncoder } from './msgpack-ext';
import { UNKNOWN, decodeValue } from '../../../tools/tf-stand-in/cty';
import { start } from '../../../tools/tf-stand-in/main';
import { FAKE_SUBSCRIPTION, FAKE_TENANT, PROVIDERS } from '../../../tools/tf-stand-in/providers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are read by path
type Json = Record<string, any>;
type Call = (method: string, request: object) => Promise<Json>;

let root: string;
let stop: () => void;
let reattach: Record<string, Json>;
let call: Call;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tf-stand-in-grpc-'));
  mkdirSync(join(root, 'cfg'));
  writeFileSync(
    join(root, 'cfg', 'main.tf.json'),
    JSON.stringify({
      resource: {
        azurerm_storage_account: { sa: {} },
        azurerm_resource_group: { rg: {} },
        azurerm_no_such_thing: { x: {} },
      },
      data: { azurerm_client_config: { c: {} }, terraform_remote_state: { r: {} } },
    }),
  );
  ({ reattach, stop } = (await start(root, [join(root, 'cfg')])) as {
    reattach: Record<string, Json>;
    stop: () => void;
  });
  const definition = protoLoader.loadSync(join(__dirname, '../../../tools/tf-stand-in/tfplugin6.proto'), {
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
  });
  const proto = grpc.loadPackageDefinition(definition) as unknown as {
    tfplugin6: { Provider: new (address: string, credentials: grpc.ChannelCredentials) => grpc.Client };
  };
  const socket = reattach['registry.terraform.io/hashicorp/azurerm'].Addr.String as string;
  const client = new proto.tfplugin6.Provider(
    `unix://${socket}`,
    grpc.credentials.createInsecure(),
  ) as unknown as Record<
    string,
    (request: object, callback: (err: Error | null, response: Json) => void) => void
  >;
  call = (method, request) =>
    new Promise((ok, fail) =>
      client[method].call(client, request, (err, res) => (err ? fail(err) : ok(res))),
    );
});

afterAll(() => {
  stop?.();
  rmSync(root, { recursive: true, force: true });
});

describe('the stand-in over gRPC', () => {
  it('serves every provider whose bindings are installed, with a live pid, in test mode', () => {
    const installed = PROVIDERS.filter((p) => {
      try {
        require.resolve(`${p.bindings}/package.json`);
        return true;
      } catch {
        return false;
      }
    });
    expect(Object.keys(reattach).sort()).toEqual(installed.map((p) => p.address).sort());
    expect(reattach['registry.terraform.io/hashicorp/azurerm']).toMatchObject({
      Protocol: 'grpc',
      ProtocolVersion: 6,
      Pid: process.pid,
      Test: true,
      Addr: { Network: 'unix', String: join(root, 'azurerm.sock') },
    });
  });

  it('answers GetProviderSchema with the types the configurations use, cty types as JSON bytes', async () => {
    const res = await call('GetProviderSchema', {});
    expect(Object.keys(res.resource_schemas).sort()).toEqual([
      'azurerm_resource_group',
      'azurerm_storage_account',
    ]);
    expect(Object.keys(res.data_source_schemas)).toEqual(['azurerm_client_config']);
    expect(res.diagnostics).toEqual([]);
    const tags = res.resource_schemas.azurerm_storage_account.block.attributes.find(
      (a: Json) => a.name === 'tags',
    );
    expect([Buffer.from(tags.type).toString(), tags.optional, tags.required, tags.computed]).toEqual([
      '["map","string"]',
      true,
      false,
      false,
    ]);
  });

  it('plans a create: unknown id and computed attributes, refined unknowns (ext 12) in the proposal accepted', async () => {
    const proposed = {
      ...nulls(['id', 'name', 'location', 'tags', 'managed_by']),
      name: 'rg-a',
      location: new ExtEncoder(12, [0x81, 0x01, 0xc3]),
      timeouts: null,
    };
    const res = await call('PlanResourceChange', {
      type_name: 'azurerm_resource_group',
      prior_state: { msgpack: encode(null) },
      proposed_new_state: { msgpack: encode(proposed) },
      config: { msgpack: encode(proposed) },
    });
    expect(res.diagnostics).toEqual([]);
    const planned = decodeValue(res.planned_state.msgpack) as Json;
    expect(planned.id).toBe(UNKNOWN);
    expect(planned.location).toBe(UNKNOWN);
    expect(planned.name).toBe('rg-a');
    expect(planned.tags).toBeNull();
  });

  it('applies with an ARM id and reads azurerm_client_config as the fake tenant', async () => {
    const planned = {
      id: new ExtEncoder(0, [0]),
      name: 'rg-a',
      location: 'norwayeast',
      tags: null,
      managed_by: null,
      timeouts: null,
    };
    const res = await call('ApplyResourceChange', {
      type_name: 'azurerm_resource_group',
      prior_state: { msgpack: encode(null) },
      planned_state: { msgpack: encode(planned) },
      config: { msgpack: encode({ ...planned, id: null }) },
    });
    expect((decodeValue(res.new_state.msgpack) as Json).id).toBe(
      `/subscriptions/${FAKE_SUBSCRIPTION}/resourceGroups/rg-a`,
    );
    const data = await call('ReadDataSource', {
      type_name: 'azurerm_client_config',
      config: {
        msgpack: encode({
          ...nulls(['id', 'client_id', 'object_id', 'subscription_id', 'tenant_id']),
          timeouts: null,
        }),
      },
    });
    expect(decodeValue(data.state.msgpack)).toMatchObject({
      tenant_id: FAKE_TENANT,
      subscription_id: FAKE_SUBSCRIPTION,
    });
  });

  it('marks a rename as requiring replacement', async () => {
    const prior = {
      id: '/subscriptions/x/resourceGroups/rg-a',
      name: 'rg-a',
      location: 'norwayeast',
      tags: null,
      managed_by: null,
      timeouts: null,
    };
    const proposed = { ...prior, name: 'rg-b' };
    const res = await call('PlanResourceChange', {
      type_name: 'azurerm_resource_group',
      prior_state: { msgpack: encode(prior) },
      proposed_new_state: { msgpack: encode(proposed) },
      config: { msgpack: encode({ ...proposed, id: null }) },
    });
    expect(res.requires_replace).toEqual([{ steps: [expect.objectContaining({ attribute_name: 'name' })] }]);
    expect((decodeValue(res.planned_state.msgpack) as Json).id).toBe(UNKNOWN);
  });

  it('does not replace when only the spelling of the location changes', async () => {
    const prior = {
      ...nulls(['tags', 'managed_by', 'timeouts']),
      id: '/subscriptions/x/resourceGroups/rg-a',
      name: 'rg-a',
      location: 'Norway East',
    };
    const proposed = { ...prior, location: 'norwayeast' };
    const res = await call('PlanResourceChange', {
      type_name: 'azurerm_resource_group',
      prior_state: { msgpack: encode(prior) },
      proposed_new_state: { msgpack: encode(proposed) },
      config: { msgpack: encode({ ...proposed, id: null }) },
    });
    expect(res.requires_replace).toEqual([]);
    expect(decodeValue(res.planned_state.msgpack)).toEqual(proposed);
  });

  it('answers an unknown type with an error diagnostic, not a dead server', async () => {
    const res = await call('PlanResourceChange', {
      type_name: 'azurerm_no_such_thing',
      prior_state: { msgpack: encode(null) },
      proposed_new_state: { msgpack: encode({}) },
      config: { msgpack: encode({}) },
    });
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'ERROR',
        summary: 'stand-in PlanResourceChange failed',
        detail: '@cdktf/provider-azurerm has no resource azurerm_no_such_thing',
      }),
    ]);
  });
});

function nulls(names: string[]): Record<string, null> {
  return Object.fromEntries(names.map((n) => [n, null]));
}
