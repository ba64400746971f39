export const mutationResolvers = [] as const;
