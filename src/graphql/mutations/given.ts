/** An optional input field: GraphQL's explicit null means the same as leaving it out. */
export const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
