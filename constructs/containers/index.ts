export * from './container-registry';
