export * from './container-app';
export * from './container-app-environment';
