import type { OperationResult } from '../../application';
import type { ApiDependencies } from '../api-dependencies';
import { ChangedObjects } from './changed-objects';
import { ReadYourWrites } from './read-your-writes';
import { serviceError } from './service-error';

/** What every mutation resolver does around a lifecycle operation. */
export class MutationSupport {
  readonly changed: ChangedObjects;
  readonly readYourWrites: ReadYourWrites;

  constructor(private readonly deps: ApiDependencies) {
    this.changed = new ChangedObjects(deps);
    this.readYourWrites = new ReadYourWrites(deps);
  }

  /** Runs the operation, maps its refusals to API errors, and waits until queries show its append. */
  async write<Result extends OperationResult>(operation: Promise<Result>): Promise<Result> {
    const result = await this.run(operation);
    await this.readYourWrites.visible(result.position);
    return result;
  }

  /** Runs the operation and maps its refusals, without waiting (the caller waits its own way). */
  async run<Result>(operation: Promise<Result>): Promise<Result> {
    try {
      return await operation;
    } catch (error) {
      throw (await serviceError(this.deps, error)) ?? error;
    }
  }
}
