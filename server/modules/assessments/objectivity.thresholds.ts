// Thresholds of the signs of non-objective results (DOMAIN.md §3.1). They are configurable data:
// the defaults below are the [I] design suggestions of DOMAIN.md, or ours where it gives none
// (marked «ours»). Units: shares and percentages are on the 0–100 scale, gaps in percentage
// points (п. п.), cohorts in pupils.

/** Sign codes, the values of ObjectivityFlag.sign (DOMAIN.md §2; stored lower-case). */
export type ObjectivitySignCode =
  | 'high_vs_region'
  | 'task_profile'
  | 'mark_vs_journal'
  | 'mark_distribution'
  | 'not_confirmed_by_gia'
  | 'control_sample_gap'
  | 'medalist_nonconfirmation';

/** Version of the rule behind each sign; bump it when a formula (not a threshold) changes. */
export const METHOD_VERSION = {
  high_vs_region: 'high_vs_region/1',
  task_profile: 'task_profile/2',
  mark_vs_journal: 'mark_vs_journal/2',
  mark_distribution: 'mark_distribution/2',
  not_confirmed_by_gia: 'not_confirmed_by_gia/1',
  control_sample_gap: 'control_sample_gap/2',
  medalist_nonconfirmation: 'medalist_nonconfirmation/1',
} as const satisfies Record<ObjectivitySignCode, string>;

/** A sign found for one school and procedure: what was measured, against what, and why. */
export interface ObjectivitySignFinding {
  sign: ObjectivitySignCode;
  /** Which rule of the sign fired first, e.g. 'rank_correlation' or 'bunching'. */
  criterion: string;
  /** The measured value compared with `threshold` (same unit). */
  metric: number;
  threshold: number;
  methodVersion: string;
  /** One or more Russian sentences with the numbers: why, by how much, compared to what. */
  evidence: string;
}

/**
 * How an ОГЭ/ЕГЭ result of the school (same subject and cohort) bears on `high_vs_region`:
 * - `ignore`: not used;
 * - `clear_if_above_region`: an exam result above the region's clears the school, one at or
 *   below it is cited as non-confirmation; without an exam result the CI rule alone decides;
 * - `require_not_above_region`: flag only when an exam result is given and is at or below the
 *   region's (ФИОКО 2018 wording «высокие баллы ЕГЭ не подтверждают»).
 */
export type ExamConfirmationRule = 'ignore' | 'clear_if_above_region' | 'require_not_above_region';

export interface HighVsRegionThresholds {
  /** Normal quantile of the interval: flag if mean − z·SE > regional mean. [I] 1.96 (95 %). */
  z: number;
  /** Minimum writers n_s (at the minimum is enough). [I] 10. */
  minCohort: number;
  /** [I] clear_if_above_region. */
  examRule: ExamConfirmationRule;
}

export interface TaskProfileThresholds {
  /** Flag if Spearman ρ(d, δ) ≥ this. [I] 0.5. */
  rhoThreshold: number;
  /** Or if mean d (hardest third) − mean d (easiest third) ≥ this, п. п. [I] 15. */
  gapThreshold: number;
  /** Fewest tasks for a profile (each third has ⌊m/3⌋ tasks). Ours: 6. */
  minTasks: number;
  /** Also require the school to beat the region on the hardest third (mean d > 0), as ФИОКО's
   * wording «hard tasks better» says: a weak school that loses less on hard tasks than on easy
   * ones (a floor effect) has ρ > 0 without any help. Ours: true. */
  requireHardAboveRegion: boolean;
  /** [I] 10. */
  minCohort: number;
}

/** Columns of the ВПР-versus-journal block: lowered / confirmed / raised the journal mark. */
export type JournalShare = 'lowered' | 'confirmed' | 'raised';

export interface MarkVsJournalThresholds {
  /** Flag a share strictly above this percentile (0–100) of the peer schools. [I] 90. */
  percentile: number;
  /** Shares examined; DOMAIN.md names «confirmed» (lenient ВПР) and «lowered» (inflated journal
   * marks). Ours: ['confirmed']. */
  shares: readonly JournalShare[];
  /** …and at least this share, % (at the floor flags): a percentile alone flags a tenth of any
   * region, whereas DOMAIN.md's sign is «same» ≈ 100 %. Ours: confirmed 80, others 0. */
  minShare: Readonly<Record<JournalShare, number>>;
  /** Applies to the school and to each peer (small peers would distort the percentile). [I] 10. */
  minCohort: number;
  /** Fewest peers (after the cohort filter) for a percentile. Ours: 10. */
  minPeerSchools: number;
}

export interface MarkDistributionThresholds {
  /** Flag the share of «5» if its z-score among the peers is strictly above this. [I] 2. */
  zThreshold: number;
  /** [I] 10, for the school and each peer. */
  minCohort: number;
  /** Ours: 10. */
  minPeerSchools: number;
  /** Flag «no mark 2» from this many writers (at the minimum flags). Ours: 50. */
  minCohortNoTwos: number;
  /** …and only if a school like the region would have no «2» with a chance below this, %:
   * (1 − q)^n with q the region's share of «2» (a region with few «2» has many such schools).
   * Applied when the region's share is known. Ours: 5. */
  maxNoTwosChance: number;
  /** Bunching: frequency at a mark threshold t > ratio × mean of frequencies at t ± 1. [I] 1.5. */
  bunchingRatio: number;
  /** Fewest pupils at t for bunching to count (1 pupil beside two empty scores is noise). Ours: 5. */
  minBunchingCount: number;
}

export interface ControlGapThresholds {
  /** Flag if the regular result exceeds the controlled one by ≥ this, п. п. Ours: 10. */
  gapThreshold: number;
  /** For both results. [I] 10. */
  minCohort: number;
}

export interface MedalistThresholds {
  /** Flag if MNI (share of medal holders below the requirement, %) ≥ this. Ours: 30. */
  mniThreshold: number;
  /** Fewest medal holders (at the minimum is enough). Ours: 5. */
  minMedalists: number;
  /** Requirement, used only when counting from pupil rows. [K] ЕГЭ Russian ≥ 70. */
  russianMinScore: number;
  /** [K] profile mathematics ≥ 70 … */
  mathProfileMinScore: number;
  /** [K] … or basic mathematics mark «5». */
  mathBaseMinMark: number;
}

/** Every threshold of §3.1, one section per sign; stored as configurable data. */
export interface ObjectivityThresholds {
  highVsRegion: HighVsRegionThresholds;
  taskProfile: TaskProfileThresholds;
  markVsJournal: MarkVsJournalThresholds;
  markDistribution: MarkDistributionThresholds;
  /** Shared by control_sample_gap (controlled ВПР) and not_confirmed_by_gia (ОГЭ/ЕГЭ). */
  controlGap: ControlGapThresholds;
  medalistNonconfirmation: MedalistThresholds;
}

export const DEFAULT_OBJECTIVITY_THRESHOLDS: ObjectivityThresholds = Object.freeze({
  highVsRegion: Object.freeze({ z: 1.96, minCohort: 10, examRule: 'clear_if_above_region' }),
  taskProfile: Object.freeze({
    rhoThreshold: 0.5,
    gapThreshold: 15,
    minTasks: 6,
    minCohort: 10,
    requireHardAboveRegion: true,
  }),
  markVsJournal: Object.freeze({
    percentile: 90,
    shares: Object.freeze(['confirmed'] as const),
    minShare: Object.freeze({ lowered: 0, confirmed: 80, raised: 0 }),
    minCohort: 10,
    minPeerSchools: 10,
  }),
  markDistribution: Object.freeze({
    zThreshold: 2,
    minCohort: 10,
    minPeerSchools: 10,
    minCohortNoTwos: 50,
    maxNoTwosChance: 5,
    bunchingRatio: 1.5,
    minBunchingCount: 5,
  }),
  controlGap: Object.freeze({ gapThreshold: 10, minCohort: 10 }),
  medalistNonconfirmation: Object.freeze({
    mniThreshold: 30,
    minMedalists: 5,
    russianMinScore: 70,
    mathProfileMinScore: 70,
    mathBaseMinMark: 5,
  }),
});
