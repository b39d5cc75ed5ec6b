// One closed set of error codes for the whole API (DESIGN.md §4); everything else is masked.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  ConnectionException,
  DriverException,
  NotFoundError,
  UniqueConstraintViolationException,
  OptimisticLockError,
} from '@mikro-orm/core';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

// Codes used in per-row results of bulk writes; each maps onto one API category.
export const ROW_ERROR_CATEGORY = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  REQUIRED: 'BAD_USER_INPUT',
  TOO_LONG: 'BAD_USER_INPUT',
  INVALID_FORMAT: 'BAD_USER_INPUT',
  DUPLICATE: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
} as const satisfies Record<string, ErrorCode>;
export type RowErrorCode = keyof typeof ROW_ERROR_CATEGORY;

abstract class HubError extends GraphQLError {
  protected constructor(
    code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends HubError {
  constructor(message = 'Invalid input', extensions?: Record<string, unknown>) {
    super('BAD_USER_INPUT', message, extensions);
  }
}

export class NotFoundHubError extends HubError {
  constructor(message = 'Not found', extensions?: Record<string, unknown>) {
    super('NOT_FOUND', message, extensions);
  }
}

export class ConflictError extends HubError {
  constructor(message = 'Conflict', extensions?: Record<string, unknown>) {
    super('CONFLICT', message, extensions);
  }
}

export class UnauthenticatedError extends HubError {
  constructor(message = 'Sign in to use the hub', extensions?: Record<string, unknown>) {
    super('UNAUTHENTICATED', message, extensions);
  }
}

export class ForbiddenError extends HubError {
  constructor(message = 'Forbidden', extensions?: Record<string, unknown>) {
    super('FORBIDDEN', message, extensions);
  }
}

const REQUEST_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/**
 * An error that refuses the whole request before execution (plugins): it carries its HTTP
 * status, so a refused request is not reported as a server fault (500).
 */
export function refuseRequest(error: GraphQLError): GraphQLError {
  const status = REQUEST_STATUS[error.extensions.code as ErrorCode] ?? 400;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

// Apollo's own request-level codes (parse/validation failures) are user-input errors.
const APOLLO_USER_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

// Never let a stack trace travel with an error to the client.
function withoutStack(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const { stacktrace: _stacktrace, ...rest } = extensions ?? {};
  return rest;
}

// Reads and writes alike: PostgreSQL rolled back whatever the request had started.
export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable; try again shortly. Nothing was changed.';

/**
 * The database could not be reached before execution (authentication reads the user): refuses
 * the request with 503, so clients and proxies see a temporary outage rather than a server bug.
 */
export class DatabaseUnavailableError extends GraphQLError {
  constructor(cause: unknown) {
    super(DATABASE_UNAVAILABLE_MESSAGE, {
      originalError: cause instanceof Error ? cause : undefined,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        reason: 'DATABASE_UNAVAILABLE',
        http: { status: 503 },
      },
    });
  }
}

// Connection lost or refused, server shutting down: the transaction was rolled back by PostgreSQL.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** True for errors meaning PostgreSQL cannot be reached (down, restarting, connection cut). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionException || error instanceof DatabaseUnavailableError) {
    return true;
  }
  const cause =
    error instanceof DriverException ? (error as DriverException & { code?: string }) : null;
  const text = error instanceof Error ? error.message : '';
  return (
    (cause?.code !== undefined &&
      (UNAVAILABLE_SQLSTATES.has(cause.code) || UNAVAILABLE_ERRNOS.has(cause.code))) ||
    /Connection terminated|terminating connection|Client has encountered a connection error|ECONNREFUSED/.test(
      text,
    )
  );
}

export type ErrorLogger = (error: unknown) => void;

export function createFormatError(logError: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof ArgumentValidationError) {
      const fields = original.extensions.validationErrors ?? [];
      return {
        ...formatted,
        message: 'Argument validation failed',
        extensions: { code: 'BAD_USER_INPUT', validationErrors: fields },
      };
    }
    if (original instanceof NotFoundError) {
      return { ...formatted, message: 'Not found', extensions: { code: 'NOT_FOUND' } };
    }
    if (
      original instanceof UniqueConstraintViolationException ||
      original instanceof OptimisticLockError
    ) {
      return {
        ...formatted,
        message: 'The record was changed concurrently',
        extensions: { code: 'CONFLICT' },
      };
    }
    if (typeof code === 'string' && APOLLO_USER_CODES.has(code)) {
      return {
        ...formatted,
        extensions: { ...withoutStack(formatted.extensions), code: 'BAD_USER_INPUT', reason: code },
      };
    }
    if (isKnownCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      return { ...formatted, extensions: withoutStack(formatted.extensions) };
    }
    logError(original instanceof DatabaseUnavailableError ? original.originalError : original);
    if (isDatabaseUnavailable(original)) {
      return {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE' },
      };
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
