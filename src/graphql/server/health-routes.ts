import { Router } from 'express';
import type { ReadinessCheck } from './service-readiness';

/** `/healthz`: the process is up. `/readyz`: `readiness()` says the service can serve (else 503). */
export const healthRoutes = (readiness: ReadinessCheck, production: boolean): Router => {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      const state = await readiness();
      if (state.ready) res.json({ status: 'ready' });
      else res.status(503).json({ status: 'not ready', reason: state.reason });
    } catch (error) {
      const reason =
        production || !(error instanceof Error) ? 'the readiness check failed' : error.message;
      res.status(503).json({ status: 'not ready', reason });
    }
  });
  return router;
};
