// Planted non-objective results: each year a few schools (about 6 % of them, spread over the
// regions) get one clear sign of DOMAIN.md §3.1, with wide margins, while every other school
// stays clearly clean. Some keep their sign the next year. Each case states every sign the
// analysis must find for it: an inflated ВПР not confirmed by ОГЭ shows two.
import { ProcedureKind } from '../../server/modules/assessments/assessments.enums';
import type { ObjectivitySignCode } from '../../server/modules/assessments/objectivity.thresholds';
import type { DemoOrganization } from './demo.types';
import { type ProcedureKey } from './demo.assessment-procedures';
import {
  advantage,
  buildHistogram,
  type Draft,
  honestTop,
  lowerBound,
  topCap,
  topShare,
  type YearContext,
} from './demo.assessment-drafts';
import { type Rng, shuffle, streamFor } from './demo.random';
import { marksOf, movePupils } from './demo.scores';

export type Family = 'high' | 'task' | 'journal' | 'distribution' | 'control' | 'medal';
type Variant = 'top' | 'bunch' | 'no_twos';

/** New and continuing cases per year. */
const PER_YEAR: Readonly<Record<Family, number>> = {
  high: 4,
  task: 4,
  journal: 5,
  distribution: 5,
  control: 2,
  medal: 3,
};

const FAMILIES = Object.keys(PER_YEAR) as Family[];
const VARIANTS: readonly Variant[] = ['top', 'bunch', 'no_twos'];

/** Procedures a case may be planted on. */
const KEYS: Readonly<Record<Family | Variant, readonly ProcedureKey[]>> = {
  high: ['VPR_RUS_5'],
  task: ['VPR_RUS_5', 'VPR_MAT_5'],
  journal: ['VPR_RUS_5', 'VPR_MAT_5'],
  distribution: [],
  top: ['VPR_RUS_5', 'VPR_MAT_5'],
  bunch: ['VPR_RUS_5', 'VPR_MAT_5', 'OGE_RUS', 'OGE_MAT'],
  no_twos: ['VPR_MAT_5', 'OGE_MAT', 'VPR_RUS_5', 'OGE_RUS'],
  control: ['VPR_MAT_5'],
  medal: ['EGE_RUS'],
};

/** The same procedure each year the school keeps its sign. */
function keyFor(org: DemoOrganization, family: Family, variant: Variant | null): ProcedureKey {
  const keys = KEYS[variant ?? family];
  return keys[Math.floor(streamFor('plant-procedure', family, org.code)() * keys.length)];
}

interface Choice {
  org: DemoOrganization;
  regionCode: string;
  family: Family;
  variant: Variant | null;
  key: ProcedureKey;
}

/** One year of drafts: per procedure, per organization code. */
export interface YearDrafts {
  context: YearContext;
  byKey: Map<ProcedureKey, Map<string, Draft>>;
  /** Region means of the honest drafts, per procedure. */
  honestMeans: Map<ProcedureKey, Map<string, number>>;
}

export interface YearPlanting {
  signs: { organizationCode: string; key: ProcedureKey; sign: ObjectivitySignCode }[];
  /** Planted schools of the year (kept out of the control sample unless forced into it). */
  planted: Set<string>;
  /** Control-gap cases: must be in the controlled sample. */
  controlled: Set<string>;
}

const SELECTIVE = new Set(['GYMNASIUM', 'LYCEUM']);

function draftOf(drafts: YearDrafts, key: ProcedureKey, org: DemoOrganization): Draft | undefined {
  return drafts.byKey.get(key)?.get(org.code);
}

function honestAdvantage(drafts: YearDrafts, key: ProcedureKey, draft: Draft): number {
  return advantage(draft, drafts.honestMeans.get(key)!);
}

function eligible(choice: Choice, drafts: YearDrafts): boolean {
  const draft = draftOf(drafts, choice.key, choice.org);
  if (!draft || draftOf(drafts, 'VPR_MAT_5', choice.org) === undefined) {
    return false;
  }
  const n = draft.participants;
  const adv = () => honestAdvantage(drafts, choice.key, draft);
  const isVpr = draft.model.kind === ProcedureKind.VPR;
  switch (choice.family) {
    case 'high': {
      const oge = draftOf(drafts, 'OGE_RUS', choice.org);
      return (
        !SELECTIVE.has(choice.org.schoolType ?? '') &&
        n >= 40 &&
        adv() >= -8 &&
        adv() <= -1.5 &&
        oge !== undefined &&
        honestAdvantage(drafts, 'OGE_RUS', oge) <= -2
      );
    }
    case 'task':
      return n >= 20 && adv() >= -6 && adv() <= 4;
    case 'journal':
      return n >= 20;
    case 'distribution': {
      const marks = draft.model.marks!;
      const h = draft.histogram;
      switch (choice.variant) {
        case 'top':
          return n >= 30 && adv() >= -5 && adv() <= 0;
        case 'bunch':
          return (
            n >= 40 &&
            h[marks.three] + h[marks.three - 1] + h[marks.three - 2] >= 9 &&
            (!isVpr || adv() <= -1)
          );
        default:
          return n >= 60 && marksOf(h, marks).mark2 >= 3 && (!isVpr || adv() <= -2);
      }
    }
    case 'control': {
      const oge = draftOf(drafts, 'OGE_MAT', choice.org);
      return (
        n >= 20 && adv() <= -6 && oge !== undefined && honestAdvantage(drafts, 'OGE_MAT', oge) <= -3
      );
    }
    case 'medal':
      return n >= 20;
  }
}

/** z of the school's top-mark share among the other region schools (cohort ≥ 10). */
function topZ(draft: Draft, drafts: YearDrafts): number {
  const peers = [...drafts.byKey.get(draft.model.key)!.values()]
    .filter((p) => p !== draft && p.regionCode === draft.regionCode && p.participants >= 10)
    .map(topShare);
  const mean = peers.reduce((sum, x) => sum + x, 0) / peers.length;
  const sd = Math.sqrt(peers.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (peers.length - 1));
  return (topShare(draft) - mean) / sd;
}

/** Inflates a ВПР result to mean % = honest + inflation (the top share stays plausible). */
function inflate(draft: Draft, inflation: number): void {
  const top = Math.min(honestTop(draft.model, draft.relativeQuality + 1), topCap(draft.model) - 1);
  draft.histogram = buildHistogram(
    draft.model,
    draft.participants,
    draft.level + inflation,
    top,
    draft.relativeQuality,
  );
}

type Sign = [ProcedureKey, ObjectivitySignCode];

const EXAM: Partial<Record<ProcedureKey, ProcedureKey>> = {
  VPR_RUS_5: 'OGE_RUS',
  VPR_MAT_5: 'OGE_MAT',
};

/**
 * Whether a planted ВПР result shows exactly the intended signs among those a raised result can
 * trigger (CI above the region, ОГЭ gap, share of «5»), each clearly on its side of the line.
 */
function clearCut(draft: Draft, drafts: YearDrafts, signs: readonly Sign[]): boolean {
  if (draft.model.kind !== ProcedureKind.VPR) {
    return true;
  }
  const listed = (sign: ObjectivitySignCode) => signs.some(([, s]) => s === sign);
  const key = draft.model.key;
  const exam = draftOf(drafts, EXAM[key]!, draft.org)!;
  const examAdvantage = honestAdvantage(drafts, EXAM[key]!, exam);
  const region = drafts.honestMeans.get(key)!.get(draft.regionCode)!;
  const margin = lowerBound(draft) - region;
  const high = listed('high_vs_region')
    ? margin >= 3 && examAdvantage <= -2
    : margin <= -2.5 || examAdvantage >= 2;
  const gap = honestAdvantage(drafts, key, draft) - examAdvantage;
  const gia = listed('not_confirmed_by_gia') ? gap >= 13.5 : gap <= 6.5;
  const z = topZ(draft, drafts);
  const top = listed('mark_distribution') || z <= 1.6;
  return high && gia && top;
}

function plantDistribution(draft: Draft, variant: Variant, drafts: YearDrafts): boolean {
  const marks = draft.model.marks!;
  const h = [...draft.histogram];
  if (variant === 'top') {
    // «4» written up to «5»: the top of the «4» band is given the lowest «5» scores.
    for (
      let w = draft.model.maxScore >= 40 ? 7 : 3;
      w <= (draft.model.maxScore >= 40 ? 10 : 4);
      w += 1
    ) {
      const top = [...h];
      for (let score = marks.five - w; score < marks.five; score += 1) {
        const half = Math.ceil(top[score] / 2);
        movePupils(top, score, marks.five + 1, top[score] - half);
        movePupils(top, score, marks.five, half);
      }
      draft.histogram = top;
      if (topZ(draft, drafts) >= 3.5) {
        return true;
      }
    }
    return false;
  }
  if (variant === 'bunch') {
    // Pulled up to «3»: the two scores below the threshold moved onto it.
    movePupils(h, marks.three - 1, marks.three, h[marks.three - 1]);
    movePupils(h, marks.three - 2, marks.three, h[marks.three - 2]);
  } else {
    // No «2» at all: every failing work raised to the threshold or one point above.
    for (let score = 0; score < marks.three; score += 1) {
      const half = Math.ceil(h[score] / 2);
      movePupils(h, score, marks.three + 1, h[score] - half);
      movePupils(h, score, marks.three, half);
    }
  }
  draft.histogram = h;
  return true;
}

/** Plants the case; null (and nothing changed) when it would not be clear-cut. */
function apply(choice: Choice, drafts: YearDrafts): Sign[] | null {
  const draft = draftOf(drafts, choice.key, choice.org)!;
  const honestHistogram = draft.histogram;
  const signs = plantCase(choice, draft, drafts);
  if (signs && clearCut(draft, drafts, signs)) {
    return signs;
  }
  draft.histogram = honestHistogram;
  draft.taskHelp = 0;
  draft.lenientJournal = draft.medalInflation = false;
  return null;
}

function plantCase(choice: Choice, draft: Draft, drafts: YearDrafts): Sign[] | null {
  const means = drafts.honestMeans.get(choice.key)!;
  switch (choice.family) {
    case 'high': {
      // ВПР far above the region, ОГЭ at or below it: the CI rule and the ОГЭ gap both fire.
      const oge = draftOf(drafts, 'OGE_RUS', choice.org)!;
      const ogeAdvantage = honestAdvantage(drafts, 'OGE_RUS', oge);
      const honest = honestAdvantage(drafts, choice.key, draft);
      let target = Math.max(ogeAdvantage + 15, 8);
      for (let attempt = 0; attempt < 10; attempt += 1) {
        inflate(draft, target - honest);
        const margin = lowerBound(draft) - means.get(draft.regionCode)!;
        if (margin >= 3.5) {
          break;
        }
        target += Math.max(1, 3.5 - margin);
      }
      return [
        [choice.key, 'high_vs_region'],
        [choice.key, 'not_confirmed_by_gia'],
      ];
    }
    case 'task':
      // Enough help that the school beats the region on the hardest third by 8+ п. п.
      draft.taskHelp = Math.max(12, 8 - honestAdvantage(drafts, choice.key, draft));
      return [[choice.key, 'task_profile']];
    case 'journal':
      draft.lenientJournal = true;
      return [[choice.key, 'mark_vs_journal']];
    case 'distribution':
      return plantDistribution(draft, choice.variant!, drafts)
        ? [[choice.key, 'mark_distribution']]
        : null;
    case 'control': {
      // The school's own marking 14+ п. п. above the experts' re-check (and above ОГЭ). If the
      // inflated ВПР also clears the region by its CI, that sign is stated too, never borderline.
      let margin = 0;
      for (let inflation = 14; inflation < 30; inflation += 1) {
        inflate(draft, inflation);
        margin = lowerBound(draft) - means.get(draft.regionCode)!;
        if (margin <= -3 || margin >= 3.5) {
          break;
        }
      }
      const signs: Sign[] = [
        [choice.key, 'control_sample_gap'],
        [choice.key, 'not_confirmed_by_gia'],
      ];
      return margin > 0 ? [...signs, [choice.key, 'high_vs_region']] : signs;
    }
    case 'medal':
      draft.medalInflation = true;
      return [[choice.key, 'medalist_nonconfirmation']];
  }
}

/** Candidates region by region in turn, each region's in a seeded order. */
function interleave(
  schools: readonly { org: DemoOrganization; regionCode: string }[],
  rng: Rng,
  firstRegion: number,
): { org: DemoOrganization; regionCode: string }[] {
  const regions = shuffle(rng, [...new Set(schools.map((s) => s.regionCode))].sort());
  const rotated = [
    ...regions.slice(firstRegion % regions.length),
    ...regions.slice(0, firstRegion % regions.length),
  ];
  const queues = rotated.map((region) =>
    shuffle(
      rng,
      schools.filter((s) => s.regionCode === region),
    ),
  );
  const out: { org: DemoOrganization; regionCode: string }[] = [];
  for (let i = 0; queues.some((q) => i < q.length); i += 1) {
    for (const queue of queues) {
      if (i < queue.length) {
        out.push(queue[i]);
      }
    }
  }
  return out;
}

/** Chooses and applies the planted cases year by year, keeping some schools' signs. */
export class Planter {
  /** Family of every school ever planted: one kind of case per school. */
  private readonly familyOf = new Map<string, Family>();
  private previous: Choice[] = [];

  constructor(private readonly schools: readonly { org: DemoOrganization; regionCode: string }[]) {}

  plant(drafts: YearDrafts): YearPlanting {
    const year = drafts.context.year;
    const chosen: Choice[] = [];
    const applied = new Map<Choice, Sign[]>();
    for (const family of FAMILIES) {
      const kept = this.previous.filter(
        (c) =>
          c.family === family &&
          streamFor('plant-keep', c.org.code, year)() < 0.6 &&
          eligible(c, drafts),
      );
      for (const choice of kept) {
        const signs = apply(choice, drafts);
        if (signs) {
          chosen.push(choice);
          applied.set(choice, signs);
        }
      }
      // The cases still missing; for distributions one variant per slot, each variant in turn.
      const have = chosen.filter((c) => c.family === family);
      const slots: (Variant | null)[] = [];
      for (let i = 0; slots.length < PER_YEAR[family] - have.length; i += 1) {
        const variant = family === 'distribution' ? VARIANTS[i % VARIANTS.length] : null;
        const taken = have.filter((c) => c.variant === variant).length;
        const wanted = slots.filter((v) => v === variant).length;
        if (family !== 'distribution' || taken + wanted <= Math.floor(i / VARIANTS.length)) {
          slots.push(variant);
        }
      }
      for (const [slot, variant] of slots.entries()) {
        const rng = streamFor('plant-choice', family, year);
        const first = slot + FAMILIES.indexOf(family) + year;
        for (const { org, regionCode } of interleave(this.schools, rng, first)) {
          const owner = this.familyOf.get(org.code);
          if ((owner && owner !== family) || chosen.some((c) => c.org === org)) {
            continue;
          }
          const choice = { org, regionCode, family, variant, key: keyFor(org, family, variant) };
          const signs = eligible(choice, drafts) ? apply(choice, drafts) : null;
          if (signs) {
            chosen.push(choice);
            applied.set(choice, signs);
            break;
          }
        }
      }
    }
    const planting: YearPlanting = { signs: [], planted: new Set(), controlled: new Set() };
    for (const choice of chosen) {
      this.familyOf.set(choice.org.code, choice.family);
      planting.planted.add(choice.org.code);
      if (choice.family === 'control') {
        planting.controlled.add(choice.org.code);
      }
      for (const [key, sign] of applied.get(choice)!) {
        planting.signs.push({ organizationCode: choice.org.code, key, sign });
      }
    }
    this.previous = chosen;
    return planting;
  }
}
