import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122172045_initial } from './Migration20261122172045_initial';

// Every migration, in order. Never edit a committed migration: add a new one.
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122172045_initial', class: Migration20261122172045_initial },
];
