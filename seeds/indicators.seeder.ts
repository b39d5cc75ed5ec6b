import type { EntityManager } from '@mikro-orm/postgresql';
import { ref } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { Direction } from '../server/modules/directions/directions.entity';
import { INDICATOR_CATALOG } from '../server/modules/indicators/indicators.catalog';
import { Indicator } from '../server/modules/indicators/indicators.entity';

/** Inserts the catalogue and brings existing indicators (matched by code) in line with it. */
export class IndicatorsSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const directions = new Map(
      (await em.find(Direction, {})).map((direction) => [direction.code, direction]),
    );
    const existing = new Map(
      (await em.find(Indicator, {})).map((indicator) => [indicator.code, indicator]),
    );
    for (const { directionCode, ...data } of INDICATOR_CATALOG) {
      const direction = directions.get(directionCode);
      if (!direction) {
        throw new Error(`Indicator ${data.code}: direction ${directionCode} is not seeded`);
      }
      const indicator = existing.get(data.code);
      if (indicator) {
        // Unchanged fields make no UPDATE (and no audit rows): a second run is a no-op.
        Object.assign(indicator, data);
        if (indicator.direction.id !== direction.id) {
          indicator.direction = ref(direction);
        }
      } else {
        em.create(Indicator, { ...data, direction: ref(direction) });
      }
    }
    await em.flush();
  }
}
