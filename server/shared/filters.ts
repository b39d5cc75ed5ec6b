import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { DateScalar } from './scalars';

@InputType({ description: 'Match an id exactly or against a list.' })
export class IdFilter {
  @Field(() => ID, { nullable: true })
  eq?: string;

  @Field(() => [ID], { nullable: true })
  in?: string[];
}

@InputType()
export class StringFilter {
  @Field(() => String, { nullable: true })
  eq?: string;

  @Field(() => [String], { nullable: true })
  in?: string[];
}

@InputType({ description: 'Case-insensitive substring search.' })
export class TextFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  contains?: string;
}

@InputType({ description: 'Inclusive date range.' })
export class DateFilter {
  @Field(() => DateScalar, { nullable: true })
  gte?: string;

  @Field(() => DateScalar, { nullable: true })
  lte?: string;
}

export function parseId(value: string | number, field = 'id'): number {
  const id = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new BadUserInputError(`Invalid id "${value}"`, { field });
  }
  return id;
}

/** Translates an IdFilter into a MikroORM condition, or undefined when empty. */
export function idCondition(
  filter: IdFilter | undefined,
  field: string,
): { $in: number[] } | undefined {
  if (!filter) {
    return undefined;
  }
  const ids = [...(filter.eq != null ? [filter.eq] : []), ...(filter.in ?? [])].map((id) =>
    parseId(id, field),
  );
  return filter.eq != null || filter.in != null ? { $in: ids } : undefined;
}

export function stringCondition(filter: StringFilter | undefined): { $in: string[] } | undefined {
  if (!filter || (filter.eq == null && filter.in == null)) {
    return undefined;
  }
  return { $in: [...(filter.eq != null ? [filter.eq] : []), ...(filter.in ?? [])] };
}

/** Escapes LIKE wildcards so user text is matched literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function containsPattern(filter: TextFilter | undefined): string | undefined {
  const text = filter?.contains?.trim();
  return text ? `%${escapeLike(text)}%` : undefined;
}

export function dateCondition(
  filter: DateFilter | undefined,
): { $gte?: string; $lte?: string } | undefined {
  if (!filter || (filter.gte == null && filter.lte == null)) {
    return undefined;
  }
  return {
    ...(filter.gte != null ? { $gte: filter.gte } : {}),
    ...(filter.lte != null ? { $lte: filter.lte } : {}),
  };
}

export enum SortDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(SortDirection, { name: 'SortDirection' });
