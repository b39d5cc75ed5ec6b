// Scores of the demo papers: right-skewed shares of the maximum from the pupil's talent and
// subject strength, each stage's tasks harder for a stronger field; honest papers kept within
// |z| ≤ HONEST_MAX_ROBUST_Z of their group (the re-check judges |z| ≥ 3.5), and each paper's
// standing in its group for the admissions.
import { OlympiadStage } from '../../server/modules/olympiads/olympiads.enums';
import { type Entry, groupKey, regionOf, shareOf, sigmoid } from './demo.olympiads-model';
import { groupBy, honestBand, spreadOf } from './demo.olympiads-stats';
import { DEMO_RECHECK, HONEST_MAX_ROBUST_Z, STAGE_INDEX, SUBJECTS } from './demo.olympiads-types';
import { clamp, normal, type Rng, streamFor } from './demo.random';

// Logit of the median paper per stage: ≈ 28 % of the maximum at the school stage; the later
// stages' fields are stronger and their tasks harder, medians ≈ 30–40 %.
const STAGE_MEAN: Readonly<Record<OlympiadStage, number>> = {
  [OlympiadStage.SCHOOL]: -0.95,
  [OlympiadStage.MUNICIPAL]: -1.3,
  [OlympiadStage.REGIONAL]: -1.55,
  [OlympiadStage.FINAL]: -1.7,
};

const difficulties = new Map<string, number>();

/** How hard the tasks of a stage were in a subject and grade (logit offset), per region. */
function difficulty(entry: Entry): number {
  const key = `${regionOf(entry)}|${entry.year}|${entry.stage}|${entry.subject}|${entry.gradePerformed}`;
  let value = difficulties.get(key);
  if (value === undefined) {
    value = 0.2 * normal(streamFor('olympiad-difficulty', key));
    difficulties.set(key, value);
  }
  return value;
}

/** Strength of a pupil in a subject (z). */
export const strength = (entry: Entry): number =>
  entry.pupil.ability + 0.6 * entry.pupil.affinity[entry.subject];

/** Draws the paper's score: whole points of the stage's maximum. */
export function drawScore(entry: Entry, rng: Rng): void {
  const logit =
    STAGE_MEAN[entry.stage] +
    difficulty(entry) +
    0.4 * strength(entry) +
    0.45 * normal(rng) -
    0.35 * (entry.gradePerformed - entry.gradeActual);
  entry.maxScore = SUBJECTS[entry.subject].max[STAGE_INDEX[entry.stage]];
  entry.score = clamp(Math.round(sigmoid(logit) * entry.maxScore), 0, entry.maxScore);
}

/**
 * Per region and group (subject, grade performed) of one stage and year: honest papers brought
 * within the band |z| ≤ HONEST_MAX_ROBUST_Z of the group (planted ones counted, not moved). Only
 * papers beyond the band move, to its edge, so the group's median and MAD stay as they were.
 */
export function capHonestScores(entries: readonly Entry[]): void {
  const groups = groupBy(entries, (e) => `${regionOf(e)}|${groupKey(e)}`);
  for (const group of groups.values()) {
    if (group.length < DEMO_RECHECK.outlierMinGroup) {
      continue;
    }
    const band = honestBand(spreadOf(group.map(shareOf)), HONEST_MAX_ROBUST_Z);
    if (!band) {
      continue;
    }
    for (const entry of group) {
      if (entry.planted) {
        continue;
      }
      const share = shareOf(entry);
      if (share > band[1]) {
        entry.score = Math.floor(band[1] * entry.maxScore);
      } else if (share < band[0]) {
        entry.score = Math.ceil(band[0] * entry.maxScore);
      }
    }
  }
}

/** Each paper's standing in its region's group: the share of the group below it (ties half). */
export function rankStandings(entries: readonly Entry[]): void {
  const groups = groupBy(entries, (e) => `${regionOf(e)}|${groupKey(e)}`);
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => shareOf(a) - shareOf(b));
    let start = 0;
    while (start < sorted.length) {
      let end = start;
      while (end + 1 < sorted.length && shareOf(sorted[end + 1]) === shareOf(sorted[start])) {
        end += 1;
      }
      const standing = (start + (end - start + 1) / 2) / sorted.length;
      for (let i = start; i <= end; i += 1) {
        sorted[i].standing = standing;
      }
      start = end + 1;
    }
  }
}
