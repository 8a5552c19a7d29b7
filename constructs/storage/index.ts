export * from './storage-account';
