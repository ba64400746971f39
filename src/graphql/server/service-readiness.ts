/** Whether the service can answer queries now (event store reachable, projections caught up...). */
export type ServiceReadiness =
  { readonly ready: true } | { readonly ready: false; readonly reason: string };

export type ReadinessCheck = () => ServiceReadiness | Promise<ServiceReadiness>;
