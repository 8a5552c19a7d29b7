/**
 * The stack-level approval of the hub egress public IP (Azure Firewall or the NAT gateway): a NET-004
 * suppression with a reason and a yearly expiry. Stacks add it, so constructs stay free of the policy engine.
 */
import { suppress } from '../policies/cdktf/suppress';
import {
  EGRESS_PUBLIC_IP_REASON,
  EGRESS_PUBLIC_IP_REVIEW_UNTIL,
  NorwayHubEgress,
} from '../constructs/network/hub-egress';
import type { BastionApproval } from './bastion-approval';

/** Suppress NET-004 on the egress public IP. @default - the project's reason, expiring 2027-11-24 */
export function approveEgressPublicIp(
  egress: NorwayHubEgress,
  approval: BastionApproval = { reason: EGRESS_PUBLIC_IP_REASON, expires: EGRESS_PUBLIC_IP_REVIEW_UNTIL },
): void {
  suppress(egress.publicIp, { ruleId: 'NET-004', reason: approval.reason, expires: approval.expires });
}
