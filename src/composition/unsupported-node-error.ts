/** The Node.js running the service cannot load what it needs. */
export class UnsupportedNodeError extends Error {
  override readonly name = 'UnsupportedNodeError';
}

/**
 * Refuses a Node.js that cannot `require()` an ES module (before 20.19 in the 20 line, 21, 22
 * before 22.12, or with `--no-experimental-require-module`): the SSRF guard's library is one, and
 * loading it would fail only at the first webhook delivery. The service's entry points call it;
 * not `startCertcycle`, which runs in Jest too, whose sandbox says `require_module: false`.
 */
export const checkNodeSupport = (
  version: string = process.version,
  features: Pick<NodeJS.ProcessFeatures, 'require_module'> = process.features,
): void => {
  if (features.require_module) return;
  throw new UnsupportedNodeError(
    `Node.js ${version} cannot require() ES modules, which certcycle needs: use Node.js 20.19 or ` +
      'later in the 20 line, or 22.12 or later (without --no-experimental-require-module)',
  );
};
