export * from './postgresql-flexible-server';
