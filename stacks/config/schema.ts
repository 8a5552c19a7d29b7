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
import { CidrError, cidrContains, cidrsOverlap, parseCidr } from './cidr';

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

/** The Entra ID group (or user) that administers an application's database. */
const entraAdministrator = z.strictObject({
  objectId: uuid,
  principalName: z.string().min(1),
  /** @default 'Group' */
  principalType: z.enum(['User', 'Group', 'ServicePrincipal']).default('Group'),
});

/** A PostgreSQL Flexible Server for one application (Entra-only, private, CMK, HA, geo backup to the pair). */
const postgresqlApp = z.strictObject({
  kind: z.literal('postgresql'),
  entraAdministrator,
  /** @default '16' */
  version: z.enum(['13', '14', '15', '16']).default('16'),
  /** @default 'GP_Standard_D2ds_v5' */
  skuName: z
    .string()
    .regex(
      /^(GP|MO)_Standard_[A-Za-z0-9_]+$/,
      "expected a General Purpose or Memory Optimized SKU such as 'GP_Standard_D2ds_v5'",
    )
    .default('GP_Standard_D2ds_v5'),
});

/** An Azure SQL server with its databases (Entra-only, private, TDE with CMK, auditing). */
const sqlApp = z.strictObject({
  kind: z.literal('sql'),
  entraAdministrator,
  /** Database names on the server. */
  databases: z
    .array(
      z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'a database name is lower-case letters, digits or hyphens'),
    )
    .min(1),
});

/** What a trust runs, by application kind. */
/** A Windows VM for a clinical system; its admin password comes from a sensitive Terraform variable. */
const windowsVmApp = z.strictObject({
  kind: z.literal('windowsvm'),
  /** @default 'Standard_D2s_v5' */
  size: z
    .string()
    .regex(/^Standard_[A-Za-z0-9_]+$/, "expected an Azure VM size such as 'Standard_D2s_v5'")
    .default('Standard_D2s_v5'),
});

/** Azure Files premium shares (e.g. a PACS archive), Entra ID Kerberos only. */
const filesApp = z.strictObject({
  kind: z.literal('files'),
  /** Share name → provisioned GiB (100-102400). */
  shares: z.record(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
        'a share name is 3-63 lower-case letters, digits or hyphens',
      ),
    z.number().int().min(100).max(102400),
  ),
});

/** Azure Health Data Services: a FHIR R4 service and, optionally, a DICOM service. */
const healthDataApp = z.strictObject({
  kind: z.literal('healthdata'),
  /** @default true */
  fhir: z.boolean().default(true),
  /** @default false */
  dicom: z.boolean().default(false),
});

/** A Data Protection backup vault with PostgreSQL, blob and disk policies (geo-redundant to the pair). */
const backupVaultApp = z.strictObject({
  kind: z.literal('backupvault'),
});

/** A Service Bus Premium namespace for HL7/FHIR messages (Entra-only, private, CMK). */
const messagingApp = z.strictObject({
  kind: z.literal('messaging'),
  /** Messaging units. @default 1 */
  capacity: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8), z.literal(16)]).default(1),
});

/** A Container Registry Premium for the trust's images (no admin user, private, CMK, replica only in Norway). */
const registryApp = z.strictObject({
  kind: z.literal('registry'),
  /** Keep a geo-replica in the DR site's region (the pair); needs a DR site. @default false */
  georeplicate: z.boolean().default(false),
});

const EVENT_HUB_NAME = /^[a-z][a-z0-9-]{0,49}$/;

/** An Event Hubs Premium namespace with its event hubs (Entra-only, private, CMK). */
const eventHubsApp = z.strictObject({
  kind: z.literal('eventhubs'),
  /** Processing units. @default 1 */
  capacity: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8), z.literal(16)]).default(1),
  /** Event hub name → partitions (1-100). @default - none */
  hubs: z
    .record(z.string(), z.number().int().min(1).max(100))
    .superRefine((record, ctx) => {
      // Checked here rather than by z.record's key schema, whose message does not say what is wrong.
      for (const key of Object.keys(record))
        if (!EVENT_HUB_NAME.test(key))
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message:
              'an event hub name is 1-50 lower-case letters, digits or hyphens, starting with a letter',
          });
    })
    .default({}),
});

/** A Linux Web App with its plan: private endpoint, VNet integration with all egress through the hub. */
const webApp = z.strictObject({
  kind: z.literal('webapp'),
  /** @default 'P1v3' (Premium v3: zone-redundant where the region has zones) */
  skuName: z
    .string()
    .regex(/^P\d+m?v3$/, "expected a Premium v3 SKU such as 'P1v3'")
    .default('P1v3'),
  /** A container image to run (pulled with the app's identity). @default - none */
  image: z.string().min(1).optional(),
  /** @default - none */
  healthCheckPath: z.string().startsWith('/').optional(),
});

/** A Container App on the trust's internal Container Apps environment (one environment per app). */
const containerApp = z.strictObject({
  kind: z.literal('containerapp'),
  /** The image to run. */
  image: z.string().min(1),
  /** @default 8080 */
  targetPort: z.number().int().min(1).max(65535).default(8080),
  /** vCPU; memory is twice this in GiB. @default 0.5 */
  cpu: z.number().min(0.25).max(4).multipleOf(0.25).default(0.5),
  /** @default 1 */
  minReplicas: z.number().int().min(0).max(300).default(1),
  /** @default 3 */
  maxReplicas: z.number().int().min(1).max(300).default(3),
});

/** A private AKS cluster in the spoke's workload subnet (Entra ID RBAC only, egress via the hub firewall). */
const aksApp = z.strictObject({
  kind: z.literal('aks'),
  /** Entra ID groups that administer the cluster. */
  adminGroupObjectIds: z.array(uuid).min(1),
  /** @default 'Standard_D4ds_v5' */
  vmSize: z
    .string()
    .regex(/^Standard_[A-Za-z0-9_]+$/, "expected an Azure VM size such as 'Standard_D4ds_v5'")
    .default('Standard_D4ds_v5'),
  /** The workload node pool's autoscaling bounds. @default 1-5 */
  minNodes: z.number().int().min(1).max(100).default(1),
  maxNodes: z.number().int().min(1).max(1000).default(5),
});

/** An Application Gateway WAF_v2: the one way in for the trust's web applications. */
const gatewayApp = z.strictObject({
  kind: z.literal('gateway'),
  /** Sites by a stable key: public host name, certificate (a secret in the environment's Key Vault), backends. */
  sites: z
    .record(
      z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'a site key is lower-case letters, digits or hyphens'),
      z
        .strictObject({
          hostName: z
            .string()
            .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'expected a host name'),
          /** The certificate's secret name in the environment's Key Vault. */
          certificateName: z.string().regex(/^[a-zA-Z0-9-]{1,127}$/, 'a Key Vault secret name'),
          /** Private backend addresses (e.g. the AKS internal load balancer). @default - none */
          backendIpAddresses: z.array(z.string().transform(ipRange)).optional(),
          /** Backend names that resolve privately (e.g. the AKS ingress). @default - none */
          backendFqdns: z
            .array(
              z
                .string()
                .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'expected a host name'),
            )
            .optional(),
        })
        .refine(
          (site) => (site.backendIpAddresses?.length ?? 0) + (site.backendFqdns?.length ?? 0) > 0,
          'a site needs backendIpAddresses or backendFqdns',
        ),
    )
    .refine((sites) => Object.keys(sites).length > 0, 'name at least one site'),
});

const app = z.discriminatedUnion('kind', [
  aksApp,
  gatewayApp,
  postgresqlApp,
  sqlApp,
  windowsVmApp,
  filesApp,
  healthDataApp,
  backupVaultApp,
  messagingApp,
  registryApp,
  eventHubsApp,
  webApp,
  containerApp,
]);

/** An application name: part of resource names and Terraform addresses, so stable and short. */
const APP_NAME = /^[a-z][a-z0-9]{1,11}$/;

// Keys are checked here rather than by z.record's key schema, whose message does not name the key.
const apps = z.record(z.string(), app).superRefine((record, ctx) => {
  for (const [key, value] of Object.entries(record))
    if (value.kind === 'aks' && value.minNodes > value.maxNodes)
      ctx.addIssue({
        code: 'custom',
        path: [key, 'minNodes'],
        message: `minNodes ${value.minNodes} is above maxNodes ${value.maxNodes}`,
      });
  for (const key of Object.keys(record))
    if (!APP_NAME.test(key))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'an application name is 2-12 lower-case letters or digits, starting with a letter',
      });
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
  /** The applications the trust runs, keyed by a stable name; built in every environment. @default - none */
  apps: apps.default({}),
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

/** Privileged Azure roles an administrator group may be made *eligible* for (PIM), never assigned standing. */
export const ELIGIBLE_ROLES = [
  'Owner',
  'Contributor',
  'User Access Administrator',
  'Role Based Access Control Administrator',
  'Key Vault Administrator',
  'Storage Blob Data Owner',
] as const;

/** Longest a PIM eligibility may last before it must be renewed (Entra's own maximum is one year). */
export const MAX_ELIGIBILITY_DAYS = 365;

const adminGroupSchema = z.strictObject({
  /** Stable key: becomes part of Terraform addresses and of the created group's name. */
  name: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/,
      'an admin group name is 2-32 lower-case letters, digits or hyphens',
    ),
  /** What the group administers: `platform` (every environment's platform) or a trust's `name`. */
  scope: z.string().min(1),
  /** An existing Entra ID group in the home tenant. @default - the identity stack creates the group */
  objectId: uuid.optional(),
  /** The role members may activate just-in-time through PIM. */
  role: z.enum(ELIGIBLE_ROLES),
  /** How long the eligibility lasts before it must be renewed. @default 180 */
  eligibleDays: z.number().int().min(1).max(MAX_ELIGIBILITY_DAYS).default(180),
  /** Why the group needs the role; recorded on the eligibility request. */
  justification: z.string().trim().min(10, 'a justification has at least 10 characters'),
});

const breakGlassSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** The emergency account's object id in the home tenant. */
  objectId: uuid,
  /** Why this account may sign in from anywhere; at least 10 characters. */
  justification: z.string().trim().min(10, 'a justification has at least 10 characters'),
});

/**
 * Who may administer the platform, and from where: nobody abroad gets a way in. Only the home tenant's
 * identities, privileged roles only through PIM eligibility, sign-ins only from Norway, public sources
 * only from the hospital's approved ranges.
 */
const accessSchema = z.strictObject(
  {
    /** The Entra ID tenant every Key Vault, database admin and authority must trust. */
    homeTenantId: uuid,
    /** The hospital's own public network ranges in Norway: the only public sources admitted anywhere. */
    approvedRanges: z.array(z.string().transform(ipRange)).min(1),
    /** Administrator groups per platform or trust, each eligible (never standing) for one privileged role. */
    adminGroups: z.array(adminGroupSchema).min(1),
    /** Emergency accounts excluded from the location block (and alerted on). @default - none */
    breakGlass: z.array(breakGlassSchema).default([]),
    /**
     * CI's deploying identity, held to the runners' egress addresses by a Conditional Access policy
     * for workload identities (needs Workload Identities Premium). @default - none (see docs/access.md)
     */
    workloadIdentity: z
      .strictObject({
        servicePrincipalObjectId: uuid,
        runnerEgressRanges: z.array(z.string().transform(ipRange)).min(1),
      })
      .optional(),
  },
  {
    error: (issue) =>
      issue.input === undefined
        ? 'missing: name the home tenant, the approved public ranges and the admin groups (see config/default.yaml)'
        : undefined,
  },
);

export type AccessConfig = z.output<typeof accessSchema>;
export type AdminGroupConfig = AccessConfig['adminGroups'][number];

export const platformConfigSchema = z.strictObject({
  organisation: z.strictObject({
    name: z.string().min(1),
    /** Prefix of every resource name; keep it distinctive, storage account and Key Vault names are global. */
    code: shortCode('an organisation code', 5),
  }),
  state: stateSchema,
  /** @default - none: every data plane is reachable only through private endpoints */
  bootstrapAccess: bootstrapAccessSchema.optional(),
  access: accessSchema,
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
export type AppConfig = TrustConfig['apps'][string];

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
  readonly access?: AccessConfig;
  readonly tenantId?: string;
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
    access: accessSchema.safeParse(doc.access).data,
    tenantId: uuid.safeParse(doc.tenantId).data,
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

  problems.push(
    ...accessProblems(
      config,
      trusts.map(([, t]) => t.name),
      trusts.length === config.trusts.length,
    ),
  );

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

/** Allow-lists inside the approved ranges; tenants and scopes that exist; one principal, one group name. */
function accessProblems(
  config: ConfigParts,
  trustNames: readonly string[],
  allTrustsValid: boolean,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: readonly PropertyKey[], message: string) =>
    problems.push({ path: formatPath(path), message });
  const access = config.access;
  if (!access) return problems;
  const approved = access.approvedRanges.map((text) => parseCidr(asCidr(text)));
  access.approvedRanges.forEach((text, i) => {
    const cidr = parseCidr(asCidr(text));
    if (cidr.prefix < MIN_APPROVED_PREFIX)
      add(
        ['access', 'approvedRanges', i],
        `${text} is a /${cidr.prefix}; an approved range is the hospital's own egress, a /${MIN_APPROVED_PREFIX} or narrower`,
      );
    else if (isPrivate(cidr))
      add(
        ['access', 'approvedRanges', i],
        `${text} is a private range; list the hospital's public egress ranges (private networks need no allow-list entry)`,
      );
  });
  config.bootstrapAccess?.allowedIpRanges.forEach((text, i) => {
    const cidr = parseCidr(asCidr(text));
    if (!approved.some((a) => cidrContains(a, cidr)))
      add(
        ['bootstrapAccess', 'allowedIpRanges', i],
        `${text} is outside the approved ranges (${access.approvedRanges.join(', ')}); an opening admits only the hospital's own addresses`,
      );
  });
  access.workloadIdentity?.runnerEgressRanges.forEach((text, i) => {
    const cidr = parseCidr(asCidr(text));
    if (!approved.some((a) => cidrContains(a, cidr)))
      add(
        ['access', 'workloadIdentity', 'runnerEgressRanges', i],
        `${text} is outside the approved ranges (${access.approvedRanges.join(', ')}); runners deploy from the hospital's own addresses`,
      );
  });
  if (config.tenantId && config.tenantId.toLowerCase() !== access.homeTenantId.toLowerCase())
    add(
      ['tenantId'],
      `${config.tenantId} is not the home tenant ${access.homeTenantId}; Key Vaults trust only the home tenant`,
    );
  if (config.state?.tenantId && config.state.tenantId.toLowerCase() !== access.homeTenantId.toLowerCase())
    add(['state', 'tenantId'], `${config.state.tenantId} is not the home tenant ${access.homeTenantId}`);
  const scopes = new Set(['platform', ...trustNames]);
  access.adminGroups.forEach((group, i) => {
    if (allTrustsValid && !scopes.has(group.scope))
      add(
        ['access', 'adminGroups', i, 'scope'],
        `no platform or trust named "${group.scope}"; use one of: ${[...scopes].join(', ')}`,
      );
  });
  duplicates(
    access.adminGroups.map((g, i) => [i, g.name]),
    (index, first, name) =>
      add(
        ['access', 'adminGroups', index, 'name'],
        `duplicate admin group name "${name}" (also access.adminGroups[${first}].name)`,
      ),
  );
  duplicates(
    access.breakGlass.map((b, i) => [i, b.objectId.toLowerCase()]),
    (index, first, id) =>
      add(
        ['access', 'breakGlass', index, 'objectId'],
        `duplicate break-glass account ${id} (also access.breakGlass[${first}].objectId)`,
      ),
  );
  return problems;
}

/** Wider than this is not one organisation's egress (and /1 halves of the internet are not ranges). */
const MIN_APPROVED_PREFIX = 16;

const asCidr = (text: string) => (text.includes('/') ? text : `${text}/32`);

/** RFC 1918, loopback, link-local and CGNAT space: not a public source. */
function isPrivate(cidr: ReturnType<typeof parseCidr>): boolean {
  return [
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '127.0.0.0/8',
    '169.254.0.0/16',
    '100.64.0.0/10',
    '0.0.0.0/8',
  ]
    .map(parseCidr)
    .some((range) => cidrsOverlap(range, cidr));
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
