export * from './customer-managed-key';
export * from './diagnostic-settings';
export * from './lock';
export * from './managed-identities';
export * from './private-endpoints';
export * from './role-assignments';
