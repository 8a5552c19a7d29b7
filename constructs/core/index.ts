export * from './region';
export * from './tags';
