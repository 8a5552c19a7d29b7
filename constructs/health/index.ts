export * from './health-data-services';
