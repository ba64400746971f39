import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AuditKind, AuditMode, CalendarDate } from '../../domain';
import type { AuditView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { AuditKindEnum, AuditModeEnum } from './enums';

@ObjectType({ description: 'An audit of a cycle: planned, and completed once its days are known.' })
export class Audit {
  @Field(() => ID, {
    description:
      '`<auditCycleId>:<auditId>`: an audit id names an audit within its cycle only, and another cycle may use it.',
  })
  id!: string;

  @Field(() => ID, {
    description:
      'The audit within its cycle, as `planAudit` named it and `completeAudit` takes it.',
  })
  auditId!: string;

  @Field(() => AuditKindEnum)
  kind!: AuditKind;

  @Field(() => Int, { nullable: true })
  surveillanceNumber!: number | null;

  @Field(() => CalendarDateScalar)
  plannedStart!: CalendarDate;

  @Field(() => CalendarDateScalar)
  plannedEnd!: CalendarDate;

  @Field(() => AuditModeEnum)
  mode!: AuditMode;

  @Field(() => ID)
  leadAuditorId!: string;

  @Field(() => [ID])
  team!: string[];

  @Field(() => [ID])
  sites!: string[];

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Null until completed.' })
  firstDay!: CalendarDate | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Null until completed.' })
  lastDay!: CalendarDate | null;

  @Field(() => Boolean)
  completed!: boolean;
}

export const toAuditType = (auditCycleId: string, view: AuditView): Audit =>
  Object.assign(new Audit(), {
    id: `${auditCycleId}:${view.auditId}`,
    auditId: view.auditId,
    kind: view.kind,
    surveillanceNumber: view.surveillanceNumber,
    plannedStart: view.plannedStart,
    plannedEnd: view.plannedEnd,
    mode: view.mode,
    leadAuditorId: view.leadAuditorId,
    team: view.team,
    sites: view.sites,
    firstDay: view.firstDay,
    lastDay: view.lastDay,
    completed: view.lastDay !== null,
  });
