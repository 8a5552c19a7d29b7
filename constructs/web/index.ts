export * from './linux-web-app';
