export * from './container-registry';
export * from './kubernetes-cluster';
