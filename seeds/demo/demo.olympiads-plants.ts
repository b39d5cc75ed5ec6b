// Planted re-check candidates and the check that the demo shows exactly them: in every region
// and year one school-stage paper with a near-perfect score in a big group (its holder then
// scores low at the municipal stage), and three schools whose school-stage share of diplomas is
// far above the rest of their region. The verification computes the re-check's statistics on
// the generated rows and fails the generator if honest data come near a threshold.
import {
  OlympiadStage,
  OlympiadStatus,
  STAGE_ORDER,
} from '../../server/modules/olympiads/olympiads.enums';
import { type Entry, groupKey, organizationOf, regionOf, shareOf } from './demo.olympiads-model';
import { groupBy, robustZ, schoolZ, spreadOf } from './demo.olympiads-stats';
import {
  DEMO_RECHECK,
  HONEST_MAX_ROBUST_Z,
  HONEST_MAX_SCHOOL_Z,
  PLANTED_MIN_ROBUST_Z,
  PLANTED_MIN_SCHOOL_Z,
  type PlantedAnomalousSchool,
  type PlantedOutlierWork,
  SUBJECTS,
} from './demo.olympiads-types';
import { streamFor } from './demo.random';

/** Schools planted with a high share of school-stage diplomas: region and year. */
const ANOMALOUS_SCHOOLS: readonly { regionCode: string; year: number }[] = [
  { regionCode: '47', year: 2025 },
  { regionCode: '66', year: 2025 },
  { regionCode: '19', year: 2024 },
];

/** Share of its school-stage entries a planted school awards. */
const PLANTED_SCHOOL_SHARE = 0.7;

// Big groups only (the re-check judges groups from 30 papers), of grades that go on to the
// municipal stage.
const PLANTED_GROUP_MIN = 80;

/**
 * Per region of the year: one paper of an ordinary pupil set to (nearly) the maximum in a big
 * group of grades 7–11 at the school stage, where that lies at z ≥ PLANTED_MIN_ROBUST_Z.
 */
export function plantOutlierWorks(school: readonly Entry[], year: number): Entry[] {
  const planted: Entry[] = [];
  for (const [regionCode, region] of [...groupBy(school, regionOf)].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const rng = streamFor('olympiad-plant-work', regionCode, year);
    const groups = [...groupBy(region, groupKey)]
      .filter(([, g]) => g.length >= PLANTED_GROUP_MIN && g[0].gradePerformed >= 7)
      .sort(([a], [b]) => a.localeCompare(b));
    for (let attempt = 0; attempt < 20 && groups.length > 0; attempt += 1) {
      const [, group] = groups[Math.floor(rng() * groups.length)];
      const ordinary = group.filter((e) => e.gradeActual === e.gradePerformed);
      if (ordinary.length === 0) {
        continue;
      }
      const entry = ordinary[Math.floor(rng() * ordinary.length)];
      const before = entry.score;
      entry.score = entry.maxScore >= 50 && rng() < 0.5 ? entry.maxScore - 1 : entry.maxScore;
      const z = robustZ(shareOf(entry), spreadOf(group.map(shareOf)));
      if (z !== null && z >= PLANTED_MIN_ROBUST_Z + 0.2) {
        entry.planted = true;
        planted.push(entry);
        break;
      }
      entry.score = before;
    }
  }
  return planted;
}

/** The planted papers' holders write the next stage in the subject and do poorly there. */
export function lowerPlantedHolders(municipal: readonly Entry[], planted: readonly Entry[]): void {
  const keys = new Set(planted.map((e) => `${e.pupil.code}|${e.subject}`));
  const found = municipal.filter((e) => keys.has(`${e.pupil.code}|${e.subject}`));
  if (found.length !== planted.length) {
    throw new Error('Demo olympiads: a planted paper’s holder was not admitted to the next stage');
  }
  for (const entry of found) {
    const rng = streamFor('olympiad-plant-next', entry.pupil.code, entry.subject);
    entry.score = Math.round(entry.maxScore * (0.05 + 0.07 * rng()));
  }
}

/**
 * The year's planted schools: an ordinary school (not a gymnasium or lyceum) of 60–400
 * school-stage entries in the region awards PLANTED_SCHOOL_SHARE of them.
 */
export function plantAnomalousSchools(school: readonly Entry[], year: number): Set<string> {
  const planted = new Set<string>();
  const byRegion = groupBy(school, regionOf);
  for (const { regionCode } of ANOMALOUS_SCHOOLS.filter((p) => p.year === year)) {
    const rng = streamFor('olympiad-plant-school', regionCode, year);
    const candidates = [...groupBy(byRegion.get(regionCode) ?? [], organizationOf)]
      .filter(([, own]) => {
        const type = own[0].pupil.school.org.schoolType;
        return own.length >= 60 && own.length <= 400 && (type === 'SOSH' || type === 'OOSH');
      })
      .sort(([a], [b]) => a.localeCompare(b));
    if (candidates.length === 0) {
      throw new Error(`Demo olympiads: no school to plant in region ${regionCode}`);
    }
    const [code, own] = candidates[Math.floor(rng() * candidates.length)];
    const target = Math.ceil(PLANTED_SCHOOL_SHARE * own.length);
    const ranked = own
      .filter((e) => e.status === OlympiadStatus.PARTICIPANT)
      .sort((a, b) => b.standing - a.standing || a.pupil.code.localeCompare(b.pupil.code));
    let diplomas = own.length - ranked.length;
    for (const entry of ranked) {
      if (diplomas >= target) {
        break;
      }
      entry.status = OlympiadStatus.PRIZE_WINNER;
      diplomas += 1;
    }
    planted.add(code);
  }
  return planted;
}

/**
 * The re-check's statistics over a year's entries, region by region and stage by stage: every
 * planted paper and school must stand clearly above the thresholds and every honest one clearly
 * below; returns the planted candidates with their statistics.
 */
export function verifyRecheck(
  entries: readonly Entry[],
  year: number,
  plantedSchools: ReadonlySet<string>,
): { works: PlantedOutlierWork[]; schools: PlantedAnomalousSchool[] } {
  const works: PlantedOutlierWork[] = [];
  const schools: PlantedAnomalousSchool[] = [];
  const problems: string[] = [];
  for (const [regionCode, region] of groupBy(entries, regionOf)) {
    for (const stage of STAGE_ORDER) {
      const atStage = region.filter((e) => e.stage === stage);
      for (const group of groupBy(atStage, groupKey).values()) {
        if (group.length < DEMO_RECHECK.outlierMinGroup) {
          continue;
        }
        const spread = spreadOf(group.map(shareOf));
        for (const entry of group) {
          const z = robustZ(shareOf(entry), spread) ?? 0;
          if (entry.planted) {
            if (z < PLANTED_MIN_ROBUST_Z) {
              problems.push(`planted paper ${entry.pupil.code} at z ${z.toFixed(2)}`);
            }
            works.push({
              regionCode,
              year,
              stage,
              subjectCode: SUBJECTS[entry.subject].code,
              studentCode: entry.pupil.code,
              organizationCode: organizationOf(entry),
              robustZ: z,
            });
          } else if (Math.abs(z) > HONEST_MAX_ROBUST_Z + 1e-6) {
            problems.push(`honest paper ${entry.pupil.code} ${stage} at z ${z.toFixed(2)}`);
          }
        }
      }
      const total = atStage.length;
      const diplomas = atStage.filter((e) => e.status !== OlympiadStatus.PARTICIPANT).length;
      for (const [code, own] of groupBy(atStage, organizationOf)) {
        if (own.length < DEMO_RECHECK.schoolMinEntries) {
          continue;
        }
        const held = own.filter((e) => e.status !== OlympiadStatus.PARTICIPANT).length;
        const z = schoolZ(held, own.length, diplomas - held, total - own.length) ?? 0;
        const planted = stage === OlympiadStage.SCHOOL && plantedSchools.has(code);
        if (planted) {
          if (z < PLANTED_MIN_SCHOOL_Z) {
            problems.push(`planted school ${code} at z ${z.toFixed(2)}`);
          }
          schools.push({ regionCode, year, stage, organizationCode: code, z });
        } else if (z > HONEST_MAX_SCHOOL_Z + 1e-6) {
          problems.push(`honest school ${code} ${stage} at z ${z.toFixed(2)}`);
        }
      }
    }
  }
  if (problems.length > 0 || schools.length !== plantedSchools.size) {
    throw new Error(`Demo olympiads ${year}: ${problems.slice(0, 5).join('; ')}`);
  }
  return { works, schools };
}
