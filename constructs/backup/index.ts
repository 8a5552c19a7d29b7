export * from './recovery-vault';
export * from './backup-vault';
