// Signs of non-objective results (DOMAIN.md §3.1) as pure functions: plain numbers in (as SQL
// aggregates deliver them), a finding with its evidence or null out. No database access.
// Percentages and shares are on the 0–100 scale; differences are in percentage points.
import {
  countRu,
  formatLevel,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSigned,
} from './assessments.format';
import {
  DEFAULT_OBJECTIVITY_THRESHOLDS,
  type HighVsRegionThresholds,
  METHOD_VERSION,
  type ObjectivitySignFinding,
  type TaskProfileThresholds,
} from './objectivity.thresholds';
import {
  confidenceLevel,
  mean,
  spearmanCorrelation,
  standardErrorOfMean,
  standardErrorOfProportion,
} from './statistics';

// One entry point for callers: thresholds, and the signs kept in sibling files.
export * from './objectivity.confirmation';
export * from './objectivity.marks';
export * from './objectivity.thresholds';

/** «≥» or «<» in the evidence, as a non-strict comparison came out. */
function relation(passed: boolean): string {
  return passed ? '≥' : '<';
}

/**
 * The school's level: mean % correct with the pupils' sample sd in п. п. (SE = sd/√n; if sd is
 * stored in primary points, pass sd / maxScore × 100), or a share of marks (SE = √(q(1−q)/n)).
 */
export type SchoolEstimate =
  | { kind: 'mean_percent'; mean: number; sd: number }
  | { kind: 'share'; share: number; /** e.g. «Доля отметок «4» и «5»» */ label: string };

export interface HighVsRegionInput {
  estimate: SchoolEstimate;
  cohort: number;
  /** The region's value of the same measure. */
  regionValue: number;
  /** Lyceum, gymnasium or another selective school: high results are expected (ФИОКО 2018). */
  selective: boolean;
  /** ОГЭ/ЕГЭ of the same subject and cohort, any scale as long as both are on it. */
  exam?: { label: string; school: number; region: number } | null;
}

/** Sign 1: the school's confidence interval lies entirely above the regional value. */
export function checkHighVsRegion(
  input: HighVsRegionInput,
  thresholds: HighVsRegionThresholds = DEFAULT_OBJECTIVITY_THRESHOLDS.highVsRegion,
): ObjectivitySignFinding | null {
  const { estimate, cohort, regionValue, exam } = input;
  if (input.selective || cohort < thresholds.minCohort) {
    return null;
  }
  const [value, se, label] =
    estimate.kind === 'mean_percent'
      ? [estimate.mean, standardErrorOfMean(estimate.sd, cohort), 'Средний процент выполнения']
      : [
          estimate.share,
          100 * standardErrorOfProportion(estimate.share / 100, cohort),
          estimate.label,
        ];
  const lower = value - thresholds.z * se;
  // Strictly above: a bound equal to the regional value is not flagged.
  if (!(lower > regionValue)) {
    return null;
  }
  const examAbove = exam ? exam.school > exam.region : null;
  if (thresholds.examRule === 'clear_if_above_region' && examAbove === true) {
    return null;
  }
  if (thresholds.examRule === 'require_not_above_region' && examAbove !== false) {
    return null;
  }
  const level = formatLevel(confidenceLevel(thresholds.z));
  let evidence =
    `${label} ${formatPercent(value)} (n = ${cohort}) выше регионального ${formatPercent(regionValue)}: ` +
    `нижняя граница ${level} ДИ ${formatPercent(lower)} > ${formatPercent(regionValue)}.`;
  if (exam && thresholds.examRule !== 'ignore') {
    evidence +=
      ` ${exam.label} не подтверждает высокий результат: ${formatNumber(exam.school)} ` +
      `при ${formatNumber(exam.region)} по региону.`;
  }
  return {
    sign: 'high_vs_region',
    criterion: 'confidence_interval',
    metric: lower,
    threshold: regionValue,
    methodVersion: METHOD_VERSION.high_vs_region,
    evidence,
  };
}

export interface TaskProfileInput {
  /** c_s,j: the school's completion of each task, %, in task order. */
  school: readonly number[];
  /** c_r,j: the region's completion of the same tasks, %. */
  region: readonly number[];
  /** Task numbers for the evidence («1», «2.1»…); 1, 2, … when absent. */
  taskNumbers?: readonly string[];
  cohort: number;
}

/**
 * Sign 2: the school gains on hard tasks and not on easy ones. δ_j = 100 − c_r,j (difficulty),
 * d_j = c_s,j − c_r,j. Flag if ρ(d, δ) ≥ rhoThreshold, or if mean d over the hardest third minus
 * mean d over the easiest third ≥ gapThreshold — and (requireHardAboveRegion) the school beats the
 * region on the hardest third. A third is ⌊m/3⌋ tasks by δ (ties in task order).
 */
export function checkTaskProfile(
  input: TaskProfileInput,
  thresholds: TaskProfileThresholds = DEFAULT_OBJECTIVITY_THRESHOLDS.taskProfile,
): ObjectivitySignFinding | null {
  const { school, region, cohort } = input;
  if (school.length !== region.length) {
    throw new RangeError(`task lists differ in length: ${school.length} and ${region.length}`);
  }
  const m = school.length;
  if (m < thresholds.minTasks || cohort < thresholds.minCohort) {
    return null;
  }
  const d = school.map((c, j) => c - region[j]);
  const difficulty = region.map((c) => 100 - c);
  const rho = spearmanCorrelation(d, difficulty);
  const byDifficulty = d.map((_, j) => j).sort((a, b) => difficulty[a] - difficulty[b] || a - b);
  const k = Math.floor(m / 3);
  const easiest = byDifficulty.slice(0, k);
  const hardest = byDifficulty.slice(m - k);
  const [easyMean, hardMean] = [mean(easiest.map((j) => d[j])), mean(hardest.map((j) => d[j]))];
  const gap = hardMean - easyMean;
  const rhoFired = rho !== null && rho >= thresholds.rhoThreshold;
  const gapFired = gap >= thresholds.gapThreshold;
  if ((!rhoFired && !gapFired) || (thresholds.requireHardAboveRegion && !(hardMean > 0))) {
    return null;
  }
  const numbers = (tasks: number[]) =>
    tasks.map((j) => input.taskNumbers?.[j] ?? String(j + 1)).join(', ');
  const rhoText =
    rho === null
      ? 'ρ Спирмена не определён (отклонения или трудности одинаковы)'
      : `ρ Спирмена между отклонением от региона и трудностью задания ${formatNumber(rho, 2)} ` +
        `${relation(rhoFired)} ${formatNumber(thresholds.rhoThreshold, 2)}`;
  const evidence =
    `Школа опережает регион на трудных заданиях сильнее, чем на лёгких ` +
    `(${countRu(m, 'задание', 'задания', 'заданий')}, n = ${cohort}): ${rhoText}; ` +
    `на трети самых трудных заданий (№ ${numbers(hardest)}) в среднем ${formatSigned(hardMean)} п. п., ` +
    `на трети самых лёгких (№ ${numbers(easiest)}) ${formatSigned(easyMean)} п. п., ` +
    `разрыв ${formatPoints(gap)} ${relation(gapFired)} ${formatPoints(thresholds.gapThreshold)}`;
  return {
    sign: 'task_profile',
    criterion: rhoFired ? 'rank_correlation' : 'hard_easy_gap',
    metric: rhoFired ? rho! : gap,
    threshold: rhoFired ? thresholds.rhoThreshold : thresholds.gapThreshold,
    methodVersion: METHOD_VERSION.task_profile,
    evidence,
  };
}
