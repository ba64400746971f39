export * from './webhook-event-types';
export * from './map-certificate-event';
