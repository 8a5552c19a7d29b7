/**
 * Start the stand-in providers: one gRPC server per provider on a unix socket, then print one line,
 * the value for TF_REATTACH_PROVIDERS, and serve until stdin closes or a signal arrives.
 *
 *   node -r ts-node/register tools/tf-stand-in/main.ts --socket-dir <dir> --types-from <dir> [...]
 *
 * The served types are the resource and data source types found in the `*.tf.json` files under the
 * `--types-from` directories, re-read on every GetProviderSchema, so a test may write a new
 * configuration while the server runs.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { StandInProvider, type ServedTypes } from './provider-server';
import { PROVIDERS, type ProviderDefinition } from './providers';
import { typesIn } from './served-types';

type Handler = (request: Record<string, unknown>) => unknown;

function bytes(request: Record<string, unknown>, field: string): Uint8Array {
  const v = request[field] as { msgpack?: Uint8Array } | null | undefined;
  return v?.msgpack ?? new Uint8Array();
}

function service(provider: StandInProvider, dirs: string[]): Record<string, Handler> {
  const types = (): ServedTypes => typesIn(dirs, provider.definition.prefix);
  return {
    GetMetadata: () => provider.withTypes(types()).getMetadata(),
    GetProviderSchema: () => provider.withTypes(types()).getProviderSchema(),
    ValidateProviderConfig: () => ({ diagnostics: [] }),
    ValidateResourceConfig: () => ({ diagnostics: [] }),
    ValidateDataResourceConfig: () => ({ diagnostics: [] }),
    ConfigureProvider: (r) => provider.configureProvider(bytes(r, 'config')),
    UpgradeResourceState: (r) =>
      provider.upgradeResourceState(String(r.type_name), (r.raw_state as { json?: Uint8Array } | null)?.json),
    ReadResource: (r) => provider.readResource(bytes(r, 'current_state')),
    PlanResourceChange: (r) =>
      provider.planResourceChange(
        String(r.type_name),
        bytes(r, 'prior_state'),
        bytes(r, 'proposed_new_state'),
        bytes(r, 'config'),
      ),
    ApplyResourceChange: (r) => provider.applyResourceChange(String(r.type_name), bytes(r, 'planned_state')),
    ImportResourceState: (r) => provider.importResourceState(String(r.type_name), String(r.id)),
    ReadDataSource: (r) => provider.readDataSource(String(r.type_name), bytes(r, 'config')),
    StopProvider: () => ({ Error: '' }),
  };
}

/** Every handler answers; a failure becomes an error diagnostic Terraform prints, never a dead server. */
function guarded(handlers: Record<string, Handler>): grpc.UntypedServiceImplementation {
  const impl: grpc.UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(handlers)) {
    impl[name] = (
      call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      try {
        callback(null, handler(call.request));
      } catch (err) {
        const diagnostics = [
          { severity: 'ERROR', summary: `stand-in ${name} failed`, detail: (err as Error).message },
        ];
        callback(null, { diagnostics });
      }
    };
  }
  return impl;
}

function listen(server: grpc.Server, socket: string): Promise<void> {
  return new Promise((ok, fail) =>
    server.bindAsync(`unix://${socket}`, grpc.ServerCredentials.createInsecure(), (err) =>
      err ? fail(err) : ok(),
    ),
  );
}

export async function start(
  socketDir: string,
  dirs: string[],
  definitions: ProviderDefinition[] = PROVIDERS,
) {
  const packageDefinition = protoLoader.loadSync(join(__dirname, 'tfplugin6.proto'), {
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const proto = grpc.loadPackageDefinition(packageDefinition) as unknown as {
    tfplugin6: { Provider: { service: grpc.ServiceDefinition } };
  };
  const reattach: Record<string, unknown> = {};
  const servers: grpc.Server[] = [];
  for (const definition of definitions.filter((d) => StandInProvider.available(d))) {
    const server = new grpc.Server({
      'grpc.max_receive_message_length': 256 << 20,
      'grpc.max_send_message_length': 256 << 20,
    });
    const provider = new StandInProvider(definition, { resources: [], dataSources: [] });
    server.addService(proto.tfplugin6.Provider.service, guarded(service(provider, dirs)));
    const socket = join(socketDir, `${definition.prefix}.sock`);
    rmSync(socket, { force: true });
    await listen(server, socket);
    servers.push(server);
    reattach[definition.address] = {
      Protocol: 'grpc',
      ProtocolVersion: 6,
      Pid: process.pid,
      Test: true,
      Addr: { Network: 'unix', String: socket },
    };
  }
  return { reattach, stop: () => servers.forEach((s) => s.forceShutdown()) };
}

function parseArgs(argv: string[]): { socketDir: string; dirs: string[] } {
  let socketDir: string | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if ((argv[i] === '--socket-dir' || argv[i] === '--types-from') && value) {
      if (argv[i] === '--socket-dir') socketDir = resolve(value);
      else dirs.push(resolve(value));
      i++;
    } else {
      throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!socketDir || dirs.length === 0)
    throw new Error('usage: main.ts --socket-dir <dir> --types-from <dir> [...]');
  return { socketDir, dirs };
}

if (require.main === module) {
  let args: { socketDir: string; dirs: string[] };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`tf-stand-in: ${(err as Error).message}\n`);
    process.exit(2);
  }
  start(args.socketDir, args.dirs).then(
    ({ reattach, stop }) => {
      process.stdout.write(`${JSON.stringify(reattach)}\n`);
      const quit = (): void => {
        stop();
        process.exit(0);
      };
      process.stdin.on('end', quit);
      process.stdin.resume();
      process.on('SIGTERM', quit);
      process.on('SIGINT', quit);
    },
    (err: Error) => {
      process.stderr.write(`tf-stand-in: cannot start: ${err.message}\n`);
      process.exit(1);
    },
  );
}
