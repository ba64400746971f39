export * from './sign-webhook';
