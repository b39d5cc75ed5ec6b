import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { Region } from '../server/modules/geography/geography.entity';
import { DemoSeeder } from './demo.seeder';
import { DirectionsSeeder } from './directions.seeder';
import { GeographySeeder } from './geography.seeder';
import { IndicatorsSeeder } from './indicators.seeder';
import { RoadmapsSeeder } from './roadmaps.seeder';

export interface SeedOptions {
  /** Also load the synthetic demo organizations, municipalities and indicator values. */
  demo?: boolean;
}

export class DatabaseSeeder extends Seeder {
  constructor(private readonly options: SeedOptions = {}) {
    super();
  }

  // Runs the domain seeders on the caller's EntityManager (Seeder.call would fork it and
  // step out of the caller's transaction).
  async run(em: EntityManager): Promise<void> {
    const seeders: Seeder[] = [
      new DirectionsSeeder(),
      new GeographySeeder(),
      new IndicatorsSeeder(),
      new RoadmapsSeeder(),
      ...(this.options.demo ? [new DemoSeeder()] : []),
    ];
    for (const seeder of seeders) {
      await seeder.run(em);
    }
  }
}

/** Seeds an empty database (no regions yet); returns whether it did. */
export async function seedIfEmpty(em: EntityManager, options: SeedOptions = {}): Promise<boolean> {
  if ((await em.count(Region, {})) > 0) {
    return false;
  }
  await em.transactional((tem) => new DatabaseSeeder(options).run(tem));
  return true;
}
