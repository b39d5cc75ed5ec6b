import type { Loaders } from '../../loaders';
import type { Access } from '../access/viewer';
import type { Activity, Roadmap } from './roadmaps.entity';

/** A roadmap the viewer may not read is reported as absent (no hint that it exists). */
export async function visibleRoadmap(
  loaders: Loaders,
  access: Access,
  roadmap: Roadmap | null,
): Promise<Roadmap | null> {
  if (!roadmap) {
    return null;
  }
  const municipality = await loaders.municipality.load(roadmap.municipality.id);
  return municipality &&
    access.canReadRowsOf({ id: municipality.id, regionId: municipality.region.id })
    ? roadmap
    : null;
}

export async function visibleActivity(
  loaders: Loaders,
  access: Access,
  activity: Activity | null,
): Promise<Activity | null> {
  if (!activity) {
    return null;
  }
  const section = await loaders.section.load(activity.section.id);
  const roadmap = section ? await loaders.roadmap.load(section.roadmap.id) : null;
  return (await visibleRoadmap(loaders, access, roadmap)) ? activity : null;
}
