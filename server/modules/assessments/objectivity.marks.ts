// Signs 3 and 4 of DOMAIN.md §3.1, read from marks: ВПР mark against the journal mark, and
// mark-distribution anomalies (an unusual share of «5» among the region's schools, no «2» in a
// large cohort, bunching of primary scores just at a mark threshold).
import { countRu, formatNumber, formatPercent } from './assessments.format';
import {
  DEFAULT_OBJECTIVITY_THRESHOLDS,
  type JournalShare,
  type MarkDistributionThresholds,
  type MarkVsJournalThresholds,
  METHOD_VERSION,
  type ObjectivitySignFinding,
} from './objectivity.thresholds';
import { mean, percentileRank, quantile, sampleStandardDeviation } from './statistics';

/** Pupils whose ВПР mark was below / equal to / above their journal mark. */
export interface JournalCounts {
  lowered: number;
  confirmed: number;
  raised: number;
}

export interface MarkVsJournalInput {
  school: JournalCounts;
  /** The other schools of the region on the same procedure (leave the school itself out). */
  peers: readonly JournalCounts[];
}

const JOURNAL_LABEL: Record<JournalShare, string> = {
  lowered: 'понизивших отметку по журналу',
  confirmed: 'подтвердивших отметку по журналу',
  raised: 'повысивших отметку по журналу',
};

function journalTotal(counts: JournalCounts): number {
  return counts.lowered + counts.confirmed + counts.raised;
}

/**
 * Sign 3: a share of the journal comparison (by default «confirmed») strictly above the given
 * percentile (percentile_cont) of the peer schools with at least minCohort pupils, and at least
 * minShare.
 */
export function checkMarkVsJournal(
  input: MarkVsJournalInput,
  thresholds: MarkVsJournalThresholds = DEFAULT_OBJECTIVITY_THRESHOLDS.markVsJournal,
): ObjectivitySignFinding | null {
  const n = journalTotal(input.school);
  const peers = input.peers.filter((p) => journalTotal(p) >= thresholds.minCohort);
  if (n < thresholds.minCohort || peers.length < thresholds.minPeerSchools) {
    return null;
  }
  const fired = thresholds.shares.flatMap((share) => {
    const value = (100 * input.school[share]) / n;
    const peerShares = peers.map((p) => (100 * p[share]) / journalTotal(p));
    const cut = quantile(peerShares, thresholds.percentile / 100);
    return value > cut && value >= thresholds.minShare[share]
      ? [{ share, value, cut, rank: percentileRank(value, peerShares) }]
      : [];
  });
  if (fired.length === 0) {
    return null;
  }
  const evidence = fired
    .map(
      (f) =>
        `Доля участников, ${JOURNAL_LABEL[f.share]}, ${formatPercent(f.value)} (n = ${n}) ` +
        `выше ${formatNumber(thresholds.percentile, 0)}-го процентиля по ` +
        `${countRu(peers.length, 'школе', 'школам', 'школам')} региона (${formatPercent(f.cut)})` +
        (thresholds.minShare[f.share] > 0
          ? ` и не ниже ${formatPercent(thresholds.minShare[f.share])}; `
          : '; ') +
        `она больше, чем у ${formatPercent(f.rank, 0)} из них.`,
    )
    .join(' ');
  return {
    sign: 'mark_vs_journal',
    criterion: fired[0].share,
    metric: fired[0].value,
    threshold: fired[0].cut,
    methodVersion: METHOD_VERSION.mark_vs_journal,
    evidence,
  };
}

/** Pupils per mark (the mark2…mark5 columns of a result). */
export interface MarkCounts {
  mark2: number;
  mark3: number;
  mark4: number;
  mark5: number;
}

export interface MarkDistributionInput {
  marks: MarkCounts;
  /** The other schools of the region on the same procedure (leave the school itself out). */
  peers: readonly MarkCounts[];
  /** Pupils per primary score, e.g. { "14": 3, "15": 9 }; missing scores count as 0. */
  histogram?: Readonly<Record<string, number>> | null;
  /** Lowest primary score of each mark, e.g. { "3": 6, "4": 11, "5": 15 }. */
  markThresholds?: Readonly<Record<string, number>> | null;
  /** Highest primary score: a threshold at 0 or at the maximum has no two neighbours. */
  maxScore?: number | null;
  /** The region's share of «2», %: only to state in the evidence how unlikely «no 2» is. */
  regionShareOfTwos?: number | null;
}

interface Fired {
  criterion: 'top_mark_share' | 'no_twos' | 'bunching';
  metric: number;
  threshold: number;
  evidence: string;
}

function cohortOf(marks: MarkCounts): number {
  return marks.mark2 + marks.mark3 + marks.mark4 + marks.mark5;
}

/** z of the school's share of «5» among peers with ≥ minCohort; strictly above zThreshold. */
function topMarkShare(input: MarkDistributionInput, t: MarkDistributionThresholds): Fired | null {
  const peers = input.peers.filter((p) => cohortOf(p) >= t.minCohort);
  if (peers.length < t.minPeerSchools) {
    return null;
  }
  const shares = peers.map((p) => (100 * p.mark5) / cohortOf(p));
  const [centre, sd] = [mean(shares), sampleStandardDeviation(shares)];
  if (sd === 0) {
    return null;
  }
  const share = (100 * input.marks.mark5) / cohortOf(input.marks);
  const z = (share - centre) / sd;
  if (!(z > t.zThreshold)) {
    return null;
  }
  return {
    criterion: 'top_mark_share',
    metric: z,
    threshold: t.zThreshold,
    evidence:
      `Доля отметок «5» ${formatPercent(share)} (n = ${cohortOf(input.marks)}) необычно высока ` +
      `для региона: z = ${formatNumber(z, 2)} > ${formatNumber(t.zThreshold, 2)} ` +
      `(в ${countRu(peers.length, 'другой школе', 'других школах', 'других школах')} ` +
      `в среднем ${formatPercent(centre)}, стандартное отклонение ${formatNumber(sd)} п. п.).`,
  };
}

/**
 * No «2» at all in a cohort of at least minCohortNoTwos (at the minimum flags), unlikely for a
 * school like the region (chance below maxNoTwosChance) when the region's share is known.
 */
function noTwos(input: MarkDistributionInput, t: MarkDistributionThresholds): Fired | null {
  const n = cohortOf(input.marks);
  if (input.marks.mark2 !== 0 || n < t.minCohortNoTwos) {
    return null;
  }
  let evidence = `Ни одной отметки «2» у ${countRu(n, 'участника', 'участников', 'участников')} (правило — от ${t.minCohortNoTwos})`;
  const q = input.regionShareOfTwos;
  if (q !== null && q !== undefined) {
    // Binomial: P(no «2» among n) = (1 − q)^n if the school were like the region.
    const p = 100 * (1 - q / 100) ** n;
    if (!(p < t.maxNoTwosChance)) {
      return null;
    }
    const chance = p < 0.1 ? 'менее 0,1 %' : formatPercent(p);
    evidence += `; при доле «2» по региону ${formatPercent(q)} вероятность этого ${chance}`;
  }
  return {
    criterion: 'no_twos',
    metric: n,
    threshold: t.minCohortNoTwos,
    evidence: `${evidence}.`,
  };
}

/** Frequency at a mark threshold s strictly above bunchingRatio × mean frequency at s ± 1. */
function bunching(input: MarkDistributionInput, t: MarkDistributionThresholds): Fired[] {
  const { histogram, markThresholds, maxScore } = input;
  if (!histogram || !markThresholds || maxScore === null || maxScore === undefined) {
    return [];
  }
  const at = (score: number) => histogram[String(score)] ?? 0;
  return Object.entries(markThresholds)
    .sort(([, a], [, b]) => a - b)
    .flatMap(([mark, s]): Fired[] => {
      if (s - 1 < 0 || s + 1 > maxScore) {
        return [];
      }
      const [count, neighbours] = [at(s), (at(s - 1) + at(s + 1)) / 2];
      const limit = t.bunchingRatio * neighbours;
      if (count < t.minBunchingCount || !(count > limit)) {
        return [];
      }
      const pupils = countRu(count, 'участник', 'участника', 'участников');
      const around =
        neighbours === 0
          ? `, а ${s - 1} и ${s + 1} баллов — никто`
          : ` — в ${formatNumber(count / neighbours)} раза больше среднего при ${s - 1} и ` +
            `${s + 1} баллах (${formatNumber(neighbours)}; порог — в ${formatNumber(t.bunchingRatio)} раза)`;
      return [
        {
          criterion: 'bunching',
          metric: count,
          threshold: limit,
          evidence:
            `Скопление на границе отметки «${mark}»: ровно ` +
            `${countRu(s, 'первичный балл', 'первичных балла', 'первичных баллов')} набрали ` +
            `${pupils}${around}.`,
        },
      ];
    });
}

/**
 * Sign 4: the first of top_mark_share, no_twos, bunching that fires gives metric and threshold
 * (for bunching: pupils at the threshold score vs bunchingRatio × the neighbours' mean); the
 * evidence lists every one that fired.
 */
export function checkMarkDistribution(
  input: MarkDistributionInput,
  thresholds: MarkDistributionThresholds = DEFAULT_OBJECTIVITY_THRESHOLDS.markDistribution,
): ObjectivitySignFinding | null {
  if (cohortOf(input.marks) < thresholds.minCohort) {
    return null;
  }
  const fired = [
    topMarkShare(input, thresholds),
    noTwos(input, thresholds),
    ...bunching(input, thresholds),
  ].filter((f): f is Fired => f !== null);
  if (fired.length === 0) {
    return null;
  }
  return {
    sign: 'mark_distribution',
    criterion: fired[0].criterion,
    metric: fired[0].metric,
    threshold: fired[0].threshold,
    methodVersion: METHOD_VERSION.mark_distribution,
    evidence: fired.map((f) => f.evidence).join(' '),
  };
}
