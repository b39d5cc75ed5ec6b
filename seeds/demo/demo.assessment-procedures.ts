// The demo assessment procedures of each year and the models of their school results.
// Scales follow the ФИПИ / ФИОКО materials of 2023–2025 [K]: ВПР 5th grade Russian (12 tasks,
// 45 points, «3» from 18, «4» from 29, «5» from 38) and mathematics (14 tasks, 20 points, 7 / 11
// / 15); ОГЭ Russian (33 points, 15 / 23 / 29) and mathematics (31 points, 8 / 15 / 22); ЕГЭ
// Russian on the 100-point test scale. Region levels and spreads are ours, realistic in size.
import { ProcedureKind } from '../../server/modules/assessments/assessments.enums';
import type { MarkScale } from './demo.scores';

export type SubjectCode = 'RUS' | 'MAT';

export const SUBJECT_NAMES: Readonly<Record<SubjectCode, string>> = {
  RUS: 'Русский язык',
  MAT: 'Математика',
};

/** First calendar year of the demo procedures (spring of the academic year 2022/2023). */
export const FIRST_PROCEDURE_YEAR = 2023;

export type ProcedureKey =
  | 'VPR_RUS_5'
  | 'VPR_MAT_5'
  | 'VPRK_MAT_5'
  | 'OGE_RUS'
  | 'OGE_MAT'
  | 'EGE_RUS';

export interface ProcedureModel {
  key: ProcedureKey;
  kind: ProcedureKind;
  subject: SubjectCode;
  grade: number;
  maxScore: number;
  /** Maximum score of each task (empty: the demo gives no task breakdown). */
  taskMax: readonly number[];
  /** Region completion of each task at the centre, % (the shape of the task profile). */
  taskCentre: readonly number[];
  marks: MarkScale | null;
  /** Share of the grade writing it. */
  turnout: number;
  /** Mean % at an average school of an average region. */
  centre: number;
  /** Half-range of the school means, п. п. (mean % = centre + spread · tanh(q / 1.2)). */
  spread: number;
  /** Share of the top mark, % = topBase + topSpread · tanh(q / 0.7): bounded, never a tail. */
  topBase: number;
  topSpread: number;
  /** Range of the pupils' sd, in primary points. */
  sdRange: [number, number];
}

// ВПР and ОГЭ of the same subject are driven by the same latent quality; ОГЭ spreads the
// schools a little wider (higher stakes), so a strong school is above the region on both.
export const GIA_SPREAD = 1.15;

const VPR_RUS_5: ProcedureModel = {
  key: 'VPR_RUS_5',
  kind: ProcedureKind.VPR,
  subject: 'RUS',
  grade: 5,
  maxScore: 45,
  taskMax: [9, 12, 2, 3, 3, 4, 2, 2, 2, 2, 2, 2],
  taskCentre: [74, 60, 68, 54, 47, 57, 64, 43, 51, 38, 71, 33],
  marks: { three: 18, four: 29, five: 38 },
  turnout: 0.93,
  centre: 57,
  spread: 12,
  topBase: 10,
  topSpread: 7,
  sdRange: [5, 9.5],
};

const VPR_MAT_5: ProcedureModel = {
  key: 'VPR_MAT_5',
  kind: ProcedureKind.VPR,
  subject: 'MAT',
  grade: 5,
  maxScore: 20,
  taskMax: [1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 2],
  taskCentre: [74, 70, 64, 67, 61, 58, 55, 49, 52, 43, 46, 37, 40, 34],
  marks: { three: 7, four: 11, five: 15 },
  turnout: 0.93,
  centre: 52,
  spread: 10,
  topBase: 15,
  topSpread: 10,
  sdRange: [2.4, 4.6],
};

export const PROCEDURE_MODELS: readonly ProcedureModel[] = [
  VPR_RUS_5,
  VPR_MAT_5,
  // The same works of the sampled schools, checked again by regional experts (S11).
  { ...VPR_MAT_5, key: 'VPRK_MAT_5', kind: ProcedureKind.VPR_CONTROLLED },
  {
    key: 'OGE_RUS',
    kind: ProcedureKind.OGE,
    subject: 'RUS',
    grade: 9,
    maxScore: 33,
    taskMax: [],
    taskCentre: [],
    marks: { three: 15, four: 23, five: 29 },
    turnout: 0.97,
    centre: 70,
    spread: VPR_RUS_5.spread * GIA_SPREAD,
    topBase: 20,
    topSpread: 16,
    sdRange: [3, 6.2],
  },
  {
    key: 'OGE_MAT',
    kind: ProcedureKind.OGE,
    subject: 'MAT',
    grade: 9,
    maxScore: 31,
    taskMax: [],
    taskCentre: [],
    marks: { three: 8, four: 15, five: 22 },
    turnout: 0.97,
    centre: 50,
    spread: VPR_MAT_5.spread * GIA_SPREAD,
    topBase: 12,
    topSpread: 9,
    sdRange: [3.5, 7],
  },
  {
    key: 'EGE_RUS',
    kind: ProcedureKind.EGE,
    subject: 'RUS',
    grade: 11,
    maxScore: 100,
    taskMax: [],
    taskCentre: [],
    marks: null,
    turnout: 0.98,
    centre: 68,
    spread: 9,
    topBase: 0,
    topSpread: 0,
    sdRange: [11, 15],
  },
];

export function modelOf(key: ProcedureKey): ProcedureModel {
  return PROCEDURE_MODELS.find((model) => model.key === key)!;
}

const CODE_PREFIX: Record<ProcedureKind, string> = {
  [ProcedureKind.VPR]: 'VPR',
  [ProcedureKind.VPR_CONTROLLED]: 'VPRK',
  [ProcedureKind.OGE]: 'OGE',
  [ProcedureKind.EGE]: 'EGE',
} as Record<ProcedureKind, string>;

/** E.g. "VPR-2024-RUS-5", "VPRK-2024-MAT-5", "OGE-2024-MAT", "EGE-2024-RUS". */
export function procedureCode(model: ProcedureModel, year: number): string {
  const base = `${CODE_PREFIX[model.kind]}-${year}-${model.subject}`;
  return model.kind === ProcedureKind.VPR || model.kind === ProcedureKind.VPR_CONTROLLED
    ? `${base}-${model.grade}`
    : base;
}

// Topic strengths: each school does a little better on some tasks and worse on others, by an
// amount unrelated to difficulty. Per difficulty rank (easiest first), the rank of the task's
// topic offset: Spearman's ρ with difficulty is 0 (12 tasks) or ±0.002 (14), and the easiest
// and hardest thirds have the same mean, so an honest profile never looks like help on hard
// tasks however the school's own strengths fall.
const TOPIC_RANKS: Readonly<Record<number, readonly number[]>> = {
  12: [5, 11, 8, 3, 9, 6, 2, 7, 1, 12, 4, 10],
  14: [13, 7, 1, 11, 5, 2, 14, 8, 3, 9, 12, 4, 6, 10],
};

/** Task indices from the easiest to the hardest (by the centre completion). */
export function tasksByDifficulty(model: ProcedureModel): number[] {
  return model.taskCentre
    .map((_, j) => j)
    .sort((a, b) => model.taskCentre[b] - model.taskCentre[a]);
}

/** Topic offset of each task (in task order), п. п. per unit of a school's topic strength. */
export function topicOffsets(model: ProcedureModel): number[] {
  const m = model.taskMax.length;
  const ranks = TOPIC_RANKS[m];
  if (!ranks) {
    throw new Error(`Demo data: no topic pattern for ${m} tasks`);
  }
  const offsets = new Array<number>(m).fill(0);
  tasksByDifficulty(model).forEach((task, rank) => {
    offsets[task] = ranks[rank] - (m + 1) / 2;
  });
  return offsets;
}
