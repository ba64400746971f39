export * from './deadline';
export * from './closed-by-withdrawal';
