import type { EventFilter } from '../event-store';

/** Server-side `$all` filter for a subscription: by event type (regex) or stream name (prefixes). */
export type ServerFilter =
  { on: 'eventType'; regex: string } | { on: 'streamName'; prefixes: string[] };

const escapeRegex = (value: string): string => value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export const isSystemEvent = (type: string, stream: string): boolean =>
  type.startsWith('$') || stream.startsWith('$');

const categoryOf = (stream: string): string => {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
};

/** Whether an event is one the port shows for this filter: never a system event. */
export const isSelected = (
  event: { type: string; stream: string },
  filter: EventFilter,
): boolean => {
  if (isSystemEvent(event.type, event.stream)) return false;
  if (filter.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  if (filter.categories?.length && !filter.categories.includes(categoryOf(event.stream))) {
    return false;
  }
  return true;
};

/**
 * The narrowest filter the server can apply (it takes one): event types first, else categories,
 * else everything but system event types. `isSelected` still checks every event it sends.
 */
export const serverFilterFor = (filter: EventFilter): ServerFilter => {
  if (filter.eventTypes?.length) {
    return { on: 'eventType', regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` };
  }
  if (filter.categories?.length) {
    return { on: 'streamName', prefixes: filter.categories.map((category) => `${category}-`) };
  }
  return { on: 'eventType', regex: '^[^$]' };
};
