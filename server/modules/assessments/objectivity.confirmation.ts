// Signs 5 and 6 of DOMAIN.md §3.1: a result not confirmed by another procedure — the ВПР under
// objectivity control or ОГЭ/ЕГЭ of the same cohort — and medal holders not confirmed by ЕГЭ.
import { formatPercent, formatPoints, formatSigned } from './assessments.format';
import {
  type ControlGapThresholds,
  DEFAULT_OBJECTIVITY_THRESHOLDS,
  type MedalistThresholds,
  METHOD_VERSION,
  type ObjectivitySignFinding,
} from './objectivity.thresholds';

/** One result with its writers: % correct, or a share of marks, %. */
export interface CohortValue {
  value: number;
  cohort: number;
}

export interface ControlGapInput {
  /** `controlled_vpr` → control_sample_gap; `gia` (ОГЭ/ЕГЭ of the same cohort) → not_confirmed_by_gia. */
  source: 'controlled_vpr' | 'gia';
  regular: CohortValue;
  controlled: CohortValue;
  /** The region's values of both: compare the school's advantage over the region instead of the
   * raw values. Needed when the two tests differ (ВПР vs ОГЭ), optional for the controlled ВПР. */
  region?: { regular: number; controlled: number } | null;
  /** Name of the controlled procedure for the evidence, e.g. «ОГЭ»; a default per source. */
  controlledLabel?: string;
}

/** Sign 5: the regular ВПР exceeds the controlled result by at least gapThreshold п. п. */
export function checkControlGap(
  input: ControlGapInput,
  thresholds: ControlGapThresholds = DEFAULT_OBJECTIVITY_THRESHOLDS.controlGap,
): ObjectivitySignFinding | null {
  const { regular, controlled, region } = input;
  if (Math.min(regular.cohort, controlled.cohort) < thresholds.minCohort) {
    return null;
  }
  const gap = region
    ? regular.value - region.regular - (controlled.value - region.controlled)
    : regular.value - controlled.value;
  // At the threshold flags: «exceeds by ≥ gapThreshold».
  if (!(gap >= thresholds.gapThreshold)) {
    return null;
  }
  const sign = input.source === 'gia' ? 'not_confirmed_by_gia' : 'control_sample_gap';
  const label =
    input.controlledLabel ?? (input.source === 'gia' ? 'ОГЭ/ЕГЭ' : 'ВПР с контролем объективности');
  // Ends with «п. п.», whose own dot closes the sentence.
  const limit = `${formatPoints(gap)} ≥ ${formatPoints(thresholds.gapThreshold)}`;
  const evidence = region
    ? `Превышение над регионом по обычной ВПР ${formatSigned(regular.value - region.regular)} п. п. ` +
      `(${formatPercent(regular.value)} при ${formatPercent(region.regular)}, n = ${regular.cohort}), ` +
      `по ${label} ${formatSigned(controlled.value - region.controlled)} п. п. ` +
      `(${formatPercent(controlled.value)} при ${formatPercent(region.controlled)}, ` +
      `n = ${controlled.cohort}): разрыв ${limit}`
    : `Результат обычной ВПР ${formatPercent(regular.value)} (n = ${regular.cohort}) выше ` +
      `результата ${label} ${formatPercent(controlled.value)} (n = ${controlled.cohort}): ` +
      `разрыв ${limit}`;
  return {
    sign,
    criterion: region ? 'gap_relative_to_region' : 'gap',
    metric: gap,
    threshold: thresholds.gapThreshold,
    methodVersion: METHOD_VERSION[sign],
    evidence,
  };
}

export interface MedalistInput {
  /** Medal holders who sat the exam(s). */
  medalists: number;
  /** Of them, below the score the medal requires. */
  belowRequirement: number;
  /** «по русскому языку»…; «по русскому языку или математике» when absent. */
  subject?: string;
}

/** Sign 6: MNI = 100 × belowRequirement / medalists ≥ mniThreshold, with ≥ minMedalists. */
export function checkMedalistNonconfirmation(
  input: MedalistInput,
  thresholds: MedalistThresholds = DEFAULT_OBJECTIVITY_THRESHOLDS.medalistNonconfirmation,
): ObjectivitySignFinding | null {
  const { medalists, belowRequirement } = input;
  if (medalists < thresholds.minMedalists) {
    return null;
  }
  const mni = (100 * belowRequirement) / medalists;
  // At the threshold flags.
  if (!(mni >= thresholds.mniThreshold)) {
    return null;
  }
  const subject = input.subject ?? 'по русскому языку или математике';
  return {
    sign: 'medalist_nonconfirmation',
    criterion: 'mni',
    metric: mni,
    threshold: thresholds.mniThreshold,
    methodVersion: METHOD_VERSION.medalist_nonconfirmation,
    evidence:
      `${belowRequirement} из ${medalists} медалистов получили на ЕГЭ ${subject} меньше ` +
      `требуемого для медали: индекс неподтверждения ${formatPercent(mni)} ≥ ` +
      `${formatPercent(thresholds.mniThreshold)}.`,
  };
}

/** One medal holder's ЕГЭ results; null where the exam was not taken or is unknown. */
export interface MedalistExams {
  russian: number | null;
  mathProfile: number | null;
  mathBaseMark: number | null;
}

/**
 * Counts medal holders below the requirement from pupil rows: Russian ≥ russianMinScore and
 * (profile mathematics ≥ mathProfileMinScore or basic mathematics ≥ mathBaseMinMark). Rows
 * without a Russian or any mathematics result cannot be judged and are left out (`unknown`).
 */
export function countMedalistsBelowRequirement(
  rows: readonly MedalistExams[],
  thresholds: MedalistThresholds = DEFAULT_OBJECTIVITY_THRESHOLDS.medalistNonconfirmation,
): { medalists: number; belowRequirement: number; unknown: number } {
  let [medalists, belowRequirement, unknown] = [0, 0, 0];
  for (const row of rows) {
    if (row.russian === null || (row.mathProfile === null && row.mathBaseMark === null)) {
      unknown += 1;
      continue;
    }
    medalists += 1;
    const math =
      (row.mathProfile !== null && row.mathProfile >= thresholds.mathProfileMinScore) ||
      (row.mathBaseMark !== null && row.mathBaseMark >= thresholds.mathBaseMinMark);
    if (row.russian < thresholds.russianMinScore || !math) {
      belowRequirement += 1;
    }
  }
  return { medalists, belowRequirement, unknown };
}
