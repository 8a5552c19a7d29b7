/**
 * The stack-level approval of an Application Gateway's public frontend IP: a NET-004 suppression with
 * a reason and a yearly expiry. Stacks add it, so constructs stay free of the policy engine.
 */
import { suppress } from '../policies/cdktf/suppress';
import {
  GATEWAY_PUBLIC_IP_REASON,
  GATEWAY_PUBLIC_IP_REVIEW_UNTIL,
  NorwayApplicationGateway,
} from '../constructs/network/application-gateway';
import type { BastionApproval } from './bastion-approval';

/** Suppress NET-004 on the gateway's public IP. @default - the project's reason, expiring 2027-11-24 */
export function approveGatewayPublicIp(
  gateway: NorwayApplicationGateway,
  approval: BastionApproval = { reason: GATEWAY_PUBLIC_IP_REASON, expires: GATEWAY_PUBLIC_IP_REVIEW_UNTIL },
): void {
  suppress(gateway.publicIp, { ruleId: 'NET-004', reason: approval.reason, expires: approval.expires });
}
