import { NOT_IN_ESTATE } from '../../model/resolve';
import { defineRule } from '../rule';
import { locationProblem } from '../location';

const ENTRA_AUTH_KEYS = ['use_azuread_auth', 'use_oidc'] as const;

export const TFS_001 = defineRule({
  id: 'TFS-001',
  title: 'Terraform state lives in Norway, in an azurerm backend with Entra ID authentication',
  severity: 'error',
  rationale:
    'The state file holds every attribute of every resource, secrets included. It must stay in a Norway storage account reached with Entra ID, never in a SaaS backend or behind a shared key.',
  anchors: { mcsb: ['DS-3'], regulation: ['Normen: control of data processors'] },
  resourceTypes: ['terraform_remote_state'],
  // A plan never describes its backend; the check runs on the configuration that produced it.
  inputs: ['synth', 'hcl'],
  fix: "Use the azurerm backend with use_azuread_auth = true and a state account in Norway (NorwayStack does this); 'local' only on the stack marked bootstrap; read remote state only from azurerm backends.",
  *check(context) {
    const { model, workspace, resources, settings } = context;
    // Reading another configuration's state from a SaaS backend copies it out of Norway just the same.
    for (const resource of resources) {
      const type = context.read(resource, 'backend');
      if (type.kind === 'known' && type.value === 'azurerm') continue;
      const what =
        type.kind === 'known'
          ? `the "${String(type.value)}" backend`
          : 'a backend that cannot be verified before apply';
      yield {
        resource,
        message: `state is read from ${what}; state is read only from the azurerm backend in Norway.`,
      };
    }
    const backend = model.backend;
    if (!backend) return;
    const address = 'terraform.backend';
    if (backend.type === 'local') {
      if (!model.bootstrap) {
        yield {
          address,
          message: `State is kept in a local file; only the bootstrap stack may do that. Configure the azurerm backend.`,
        };
        return;
      }
      // The mark is the stack's own word: only the stack the settings name may use it, and only one.
      const named = settings?.bootstrapStack;
      if (named !== undefined && model.stack !== named) {
        yield {
          address,
          message: `Stack ${model.stack ?? model.origin} is marked bootstrap and keeps local state, but the one bootstrap stack is ${named}. Configure the azurerm backend.`,
        };
        return;
      }
      const marked = workspace.models.filter((m) => m.bootstrap && m.backend?.type === 'local');
      if (named === undefined && marked.length > 1) {
        yield {
          address,
          message: `${marked.length} stacks (${marked.map((m) => m.stack ?? m.origin).join(', ')}) keep local state as bootstrap; exactly one may (name it: policy setting bootstrapStack).`,
        };
      }
      return;
    }
    if (backend.type !== 'azurerm') {
      yield { address, message: `Backend "${backend.type}" stores state outside our Norway state account.` };
      return;
    }
    const config = backend.config;
    if (!ENTRA_AUTH_KEYS.some((key) => config[key] === true)) {
      yield {
        address,
        message: 'The azurerm backend does not authenticate with Entra ID (set use_azuread_auth = true).',
      };
    }
    for (const key of ['access_key', 'sas_token'] as const) {
      if (config[key] !== undefined)
        yield {
          address,
          message: `The azurerm backend has ${key} written into the configuration; use Entra ID instead.`,
        };
    }
    // The state account must be shown to be in Norway through the estate (the stack that creates it, or
    // its state); an account the estate does not hold could be anywhere.
    const accountName = config.storage_account_name;
    if (typeof accountName !== 'string') {
      yield {
        address,
        message:
          'The azurerm backend names no literal storage_account_name (a partial configuration given at init is not seen), so where state is kept cannot be verified; write the account in the backend block.',
      };
      return;
    }
    let found = false;
    for (const other of workspace.models) {
      for (const account of other.byType.get('azurerm_storage_account') ?? []) {
        const name = context.read(account, 'name');
        if (name.kind !== 'known' || String(name.value).toLowerCase() !== accountName.toLowerCase()) continue;
        found = true;
        const problem = locationProblem(context.locationOf(account), `the state account ${account.address}`);
        if (problem) yield { address, message: `${problem}.` };
      }
    }
    if (!found)
      yield {
        address,
        message: `The state account ${accountName} is ${NOT_IN_ESTATE} (the bootstrap stack that creates it), so its location cannot be verified.`,
      };
  },
});
