export * from './service-bus-namespace';
