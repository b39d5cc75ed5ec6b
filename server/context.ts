import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  em: EntityManager;
  loaders: Loaders;
  user: null;
  requestId: string;
  /** The date "now" for overdue and coverage (HUB_TODAY pins it for demos and tests). */
  today: string;
}

export function todayIso(fixed: string | null): string {
  return fixed ?? new Date().toISOString().slice(0, 10);
}

export function buildContext(orm: MikroORM, fixedToday: string | null): Context {
  const em = orm.em.fork();
  return {
    em,
    loaders: createLoaders(em),
    user: null,
    requestId: randomUUID(),
    today: todayIso(fixedToday),
  } satisfies Context;
}
