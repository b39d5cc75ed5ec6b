// Demo ВсОШ protocols of the demo schools for 2024/2025 and 2025/2026 (issue #7 item 7): grade
// enrolments, pupils under pseudonymous codes, school-stage entries and the municipal, regional
// and final stages drawn from them with DOMAIN.md §4's proportions, and a few planted re-check
// candidates (outlier papers, schools with too many diplomas) that the re-check must find and
// nothing else. Pure and deterministic like the rest of the demo.
import { OrganizationKind } from '../../server/modules/geography/geography.entity';
import { STAGE_ORDER } from '../../server/modules/olympiads/olympiads.enums';
import { type Entry, gradeIn, municipalityOf, type Pupil, regionOf } from './demo.olympiads-model';
import {
  lowerPlantedHolders,
  plantAnomalousSchools,
  plantOutlierWorks,
  verifyRecheck,
} from './demo.olympiads-plants';
import { schoolOf, schoolStage } from './demo.olympiads-pupils';
import { capHonestScores, drawScore, rankStandings } from './demo.olympiads-scores';
import {
  admitFinal,
  admitMunicipal,
  admitRegional,
  awardByProtocol,
  awardFinal,
  awardSchoolStage,
  capSchoolShares,
  scoreAll,
} from './demo.olympiads-stages';
import {
  type DemoGradeEnrolment,
  type DemoOlympiadRecord,
  type DemoOlympiads,
  type DemoStudent,
  OLYMPIAD_YEARS,
  type PlantedAnomalousSchool,
  type PlantedOutlierWork,
  SUBJECTS,
} from './demo.olympiads-types';
import type { DemoMunicipality, DemoOrganization } from './demo.types';

export * from './demo.olympiads-types';

const NO_PLANTED_SCHOOLS: ReadonlySet<string> = new Set();

/** Scores a later stage, keeps its honest papers in band and ranks them. */
function score(entries: readonly Entry[]): void {
  scoreAll(entries, drawScore);
}

function settle(entries: readonly Entry[]): void {
  capHonestScores(entries);
  rankStandings(entries);
}

/** One academic year: the four stages, in order, with the planted candidates. */
function olympiadYear(
  school: readonly Entry[],
  previousMunicipal: readonly Entry[],
  year: number,
): {
  entries: Entry[];
  municipal: Entry[];
  works: PlantedOutlierWork[];
  schools: PlantedAnomalousSchool[];
} {
  score(school);
  const plantedWorks = plantOutlierWorks(school, year);
  settle(school);
  awardSchoolStage(school, year);
  const plantedSchools = plantAnomalousSchools(school, year);
  capSchoolShares(school, plantedSchools);

  const municipal = admitMunicipal(school, previousMunicipal, year);
  score(municipal);
  lowerPlantedHolders(municipal, plantedWorks);
  settle(municipal);
  awardByProtocol(municipal, municipalityOf);
  capSchoolShares(municipal, NO_PLANTED_SCHOOLS);

  const regional = admitRegional(municipal, year);
  score(regional);
  settle(regional);
  awardByProtocol(regional, regionOf);
  capSchoolShares(regional, NO_PLANTED_SCHOOLS);

  const final = admitFinal(regional);
  score(final);
  settle(final);
  awardFinal(final);
  capSchoolShares(final, NO_PLANTED_SCHOOLS);

  const entries = [...school, ...municipal, ...regional, ...final];
  const planted = verifyRecheck(entries, year, plantedSchools);
  if (planted.works.length !== plantedWorks.length) {
    throw new Error(`Demo olympiads ${year}: a planted paper fell into a small group`);
  }
  return { entries, municipal, ...planted };
}

/** The pupil's organization and grade in the latest demo year they are on its roll. */
function latestGrade(pupil: Pupil): number {
  const [first, second] = OLYMPIAD_YEARS;
  const next = gradeIn(pupil, second, first);
  return next <= 11 && pupil.school.enrolment[1][next] > 0 ? next : pupil.firstGrade;
}

function toRecord(entry: Entry): DemoOlympiadRecord {
  return {
    year: entry.year,
    stage: entry.stage,
    subjectCode: SUBJECTS[entry.subject].code,
    studentCode: entry.pupil.code,
    organizationCode: entry.pupil.school.org.code,
    municipalityCode: entry.pupil.school.org.municipalityCode,
    gradeActual: entry.gradeActual,
    gradePerformed: entry.gradePerformed,
    score: entry.score,
    maxScore: entry.maxScore,
    status: entry.status,
  };
}

export function generateDemoOlympiads(
  organizations: readonly DemoOrganization[],
  municipalities: readonly DemoMunicipality[],
): DemoOlympiads {
  const regionOfMunicipality = new Map(municipalities.map((m) => [m.code, m.regionCode]));
  const schools = organizations
    .filter((org) => org.kind === OrganizationKind.SCHOOL && org.grades.length > 0)
    .map((org) => schoolOf(org, regionOfMunicipality.get(org.municipalityCode)!));
  const stages = schools.map(schoolStage);

  const enrolments: DemoGradeEnrolment[] = schools.flatMap((school) =>
    OLYMPIAD_YEARS.flatMap((year, y) =>
      school.enrolment[y].flatMap((pupils, grade) =>
        grade > 0 && pupils > 0
          ? [
              {
                organizationCode: school.org.code,
                municipalityCode: school.org.municipalityCode,
                year,
                grade,
                pupils,
              },
            ]
          : [],
      ),
    ),
  );

  let records: DemoOlympiadRecord[] = [];
  const works: PlantedOutlierWork[] = [];
  const plantedSchools: PlantedAnomalousSchool[] = [];
  let previousMunicipal: Entry[] = [];
  OLYMPIAD_YEARS.forEach((year, y) => {
    const result = olympiadYear(
      stages.flatMap((stage) => stage.entries[y]),
      previousMunicipal,
      year,
    );
    previousMunicipal = result.municipal;
    const order = (e: Entry) => STAGE_ORDER.indexOf(e.stage);
    records = records.concat(result.entries.sort((a, b) => order(a) - order(b)).map(toRecord));
    works.push(...result.works);
    plantedSchools.push(...result.schools);
  });

  const students: DemoStudent[] = stages.flatMap((stage) =>
    stage.pupils.map((pupil) => ({
      code: pupil.code,
      organizationCode: pupil.school.org.code,
      municipalityCode: pupil.school.org.municipalityCode,
      grade: latestGrade(pupil),
      birthYear: pupil.birthYear,
      fullName: pupil.fullName,
    })),
  );

  return {
    enrolments,
    students,
    records,
    planted: { works, schools: plantedSchools },
    counts: {
      gradeEnrolments: enrolments.length,
      students: students.length,
      records: records.length,
    },
  };
}
