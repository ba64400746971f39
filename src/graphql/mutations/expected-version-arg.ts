import { Arg, Int } from 'type-graphql';

/** The optional `expectedVersion: Int` of every mutation. */
export const ExpectedVersionArg = () =>
  Arg('expectedVersion', () => Int, {
    nullable: true,
    description:
      'The version the caller last saw; the change is refused (CONFLICT, with the current version) if the object has changed since.',
  });
