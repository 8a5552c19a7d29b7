/**
 * `cdktf synth` entry point: load the configuration (NORWAY_IAC_CONFIG, the cdktf context key
 * `norwayIacConfig`, or the embedded config/default.yaml) and the teams' extensions (NORWAY_IAC_EXTENSIONS,
 * the context key `norwayIacExtensions`, or `extensions/`), build every stack, synthesize.
 */
import { App } from 'cdktf';
import { CONFIG_CONTEXT_KEY, ConfigError, loadConfig } from './stacks/config/load';
import {
  EXTENSIONS_CONTEXT_KEY,
  EXTENSIONS_ENV_VAR,
  ExtensionError,
  extensionsDir,
  loadExtensions,
} from './stacks/extensions';
import { buildPlatform } from './stacks/platform-app';
import { useSourceMapper } from './policies/cdktf/source-sites';

// cdktf records a stack trace for every token it creates. Under ts-node each trace is source-mapped,
// which makes building the stacks about three times slower; our errors speak through their messages.
// The mapper is kept for the one frame per top-level construct that findings point at.
useSourceMapper(Error.prepareStackTrace);
Reflect.deleteProperty(Error, 'prepareStackTrace');

// Without stack traces in the annotation metadata, `cdktf synth` prints each finding as one line.
const app = new App({ stackTraces: false });
try {
  const { config } = loadConfig({ context: app.node.tryGetContext(CONFIG_CONTEXT_KEY) });
  const named = app.node.tryGetContext(EXTENSIONS_CONTEXT_KEY);
  const dir = extensionsDir(named);
  const extensions = loadExtensions(dir, {
    required: named !== undefined || EXTENSIONS_ENV_VAR in process.env,
  });
  buildPlatform(app, config, { extensions });
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof ExtensionError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
app.synth();
