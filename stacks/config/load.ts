/**
 * Where the configuration comes from and how it is read. In order: the file named by the environment
 * variable NORWAY_IAC_CONFIG, the file named by the cdktf context key `norwayIacConfig` (the `context`
 * object in cdktf.json), else the embedded default `config/default.yaml`. Relative paths are resolved
 * against the working directory. YAML or JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  ConfigProblem,
  crossFieldProblems,
  formatPath,
  PlatformConfig,
  platformConfigSchema,
  validParts,
} from './schema';

export const CONFIG_ENV_VAR = 'NORWAY_IAC_CONFIG';
export const CONFIG_CONTEXT_KEY = 'norwayIacConfig';

/** The embedded default, found from the source tree (`stacks/config/`) or the build output (`dist/stacks/config/`). */
export function defaultConfigFile(): string {
  const candidates = [
    path.resolve(__dirname, '../../config/default.yaml'),
    path.resolve(__dirname, '../../../config/default.yaml'),
  ];
  return candidates.find((file) => existsSync(file)) ?? candidates[0];
}

/** A configuration that cannot be used; the message lists one line per problem, each naming its path. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      `Configuration ${source} has ${count}:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Validate an already-parsed document. `source` names it in messages; `today` judges expiry dates. */
export function parseConfig(document: unknown, source: string, today?: string): PlatformConfig {
  const result = platformConfigSchema.safeParse(document);
  if (!result.success) {
    // Report the broken fields and, for the parts that are valid, their relations too: every problem in one run.
    const shape = result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
    throw new ConfigError(source, [...shape, ...crossFieldProblems(validParts(document), today)]);
  }
  const problems = crossFieldProblems(result.data, today);
  if (problems.length > 0) throw new ConfigError(source, problems);
  return result.data;
}

/** Read and validate a YAML or JSON file. */
export function readConfigFile(file: string): PlatformConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [{ path: '(file)', message: `cannot be read: ${(error as Error).message}` }]);
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ConfigError(file, [
      { path: '(file)', message: `is not valid YAML or JSON: ${(error as Error).message}` },
    ]);
  }
  return parseConfig(document, file);
}

export interface ConfigSource {
  readonly file: string;
  readonly origin: 'environment' | 'context' | 'default';
}

export interface LocateOptions {
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The value of the cdktf context key, e.g. `app.node.tryGetContext(CONFIG_CONTEXT_KEY)`. */
  readonly context?: unknown;
  /** @default process.cwd() */
  readonly cwd?: string;
}

export function locateConfig(options: LocateOptions = {}): ConfigSource {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const fromEnv = env[CONFIG_ENV_VAR]?.trim();
  if (fromEnv) return { file: path.resolve(cwd, fromEnv), origin: 'environment' };
  if (typeof options.context === 'string' && options.context.trim()) {
    return { file: path.resolve(cwd, options.context.trim()), origin: 'context' };
  }
  return { file: defaultConfigFile(), origin: 'default' };
}

export function loadConfig(options: LocateOptions = {}): { config: PlatformConfig; source: ConfigSource } {
  const source = locateConfig(options);
  return { config: readConfigFile(source.file), source };
}
