import type { RecordedEvent } from '../../eventstore';

/** The aggregate category and id of an event's stream (`certificate-cert-1` → certificate, cert-1). */
export const streamOf = (event: RecordedEvent): { category: string; id: string } => {
  const dash = event.stream.indexOf('-');
  return { category: event.stream.slice(0, dash), id: event.stream.slice(dash + 1) };
};

/** The event as its domain type (the stream category tells which union it belongs to). */
export const domainEvent = <E>(event: RecordedEvent): E =>
  ({ type: event.type, data: event.data }) as E;

/** The aggregates of `category` that `events` touch, each with its first version in them. */
export const aggregatesIn = (
  events: readonly RecordedEvent[],
  category: string,
): Map<string, number> => {
  const first = new Map<string, number>();
  for (const event of events) {
    const { category: of, id } = streamOf(event);
    if (of === category && !first.has(id)) first.set(id, event.version);
  }
  return first;
};
