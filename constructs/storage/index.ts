export * from './storage-account';
export * from './file-share-account';
