export * from './bastion';
export * from './hub-egress';
export * from './hub-network';
export * from './network-security-group';
export * from './private-dns-zones';
export * from './spoke-network';
export * from './subnet';
export * from './virtual-network';
