import { NOT_IN_ESTATE } from '../../model/resolve';
import { defineRule, RuleContext, Violation } from '../rule';
import type { TfResource } from '../../model/types';
import { boolProblem, resourceKey } from '../attributes';
import { attributePath, azureType, typesWhere } from '../../azure/catalogue';
import { locationProblem } from '../location';
import { ownEntry } from '../../model/values';

/** Where each network-reachable data store names its customer-managed key, inline (from the catalogue). */
const INLINE_KEY: Readonly<Record<string, readonly (readonly (string | number)[])[]>> = Object.fromEntries(
  typesWhere((e) => e.store === true && e.keys !== undefined).map((type) => [
    type,
    azureType(type)!.keys!.map(attributePath),
  ]),
);

/** Separate resources that attach a key to a store: type → store id attribute and key attributes. */
const KEY_ATTACHMENTS: Readonly<Record<string, { store: string; keys: readonly string[] }>> =
  Object.fromEntries(
    typesWhere((e) => e.keyAttachment !== undefined).map((type) => {
      const { owner, keys } = azureType(type)!.keyAttachment!;
      return [type, { store: owner, keys }];
    }),
  );

/** Where keys live: vaults and managed HSMs, not the keys and secrets inside them. */
const KEY_HOLDERS = new Set(typesWhere((e) => e.role === 'key-store' && e.child !== true));

export const ENC_002 = defineRule({
  id: 'ENC-002',
  title: 'Data stores use customer-managed keys from a Norway key vault',
  severity: 'error',
  rationale:
    'With customer-managed keys the hospital, not the cloud operator, controls access to patient data at rest and can revoke it; the key itself must stay in Norway. Storage also needs infrastructure (double) encryption.',
  anchors: { mcsb: ['DP-5'], checkov: ['CKV2_AZURE_1'] },
  resourceTypes: [...Object.keys(INLINE_KEY), ...Object.keys(KEY_ATTACHMENTS)],
  fix: 'Give the store a customer_managed_key (or an azurerm_storage_account_customer_managed_key / azurerm_mssql_server_transparent_data_encryption) whose key is in a Key Vault in Norway defined in the configuration; set infrastructure_encryption_enabled = true on storage.',
  *check(context) {
    // One pass over the attachment resources: store → the attachments that point at it.
    const attachments = new Map<string, TfResource[]>();
    for (const resource of context.resources) {
      const spec = ownEntry(KEY_ATTACHMENTS, resource.type);
      if (!spec || resource.mode !== 'managed') continue;
      const store = context.target(resource, spec.store);
      if (store.kind !== 'resource') continue;
      const key = resourceKey(store.model, store.resource);
      attachments.set(key, [...(attachments.get(key) ?? []), resource]);
    }
    for (const resource of context.resources) {
      if (resource.mode !== 'managed' || !Object.hasOwn(INLINE_KEY, resource.type)) continue;
      yield* checkStore(context, resource, attachments.get(resourceKey(context.model, resource)) ?? []);
    }
  },
});

function* checkStore(
  context: RuleContext,
  resource: TfResource,
  attached: readonly TfResource[],
): Iterable<Violation> {
  if (resource.type === 'azurerm_storage_account') {
    const problem = boolProblem(context, resource, ['infrastructure_encryption_enabled'], {
      want: true,
      providerDefault: false,
    });
    if (problem) yield { resource, message: `${problem}.` };
  }
  const keys: { owner: TfResource; path: readonly (string | number)[] }[] = [];
  for (const path of ownEntry(INLINE_KEY, resource.type) ?? []) {
    if (context.isWritten(resource, path)) keys.push({ owner: resource, path });
  }
  for (const attachment of attached) {
    for (const name of ownEntry(KEY_ATTACHMENTS, attachment.type)?.keys ?? []) {
      if (!context.isWritten(attachment, name)) continue;
      // A list of keys (`key_vault_key_ids` of an Event Hubs namespace): every one must be in Norway.
      const list = context.read(attachment, name);
      if (list.kind === 'known' && Array.isArray(list.value)) {
        if (list.value.length === 0)
          yield { resource, message: `${name} of ${attachment.address} lists no key.` };
        list.value.forEach((_, i) => keys.push({ owner: attachment, path: [name, i] }));
      } else keys.push({ owner: attachment, path: [name] });
    }
  }
  if (keys.length === 0) {
    yield {
      resource,
      message: `encrypted with platform-managed keys only; no customer-managed key is configured.`,
    };
    return;
  }
  for (const { owner, path } of keys) {
    const problem = keyProblem(context, owner, path);
    if (problem) yield { resource, message: `${problem}.` };
  }
}

/** The key must resolve to a key in a Key Vault (or managed HSM) in Norway within the configuration. */
function keyProblem(
  context: RuleContext,
  owner: TfResource,
  path: readonly (string | number)[],
): string | undefined {
  const name = path
    .map((p, i) =>
      typeof p === 'number' ? (p === 0 && i < path.length - 1 ? '' : `[${p}]`) : `${i === 0 ? '' : '.'}${p}`,
    )
    .join('');
  const key = context.target(owner, path);
  if (key.kind === 'external') return `${name} ${key.value} points at a key that is ${NOT_IN_ESTATE}`;
  if (key.kind === 'unknown') return `${name} cannot be resolved: ${key.reason}`;
  // Written (the caller checked) yet resolving to nothing: a variable or local that is null.
  if (key.kind === 'absent') return `${name} resolves to null, so no customer-managed key is configured`;
  let vault = key;
  if (
    key.resource.type === 'azurerm_key_vault_key' ||
    key.resource.type === 'azurerm_key_vault_managed_hardware_security_module_key'
  ) {
    const parent = context.target(
      key.resource,
      key.resource.type === 'azurerm_key_vault_key' ? 'key_vault_id' : 'managed_hsm_id',
    );
    if (parent.kind !== 'resource')
      return `the key vault of ${key.resource.address} cannot be verified to be in the configuration`;
    vault = parent;
  }
  if (!KEY_HOLDERS.has(vault.resource.type))
    return `${name} points at ${vault.resource.address}, which is not a key in a Key Vault or managed HSM`;
  return locationProblem(context.locationOf(vault.resource), `the key vault ${vault.resource.address}`);
}
