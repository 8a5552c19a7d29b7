/**
 * Azure ids as the estate sees them: an ARM resource id
 * (`/subscriptions/<s>/resourceGroups/<rg>/providers/<ns>/<type>/<name>[/<child type>/<child name>…]`)
 * or a Key Vault object URL (`https://<vault>.vault.azure.net/keys/<name>[/<version>]`). Parsing only;
 * which Terraform type stands behind an ARM type is a fact of the Azure catalogue.
 */

export interface ArmId {
  readonly subscription?: string;
  /** Lower-cased, as ARM compares them. */
  readonly resourceGroup?: string;
  /** `microsoft.storage/storageaccounts[/blobservices…]`, lower-cased; `microsoft.resources/resourcegroups` for a group. */
  readonly armType: string;
  /** The resource's name and its children's names, lower-cased: `['sa', 'default', 'c']`. */
  readonly names: readonly string[];
}

const SUBSCRIPTION = /^\/subscriptions\/([^/]+)(.*)$/i;
const GROUP = /^\/resourceGroups\/([^/]+)(.*)$/i;

/**
 * The resource an id names. For an extension resource (`<scope>/providers/Microsoft.Insights/
 * diagnosticSettings/x`) this is the innermost `/providers/` part, with the subscription and resource
 * group of the scope it hangs on; the rest of that scope is dropped. undefined when the text is not an
 * ARM id, or names a resource it cannot read (a name with a malformed percent escape, `bad%zz`): such an
 * id matches no resource of the estate, so what it points at stays unplaced.
 */
export function parseArmId(text: string): ArmId | undefined {
  const subscription = SUBSCRIPTION.exec(text);
  if (!subscription) return undefined;
  let rest = subscription[2];
  let resourceGroup: string | undefined;
  const group = GROUP.exec(rest);
  if (group) {
    resourceGroup = group[1].toLowerCase();
    rest = group[2];
  }
  if (rest === '' || rest === '/') {
    if (!resourceGroup)
      return {
        subscription: subscription[1].toLowerCase(),
        armType: 'microsoft.resources/subscriptions',
        names: [subscription[1].toLowerCase()],
      };
    return {
      subscription: subscription[1].toLowerCase(),
      resourceGroup,
      armType: 'microsoft.resources/resourcegroups',
      names: [resourceGroup],
    };
  }
  const at = rest.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return undefined;
  const parts = rest
    .slice(at + '/providers/'.length)
    .split('/')
    .filter((p) => p !== '');
  // namespace, type, name, then child type/name pairs.
  if (parts.length < 3 || parts.length % 2 === 0) return undefined;
  const [namespace, ...pairs] = parts;
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const name = decodedName(pairs[i + 1]);
    if (name === undefined) return undefined;
    types.push(pairs[i].toLowerCase());
    names.push(name.toLowerCase());
  }
  return {
    subscription: subscription[1].toLowerCase(),
    resourceGroup,
    armType: `${namespace.toLowerCase()}/${types.join('/')}`,
    names,
  };
}

/** A percent-encoded name decoded (`My%20App` → `My App`); undefined for a malformed escape (`%zz`, `%E0%A4`). */
function decodedName(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The id without its last child: the parent a child resource lives in; undefined at the top. */
export function parentArmId(id: ArmId): ArmId | undefined {
  if (id.names.length <= 1) return undefined;
  const types = id.armType.split('/');
  return { ...id, armType: types.slice(0, -1).join('/'), names: id.names.slice(0, -1) };
}

export interface VaultObjectUrl {
  /** Lower-cased vault name. */
  readonly vault: string;
  readonly kind: 'keys' | 'secrets' | 'certificates';
  /** Lower-cased object name. */
  readonly name: string;
}

/** Public and sovereign Key Vault and Managed HSM hosts: the object is in the vault the host names. */
const VAULT_URL =
  /^https:\/\/([a-z0-9-]+)\.(?:vault\.azure\.net|vault\.azure\.cn|vault\.usgovcloudapi\.net|managedhsm\.azure\.net)(?::443)?\/(keys|secrets|certificates)\/([^/?#]+)/i;

export function parseVaultObjectUrl(text: string): VaultObjectUrl | undefined {
  const match = VAULT_URL.exec(text);
  if (!match) return undefined;
  return {
    vault: match[1].toLowerCase(),
    kind: match[2].toLowerCase() as VaultObjectUrl['kind'],
    name: match[3].toLowerCase(),
  };
}
