/**
 * The stack-level approval of Azure Bastion's public IP: the one NET-004 suppression of the platform,
 * with a reason and a yearly expiry. Stacks add it, so constructs stay free of the policy engine.
 */
import { suppress } from '../policies/cdktf/suppress';
import {
  BASTION_PUBLIC_IP_REASON,
  BASTION_PUBLIC_IP_REVIEW_UNTIL,
  NorwayBastion,
} from '../constructs/network/bastion';

export interface BastionApproval {
  readonly reason: string;
  /** Last day the approval holds, `YYYY-MM-DD`. */
  readonly expires: string;
}

/** Suppress NET-004 on the Bastion public IP. @default - the project's reason, expiring 2027-11-24 */
export function approveBastionPublicIp(
  bastion: NorwayBastion,
  approval: BastionApproval = { reason: BASTION_PUBLIC_IP_REASON, expires: BASTION_PUBLIC_IP_REVIEW_UNTIL },
): void {
  suppress(bastion.publicIp, { ruleId: 'NET-004', reason: approval.reason, expires: approval.expires });
}
