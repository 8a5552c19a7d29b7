/** The rule catalogue, in catalogue order. Ids are stable and never reused. */
import type { Rule } from './rule';
import { RES_001 } from './residency/res-001-norway-location';
import { RES_002 } from './residency/res-002-global-types';
import { RES_003 } from './residency/res-003-allowed-providers';
import { RES_004 } from './residency/res-004-replication-targets';
import { RES_005 } from './residency/res-005-log-destinations';
import { RES_006 } from './residency/res-006-region-capabilities';
import { RES_007 } from './residency/res-007-norway-west-approval';
import { RES_008 } from './residency/res-008-data-location';
import { RES_009 } from './residency/res-009-catalogued-types';
import { RES_010 } from './residency/res-010-unseen-placement';
import { RES_011 } from './residency/res-011-deploy-time-code';
import { RES_012 } from './residency/res-012-processing-location';
import { ENC_001 } from './encryption/enc-001-storage-transport';
import { ENC_002 } from './encryption/enc-002-customer-managed-keys';
import { ENC_003 } from './encryption/enc-003-disk-encryption';
import { ENC_004 } from './encryption/enc-004-tls-endpoints';
import { ENC_005 } from './encryption/enc-005-key-vault-recovery';
import { NET_001 } from './network/net-001-public-network-access';
import { NET_002 } from './network/net-002-firewall-default-deny';
import { NET_003 } from './network/net-003-management-ports';
import { NET_004 } from './network/net-004-public-ips';
import { NET_005 } from './network/net-005-private-endpoints';
import { NET_006 } from './network/net-006-private-aks';
import { NET_007 } from './network/net-007-unapproved-sources';
import { NET_008 } from './network/net-008-firewall-ranges';
import { NET_009 } from './network/net-009-remote-endpoints';
import { NET_010 } from './network/net-010-web-application-firewall';
import { NET_011 } from './network/net-011-web-app-egress';
import { IAM_001 } from './identity/iam-001-entra-only';
import { IAM_002 } from './identity/iam-002-foreign-tenant-delegation';
import { IAM_003 } from './identity/iam-003-privileged-roles';
import { IAM_004 } from './identity/iam-004-ssh-keys-only';
import { ACC_001 } from './access/acc-001-privileged-through-pim';
import { ACC_002 } from './access/acc-002-home-tenant';
import { ACC_003 } from './access/acc-003-sign-in-from-norway';
import { ACC_004 } from './access/acc-004-no-guest-data-access';
import { LOG_001 } from './logging/log-001-diagnostic-settings';
import { LOG_002 } from './logging/log-002-workspace-retention';
import { LOG_003 } from './logging/log-003-database-auditing';
import { BCK_001 } from './backup/bck-001-backup-vaults';
import { BCK_002 } from './backup/bck-002-deletion-protection';
import { BCK_003 } from './backup/bck-003-blob-recovery';
import { TFS_001 } from './state/tfs-001-state-backend';
import { TFS_002 } from './state/tfs-002-no-literal-secrets';
import { TFS_003 } from './state/tfs-003-valid-suppressions';
import { CHG_001 } from './change/chg-001-data-loss';
import { CHG_002 } from './change/chg-002-location-change';

export const ALL_RULES: readonly Rule[] = [
  RES_001,
  RES_002,
  RES_003,
  RES_004,
  RES_005,
  RES_006,
  RES_007,
  RES_008,
  RES_009,
  RES_010,
  RES_011,
  RES_012,
  ENC_001,
  ENC_002,
  ENC_003,
  ENC_004,
  ENC_005,
  NET_001,
  NET_002,
  NET_003,
  NET_004,
  NET_005,
  NET_006,
  NET_007,
  NET_008,
  NET_009,
  NET_010,
  NET_011,
  IAM_001,
  IAM_002,
  IAM_003,
  IAM_004,
  ACC_001,
  ACC_002,
  ACC_003,
  ACC_004,
  LOG_001,
  LOG_002,
  LOG_003,
  BCK_001,
  BCK_002,
  BCK_003,
  TFS_001,
  TFS_002,
  TFS_003,
  CHG_001,
  CHG_002,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
