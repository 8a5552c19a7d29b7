/**
 * The base of every stack: the azurerm provider, Terraform state in Norway (or a local file for the
 * one bootstrap stack), default tags, and the synth-time policy guard.
 */
import { AzurermBackend, Aspects, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { NorwayRegion, regionCapabilities } from '../constructs/core/region';
import { applyDefaultTags, Tags } from '../constructs/core/tags';
import { markBootstrapStack, PolicyGuard, type PolicyOptions } from '../policies/cdktf/guard';
import { recordCreationSites, writeCreationSites } from '../policies/cdktf/source-sites';

/** Where remote state lives: a storage account in Norway reached with Entra ID. */
export interface StateBackendConfig {
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  /** @default - the provider's subscription from the environment */
  readonly subscriptionId?: string;
  /** @default - the tenant from the environment */
  readonly tenantId?: string;
  /**
   * Authenticate with OIDC (CI with workload identity federation). Left out of the JSON when undefined,
   * because a written `false` overrides `ARM_USE_OIDC=true` in CI. @default - not written
   */
  readonly useOidc?: boolean;
}

export interface NorwayStackProps {
  /** The stack's primary region. */
  readonly region: NorwayRegion;
  /**
   * Norway West is access-restricted and meant for disaster recovery; a stack there must opt in.
   * @default false
   */
  readonly norwayWestApproved?: boolean;
  /** Remote state. Required unless `bootstrap` is true. */
  readonly state?: StateBackendConfig;
  /**
   * The one stack that creates the state account itself and so keeps its own state in a local file.
   * @default false
   */
  readonly bootstrap?: boolean;
  /** Tags on every taggable resource, under each resource's own. @default - managed-by and data-residency tags */
  readonly tags?: Tags;
  /** @default - from the environment (ARM_SUBSCRIPTION_ID / Azure CLI login) */
  readonly subscriptionId?: string;
  /** Options for the synth-time policy guard (e.g. a fixed date for suppression expiry in tests). */
  readonly policy?: PolicyOptions;
}

/** The bootstrap stack's local state file is `terraform.<id>.tfstate` in the project root. */
export const BOOTSTRAP_STATE_FILE_PREFIX = 'terraform.';

export const DEFAULT_TAGS: Tags = { 'managed-by': 'norway-iac', 'data-residency': 'norway' };

export class NorwayStack extends TerraformStack {
  readonly region: NorwayRegion;
  readonly stackName: string;
  readonly tags: Tags;

  constructor(scope: Construct, id: string, props: NorwayStackProps) {
    super(scope, id);
    // Findings point at the TypeScript line that created each top-level construct.
    recordCreationSites(this);
    const problems: string[] = [];
    if (regionCapabilities(props.region).accessRestricted && !props.norwayWestApproved) {
      problems.push(
        `region ${props.region} is access-restricted; set norwayWestApproved: true once the subscription has access`,
      );
    }
    if (props.bootstrap && props.state)
      problems.push('a bootstrap stack keeps local state; do not also pass state');
    if (!props.bootstrap && !props.state)
      problems.push('pass state (the Norway state account) or mark the stack bootstrap');
    if (problems.length > 0) throw new Error(`NorwayStack ${id}: ${problems.join('; ')}.`);

    this.region = props.region;
    this.stackName = id;
    this.tags = { ...DEFAULT_TAGS, stack: id, ...props.tags };

    new AzurermProvider(this, 'azurerm', {
      features: [{}],
      subscriptionId: props.subscriptionId,
      storageUseAzuread: true,
      useOidc: props.state?.useOidc,
    });

    if (props.state) {
      new AzurermBackend(this, {
        resourceGroupName: props.state.resourceGroupName,
        storageAccountName: props.state.storageAccountName,
        containerName: props.state.containerName,
        key: `${id}.tfstate`,
        useAzureadAuth: true,
        useOidc: props.state.useOidc,
        subscriptionId: props.state.subscriptionId,
        tenantId: props.state.tenantId,
      });
    } else {
      // Relative to the stack's working directory (cdktf.out/stacks/<id>): the file sits in the project
      // root, outside cdktf.out (which synth rewrites), and the synthesized JSON is the same on every machine.
      new LocalBackend(this, { path: `../../../${BOOTSTRAP_STATE_FILE_PREFIX}${id}.tfstate` });
      markBootstrapStack(this);
    }

    // Tags first, then the guard: both act on the stack node, in this order, after all constructs exist.
    Aspects.of(this).add({
      visit: (node) => {
        if (node !== this) return;
        applyDefaultTags(this, this.tags);
        writeCreationSites(this);
      },
    });
    Aspects.of(this).add(new PolicyGuard(props.policy));
  }
}
