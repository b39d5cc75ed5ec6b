// A school's result on one procedure while it is being built: its honest level (driven by the
// school's latent quality relative to its region), the pupils' score histogram, and what a
// planted case changes. Shared by the generator and the planting of non-objective results.
import { ProcedureKind } from '../../server/modules/assessments/assessments.enums';
import type { DemoOrganization } from './demo.types';
import { GIA_SPREAD, type ProcedureModel } from './demo.assessment-procedures';
import { clamp, type Rng, streamFor } from './demo.random';
import {
  histogramStats,
  marksOf,
  movePupils,
  pupilsOf,
  quantileHistogram,
  sdForTopShare,
  smoothThresholds,
} from './demo.scores';

export interface YearContext {
  /** Demo year index 0 … 2. */
  index: number;
  /** Calendar year of the procedures. */
  year: number;
  /** Latent quality of each school relative to its region's mean that year. */
  relativeQuality: Map<string, number>;
  /** Region level offset, п. п. */
  regionShift: Map<string, number>;
}

export interface Draft {
  org: DemoOrganization;
  regionCode: string;
  model: ProcedureModel;
  procedureCode: string;
  participants: number;
  relativeQuality: number;
  /** Honest mean % (what an objective check would find). */
  level: number;
  /** Honest share of the top mark, %. */
  top: number;
  histogram: number[];
  /** The school's topic strength (task profile), see topicOffsets. */
  topic: number;
  /** Planted: help on the hardest tasks, п. п. (0: none). */
  taskHelp: number;
  /** Planted: ВПР marks equal to the journal marks for (almost) everyone. */
  lenientJournal: boolean;
  /** Planted: medals not confirmed by ЕГЭ. */
  medalInflation: boolean;
}

export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Upper bound of the top-mark share of honest schools, %. */
export function topCap(model: ProcedureModel): number {
  return model.topBase + model.topSpread;
}

export function honestTop(model: ProcedureModel, relativeQuality: number): number {
  return model.topBase + model.topSpread * Math.tanh(relativeQuality / 0.7);
}

/** Honest mean %: centre + region + spread · tanh(q / 1.2) + the cohort's and own noise. */
export function honestLevel(
  org: DemoOrganization,
  regionCode: string,
  model: ProcedureModel,
  context: YearContext,
): number {
  const scale = model.kind === ProcedureKind.OGE ? GIA_SPREAD : 1;
  // The same cohort effect moves ВПР and ОГЭ of a subject in a year (same school, same teachers).
  const cohort = uniform(
    streamFor('assessment-cohort', org.code, context.year, model.subject),
    -1.5,
    1.5,
  );
  const own = uniform(streamFor('assessment-level', org.code, context.year, model.key), -0.5, 0.5);
  const q = context.relativeQuality.get(org.code)!;
  return (
    model.centre +
    scale * (context.regionShift.get(regionCode)! + cohort) +
    model.spread * Math.tanh(q / 1.2) +
    own
  );
}

/**
 * Pupils per score for a mean % and a share of the top mark: normal quantiles with the sd that
 * gives that share. Honest histograms keep the top share under the cap, have at least one «2»
 * from 50 writers, and no chance peak at a mark threshold.
 */
export function buildHistogram(
  model: ProcedureModel,
  participants: number,
  meanPercent: number,
  top: number,
  relativeQuality: number,
): number[] {
  const mean = (meanPercent * model.maxScore) / 100;
  const { marks } = model;
  if (!marks) {
    const sd = (model.sdRange[0] + model.sdRange[1]) / 2 - 1.5 * Math.tanh(relativeQuality);
    return quantileHistogram(participants, mean, sd, model.maxScore);
  }
  // Within the scale: no pile of pupils at the maximum or at zero from a cut-off normal tail.
  const sd = Math.min(
    sdForTopShare(mean, marks.five, top / 100, model.sdRange),
    (model.maxScore + 0.5 - mean) / 2,
    (mean + 0.5) / 2.3,
  );
  const histogram = quantileHistogram(participants, mean, sd, model.maxScore);
  const limit = Math.floor((participants * topCap(model)) / 100);
  let fives = marksOf(histogram, marks).mark5;
  for (let score = marks.five; fives > limit && score <= model.maxScore; ) {
    if (histogram[score] === 0) {
      score += 1;
    } else {
      movePupils(histogram, score, marks.five - 1, 1);
      fives -= 1;
    }
  }
  if (participants >= 50 && marksOf(histogram, marks).mark2 === 0) {
    const fullest = histogram.indexOf(Math.max(...histogram));
    movePupils(histogram, fullest, marks.three - 1, 1);
  }
  smoothThresholds(histogram, [marks.three, marks.four, marks.five]);
  return histogram;
}

/**
 * Keeps every honest school's share of the top mark within `limit` standard deviations of the
 * other schools of its region (as the analysis compares it, cohorts from 10): a school above it
 * gives a «5» back to the score just below the threshold until it is not. Run on the honest
 * drafts of one procedure, before anything is planted.
 */
export function trimTopShares(drafts: readonly Draft[], limit = 1.5): void {
  const five = drafts[0]?.model.marks?.five;
  if (five === undefined) {
    return;
  }
  const regions = new Set(drafts.map((d) => d.regionCode));
  for (const region of regions) {
    const own = drafts.filter((d) => d.regionCode === region && d.participants >= 10);
    for (let pass = 0, changed = true; changed && pass < 100; pass += 1) {
      changed = false;
      const shares = own.map(topShare);
      const sum = shares.reduce((s, x) => s + x, 0);
      const squares = shares.reduce((s, x) => s + x * x, 0);
      const k = own.length - 1;
      own.forEach((draft, i) => {
        const x = shares[i];
        const mean = (sum - x) / k;
        const sd = Math.sqrt(Math.max(0, (squares - x * x - k * mean * mean) / (k - 1)));
        if (k >= 10 && sd > 0 && (x - mean) / sd > limit) {
          const score = draft.histogram.findIndex((pupils, s) => s >= five && pupils > 0);
          movePupils(draft.histogram, score, five - 1, 1);
          changed = true;
        }
      });
    }
  }
}

/** Mean score and mean % as stored (2 decimals). */
export function storedMeans(
  model: ProcedureModel,
  histogram: readonly number[],
): { meanScore: number; meanPercent: number; scoreSd: number } {
  const { mean, sd } = histogramStats(histogram);
  const meanScore = round(mean, 2);
  return {
    meanScore,
    meanPercent: round((100 * meanScore) / model.maxScore, 2),
    scoreSd: round(sd, 2),
  };
}

export function meanPercentOf(draft: Draft): number {
  return storedMeans(draft.model, draft.histogram).meanPercent;
}

/** Participant-weighted mean % of the drafts of each region. */
export function regionMeans(drafts: readonly Draft[]): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const draft of drafts) {
    const [weighted, pupils] = sums.get(draft.regionCode) ?? [0, 0];
    sums.set(draft.regionCode, [
      weighted + draft.participants * meanPercentOf(draft),
      pupils + draft.participants,
    ]);
  }
  return new Map([...sums].map(([region, [weighted, pupils]]) => [region, weighted / pupils]));
}

/** The school's mean % above its region's, п. п. */
export function advantage(draft: Draft, means: Map<string, number>): number {
  return meanPercentOf(draft) - means.get(draft.regionCode)!;
}

/** Lower bound of the 95 % interval of the mean %, as the analysis computes it. */
export function lowerBound(draft: Draft): number {
  const { meanPercent, scoreSd } = storedMeans(draft.model, draft.histogram);
  const sdPercent = (100 * scoreSd) / draft.model.maxScore;
  return meanPercent - (1.96 * sdPercent) / Math.sqrt(draft.participants);
}

/** Share of the top mark, %. */
export function topShare(draft: Draft): number {
  const marks = marksOf(draft.histogram, draft.model.marks!);
  return (100 * marks.mark5) / pupilsOf(draft.histogram);
}

export function clampPercent(value: number): number {
  return clamp(value, 0, 100);
}
