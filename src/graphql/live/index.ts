export const subscriptionResolvers = [] as const;
