export * from './certification-outcome-reactor';
export * from './clock-for';
export * from './demo-banner';
export * from './run-service';
export * from './service-health';
export * from './start-certcycle';
export * from './storage';
