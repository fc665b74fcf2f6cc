/** Typed errors: a stable code the CLI maps to an exit status, and a hint a user can act on. */
export type ErrorCode =
  | 'USAGE'
  | 'NOT_FOUND'
  | 'NOT_A_DIRECTORY'
  | 'UNREADABLE'
  | 'GIT_FAILED'
  | 'TIMEOUT'
  | 'LIMIT'
  | 'CONFIG'
  | 'INTERNAL';

export class UnherdError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'UnherdError';
    this.code = code;
    this.hint = hint;
  }
}

export function describeError(err: unknown): string {
  if (err instanceof UnherdError) return err.hint ? `${err.message} (${err.hint})` : err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
