import { Arg, Int } from 'type-graphql';

const CHANGED_SINCE =
  'The version the caller last saw; the change is refused (CONFLICT, with the current version) if the object has changed since.';

/** For a mutation that creates its object. */
export const NEW_OBJECT_VERSION =
  'Only 0 fits: the new object must not exist yet (CONFLICT, with the current version, if it does).';

/** The optional `expectedVersion: Int` of every mutation (`description`: where it means more). */
export const ExpectedVersionArg = (description = CHANGED_SINCE) =>
  Arg('expectedVersion', () => Int, { nullable: true, description });
