export * from './postgresql-flexible-server';
export * from './sql-server';
