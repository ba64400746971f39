import { IsIn, IsOptional } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { AuditKind, AuditMode, CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { AuditKindEnum, AuditModeEnum } from '../types';
import { IsIdentifier, IsList } from './input-rules';

@InputType({ description: 'An audit of the cycle, its team and the sites it covers.' })
export class PlanAuditInput {
  @Field(() => ID)
  @IsIdentifier()
  auditCycleId!: string;

  @Field(() => ID, { nullable: true, description: 'Generated when left out.' })
  @IsOptional()
  @IsIdentifier()
  auditId?: string;

  @Field(() => AuditKindEnum)
  kind!: AuditKind;

  @Field(() => Int, { nullable: true, description: 'SURVEILLANCE audits: 1 or 2.' })
  @IsOptional()
  @IsIn([1, 2])
  surveillanceNumber?: 1 | 2;

  @Field(() => CalendarDateScalar)
  plannedStart!: CalendarDate;

  @Field(() => CalendarDateScalar)
  plannedEnd!: CalendarDate;

  @Field(() => AuditModeEnum)
  mode!: AuditMode;

  @Field(() => ID)
  @IsIdentifier()
  leadAuditorId!: string;

  @Field(() => [ID], {
    description: 'Person ids of the whole team, each once, the lead auditor included.',
  })
  @IsList({ nonEmpty: true })
  @IsIdentifier({ list: true })
  team!: string[];

  @Field(() => [ID])
  @IsList({ nonEmpty: true })
  @IsIdentifier({ list: true })
  sites!: string[];
}
