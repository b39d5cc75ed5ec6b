import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { Region } from '../server/modules/geography/geography.entity';
import { DirectionsSeeder } from './directions.seeder';
import { GeographySeeder } from './geography.seeder';
import { RoadmapsSeeder } from './roadmaps.seeder';

export class DatabaseSeeder extends Seeder {
  // Runs the domain seeders on the caller's EntityManager (Seeder.call would fork it and
  // step out of the caller's transaction).
  async run(em: EntityManager): Promise<void> {
    for (const seeder of [new DirectionsSeeder(), new GeographySeeder(), new RoadmapsSeeder()]) {
      await seeder.run(em);
    }
  }
}

/** Seeds an empty database (no regions yet); returns whether it did. */
export async function seedIfEmpty(em: EntityManager): Promise<boolean> {
  if ((await em.count(Region, {})) > 0) {
    return false;
  }
  await em.transactional((tem) => new DatabaseSeeder().run(tem));
  return true;
}
