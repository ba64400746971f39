import { Length, Matches } from 'class-validator';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  type PubSub,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { type CalendarDate, InvalidCalendarDateError } from '../../../src/domain/calendar';
import { DomainError } from '../../../src/domain/errors';
import { ConcurrencyError, InvalidEventStoreInputError } from '../../../src/eventstore';
import {
  assertCanSeeOrganisation,
  BadUserInputError,
  buildApiSchema,
  CalendarDateScalar,
  ConflictError,
  ConnectionArgs,
  connectionTypes,
  DateTimeScalar,
  ForbiddenError,
  NotFoundError,
  pageRequest,
  Public,
  ReadModelTimeoutError,
  type RequestContext,
  Role,
} from '../../../src/graphql';
import { connectionFromPage } from '../../../src/graphql/queries/connection-from-page';

@ObjectType()
class Caller {
  @Field(() => String)
  personId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true })
  organisationId?: string;
}

@ObjectType()
class Item {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

const { Connection: ItemConnection } = connectionTypes(Item);

@ObjectType()
class Nested {
  @Field(() => Int)
  level!: number;

  @Field(() => Nested)
  child(): Nested {
    return Object.assign(new Nested(), { level: this.level + 1 });
  }

  @Field(() => [Nested], { description: 'An unpaged list: three nested one level down.' })
  children(): Nested[] {
    return [1, 2, 3].map(() => this.child());
  }

  @Field(() => [Int], { description: 'A list of scalars: one field, whatever its length.' })
  path(): number[] {
    return Array.from({ length: this.level }, (_, index) => index + 1);
  }
}

@ObjectType()
class Tick {
  @Field(() => String)
  channel!: string;

  @Field(() => Int)
  count!: number;
}

@InputType()
class ThingInput {
  @Field(() => String)
  @Length(1, 10)
  @Matches(/^[a-z ]*$/, { message: 'name must be lower case' })
  name!: string;

  @Field(() => CalendarDateScalar, { nullable: true })
  dueDate?: CalendarDate;
}

/** 250 items whose names repeat, so the keyset is (name, id). */
export const ITEMS: Item[] = Array.from({ length: 250 }, (_, index) => ({
  id: `item-${String(index).padStart(3, '0')}`,
  name: `name-${index % 7}`,
})).sort((a, b) => (a.name === b.name ? a.id.localeCompare(b.id) : a.name.localeCompare(b.name)));

export class BoomError extends Error {
  constructor() {
    super('secret connection string postgres://user:pw@db');
  }
}

export const TICK = 'TICK';

@Resolver()
class TestResolver {
  @Public()
  @Query(() => String)
  ping(): string {
    return 'pong';
  }

  @Authorized()
  @Query(() => Caller)
  whoami(@Ctx() { principal }: RequestContext): Caller {
    return principal as Caller;
  }

  @Query(() => String, { description: 'Authenticated, no role restriction, no @Authorized.' })
  open(): string {
    return 'open';
  }

  @Authorized(Role.ADMIN)
  @Query(() => String)
  adminOnly(): string {
    return 'admin';
  }

  @Authorized(Role.DECISION_MAKER, Role.ADMIN)
  @Query(() => String)
  decide(): string {
    return 'decided';
  }

  @Authorized()
  @Query(() => String)
  organisationSecret(
    @Arg('organisationId', () => ID) organisationId: string,
    @Ctx() { principal }: RequestContext,
  ): string {
    assertCanSeeOrganisation(principal, organisationId);
    return `secret of ${organisationId}`;
  }

  @Query(() => String)
  fail(@Arg('kind', () => String) kind: string): string {
    switch (kind) {
      case 'notFound':
        throw new NotFoundError('Certificate', 'C-1');
      case 'forbidden':
        throw new ForbiddenError();
      case 'conflict':
        throw new ConflictError(7);
      case 'badInput':
        throw new BadUserInputError('number', 'number must not be empty');
      case 'readModelTimeout':
        throw new ReadModelTimeoutError('00000000000000000042', 2000);
      case 'domain':
        throw new DomainError('SURVEILLANCE_OVERDUE', 'surveillance audit 1 was due by 2025-03-20');
      case 'concurrency':
        throw new ConcurrencyError('certificate-C-1', 3, 5);
      case 'eventStoreInput':
        throw new InvalidEventStoreInputError('stream', 'stream name must not be empty');
      case 'calendar':
        throw new InvalidCalendarDateError('2025-02-30');
      default:
        throw new BoomError();
    }
  }

  @Query(() => CalendarDateScalar)
  echoDate(@Arg('date', () => CalendarDateScalar) date: CalendarDate): CalendarDate {
    return date;
  }

  @Query(() => DateTimeScalar)
  echoInstant(@Arg('at', () => DateTimeScalar) at: Date): Date {
    return at;
  }

  @Query(() => CalendarDateScalar)
  badDateOut(): CalendarDate {
    return '2025-13-01' as CalendarDate;
  }

  @Query(() => ItemConnection)
  items(@Args(() => ConnectionArgs) args: ConnectionArgs) {
    const request = pageRequest(args, { name: 'items', arity: 2 });
    const after = request.after;
    const rows = ITEMS.filter(
      (item) =>
        after === undefined ||
        item.name > String(after[0]) ||
        (item.name === after[0] && item.id > String(after[1])),
    );
    const items = rows
      .slice(0, request.limit)
      .map((item) => ({ node: item, key: [item.name, item.id] }));
    return connectionFromPage(
      { items, hasNextPage: rows.length > request.limit },
      request,
      (item) => item,
    );
  }

  @Query(() => Nested)
  nested(): Nested {
    return Object.assign(new Nested(), { level: 1 });
  }

  @Mutation(() => String)
  createThing(@Arg('input', () => ThingInput) input: ThingInput): string {
    return `created ${input.name}`;
  }

  @Authorized()
  @Subscription(() => Tick, {
    topics: TICK,
    filter: ({ payload, args }: { payload: Tick; args: { channel: string } }) =>
      payload.channel === args.channel,
  })
  ticks(@Arg('channel', () => String) _channel: string, @Root() tick: Tick): Tick {
    return tick;
  }
}

export const buildTestSchema = (pubSub: PubSub) =>
  buildApiSchema({ resolvers: [TestResolver], pubSub });
