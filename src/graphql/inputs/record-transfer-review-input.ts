import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate, PreviousCertificateStatus } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { PreviousCertificateStatusEnum } from '../types';
import { IsIdentifier, IsList, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';
import { OutstandingNonconformityInput } from './outstanding-nonconformity-input';

@InputType({ description: 'The pre-transfer review (IAF MD 2); the caller is the reviewer.' })
export class RecordTransferReviewInput {
  @Field(() => ID)
  @IsIdentifier()
  auditCycleId!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  reviewedOn?: CalendarDate;

  @Field(() => PreviousCertificateStatusEnum)
  certificateStatus!: PreviousCertificateStatus;

  @Field(() => Boolean, { description: 'The certificate is covered by an IAF MLA accreditation.' })
  accredited!: boolean;

  @Field(() => [String])
  @IsList({ nonEmpty: true })
  @IsText(MAX_LENGTH.text, { list: true })
  reasonsForTransfer!: string[];

  @Field(() => [OutstandingNonconformityInput], {
    description:
      'Nonconformities still open at the issuing CB. A MAJOR one refuses the review ' +
      '(TRANSFER_OUTSTANDING_MAJOR_NONCONFORMITY): the issuing CB closes it out first (IAF MD 2).',
  })
  @IsList({ nonEmpty: false })
  @ValidateNested({ each: true })
  outstandingNonconformities!: OutstandingNonconformityInput[];

  @Field(() => [String], { description: 'The last certification and surveillance reports.' })
  @IsList({ nonEmpty: true })
  @IsText(MAX_LENGTH.text, { list: true })
  lastReports!: string[];

  @Field(() => [String])
  @IsList({ nonEmpty: false })
  @IsText(MAX_LENGTH.text, { list: true })
  complaints!: string[];
}
