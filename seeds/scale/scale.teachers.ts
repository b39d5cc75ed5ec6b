// Teachers of the scale schools (≈ one per 16 pupils: ≈ 12,400 a region), each with the current
// assignment, and the regional ЦНППМ's deficit diagnostics (September and April of three
// academic years): a third of the teachers never diagnosed, the rest once, twice or more, so
// the «latest diagnostic per teacher» has something to choose from.
import {
  QualificationCategory,
  CompetencyArea,
} from '../../server/modules/teachers/teachers.enums';
import { type CampaignArea, detectDeficits } from '../../server/modules/teachers/deficits';
import { pgArray } from '../../server/shared/pg-array';
import { json, type Row } from '../demo/demo.bulk';
import { between, clamp, normal, type Rng, streamFor } from '../demo/demo.random';
import { teacherName } from '../demo/demo.teachers-names';
import { BASE_YEARS, type ScaleRegion, type ScaleSchool } from './scale.geography';
import type { TableData } from './scale.types';
import { ASSIGNMENT_COLUMNS, CAMPAIGN_COLUMNS, TEACHER_COLUMNS, withId } from '../table-columns';

/** Year the staff is described in (experience as of 1 September). */
const REFERENCE_YEAR = 2024;

const SUBJECT_PROFILES: readonly (readonly [subjects: string[], weight: number])[] = [
  [['Русский язык', 'Литература'], 4],
  [['Математика'], 3.6],
  [['Английский язык'], 2.6],
  [['История', 'Обществознание'], 1.8],
  [['Физическая культура'], 1.6],
  [['Биология'], 0.9],
  [['Физика'], 0.9],
  [['Труд (технология)'], 0.9],
  [['Химия'], 0.7],
  [['География'], 0.7],
  [['Информатика'], 0.7],
  [['Музыка', 'Изобразительное искусство'], 0.7],
  [['ОБЗР'], 0.4],
];
const PROFILE_WEIGHT = SUBJECT_PROFILES.reduce((sum, [, w]) => sum + w, 0);

const AREAS: readonly CampaignArea[] = [
  CompetencyArea.NORMATIVE_LEGAL,
  CompetencyArea.SUBJECT,
  CompetencyArea.METHODICAL,
  CompetencyArea.PSYCHOLOGICAL_PEDAGOGICAL,
].map((area) => ({
  area,
  maxScore: 100,
  deficitBelow: area === CompetencyArea.METHODICAL ? 55 : 50,
}));

function profileOf(rng: Rng): string[] {
  let x = rng() * PROFILE_WEIGHT;
  for (const [subjects, weight] of SUBJECT_PROFILES) {
    x -= weight;
    if (x < 0) {
      return subjects;
    }
  }
  return SUBJECT_PROFILES[0][0];
}

function categoryOf(rng: Rng, experience: number): QualificationCategory {
  if (experience < 2) {
    return QualificationCategory.NONE;
  }
  const x = rng();
  if (experience < 5) {
    return x < 0.6 ? QualificationCategory.POSITION_MATCH : QualificationCategory.FIRST;
  }
  return x < 0.25
    ? QualificationCategory.POSITION_MATCH
    : x < 0.6
      ? QualificationCategory.FIRST
      : x < 0.94
        ? QualificationCategory.HIGHEST
        : x < 0.97
          ? QualificationCategory.METHODIST
          : QualificationCategory.MENTOR;
}

interface Staff {
  teacher: number;
  school: ScaleSchool;
  skill: number;
  /** 0 never takes part, else the chance to take part in a campaign. */
  reach: number;
  hireYear: number;
}

interface Campaign {
  code: string;
  heldOn: string;
}

function campaignsOf(region: ScaleRegion): Campaign[] {
  const rng = streamFor('scale', region.code, 'campaigns');
  return BASE_YEARS.flatMap((year) => [
    { code: `${region.code}-CNPPM-${year}-09`, heldOn: `${year}-09-${between(rng, 16, 24)}` },
    {
      code: `${region.code}-CNPPM-${year + 1}-04`,
      heldOn: `${year + 1}-04-${between(rng, 10, 18)}`,
    },
  ]);
}

export interface ScaleTeachers {
  tables: TableData[];
  /** Young teachers (≤ 3 years of teaching) per school index and academic year. */
  young: Map<number, Map<number, number>>;
}

function teacherRow(region: ScaleRegion, school: ScaleSchool, n: number, rng: Rng) {
  const experience = rng() < 0.14 ? between(rng, 0, 3) : between(rng, 4, 38);
  const age = clamp(22 + experience + between(rng, 0, 8), 22, 70);
  const female = rng() < 0.84;
  const primary = school.grades[0] === 1 && rng() < 0.28;
  const atSchool = Math.min(experience, between(rng, 0, 20));
  const hireYear = REFERENCE_YEAR - atSchool;
  const row: Row = {
    id: n,
    personnel_code: `${region.code}-T${String(n + 1).padStart(6, '0')}`,
    organization_id: school.organization,
    municipality_id: school.municipality,
    full_name: teacherName(rng, female, region.code),
    birth_year: REFERENCE_YEAR - age,
    subjects: json(primary ? ['Начальные классы'] : profileOf(rng)),
    position: primary ? 'Учитель начальных классов' : 'Учитель',
    category: categoryOf(rng, experience),
    total_experience_years: experience + between(rng, 0, 2),
    teaching_experience_years: experience,
    hire_date: `${hireYear}-08-${between(rng, 20, 31)}`,
  };
  return { row, experience, hireYear };
}

export function generateTeachers(region: ScaleRegion): ScaleTeachers {
  const teachers: Row[] = [];
  const assignments: Row[] = [];
  const staff: Staff[] = [];
  const young = new Map<number, Map<number, number>>();
  for (const school of region.schools) {
    const rng = streamFor('scale', school.code, 'teachers');
    const counts = new Map(BASE_YEARS.map((year) => [year, 0]));
    for (let i = 0; i < school.teachers; i += 1) {
      const n = teachers.length;
      const { row, experience, hireYear } = teacherRow(region, school, n, rng);
      teachers.push(row);
      assignments.push({
        id: n,
        teacher_id: n,
        organization_id: school.organization,
        started_on: row.hire_date,
        ended_on: null,
      });
      for (const year of BASE_YEARS) {
        const then = experience - (REFERENCE_YEAR - year);
        if (then >= 0 && then <= 3 && hireYear <= year) {
          counts.set(year, counts.get(year)! + 1);
        }
      }
      const x = rng();
      staff.push({
        teacher: n,
        school,
        skill: normal(rng) + 0.02 * Math.min(experience, 20),
        reach: x < 0.33 ? 0 : x < 0.75 ? 0.2 : 0.55,
        hireYear,
      });
    }
    young.set(school.index, counts);
  }
  const { campaigns, results } = diagnostics(region, staff);
  return {
    tables: [
      {
        table: 'teacher',
        hasId: true,
        refs: { organization_id: 'organization', municipality_id: 'municipality' },
        columns: withId(TEACHER_COLUMNS),
        rows: teachers,
      },
      {
        table: 'teacher_assignment',
        hasId: true,
        refs: { teacher_id: 'teacher', organization_id: 'organization' },
        columns: withId(ASSIGNMENT_COLUMNS),
        rows: assignments,
      },
      campaigns,
      results,
    ],
    young,
  };
}

function diagnostics(
  region: ScaleRegion,
  staff: Staff[],
): { campaigns: TableData; results: TableData } {
  const list = campaignsOf(region);
  const results: Row[] = [];
  list.forEach((campaign, c) => {
    const rng = streamFor('scale', campaign.code, 'results');
    const year = Number(campaign.heldOn.slice(0, 4));
    for (const member of staff) {
      if (member.reach === 0 || member.hireYear > year || rng() >= member.reach) {
        continue;
      }
      const scores: Partial<Record<CompetencyArea, number>> = {};
      for (const { area } of AREAS) {
        scores[area] = Math.round(
          clamp(66 + 12 * member.skill + 2.5 * c + 10 * normal(rng), 0, 100),
        );
      }
      results.push({
        id: results.length,
        campaign_id: c,
        teacher_id: member.teacher,
        organization_id: member.school.organization,
        municipality_id: member.school.municipality,
        scores: json(scores),
        deficits: pgArray(detectDeficits(scores, AREAS)),
      });
    }
  });
  return {
    campaigns: {
      table: 'diagnostic_campaign',
      hasId: true,
      refs: {},
      columns: withId(CAMPAIGN_COLUMNS),
      rows: list.map((campaign, c) => ({
        id: c,
        code: campaign.code,
        name: `Диагностика профессиональных дефицитов педагогов (${region.name}), ${campaign.heldOn.slice(0, 7)}`,
        operator: `ЦНППМ (${region.name})`,
        instrument: 'Онлайн-диагностика: 25 заданий, 0–100 баллов по каждой области',
        held_on: campaign.heldOn,
        areas: json(AREAS),
      })),
    },
    results: {
      table: 'diagnostic_result',
      hasId: true,
      refs: {
        campaign_id: 'diagnostic_campaign',
        teacher_id: 'teacher',
        organization_id: 'organization',
        municipality_id: 'municipality',
      },
      columns: [
        ['id', 'int'],
        ['campaign_id', 'int'],
        ['teacher_id', 'int'],
        ['organization_id', 'int'],
        ['municipality_id', 'int'],
        ['scores', 'jsonb'],
        ['deficits', 'competency_area[]'],
      ],
      rows: results,
    },
  };
}
