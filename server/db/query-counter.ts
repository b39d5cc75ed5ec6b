import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

type QueryListener = (sql: string) => void;

const listeners = new Set<QueryListener>();

/** Subscribes to every SQL statement the ORM sends (tests count statements per request). */
export function onQuery(listener: QueryListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `work` and counts the SQL statements the ORM sent meanwhile (tests and the bench). */
export async function countStatements<R>(
  work: () => Promise<R>,
): Promise<{ statements: number; result: R }> {
  let statements = 0;
  const stop = onQuery(() => {
    statements += 1;
  });
  try {
    const result = await work();
    return { statements, result };
  } finally {
    stop();
  }
}

// Logs queries only when LOG_LEVEL=debug, but always feeds the listeners.
export class HubLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly printQueries: boolean,
  ) {
    super(options);
  }

  override isEnabled(namespace: string, context?: LogContext): boolean {
    return namespace === 'query' || super.isEnabled(namespace as never, context);
  }

  override logQuery(context: { query: string } & LogContext): void {
    for (const listener of listeners) {
      listener(context.query);
    }
    if (this.printQueries) {
      super.logQuery(context);
    }
  }
}
