import { MeResolver } from './me-resolver';

export const queryResolvers = [MeResolver] as const;
