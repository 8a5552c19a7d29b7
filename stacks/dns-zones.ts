/**
 * The private DNS zones each hub creates, derived from what the estate puts behind private endpoints:
 * the platform's own (state account blobs, Key Vaults), the trusts' storage, and whatever the
 * extensions declare. Zone names a construct needs are listed in `constructs/network/private-dns-zones.ts`.
 */
import type { PlatformExtension } from './extensions';

export const BLOB_ZONE = 'privatelink.blob.core.windows.net';
export const VAULT_ZONE = 'privatelink.vaultcore.azure.net';

/** Zones every hub needs for the platform (state account, Key Vault) and the trusts' storage. */
export const ESTATE_DNS_ZONES: readonly string[] = [BLOB_ZONE, VAULT_ZONE];

/** The estate's zones first (stable order), then the extensions' zones in name order, each once. */
export function requiredDnsZones(extensions: readonly PlatformExtension[] = []): string[] {
  const extra = extensions
    .flatMap((e) => e.privateDnsZones ?? [])
    .filter((z) => !ESTATE_DNS_ZONES.includes(z));
  return [...ESTATE_DNS_ZONES, ...[...new Set(extra)].sort()];
}
