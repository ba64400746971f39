import { createGuardedAgents, type GuardedAgents, type SsrfGuardOptions } from '../webhooks';

/** SSRF-guarded agents made on the first request, so a process that sends nothing never loads them. */
export const lazyGuardedAgents = (options: SsrfGuardOptions): GuardedAgents => {
  let agents: GuardedAgents | undefined;
  const created = () => (agents ??= createGuardedAgents(options));
  return {
    get http() {
      return created().http;
    },
    get https() {
      return created().https;
    },
    destroy: () => agents?.destroy(),
  };
};
