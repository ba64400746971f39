export * from './calendar-date-scalar';
export * from './date-time-scalar';
