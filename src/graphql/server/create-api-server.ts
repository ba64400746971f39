import {
  type ApiListenOptions,
  type ApiOptions,
  type ApiServer,
  listenForApi,
} from './api-listener';

export type ApiServerOptions = ApiListenOptions & ApiOptions;

/** `listenForApi`, then `serve` at once: for a server whose API exists before it listens. */
export const createApiServer = async (options: ApiServerOptions): Promise<ApiServer> => {
  const listener = await listenForApi(options);
  try {
    await listener.serve(options);
  } catch (error) {
    await listener.close();
    throw error;
  }
  return listener;
};
