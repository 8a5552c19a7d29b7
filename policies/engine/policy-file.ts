/**
 * Policy files for plans and other inputs without constructs: suppressions by address glob, in YAML or JSON.
 *
 *   suppressions:
 *     - ruleId: NET-004
 *       address: module.hub.azurerm_public_ip.bastion
 *       reason: Bastion is the one sanctioned public entry
 *       expires: 2027-06-30
 *
 * Wrong types make the file unusable (exit 2); a short reason, an unknown rule or a past expiry are
 * TFS-003 findings, so they show up in the report next to what they tried to hide.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { readText } from '../model/read-json';
import { DeclaredSuppression, InputError } from '../model/types';

const entrySchema = z
  .object({
    ruleId: z.string(),
    address: z.string().min(1),
    reason: z.string(),
    expires: z.union([z.string(), z.date()]).optional(),
  })
  .strict();

const policyFileSchema = z
  .object({
    version: z.literal(1).optional(),
    suppressions: z.array(entrySchema),
  })
  .strict();

export function loadPolicyFile(file: string): DeclaredSuppression[] {
  const text = readText(file);
  let document: unknown;
  try {
    document = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    throw new InputError(file, `cannot parse the policy file: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = policyFileSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue.path.length > 0
        ? issue.path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .replace(/^\./, '')
        : 'top level';
    throw new InputError(
      file,
      `${where}: ${issue.message}; expected { suppressions: [{ ruleId, address, reason, expires: YYYY-MM-DD }] }`,
    );
  }
  return parsed.data.suppressions.map((entry, index) => ({
    spec: {
      ruleId: entry.ruleId,
      address: entry.address,
      reason: entry.reason,
      // A YAML 1.1 document (`%YAML 1.1`) reads an unquoted 2027-06-30 as a date; keep the calendar day it names.
      expires: entry.expires instanceof Date ? entry.expires.toISOString().slice(0, 10) : entry.expires,
    },
    origin: { kind: 'file', where: file, index },
  }));
}
