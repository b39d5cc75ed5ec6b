// Demo assessment results (issue #5 item 7): ВПР, ВПР under objectivity control, ОГЭ and ЕГЭ of
// every demo school over three years, pure and deterministic. A school's level follows its
// latent quality (so ШНОР stay ШНОР for a while); a few planted schools show each sign of
// non-objective results (DOMAIN.md §3.1) and every other school is clearly clean, so the
// analysis can be checked against the `planted` list.
import { ProcedureKind } from '../../server/modules/assessments/assessments.enums';
import { OrganizationKind } from '../../server/modules/geography/geography.entity';
import { pupils, quality } from './demo.figures';
import { clamp, shuffle, streamFor } from './demo.random';
import { DEMO_YEARS, type DemoMunicipality, type DemoOrganization } from './demo.types';
import {
  FIRST_PROCEDURE_YEAR,
  modelOf,
  PROCEDURE_MODELS,
  type ProcedureKey,
  type ProcedureModel,
  procedureCode,
  SUBJECT_NAMES,
  tasksByDifficulty,
  topicOffsets,
} from './demo.assessment-procedures';
import type {
  DemoAssessments,
  DemoProcedure,
  DemoResult,
  PlantedSign,
} from './demo.assessment-types';
import {
  buildHistogram,
  clampPercent,
  type Draft,
  honestLevel,
  honestTop,
  regionMeans,
  round,
  storedMeans,
  trimTopShares,
  uniform,
  type YearContext,
} from './demo.assessment-drafts';
import { Planter, type YearDrafts } from './demo.assessment-plants';
import { histogramRecord, marksOf } from './demo.scores';

export type * from './demo.assessment-types';

interface School {
  org: DemoOrganization;
  regionCode: string;
}

function yearContext(index: number, schools: readonly School[]): YearContext {
  const byRegion = new Map<string, number[]>();
  for (const { org, regionCode } of schools) {
    byRegion.set(regionCode, [...(byRegion.get(regionCode) ?? []), quality(org, index)]);
  }
  const regionMean = new Map(
    [...byRegion].map(([region, qs]) => [region, qs.reduce((s, q) => s + q, 0) / qs.length]),
  );
  return {
    index,
    year: FIRST_PROCEDURE_YEAR + index,
    relativeQuality: new Map(
      schools.map(({ org, regionCode }) => [
        org.code,
        quality(org, index) - regionMean.get(regionCode)!,
      ]),
    ),
    regionShift: new Map([...regionMean].map(([region, q]) => [region, 4 * Math.tanh(q)])),
  };
}

function participantsOf(org: DemoOrganization, model: ProcedureModel, index: number): number {
  if (!(org.grades[model.grade] > 0)) {
    return 0;
  }
  return Math.max(1, Math.round(model.turnout * pupils(org, model.grade, model.grade, index)));
}

/** A school's topic strength: ± 0.6–1.0, the same for the regular and the re-checked ВПР. */
function topicStrength(org: DemoOrganization, model: ProcedureModel, year: number): number {
  const rng = streamFor('assessment-topic', org.code, model.subject, model.grade, year);
  return (rng() < 0.5 ? -1 : 1) * uniform(rng, 0.6, 1);
}

function honestDraft(school: School, model: ProcedureModel, context: YearContext): Draft | null {
  const participants = participantsOf(school.org, model, context.index);
  if (participants === 0) {
    return null;
  }
  const relativeQuality = context.relativeQuality.get(school.org.code)!;
  const level = honestLevel(school.org, school.regionCode, model, context);
  const top = model.marks ? honestTop(model, relativeQuality) : 0;
  return {
    org: school.org,
    regionCode: school.regionCode,
    model,
    procedureCode: procedureCode(model, context.year),
    participants,
    relativeQuality,
    level,
    top,
    histogram: buildHistogram(model, participants, level, top, relativeQuality),
    topic: topicStrength(school.org, model, context.year),
    taskHelp: 0,
    lenientJournal: false,
    medalInflation: false,
  };
}

/**
 * The sample of ВПР under objectivity control (≈ 10 % of each region's schools with the grade,
 * the control-gap cases among them): the same works re-checked by experts, so an honest school's
 * result stays within ±1 п. п. The sample is drawn so that its mean is close to the region's,
 * or every sampled school would seem to gain or lose against the region by the sample's bias.
 */
function controlledDrafts(
  drafts: YearDrafts,
  planting: { planted: Set<string>; controlled: Set<string> },
): Draft[] {
  const regular = [...drafts.byKey.get('VPR_MAT_5')!.values()];
  const means = regionMeans(regular);
  const model = modelOf('VPRK_MAT_5');
  const year = drafts.context.year;
  const out: Draft[] = [];
  for (const region of [...means.keys()].sort()) {
    const own = regular.filter((d) => d.regionCode === region);
    const candidates = own
      .filter((d) => planting.controlled.has(d.org.code) || !planting.planted.has(d.org.code))
      .filter((d) => d.participants >= 15)
      .map((d): Draft => {
        const level = d.level + uniform(streamFor('assessment-recheck', d.org.code, year), -1, 1);
        return {
          ...d,
          model,
          procedureCode: procedureCode(model, year),
          level,
          histogram: buildHistogram(model, d.participants, level, d.top, d.relativeQuality),
          taskHelp: 0,
          lenientJournal: false,
        };
      });
    const target = means.get(region)!;
    const size = Math.round(0.1 * own.length);
    const sample = candidates.filter((d) => planting.controlled.has(d.org.code));
    const meanOf = (list: Draft[]) =>
      list.reduce((s, d) => s + d.participants * storedMeans(model, d.histogram).meanPercent, 0) /
      list.reduce((s, d) => s + d.participants, 0);
    const rng = streamFor('assessment-control-sample', region, year);
    for (const candidate of shuffle(
      rng,
      candidates.filter((d) => !sample.includes(d)),
    )) {
      if (sample.length >= size) {
        break;
      }
      const before = sample.length > 0 ? Math.abs(meanOf(sample) - target) : Infinity;
      if (Math.abs(meanOf([...sample, candidate]) - target) <= Math.max(0.75, before)) {
        sample.push(candidate);
      }
    }
    out.push(...sample.sort((a, b) => a.org.code.localeCompare(b.org.code)));
  }
  return out;
}

const EGE_MINIMUM = 24;

function taskCompletion(draft: Draft, meanPercent: number): number[] | null {
  const { model } = draft;
  const m = model.taskMax.length;
  if (m === 0) {
    return null;
  }
  const offsets = topicOffsets(model);
  const help = new Array<number>(m).fill(0);
  if (draft.taskHelp > 0) {
    // Help on the hardest third, carelessness on the easiest: the mean stays the school's own.
    const order = tasksByDifficulty(model);
    const third = Math.floor(m / 3);
    order.slice(0, third).forEach((j) => (help[j] = -draft.taskHelp));
    order.slice(m - third).forEach((j) => (help[j] = draft.taskHelp));
  }
  const raw = model.taskCentre.map((c, j) => c + draft.topic * offsets[j] + help[j]);
  const weighted = raw.reduce((s, c, j) => s + (c * model.taskMax[j]) / model.maxScore, 0);
  return raw.map((c) => round(clampPercent(c + meanPercent - weighted), 1));
}

function journal(draft: Draft, year: number): [number, number, number] {
  const n = draft.participants;
  if (draft.lenientJournal) {
    const confirmed = n >= 25 ? n - 1 : n;
    return [n - confirmed, confirmed, 0];
  }
  const rng = streamFor('assessment-journal', draft.org.code, draft.model.key, year);
  const share = clamp(58 + 7 * Math.tanh(draft.relativeQuality) + uniform(rng, -10, 10), 45, 72);
  const confirmed = Math.floor((n * share) / 100);
  const raised = Math.min(n - confirmed, Math.round(n * uniform(rng, 0.03, 0.12)));
  return [n - confirmed - raised, confirmed, raised];
}

function medals(draft: Draft, year: number): [number, number] {
  const n = draft.participants;
  const rng = streamFor('assessment-medals', draft.org.code, year);
  if (draft.medalInflation) {
    const medalists = Math.min(n, Math.max(5, Math.round(n * uniform(rng, 0.18, 0.26))));
    return [medalists, Math.ceil(medalists * uniform(rng, 0.4, 0.6))];
  }
  const rate = clamp(
    0.06 + 0.04 * Math.tanh(draft.relativeQuality) + uniform(rng, -0.02, 0.02),
    0.01,
    0.12,
  );
  const medalists = Math.floor(n * rate);
  return [medalists, Math.floor(medalists * uniform(rng, 0, 0.2))];
}

function toResult(draft: Draft, year: number): DemoResult {
  const { model, histogram } = draft;
  const { meanScore, meanPercent, scoreSd } = storedMeans(model, histogram);
  const marks = model.marks ? marksOf(histogram, model.marks) : null;
  const withJournal = model.kind === ProcedureKind.VPR;
  const [lowered, confirmed, raised] = withJournal ? journal(draft, year) : [null, null, null];
  const isEge = model.kind === ProcedureKind.EGE;
  const [medalists, below] = isEge ? medals(draft, year) : [null, null];
  return {
    procedureCode: draft.procedureCode,
    organizationCode: draft.org.code,
    municipalityCode: draft.org.municipalityCode,
    participants: draft.participants,
    mark2: marks?.mark2 ?? null,
    mark3: marks?.mark3 ?? null,
    mark4: marks?.mark4 ?? null,
    mark5: marks?.mark5 ?? null,
    meanScore,
    scoreSd,
    meanPercent,
    taskCompletion: taskCompletion(draft, meanPercent),
    journalLowered: lowered,
    journalConfirmed: confirmed,
    journalRaised: raised,
    belowMinimum: isEge
      ? histogram.slice(0, EGE_MINIMUM).reduce((s, x) => s + x, 0)
      : (marks?.mark2 ?? null),
    medalists,
    medalistsBelowRequirement: below,
    scoreHistogram: histogramRecord(histogram),
  };
}

function procedureOf(model: ProcedureModel, year: number): DemoProcedure {
  return {
    code: procedureCode(model, year),
    kind: model.kind,
    subject: SUBJECT_NAMES[model.subject],
    grade: model.grade,
    year,
    maxScore: model.maxScore,
    tasks: model.taskMax.map((maxScore, j) => ({ number: String(j + 1), maxScore })),
    markThresholds: model.marks
      ? { '3': model.marks.three, '4': model.marks.four, '5': model.marks.five }
      : {},
  };
}

/** Procedures, results and planted signs of the demo schools, years 2023 … 2025. */
export function generateDemoAssessments(
  organizations: readonly DemoOrganization[],
  municipalities: readonly DemoMunicipality[],
): DemoAssessments {
  const regionOf = new Map(municipalities.map((m) => [m.code, m.regionCode]));
  const schools: School[] = organizations
    .filter((org) => org.kind === OrganizationKind.SCHOOL)
    .map((org) => ({ org, regionCode: regionOf.get(org.municipalityCode)! }));
  const planter = new Planter(schools);
  const procedures: DemoProcedure[] = [];
  const results: DemoResult[] = [];
  const planted: PlantedSign[] = [];
  for (let index = 0; index < DEMO_YEARS; index += 1) {
    const context = yearContext(index, schools);
    const byKey = new Map<ProcedureKey, Map<string, Draft>>();
    for (const model of PROCEDURE_MODELS) {
      if (model.kind === ProcedureKind.VPR_CONTROLLED) {
        continue;
      }
      const drafts = schools
        .map((school) => honestDraft(school, model, context))
        .filter((d): d is Draft => d !== null);
      trimTopShares(drafts);
      byKey.set(model.key, new Map(drafts.map((d) => [d.org.code, d])));
    }
    const honestMeans = new Map(
      [...byKey].map(([key, drafts]) => [key, regionMeans([...drafts.values()])]),
    );
    const yearDrafts: YearDrafts = { context, byKey, honestMeans };
    const planting = planter.plant(yearDrafts);
    byKey.set(
      'VPRK_MAT_5',
      new Map(controlledDrafts(yearDrafts, planting).map((d) => [d.org.code, d])),
    );
    for (const model of PROCEDURE_MODELS) {
      procedures.push(procedureOf(model, context.year));
      for (const draft of byKey.get(model.key)!.values()) {
        results.push(toResult(draft, context.year));
      }
    }
    for (const sign of planting.signs) {
      planted.push({
        organizationCode: sign.organizationCode,
        procedureCode: procedureCode(modelOf(sign.key), context.year),
        year: context.year,
        sign: sign.sign,
      });
    }
  }
  return {
    procedures,
    results,
    planted,
    counts: { procedures: procedures.length, results: results.length, planted: planted.length },
  };
}
