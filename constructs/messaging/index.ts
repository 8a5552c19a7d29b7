export * from './service-bus-namespace';
export * from './event-hubs-namespace';
