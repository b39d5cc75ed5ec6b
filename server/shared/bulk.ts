import type { EntityManager } from '@mikro-orm/postgresql';
import { type AuditActor, auditedTransaction } from '../modules/audit/audit.context';
import type { ClassType } from 'type-graphql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BadUserInputError, type RowErrorCode } from '../errors';

@ObjectType({ description: 'Why one row of a bulk write was refused.' })
export class RowError {
  @Field(() => Int, { description: 'Index of the row in the request.' })
  index!: number;

  @Field(() => ID, { nullable: true })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'Input field at fault, e.g. "text".' })
  field!: string | null;

  @Field(() => String, {
    description:
      'BAD_USER_INPUT, REQUIRED, TOO_LONG, INVALID_FORMAT, DUPLICATE, NOT_FOUND or CONFLICT.',
  })
  code!: RowErrorCode;

  @Field(() => String)
  message!: string;
}

export interface BulkResultShape<T> {
  ok: boolean;
  dryRun: boolean;
  created: number;
  updated: number;
  deleted: number;
  rows: T[];
  errors: RowError[];
}

/** Collects row errors while validating a bulk request. */
export class RowErrors {
  private readonly errors: RowError[] = [];

  /** Errors in row order (stable within a row), whatever order the checks ran in. */
  get list(): RowError[] {
    return [...this.errors].sort((a, b) => a.index - b.index);
  }

  add(
    index: number,
    id: string | number | null | undefined,
    field: string | null,
    code: RowErrorCode,
    message: string,
  ): void {
    this.errors.push({ index, id: id == null ? null : String(id), field, code, message });
  }

  hasRow(index: number): boolean {
    return this.errors.some((error) => error.index === index);
  }

  get empty(): boolean {
    return this.errors.length === 0;
  }

  /** Errors so far (a check compares it before and after to know whether it added any). */
  get count(): number {
    return this.errors.length;
  }
}

export function bulkResultType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
): ClassType<BulkResultShape<T>> {
  @ObjectType(name, {
    description: 'Result of an atomic bulk write: all rows are written, or none.',
  })
  class BulkResult {
    @Field(() => Boolean, {
      description: 'True when every row was accepted (and, unless dryRun, written).',
    })
    ok!: boolean;

    @Field(() => Boolean)
    dryRun!: boolean;

    @Field(() => Int)
    created!: number;

    @Field(() => Int)
    updated!: number;

    @Field(() => Int)
    deleted!: number;

    @Field(() => [nodeType], {
      description:
        'The rows as written (or as they would be, on dryRun), in request order; deleted rows are left out.',
    })
    rows!: T[];

    @Field(() => [RowError])
    errors!: RowError[];
  }
  return BulkResult;
}

/** Rows one bulk request may carry: a whole roadmap is ~300; larger loads go in batches. */
export const MAX_BULK_ROWS = 2000;

/** Olympiad protocols arrive whole: a municipality's school stage is thousands of entries. */
export const MAX_PROTOCOL_ROWS = 10_000;

function assertBulkSize(rows: readonly unknown[], maxRows: number): void {
  if (rows.length > maxRows) {
    throw new BadUserInputError(`At most ${maxRows} rows per request, got ${rows.length}`, {
      field: 'rows',
    });
  }
}

/** The result of a refused request: nothing was written. */
export function refused<T>(dryRun: boolean, errors: RowErrors): BulkResultShape<T> {
  return { ok: false, dryRun, created: 0, updated: 0, deleted: 0, rows: [], errors: errors.list };
}

/** One request may touch a row once: a second mention (edit after delete…) is refused. */
export function refuseRepeatedIds(
  rows: readonly { id?: string | null }[],
  errors: RowErrors,
): void {
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    if (row.id == null) {
      return;
    }
    const first = seen.get(row.id);
    if (first === undefined) {
      seen.set(row.id, index);
    } else {
      errors.add(
        index,
        row.id,
        'id',
        'DUPLICATE',
        `Строка с id ${row.id} уже есть в запросе (строка ${first + 1})`,
      );
    }
  });
}

/** Checks the id and version of a row being updated or deleted. */
export function checkVersion(
  index: number,
  input: { id?: string | null; version?: number | null },
  current: { version: number } | null,
  errors: RowErrors,
): void {
  if (!current) {
    return;
  }
  if (input.version == null) {
    errors.add(
      index,
      input.id,
      'version',
      'REQUIRED',
      'Для изменения нужна версия строки (version)',
    );
  } else if (input.version !== current.version) {
    errors.add(
      index,
      input.id,
      'version',
      'CONFLICT',
      `Строка изменена другим пользователем (версия ${current.version}, у вас ${input.version})`,
    );
  }
}

/**
 * A row written by natural key against the stored one: a version that no longer matches is a
 * CONFLICT, or NOT_FOUND when the row is gone; with `exists`, a stored row changes only with its
 * version (DUPLICATE otherwise). Returns whether the row passes.
 */
export function checkKeyedVersion(
  index: number,
  version: number | null | undefined,
  current: { id: number; version: number } | null,
  errors: RowErrors,
  messages: { conflict: string; gone: string; exists?: string },
): boolean {
  if (current && version == null && messages.exists !== undefined) {
    errors.add(index, current.id, 'version', 'DUPLICATE', messages.exists);
    return false;
  }
  if (version != null && current?.version !== version) {
    errors.add(
      index,
      current?.id ?? null,
      'version',
      current ? 'CONFLICT' : 'NOT_FOUND',
      current ? messages.conflict : messages.gone,
    );
    return false;
  }
  return true;
}

export interface BulkPlan<T> {
  /** Validation errors; any error means nothing is written. */
  errors: RowErrors;
  /** Writes the rows (flushing) and returns them; called only when there are no errors. */
  write(): Promise<{ rows: T[]; created: number; deleted: number; total: number }>;
}

/**
 * Runs one atomic bulk write in a transaction: plan (load + validate), then write all rows or
 * none. A dry run writes and flushes too, so the database checks it, then rolls back.
 */
export async function runBulk<T>(
  em: EntityManager,
  rows: readonly unknown[],
  dryRun: boolean,
  actor: AuditActor,
  plan: (em: EntityManager) => Promise<BulkPlan<T>>,
  maxRows = MAX_BULK_ROWS,
): Promise<BulkResultShape<T>> {
  assertBulkSize(rows, maxRows);
  return auditedTransaction(
    em,
    actor,
    async (tem): Promise<BulkResultShape<T>> => {
      const planned = await plan(tem);
      if (!planned.errors.empty) {
        return refused<T>(dryRun, planned.errors);
      }
      const { rows, created, deleted, total } = await planned.write();
      return {
        ok: true,
        dryRun,
        created,
        deleted,
        updated: total - created - deleted,
        rows,
        errors: [],
      };
    },
    { dryRun },
  );
}
