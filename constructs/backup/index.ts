export * from './recovery-vault';
