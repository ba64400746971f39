import { graphqlEnum } from '../types';

export const ApplicationReviewOutcomeEnum = graphqlEnum<'ACCEPTED' | 'REJECTED'>(
  'ApplicationReviewOutcome',
  ['ACCEPTED', 'REJECTED'],
  'What the application review concluded (ISO/IEC 17021-1 9.1.2).',
);
