// A roadmap per scale municipality, built from the activities of the real roadmaps in
// seeds/roadmaps: one section per МУМ direction, 80–150 activities with their deadline texts and
// parsed schedules, 1–3 executors each from the municipality's own list, and the occurrences the
// schedules give over 2022–2025 (done before the reference date, planned after).
import type { ParsedSchedule } from '../../server/importers/roadmap.types';
import { dueDates } from '../../server/importers/schedule.due-dates';
import { DIRECTIONS } from '../../server/modules/directions/directions.catalog';
import { OccurrenceStatus } from '../../server/modules/roadmaps/roadmaps.enums';
import { sortKeyFor } from '../../server/modules/roadmaps/schedule.sync';
import { json, type Row } from '../demo/demo.bulk';
import { between, type Rng, shuffle, streamFor } from '../demo/demo.random';
import { readRoadmapSeeds } from '../roadmaps.seeder';
import type { ScaleRegion } from './scale.geography';
import type { Directory, TableData } from './scale.types';

/** Occurrences due before this day are reported on. */
const AS_OF = '2025-05-20';
const PERIOD = { startYear: 2022, endYear: 2025 };

const EXECUTORS = [
  'Управление образования',
  'Муниципальная методическая служба',
  'Информационно-методический центр',
  'Руководители общеобразовательных организаций',
  'Заместители руководителей ОО по УВР',
  'Муниципальные методические объединения',
  'Центр дополнительного образования',
  'Психолого-педагогическая служба',
  'Муниципальный координатор ВсОШ',
];

interface Template {
  text: string;
  deadlineText: string;
  schedule: ParsedSchedule;
  cycleComponent: number | null;
}

let templates: Map<string, Template[]> | null = null;

/** Activities of the real roadmaps by top-level direction (sub-directions fold into theirs). */
function templatesByDirection(): Map<string, Template[]> {
  if (!templates) {
    templates = new Map();
    for (const { seed } of readRoadmapSeeds()) {
      for (const section of seed.sections) {
        const code = (section.directionCode ?? 'NORM').split('.').slice(0, 2).join('.');
        const list = templates.get(code) ?? [];
        for (const a of section.activities) {
          list.push({
            text: a.text,
            deadlineText: a.deadlineText,
            schedule: a.schedule,
            cycleComponent: a.cycleComponent ?? null,
          });
        }
        templates.set(code, list);
      }
    }
  }
  return templates;
}

const SECTIONS = DIRECTIONS.filter((d) => d.parentCode === null);

function occurrenceStatus(rng: Rng, due: string): OccurrenceStatus {
  if (due >= AS_OF) {
    return OccurrenceStatus.PLANNED;
  }
  const x = rng();
  return x < 0.85
    ? OccurrenceStatus.DONE
    : x < 0.9
      ? OccurrenceStatus.IN_PROGRESS
      : x < 0.93
        ? OccurrenceStatus.CANCELLED
        : OccurrenceStatus.PLANNED;
}

interface Tables {
  roadmaps: Row[];
  sections: Row[];
  activities: Row[];
  executors: Row[];
  links: Row[];
  occurrences: Row[];
}

function activitiesOf(
  t: Tables,
  rng: Rng,
  section: number,
  number: string,
  count: number,
  executors: number[],
  pool: Template[],
) {
  const order = shuffle(rng, pool);
  for (let k = 0; k < count; k += 1) {
    const template = order[k % order.length];
    const id = t.activities.length;
    const who = shuffle(rng, executors).slice(0, between(rng, 1, 3));
    const activityNumber = `${number}.${k + 1}`;
    const { kind, raw: _raw, ...details } = template.schedule;
    t.activities.push({
      id,
      section_id: section,
      number: activityNumber,
      sort_key: sortKeyFor(activityNumber),
      text: template.text,
      deadline_text: template.deadlineText,
      responsible_text: who.map((e) => t.executors[e].name).join(', '),
      schedule_kind: kind,
      schedule: json(details),
      cycle_component_code: template.cycleComponent ?? (rng() < 0.7 ? between(rng, 1, 9) : null),
    });
    for (const executor of who) {
      t.links.push({ activity_id: id, executor_id: executor });
    }
    for (const due of dueDates(template.schedule, PERIOD)) {
      const status = occurrenceStatus(rng, due);
      t.occurrences.push({
        id: t.occurrences.length,
        activity_id: id,
        due_date: due,
        status,
        completed_at: status === OccurrenceStatus.DONE ? `${due}T12:00:00Z` : null,
      });
    }
  }
}

function roadmapOf(t: Tables, region: ScaleRegion, m: number, directory: Directory): void {
  const municipality = region.municipalities[m];
  const rng = streamFor('scale', municipality.code, 'roadmap');
  const pools = templatesByDirection();
  const roadmap = t.roadmaps.length;
  t.roadmaps.push({
    id: roadmap,
    municipality_id: m,
    title: `План мероприятий (дорожная карта) по развитию муниципальных механизмов управления качеством образования: ${municipality.name}, 2022–2025 гг.`,
    order_number: `${between(rng, 10, 999)}-о`,
    order_date: `2021-12-${between(rng, 10, 28)}`,
    period_start: '2022-01-01',
    period_end: '2025-12-31',
    abbreviations: json([]),
  });
  const executors = EXECUTORS.map((name) => {
    const id = t.executors.length;
    t.executors.push({
      id,
      municipality_id: m,
      name: name === 'Управление образования' ? `${name} (${municipality.shortName})` : name,
      full_name: null,
    });
    return id;
  });
  const total = between(rng, 80, 150);
  const weights = SECTIONS.map((d) => 4 + (pools.get(d.code)?.length ?? 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  SECTIONS.forEach((direction, i) => {
    const section = t.sections.length;
    const number = String(i + 1);
    t.sections.push({
      id: section,
      roadmap_id: roadmap,
      number,
      title: direction.name,
      direction_id: directory.directions.get(direction.code) ?? null,
      sort_order: i,
    });
    const pool = pools.get(direction.code) ?? pools.get('NORM')!;
    activitiesOf(
      t,
      rng,
      section,
      number,
      Math.max(1, Math.round((total * weights[i]) / sum)),
      executors,
      pool,
    );
  });
}

export function generateRoadmaps(region: ScaleRegion, directory: Directory): TableData[] {
  const t: Tables = {
    roadmaps: [],
    sections: [],
    activities: [],
    executors: [],
    links: [],
    occurrences: [],
  };
  region.municipalities.forEach((_, m) => roadmapOf(t, region, m, directory));
  return [
    {
      table: 'roadmap',
      hasId: true,
      refs: { municipality_id: 'municipality' },
      columns: [
        ['id', 'int'],
        ['municipality_id', 'int'],
        ['title', 'text'],
        ['order_number', 'text'],
        ['order_date', 'date'],
        ['period_start', 'date'],
        ['period_end', 'date'],
        ['abbreviations', 'jsonb'],
      ],
      rows: t.roadmaps,
    },
    {
      table: 'roadmap_section',
      hasId: true,
      refs: { roadmap_id: 'roadmap' },
      columns: [
        ['id', 'int'],
        ['roadmap_id', 'int'],
        ['number', 'text'],
        ['title', 'text'],
        ['direction_id', 'int'],
        ['sort_order', 'int'],
      ],
      rows: t.sections,
    },
    {
      table: 'executor',
      hasId: true,
      refs: { municipality_id: 'municipality' },
      columns: [
        ['id', 'int'],
        ['municipality_id', 'int'],
        ['name', 'text'],
        ['full_name', 'text'],
      ],
      rows: t.executors,
    },
    {
      table: 'activity',
      hasId: true,
      refs: { section_id: 'roadmap_section' },
      columns: [
        ['id', 'int'],
        ['section_id', 'int'],
        ['number', 'text'],
        ['sort_key', 'text'],
        ['text', 'text'],
        ['deadline_text', 'text'],
        ['responsible_text', 'text'],
        ['schedule_kind', 'schedule_kind'],
        ['schedule', 'jsonb'],
        ['cycle_component_code', 'int'],
      ],
      rows: t.activities,
    },
    {
      table: 'activity_executor',
      hasId: false,
      refs: { activity_id: 'activity', executor_id: 'executor' },
      columns: [
        ['activity_id', 'int'],
        ['executor_id', 'int'],
      ],
      rows: t.links,
    },
    {
      table: 'activity_occurrence',
      hasId: true,
      refs: { activity_id: 'activity' },
      columns: [
        ['id', 'int'],
        ['activity_id', 'int'],
        ['due_date', 'date'],
        ['status', 'occurrence_status'],
        ['completed_at', 'timestamptz'],
      ],
      rows: t.occurrences,
    },
  ];
}
