import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

/** The id as the message shows it: quoted when blank or padded, so that it can be seen. */
const shownId = (id: string): string => (id !== '' && id.trim() === id ? id : JSON.stringify(id));

/** `field`: the argument that named the missing object, when it was a filter rather than the id asked for. */
export class NotFoundError extends ApiError {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly field?: string,
  ) {
    super(
      ErrorCode.NOT_FOUND,
      `${entity} ${shownId(id)} was not found`,
      field === undefined ? { entity, id } : { entity, id, field },
    );
  }
}
