/**
 * The platform configuration: what a user edits to describe their health region, its environments,
 * its hospital trusts and the address plan. Validated on load: first the shape (zod), then the
 * relations between fields (overlapping address spaces, duplicate names, DR region, zones).
 */
import { z } from 'zod';
import {
  InvalidRegionError,
  NorwayRegion,
  parseNorwayRegion,
  regionCapabilities,
} from '../../constructs/core/region';
import { CidrError, cidrsOverlap, parseCidr } from './cidr';

/** One thing wrong with a configuration, at a path such as `trusts[1].environments.prod.addressSpace`. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

/** Smallest and largest network a hub or spoke may have: each is split into four subnets of prefix + 2. */
export const MIN_NETWORK_PREFIX = 16;
export const MAX_NETWORK_PREFIX = 24;

const region = z.string().transform((value, ctx): NorwayRegion => {
  try {
    return parseNorwayRegion(value);
  } catch (error) {
    if (!(error instanceof InvalidRegionError)) throw error;
    ctx.issues.push({ code: 'custom', message: error.message, input: value });
    return z.NEVER;
  }
});

const network = z.string().transform((value, ctx): string => {
  try {
    const cidr = parseCidr(value);
    if (cidr.prefix < MIN_NETWORK_PREFIX || cidr.prefix > MAX_NETWORK_PREFIX) {
      ctx.issues.push({
        code: 'custom',
        message: `${value} is a /${cidr.prefix}; use a /${MIN_NETWORK_PREFIX} to /${MAX_NETWORK_PREFIX} (it is split into four subnets)`,
        input: value,
      });
      return z.NEVER;
    }
    return cidr.text;
  } catch (error) {
    if (!(error instanceof CidrError)) throw error;
    ctx.issues.push({ code: 'custom', message: error.message, input: value });
    return z.NEVER;
  }
});

/** A firewall entry: an IPv4 address or network (Azure storage firewalls take /30 and shorter prefixes, or a bare address). */
function ipRange(value: string, ctx: z.RefinementCtx<string>): string {
  const text = value.includes('/') ? value : `${value}/32`;
  try {
    const cidr = parseCidr(text);
    return cidr.prefix === 32 ? cidr.text.replace(/\/32$/, '') : cidr.text;
  } catch (error) {
    if (!(error instanceof CidrError)) throw error;
    ctx.issues.push({ code: 'custom', message: error.message, input: value });
    return z.NEVER;
  }
}

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a GUID');

const shortCode = (what: string, max: number) =>
  z
    .string()
    .regex(
      new RegExp(`^[a-z][a-z0-9]{1,${max - 1}}$`),
      `${what} is 2-${max} lower-case letters or digits, starting with a letter (it goes into storage account and Key Vault names)`,
    );

const site = z.strictObject({
  /** `norwayeast` or `norwaywest`. */
  region,
  /** The hub network of this environment in this region. */
  hubAddressSpace: network,
  /** Availability zones for zone-redundant services; Norway West has none. @default - none */
  zones: z.array(z.enum(['1', '2', '3'])).default([]),
  /**
   * Why this site is in Norway West (access-restricted): the approval reference, recorded in the
   * `dr-approval` tag (RES-007). @default - "disaster recovery for <environment>" on a DR site
   */
  approval: z.string().trim().min(1).optional(),
});

const environment = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-z][a-z0-9]{1,7}$/,
      'an environment name is 2-8 lower-case letters or digits, starting with a letter',
    ),
  primary: site,
  /** The disaster-recovery site: a second hub and platform in the other Norway region. @default - none */
  dr: site.optional(),
});

const workload = z.strictObject({
  /** The trust's spoke network in this environment, peered to the environment's primary hub. */
  addressSpace: network,
  /** Virtual machines in the trust's scale set. @default 1 */
  instances: z.number().int().min(0).max(100).default(1),
  /** @default 'Standard_D2s_v5' */
  vmSize: z
    .string()
    .regex(/^Standard_[A-Za-z0-9_]+$/, "expected an Azure VM size such as 'Standard_D2s_v5'")
    .default('Standard_D2s_v5'),
});

const trust = z.strictObject({
  /** Stable identifier: becomes the stack name `workload-<name>-<env>` and the Terraform state key. */
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,22}[a-z0-9]$/, 'a trust name is 2-24 lower-case letters, digits or hyphens'),
  /** Short code used where Azure limits name length (storage accounts). */
  code: shortCode('a trust code', 6),
  displayName: z.string().min(1).optional(),
  /** One entry per environment the trust runs in, keyed by environment name. */
  environments: z.record(z.string(), workload),
});

/**
 * A temporary, expiring opening in the firewalls of the data planes the first deployment needs (the
 * state account, the state Key Vault and each environment's Key Vault), before any hub runner exists.
 * Remove it afterwards and re-apply: from then on they are reachable only through private endpoints.
 */
const bootstrapAccessSchema = z.strictObject({
  /** Public egress addresses (in Norway) of the operator or runner doing the first deployment. */
  allowedIpRanges: z.array(z.string().transform(ipRange)).min(1),
  /** Why the opening is needed; at least 10 characters. Shown on every synth and in every policy report. */
  justification: z.string().trim().min(10, 'a justification has at least 10 characters'),
  /** Last day the opening may exist (YYYY-MM-DD); after it, synth fails until it is removed or renewed. */
  expires: z.iso.date('expected a date YYYY-MM-DD'),
});

export type BootstrapAccess = z.output<typeof bootstrapAccessSchema>;

const stateSchema = z.strictObject({
  /** The state account lives in Norway East; its geo copy goes to the pair, Norway West. @default 'norwayeast' */
  region: region.default('norwayeast'),
  resourceGroupName: z
    .string()
    .regex(/^[A-Za-z0-9._()-]{1,89}[A-Za-z0-9_()-]$/, 'not a valid resource group name'),
  storageAccountName: z
    .string()
    .regex(/^[a-z0-9]{3,24}$/, 'a storage account name is 3-24 lower-case letters or digits'),
  /** @default 'tfstate' */
  containerName: z
    .string()
    .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'not a valid blob container name')
    .default('tfstate'),
  /** @default - from the environment (ARM_SUBSCRIPTION_ID / Azure CLI) */
  subscriptionId: uuid.optional(),
  /** @default - from the environment (ARM_TENANT_ID / Azure CLI) */
  tenantId: uuid.optional(),
  /**
   * Authenticate backend and provider with OIDC (workload identity federation). Written into the stacks
   * only when set: `ARM_USE_OIDC` in the environment then decides, so CI and a workstation share one synth.
   * @default - not written; the environment (ARM_USE_OIDC, Azure CLI login) decides
   */
  useOidc: z.boolean().optional(),
  /**
   * Object ids of the identities (CI pipelines) that read and write state, besides the one running Terraform.
   * @default - none
   */
  blobDataContributors: z.array(uuid).default([]),
});

export const platformConfigSchema = z.strictObject({
  organisation: z.strictObject({
    name: z.string().min(1),
    /** Prefix of every resource name; keep it distinctive, storage account and Key Vault names are global. */
    code: shortCode('an organisation code', 5),
  }),
  state: stateSchema,
  /** @default - none: every data plane is reachable only through private endpoints */
  bootstrapAccess: bootstrapAccessSchema.optional(),
  /** @default - from the environment (ARM_SUBSCRIPTION_ID / Azure CLI) */
  subscriptionId: uuid.optional(),
  /** The Entra ID tenant Key Vaults trust. @default - the tenant Terraform runs as (azurerm_client_config) */
  tenantId: uuid.optional(),
  /** How the operations team reaches the trusts' virtual machines (SSH keys only; password login is off). */
  compute: z.strictObject({
    /** OpenSSH public keys of the operations team. Public keys only: never put a private key here. */
    sshPublicKeys: z
      .array(
        z
          .string()
          .trim()
          .regex(
            /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+( .*)?$/,
            'expected an OpenSSH public key (ssh-ed25519 AAAA… comment)',
          ),
      )
      .min(1),
    /** @default 'azureadmin' */
    adminUsername: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'a Linux user name: lower-case letters, digits, _ or -')
      .default('azureadmin'),
  }),
  /**
   * Object ids of the read-only plan identities (the pull-request workflow's). A refresh reads data
   * planes too, so each gets data-plane read where the platform can grant it: Storage Blob Data Reader
   * on the state account and the trusts' storage accounts, Key Vault Reader on every Key Vault. Their
   * `Reader` role on the subscription is granted outside the platform (docs/deploy.md). @default - none
   */
  planReaders: z.array(uuid).default([]),
  /**
   * How each hub reaches the internet: `firewall` (Azure Firewall, HTTPS to an FQDN allow-list, the
   * spokes and the hub subnets routed through it) or `natGateway` (the hub subnets only; trusts keep
   * no egress). @default - { mode: firewall }
   */
  egress: z
    .strictObject({
      mode: z.enum(['firewall', 'natGateway']).default('firewall'),
      /** Host names allowed on top of the built-in list (GitHub, npm, Terraform, Azure, Ubuntu). @default - none */
      allowedFqdns: z
        .array(
          z
            .string()
            .regex(
              /^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/,
              'expected a host name such as pypi.org or *.example.no',
            ),
        )
        .default([]),
    })
    .default({ mode: 'firewall', allowedFqdns: [] }),
  /** Extra tags on every resource. @default - none */
  tags: z.record(z.string(), z.string()).default({}),
  environments: z.array(environment).min(1),
  trusts: z.array(trust).min(1),
});

export type PlatformConfigInput = z.input<typeof platformConfigSchema>;
export type PlatformConfig = z.output<typeof platformConfigSchema>;
export type EnvironmentConfig = PlatformConfig['environments'][number];
export type SiteConfig = EnvironmentConfig['primary'];
export type TrustConfig = PlatformConfig['trusts'][number];
export type WorkloadConfig = TrustConfig['environments'][string];

/** `['trusts', 1, 'addressSpace']` → `trusts[1].addressSpace`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(top level)';
}

/**
 * The parts of a configuration whose own shape is valid, each at its original index (`undefined` where
 * an entry did not parse), so the relations between fields can be checked even when other fields are
 * broken: a user sees every problem in one run.
 */
export interface ConfigParts {
  readonly state?: PlatformConfig['state'];
  readonly bootstrapAccess?: BootstrapAccess;
  readonly environments: readonly (EnvironmentConfig | undefined)[];
  /** Each environment's sites, also where the environment as a whole did not parse. @default - from `environments` */
  readonly sites?: readonly (Partial<Record<SiteRole, SiteConfig>> | undefined)[];
  readonly trusts: readonly (TrustConfig | undefined)[];
}

type SiteRole = 'primary' | 'dr';

/** The valid parts of a document that failed to parse as a whole. */
export function validParts(document: unknown): ConfigParts {
  const doc = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  const each = <T>(list: unknown, schema: z.ZodType<T>): (T | undefined)[] =>
    Array.isArray(list) ? list.map((entry) => schema.safeParse(entry).data) : [];
  const sites = Array.isArray(doc.environments)
    ? doc.environments.map((entry: unknown) => {
        const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
        return { primary: site.safeParse(e.primary).data, dr: site.safeParse(e.dr).data };
      })
    : [];
  return {
    state: stateSchema.safeParse(doc.state).data,
    bootstrapAccess: bootstrapAccessSchema.safeParse(doc.bootstrapAccess).data,
    environments: each(doc.environments, environment),
    sites,
    trusts: each(doc.trusts, trust),
  };
}

/** Problems that involve more than one field, over the parts that are valid on their own. */
export function crossFieldProblems(
  config: ConfigParts,
  today: string = new Date().toISOString().slice(0, 10),
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: readonly PropertyKey[], message: string) =>
    problems.push({ path: formatPath(path), message });
  const environments = config.environments.flatMap((e, i) => (e ? [[i, e] as const] : []));
  const trusts = config.trusts.flatMap((t, i) => (t ? [[i, t] as const] : []));

  const access = config.bootstrapAccess;
  if (access && access.expires < today) {
    add(
      ['bootstrapAccess', 'expires'],
      `${access.expires} has passed; remove bootstrapAccess (and re-apply bootstrap and the platform stacks) or renew it with a new justification`,
    );
  } else if (access && access.expires > oneYearAfter(today)) {
    add(
      ['bootstrapAccess', 'expires'],
      `${access.expires} is more than a year ahead; a firewall opening is temporary (at most ${oneYearAfter(today)})`,
    );
  }

  if (config.state && config.state.region !== 'norwayeast') {
    add(
      ['state', 'region'],
      `the state account belongs in norwayeast (zone-redundant, its geo copy in norwaywest); got ${config.state.region}`,
    );
  }

  duplicates(
    environments.map(([i, e]) => [i, e.name]),
    (index, first, name) =>
      add(
        ['environments', index, 'name'],
        `duplicate environment name "${name}" (also environments[${first}].name)`,
      ),
  );
  duplicates(
    trusts.map(([i, t]) => [i, t.name]),
    (index, first, name) =>
      add(['trusts', index, 'name'], `duplicate trust name "${name}" (also trusts[${first}].name)`),
  );
  duplicates(
    trusts.map(([i, t]) => [i, t.code]),
    (index, first, code) =>
      add(
        ['trusts', index, 'code'],
        `duplicate trust code "${code}" (also trusts[${first}].code); codes go into resource names`,
      ),
  );

  const sites = config.sites ?? config.environments.map((e) => e && { primary: e.primary, dr: e.dr });
  sites.forEach((env, i) => {
    if (!env) return;
    if (env.primary && env.dr && env.dr.region === env.primary.region) {
      add(
        ['environments', i, 'dr', 'region'],
        `the DR site must be in the other Norway region than the primary (${env.primary.region}); use ${regionCapabilities(env.primary.region).pair}`,
      );
    }
    for (const [role, s] of [
      ['primary', env.primary],
      ['dr', env.dr],
    ] as const) {
      if (!s || s.zones.length === 0) continue;
      const caps = regionCapabilities(s.region);
      if (caps.zones.length === 0) {
        add(
          ['environments', i, role, 'zones'],
          `${s.region} (${caps.displayName}) has no availability zones; remove zones`,
        );
      }
    }
  });

  // Only judged when every environment parsed: a broken entry may be the one the trust means.
  const environmentNames = new Set(environments.map(([, e]) => e.name));
  const allEnvironmentsValid = environments.length === config.environments.length;
  trusts.forEach(([i, t]) => {
    for (const name of Object.keys(t.environments)) {
      if (allEnvironmentsValid && !environmentNames.has(name)) {
        add(
          ['trusts', i, 'environments', name],
          `no environment named "${name}"; defined: ${[...environmentNames].join(', ')}`,
        );
      }
    }
  });

  // Every network of the plan must be disjoint: hubs and spokes are peered and routed together.
  const networks: { path: string; cidr: ReturnType<typeof parseCidr> }[] = [];
  const claim = (path: readonly PropertyKey[], text: string) => {
    const cidr = parseCidr(text);
    const clash = networks.find((n) => cidrsOverlap(n.cidr, cidr));
    if (clash) add(path, `${cidr.text} overlaps ${clash.cidr.text} at ${clash.path}`);
    networks.push({ path: formatPath(path), cidr });
  };
  sites.forEach((env, i) => {
    if (env?.primary) claim(['environments', i, 'primary', 'hubAddressSpace'], env.primary.hubAddressSpace);
    if (env?.dr) claim(['environments', i, 'dr', 'hubAddressSpace'], env.dr.hubAddressSpace);
  });
  trusts.forEach(([i, t]) => {
    for (const [name, w] of Object.entries(t.environments))
      claim(['trusts', i, 'environments', name, 'addressSpace'], w.addressSpace);
  });
  return problems;
}

function oneYearAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

function duplicates(
  values: readonly (readonly [number, string])[],
  report: (index: number, firstIndex: number, value: string) => void,
): void {
  const seen = new Map<string, number>();
  for (const [index, value] of values) {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else report(index, first, value);
  }
}
