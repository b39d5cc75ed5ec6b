import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import type { ImportedRoadmap } from '../server/importers/roadmap.types';
import { Municipality } from '../server/modules/geography/geography.entity';
import { persistImportedRoadmap } from '../server/modules/roadmaps/roadmap-import.service';
import { Roadmap } from '../server/modules/roadmaps/roadmaps.entity';
import { projectRoot } from '../server/shared/paths';

export interface RoadmapSeedFile extends ImportedRoadmap {
  municipality: string;
}

export function roadmapSeedDir(): string {
  return path.join(projectRoot(), 'seeds', 'roadmaps');
}

/** The roadmaps structured from the real documents (importer output, checked by hand). */
export function readRoadmapSeeds(): { slug: string; seed: RoadmapSeedFile }[] {
  const dir = roadmapSeedDir();
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      slug: path.basename(file, '.json'),
      seed: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')),
    }));
}

export class RoadmapsSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    for (const { slug, seed } of readRoadmapSeeds()) {
      const municipality = await em.findOne(Municipality, { name: seed.municipality });
      if (!municipality) {
        throw new Error(`Seed ${slug}: municipality «${seed.municipality}» is not seeded`);
      }
      if (await em.count(Roadmap, { municipality })) {
        continue;
      }
      await persistImportedRoadmap(em, municipality, seed, {
        sourceFileName: `${slug}.source.txt`,
      });
      await em.flush();
    }
  }
}
