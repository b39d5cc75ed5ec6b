// Seeded roadmaps: the source texts in seeds/roadmaps/ and the JSON the importer makes of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importRoadmapText } from './roadmap-text.importer';

export const ROADMAP_SEEDS = {
  malyshevsky: { municipality: 'Малышевский городской округ' },
  chernogorsk: { municipality: 'город Черногорск' },
  sergokalinsky: { municipality: 'Сергокалинский район' },
} as const;

export type RoadmapSeedSlug = keyof typeof ROADMAP_SEEDS;

export const seedSourcePath = (slug: RoadmapSeedSlug, root = process.cwd()): string =>
  join(root, 'seeds', 'roadmaps', `${slug}.source.txt`);

/** The seeds/roadmaps/<slug>.json content for the current importer (2-space JSON + newline). */
export const buildSeedJson = (slug: RoadmapSeedSlug, root = process.cwd()): string => {
  const text = readFileSync(seedSourcePath(slug, root), 'utf8');
  const roadmap = importRoadmapText(text);
  return `${JSON.stringify({ municipality: ROADMAP_SEEDS[slug].municipality, ...roadmap }, null, 2)}\n`;
};
