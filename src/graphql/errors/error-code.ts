/** The `extensions.code` of every error the API answers with. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  DOMAIN_RULE_VIOLATION = 'DOMAIN_RULE_VIOLATION',
  READ_MODEL_TIMEOUT = 'READ_MODEL_TIMEOUT',
  /** Not ready yet, or the event store cannot be reached now: retry later. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
