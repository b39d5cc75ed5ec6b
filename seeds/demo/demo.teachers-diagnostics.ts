// Diagnostics of professional deficits and the routes (ИОМ) they lead to. Per region, two
// campaigns a year by the regional ЦНППМ (September and April); each diagnoses ≈ 60–85 % of
// the region's teachers. Scores depend on the teacher's latent competence (talent, experience,
// the school's quality) per area; deficits are detected by the hub's own rule. Most teachers
// with a deficit in September get a route in October (courses, mentoring, methodical
// association, self-study), which raises the targeted areas by April; a route closes with the
// first later result that measured every targeted area and shows none of them as a deficit —
// the hub's rule — and stays open otherwise. One open route per teacher at a time.
import { OrganizationKind } from '../../server/modules/geography/geography.entity';
import {
  type CampaignArea,
  detectDeficits,
  routeCloses,
} from '../../server/modules/teachers/deficits';
import {
  CompetencyArea,
  RouteStatus,
  RouteStepKind,
  StepStatus,
} from '../../server/modules/teachers/teachers.enums';
import { between, clamp, normal, type Rng, shuffle, streamFor } from './demo.random';
import { youngIn } from './demo.teachers-mentorships';
import {
  dateBetween,
  experienceIn,
  novicePenalty,
  organizationOn,
  type StaffMember,
} from './demo.teachers-staff';
import {
  type DemoCampaign,
  type DemoDiagnosticResult,
  type DemoMentorship,
  type DemoRoute,
  type DemoRouteStep,
  TEACHER_AS_OF,
  TEACHER_REFERENCE_YEAR,
  TEACHER_YEARS,
} from './demo.teachers-types';
import type { DemoOrganization } from './demo.types';

const REGIONS: Readonly<Record<string, { name: string; genitive: string; institute: string }>> = {
  '05': {
    name: 'Республика Дагестан',
    genitive: 'Республики Дагестан',
    institute: 'ИРО Республики Дагестан',
  },
  '19': {
    name: 'Республика Хакасия',
    genitive: 'Республики Хакасия',
    institute: 'ИРО Республики Хакасия',
  },
  '47': {
    name: 'Ленинградская область',
    genitive: 'Ленинградской области',
    institute: 'ИРО Ленинградской области',
  },
  '66': {
    name: 'Свердловская область',
    genitive: 'Свердловской области',
    institute: 'ИРО Свердловской области',
  },
};

function region(code: string) {
  return (
    REGIONS[code] ?? {
      name: `Регион ${code}`,
      genitive: `региона ${code}`,
      institute: `ИРО региона ${code}`,
    }
  );
}

const BASE_AREAS: readonly CompetencyArea[] = [
  CompetencyArea.NORMATIVE_LEGAL,
  CompetencyArea.SUBJECT,
  CompetencyArea.METHODICAL,
  CompetencyArea.PSYCHOLOGICAL_PEDAGOGICAL,
];

/** Regions whose instrument adds the digital area from 2023/2024 on. */
const DIGITAL_REGIONS = new Set(['47', '66']);

function areasOf(regionCode: string, year: number): CampaignArea[] {
  const digital = DIGITAL_REGIONS.has(regionCode) && year >= 2023;
  return [...BASE_AREAS, ...(digital ? [CompetencyArea.DIGITAL] : [])].map((area) => ({
    area,
    maxScore: 100,
    deficitBelow: area === CompetencyArea.METHODICAL ? 55 : 50,
  }));
}

const day = (rng: Rng, from: number, to: number) => String(between(rng, from, to)).padStart(2, '0');

/** Six campaigns per region (September and April of three academic years), oldest first. */
export function generateCampaigns(regionCodes: readonly string[]): DemoCampaign[] {
  return regionCodes.flatMap((regionCode) => {
    const { name, genitive } = region(regionCode);
    const rng = streamFor('campaigns', regionCode);
    return TEACHER_YEARS.flatMap((year): DemoCampaign[] => {
      const areas = areasOf(regionCode, year);
      const tasks = areas.length === 5 ? 30 : 25;
      const instrument = `Онлайн-диагностика: ${tasks} заданий, 0–100 баллов по каждой области`;
      const operator = `ЦНППМ ${genitive}`;
      return [
        {
          code: `CNPPM-${regionCode}-${year}-09`,
          regionCode,
          name: `Диагностика профессиональных дефицитов педагогов (${name}), сентябрь ${year}`,
          operator,
          instrument,
          heldOn: `${year}-09-${day(rng, 16, 24)}`,
          areas,
          year,
          season: 'autumn',
        },
        {
          code: `CNPPM-${regionCode}-${year + 1}-04`,
          regionCode,
          name: `Повторная диагностика профессиональных дефицитов (${name}), апрель ${year + 1}`,
          operator,
          instrument,
          heldOn: `${year + 1}-04-${day(rng, 8, 18)}`,
          areas,
          year,
          season: 'spring',
        },
      ];
    });
  });
}

// Mean score per area before the teacher's own traits (the methodical threshold is 55).
const AREA_SHIFT: Readonly<Record<CompetencyArea, number>> = {
  [CompetencyArea.NORMATIVE_LEGAL]: 0,
  [CompetencyArea.SUBJECT]: 5,
  [CompetencyArea.METHODICAL]: 4,
  [CompetencyArea.PSYCHOLOGICAL_PEDAGOGICAL]: 1,
  [CompetencyArea.DIGITAL]: 2,
  [CompetencyArea.COMMUNICATIVE]: 3,
};

const SCORE_MEAN = 63;

/** The expected score of an area for a member in a year, before gains and noise. */
function expectedScore(
  member: StaffMember,
  trend: number,
  area: CompetencyArea,
  year: number,
): number {
  const experience = experienceIn(member, year);
  const age = year - member.teacher.birthYear;
  const novice = Math.exp(-Math.max(0, experience) / 3);
  const bias =
    member.areaBias[area] +
    (area === CompetencyArea.NORMATIVE_LEGAL ? -0.5 * novice : 0) +
    (area === CompetencyArea.METHODICAL ? -0.6 * novice : 0) +
    (area === CompetencyArea.DIGITAL ? -0.025 * Math.max(0, age - 40) : 0);
  const z = member.competence + 0.3 * trend - novicePenalty(experience);
  return SCORE_MEAN + 10 * z + 8 * bias + AREA_SHIFT[area] + 0.6 * (year - TEACHER_YEARS[0]);
}

const COURSES: Readonly<Record<CompetencyArea, string>> = {
  [CompetencyArea.NORMATIVE_LEGAL]:
    'Курс ПК «Нормативно-правовые основы профессиональной деятельности педагога»',
  [CompetencyArea.SUBJECT]: 'Курс ПК «Предметная компетентность учителя',
  [CompetencyArea.METHODICAL]:
    'Курс ПК «Реализация требований обновлённых ФГОС и ФОП в работе учителя»',
  [CompetencyArea.PSYCHOLOGICAL_PEDAGOGICAL]:
    'Курс ПК «Психолого-педагогическое сопровождение обучающихся, в том числе с ОВЗ»',
  [CompetencyArea.DIGITAL]: 'Курс ПК «Цифровая образовательная среда: инструменты учителя»',
  [CompetencyArea.COMMUNICATIVE]: 'Курс ПК «Эффективная коммуникация в образовательной среде»',
};

const TOPICS: Readonly<Record<CompetencyArea, string>> = {
  [CompetencyArea.NORMATIVE_LEGAL]: 'изучение ФОП и локальных актов ОО',
  [CompetencyArea.SUBJECT]: 'решение заданий ЕГЭ/ОГЭ повышенного уровня',
  [CompetencyArea.METHODICAL]: 'проектирование урока по ФГОС',
  [CompetencyArea.PSYCHOLOGICAL_PEDAGOGICAL]: 'индивидуализация обучения',
  [CompetencyArea.DIGITAL]: 'работа с ФГИС «Моя школа»',
  [CompetencyArea.COMMUNICATIVE]: 'взаимодействие с родителями',
};

const TUTORS = [
  'Методист ЦНППМ',
  'Тьютор ИРО',
  'Руководитель ШМО',
  'Методист муниципальной методической службы',
];

interface PendingRoute {
  route: DemoRoute;
  member: StaffMember;
  year: number;
  /** Date of the autumn result the route answers: only later results close it. */
  sourceHeldOn: string;
  mentored: boolean;
  schoolName: string;
}

function routeSteps(pending: PendingRoute): DemoRouteStep[] {
  const { route, member, year, mentored, schoolName } = pending;
  const rng = streamFor('route', route.personnelCode, year);
  const { genitive, institute } = region(member.regionCode);
  const subject = member.teacher.subjects[0];
  const courses = route.targetedDeficits.slice(0, 2).map(
    (area): Omit<DemoRouteStep, 'status'> => ({
      kind: RouteStepKind.REFRESHER_COURSE,
      title: area === CompetencyArea.SUBJECT ? `${COURSES[area]}: ${subject}»` : COURSES[area],
      provider: rng() < 0.55 ? `ЦНППМ ${genitive}` : institute,
      hours: rng() < 0.7 ? 36 : 72,
      dueDate: dateBetween(rng, `${year}-11-01`, `${year + 1}-02-28`),
    }),
  );
  const extras: Omit<DemoRouteStep, 'status'>[] = [];
  const later = () => dateBetween(rng, `${year}-12-01`, `${year + 1}-04-05`);
  if (rng() < (mentored ? 0.85 : 0.3)) {
    extras.push({
      kind: RouteStepKind.MENTORING,
      title: 'Наставничество: посещение и анализ уроков наставника',
      provider: schoolName,
      hours: 18,
      dueDate: later(),
    });
  }
  if (rng() < 0.6) {
    extras.push({
      kind: RouteStepKind.METHODICAL_ASSOCIATION,
      title: `Работа в муниципальном методическом объединении (${subject})`,
      provider: 'Муниципальная методическая служба',
      hours: 12,
      dueDate: later(),
    });
  }
  if (rng() < 0.12) {
    extras.push({
      kind: RouteStepKind.INTERNSHIP,
      title: 'Стажировка на базе школы — методического центра',
      provider: `ЦНППМ ${genitive}`,
      hours: 16,
      dueDate: later(),
    });
  }
  const selfStudy = (): Omit<DemoRouteStep, 'status'> => ({
    kind: RouteStepKind.SELF_STUDY,
    title: `Самообразование: ${TOPICS[route.targetedDeficits[0]]}`,
    provider: null,
    hours: 24,
    dueDate: later(),
  });
  if (rng() < 0.5 || courses.length + extras.length < 2) {
    extras.push(selfStudy());
  }
  const steps = [...courses, ...shuffle(rng, extras)].slice(0, 4);
  const stale = route.status === RouteStatus.OPEN && year < TEACHER_REFERENCE_YEAR;
  return steps
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((step) => {
      const draw = rng();
      let status = StepStatus.DONE;
      if (route.status === RouteStatus.OPEN && step.dueDate <= TEACHER_AS_OF) {
        status = stale
          ? draw < 0.7
            ? StepStatus.DONE
            : draw < 0.85
              ? StepStatus.CANCELLED
              : StepStatus.IN_PROGRESS
          : draw < 0.7
            ? StepStatus.DONE
            : draw < 0.95
              ? StepStatus.IN_PROGRESS
              : StepStatus.CANCELLED;
      } else if (step.dueDate > TEACHER_AS_OF) {
        status = draw < 0.5 ? StepStatus.IN_PROGRESS : StepStatus.PLANNED;
      }
      return { ...step, status };
    });
}

export interface Diagnostics {
  campaigns: DemoCampaign[];
  results: DemoDiagnosticResult[];
  routes: DemoRoute[];
}

/** Campaigns, results and routes for the staff of the demo schools. */
export function generateDiagnostics(
  members: readonly StaffMember[],
  organizations: readonly DemoOrganization[],
  mentorships: readonly DemoMentorship[],
): Diagnostics {
  const orgs = new Map(
    organizations
      .filter((org) => org.kind === OrganizationKind.SCHOOL)
      .map((org) => [org.code, org] as const),
  );
  const regionCodes = [...new Set(members.map((m) => m.regionCode))].sort();
  const campaigns = generateCampaigns(regionCodes);
  const campaignsOf = new Map(
    regionCodes.map((code) => [
      code,
      campaigns
        .filter((c) => c.regionCode === code)
        .sort((a, b) => a.heldOn.localeCompare(b.heldOn)),
    ]),
  );
  // Share of the region's teachers each campaign reaches, and each school's bent to take part.
  const reach = new Map(
    campaigns.map((c) => {
      const rng = streamFor('campaign-reach', c.code);
      const index = c.year - TEACHER_YEARS[0];
      const base = c.season === 'autumn' ? 0.68 + 0.04 * index : 0.62 + 0.04 * index;
      return [c.code, clamp(base + 0.04 * normal(rng), 0.58, 0.84)] as const;
    }),
  );
  const perSchoolYear = new Map<string, { bent: number; routeShare: number }>();
  const schoolYear = (school: string, year: number) => {
    const key = `${school}|${year}`;
    let found = perSchoolYear.get(key);
    if (!found) {
      const rng = streamFor('diagnostic-school', school, year);
      found = { bent: 0.08 * normal(rng), routeShare: clamp(0.8 + 0.06 * normal(rng), 0.64, 0.94) };
      perSchoolYear.set(key, found);
    }
    return found;
  };
  const mentored = new Set(mentorships.map((m) => `${m.menteeCode}|${m.year}`));

  const results: DemoDiagnosticResult[] = [];
  const pending: PendingRoute[] = [];
  for (const member of members) {
    const code = member.teacher.personnelCode;
    const rng = streamFor('diagnostics', code);
    const gain: Partial<Record<CompetencyArea, number>> = {};
    let open: PendingRoute | null = null;
    for (const campaign of campaignsOf.get(member.regionCode)!) {
      if (member.firstStart > campaign.heldOn) {
        continue;
      }
      const school = organizationOn(member, campaign.heldOn);
      const org = orgs.get(school)!;
      const yearIndex = campaign.year - TEACHER_YEARS[0];
      const spring = campaign.season === 'spring';
      // Work on a route shows by April in the areas it targets (and a little elsewhere); a
      // route carried over from an earlier year is worked on with less energy.
      if (spring && open) {
        const energy = open.year === campaign.year ? 1 : 0.6;
        const progress = 9 + 4 * normal(rng);
        for (const { area } of campaign.areas) {
          const targeted = open.route.targetedDeficits.includes(area);
          gain[area] = (gain[area] ?? 0) + energy * (targeted ? Math.max(2, progress) : 1);
        }
      }
      if (!spring && yearIndex > 0) {
        // Part of a year's gain fades over the summer.
        for (const area of Object.keys(gain) as CompetencyArea[]) {
          gain[area] = 0.75 * gain[area]!;
        }
      }
      const local = schoolYear(school, campaign.year);
      const share = spring && open ? 0.9 : reach.get(campaign.code)! + local.bent;
      if (rng() >= share) {
        continue;
      }
      const trend = org.trend * yearIndex;
      const young = spring && mentored.has(`${code}|${campaign.year}`);
      const scores: Partial<Record<CompetencyArea, number>> = {};
      for (const { area } of campaign.areas) {
        const mentoring =
          young &&
          (area === CompetencyArea.METHODICAL || area === CompetencyArea.PSYCHOLOGICAL_PEDAGOGICAL)
            ? 3
            : 0;
        const expected = expectedScore(member, trend, area, campaign.year);
        scores[area] = Math.round(
          clamp(expected + (gain[area] ?? 0) + mentoring + 6 * normal(rng), 0, 100),
        );
      }
      const deficits = detectDeficits(scores, campaign.areas);
      results.push({
        campaignCode: campaign.code,
        personnelCode: code,
        organizationCode: school,
        municipalityCode: org.municipalityCode,
        scores,
        deficits,
      });
      // The hub's rule: a later result that measured every targeted area and shows none.
      const measured = campaign.areas.map((a) => a.area);
      if (
        open &&
        campaign.heldOn > open.sourceHeldOn &&
        routeCloses(open.route.targetedDeficits, { deficits, measured })
      ) {
        Object.assign(open.route, {
          status: RouteStatus.CLOSED,
          closedOn: campaign.heldOn,
          closedByCampaignCode: campaign.code,
        });
        open = null;
      }
      if (!spring && !open && deficits.length > 0 && rng() < local.routeShare) {
        const tutorRng = streamFor('route-tutor', code, campaign.year);
        open = {
          route: {
            personnelCode: code,
            campaignCode: campaign.code,
            municipalityCode: org.municipalityCode,
            targetedDeficits: deficits,
            status: RouteStatus.OPEN,
            openedOn: dateBetween(tutorRng, `${campaign.year}-10-01`, `${campaign.year}-10-25`),
            closedOn: null,
            closedByCampaignCode: null,
            tutor: TUTORS[Math.floor(tutorRng() * TUTORS.length)],
            steps: [],
          },
          member,
          year: campaign.year,
          sourceHeldOn: campaign.heldOn,
          mentored: mentored.has(`${code}|${campaign.year}`) || youngIn(member, campaign.year),
          schoolName: org.shortName,
        };
        pending.push(open);
      }
    }
  }
  for (const item of pending) {
    item.route.steps = routeSteps(item);
  }
  return { campaigns, results, routes: pending.map((p) => p.route) };
}
