/**
 * IPv4 CIDR arithmetic for the address plan: parse, test overlap, carve subnets.
 * Plain TypeScript (no cdktf) so configuration validation stays fast and testable on its own.
 */

export interface Cidr {
  /** The network address as an unsigned 32-bit integer. */
  readonly network: number;
  readonly prefix: number;
  /** The CIDR as written canonically, e.g. `10.0.0.0/22`. */
  readonly text: string;
}

/** Thrown for text that is not an IPv4 network in CIDR notation. */
export class CidrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CidrError';
  }
}

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Parse `a.b.c.d/n`. Host bits must be zero: `10.0.0.1/22` is rejected with the network it probably
 * meant, because Azure rejects it too and a silent correction would hide a typo in the address plan.
 */
export function parseCidr(text: string): Cidr {
  const match = /^([0-9.]+)\/([0-9]{1,2})$/.exec(text.trim());
  if (!match)
    throw new CidrError(
      `${JSON.stringify(text)} is not IPv4 CIDR notation (expected a.b.c.d/n, e.g. 10.0.0.0/22)`,
    );
  const octets = match[1].split('.');
  if (octets.length !== 4 || !octets.every((o) => OCTET.test(o) && Number(o) <= 255)) {
    throw new CidrError(
      `${JSON.stringify(text)} has an invalid IPv4 address (four numbers 0-255 separated by dots)`,
    );
  }
  const prefix = Number(match[2]);
  if (prefix > 32)
    throw new CidrError(`${JSON.stringify(text)} has prefix /${prefix}; an IPv4 prefix is 0-32`);
  const address = octets.reduce((acc, o) => acc * 256 + Number(o), 0);
  const network = address - (address % blockSize(prefix));
  if (network !== address) {
    throw new CidrError(
      `${JSON.stringify(text)} has host bits set; did you mean ${formatAddress(network)}/${prefix}?`,
    );
  }
  return { network, prefix, text: `${formatAddress(network)}/${prefix}` };
}

/** Number of addresses in a block with this prefix. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** True when the two networks share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const aEnd = a.network + blockSize(a.prefix);
  const bEnd = b.network + blockSize(b.prefix);
  return a.network < bEnd && b.network < aEnd;
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && cidrsOverlap(outer, inner);
}

/** The `index`-th subnet of `newPrefix` inside `parent` (like Terraform's `cidrsubnet`, by absolute prefix). */
export function subnetOf(parent: Cidr, newPrefix: number, index: number): Cidr {
  if (newPrefix < parent.prefix || newPrefix > 32) {
    throw new CidrError(`cannot carve a /${newPrefix} out of ${parent.text}`);
  }
  const count = 2 ** (newPrefix - parent.prefix);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new CidrError(
      `${parent.text} holds ${count} subnets of /${newPrefix}; index ${index} is out of range`,
    );
  }
  const network = parent.network + index * blockSize(newPrefix);
  return { network, prefix: newPrefix, text: `${formatAddress(network)}/${newPrefix}` };
}
