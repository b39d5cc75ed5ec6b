import type { EntityManager } from '@mikro-orm/postgresql';
import { ref } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { CYCLE_COMPONENTS, DIRECTIONS } from '../server/modules/directions/directions.catalog';
import { CycleComponent, Direction } from '../server/modules/directions/directions.entity';

export class DirectionsSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const existing = new Map(
      (await em.find(Direction, {})).map((direction) => [direction.code, direction]),
    );
    // Parents come first in the catalogue, so each child finds its parent in the map.
    for (const { parentCode, ...data } of DIRECTIONS) {
      const direction = existing.get(data.code) ?? em.create(Direction, data);
      Object.assign(direction, data);
      direction.parent = parentCode ? ref(existing.get(parentCode)!) : null;
      existing.set(data.code, direction);
    }
    const components = new Set(
      (await em.find(CycleComponent, {})).map((component) => component.code),
    );
    for (const component of CYCLE_COMPONENTS) {
      if (!components.has(component.code)) {
        em.create(CycleComponent, component);
      }
    }
    await em.flush();
  }
}
