// The stages after the school one and the diplomas of each: admission by the best results of the
// stage before (municipal ≈ 20 % of the school stage's pupils of grades 7–11, regional ≈ 10 % of
// the municipal stage's of grades 9–11, final ≈ 4 % of the regional, DOMAIN.md §4), a previous
// year's municipal diploma admitting on its own (Порядок № 678), a grade performed kept from
// the stage before; winners and prize-winners by the organiser's quota, the final stage's
// within W ≤ 8 %, W + P ≤ 45 % [K].
import { OlympiadStage, OlympiadStatus } from '../../server/modules/olympiads/olympiads.enums';
import { STAGE_GRADES } from '../../server/modules/olympiads/olympiads.rules';
import {
  type Entry,
  gradeIn,
  municipalityOf,
  organizationOf,
  type Pupil,
  regionOf,
  shareOf,
} from './demo.olympiads-model';
import { diplomaCap, groupBy } from './demo.olympiads-stats';
import { DEMO_RECHECK, HONEST_MAX_SCHOOL_Z, OLYMPIAD_YEARS } from './demo.olympiads-types';
import { clamp, normal, type Rng, streamFor } from './demo.random';

/** A winner scores more than half the maximum [K, Порядок № 678]. */
const WINNER_SHARE = 0.5;

const isDiploma = (entry: Entry) => entry.status !== OlympiadStatus.PARTICIPANT;

const byShareDesc = (a: Entry, b: Entry) =>
  shareOf(b) - shareOf(a) || b.standing - a.standing || a.pupil.code.localeCompare(b.pupil.code);

/**
 * School stage: each school's jury awards about 30 % of its entries (a little more in stronger
 * schools), to its best papers by their standing in the region; the best of each of the
 * school's subject-and-grade protocols with a diploma wins with more than half the maximum.
 */
export function awardSchoolStage(entries: readonly Entry[], year: number): void {
  for (const [code, own] of groupBy(entries, organizationOf)) {
    const rng = streamFor('olympiad-school-quota', code, year);
    const school = own[0].pupil.school;
    const quota = clamp(0.29 + 0.025 * school.quality + 0.02 * normal(rng), 0.22, 0.36);
    const diplomas = Math.round(quota * own.length + rng() - 0.5);
    const best = [...own].sort(
      (a, b) => b.standing - a.standing || a.pupil.code.localeCompare(b.pupil.code),
    );
    best.slice(0, diplomas).forEach((entry) => (entry.status = OlympiadStatus.PRIZE_WINNER));
    for (const protocol of groupBy(own, (e) => `${e.subject}|${e.gradePerformed}`).values()) {
      const top = protocol.filter(isDiploma).sort(byShareDesc)[0];
      if (top && shareOf(top) > WINNER_SHARE) {
        top.status = OlympiadStatus.WINNER;
      }
    }
  }
}

/**
 * Municipal and regional stages: the organiser (municipality or region) awards about a quarter
 * of its entries, shared out among its subject-and-grade protocols by their size (largest
 * remainders), each to its best papers; a protocol's best wins with more than half the maximum.
 */
export function awardByProtocol(entries: readonly Entry[], organiser: (e: Entry) => string): void {
  for (const [unit, own] of groupBy(entries, organiser)) {
    const rng = streamFor('olympiad-protocol', own[0].year, own[0].stage, unit);
    const quota = clamp(0.25 + 0.015 * normal(rng), 0.21, 0.29);
    const protocols = [...groupBy(own, (e) => `${e.subject}|${e.gradePerformed}`).values()].map(
      (protocol) => ({ protocol, exact: quota * protocol.length, tie: rng() }),
    );
    const shares = protocols.map((p) => ({ ...p, diplomas: Math.floor(p.exact) }));
    let left = Math.round(quota * own.length) - shares.reduce((sum, p) => sum + p.diplomas, 0);
    for (const p of [...shares].sort(
      (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.tie - b.tie,
    )) {
      if (left <= 0) {
        break;
      }
      p.diplomas += 1;
      left -= 1;
    }
    for (const { protocol, diplomas } of shares) {
      protocol.sort(byShareDesc);
      protocol.forEach((entry, index) => {
        entry.status =
          index >= diplomas
            ? OlympiadStatus.PARTICIPANT
            : index === 0 && shareOf(entry) > WINNER_SHARE
              ? OlympiadStatus.WINNER
              : OlympiadStatus.PRIZE_WINNER;
      });
    }
  }
}

/**
 * Final stage: one national rating of the demo's finalists, W ≤ 7 % (more than half the
 * maximum), W + P ≤ 40 %.
 */
export function awardFinal(entries: readonly Entry[]): void {
  const rating = [...entries].sort(byShareDesc);
  const winners = Math.floor(0.07 * rating.length);
  const diplomas = Math.floor(0.4 * rating.length);
  rating.forEach((entry, index) => {
    entry.status =
      index < winners && shareOf(entry) > WINNER_SHARE
        ? OlympiadStatus.WINNER
        : index < diplomas
          ? OlympiadStatus.PRIZE_WINNER
          : OlympiadStatus.PARTICIPANT;
  });
}

/**
 * Keeps every honest school of a region at a stage within z ≤ HONEST_MAX_SCHOOL_Z of the
 * region's other schools (the re-check flags z ≥ 3 from 20 entries): a school's weakest
 * diplomas become participants' entries where it holds more. Planted schools are left alone.
 */
export function capSchoolShares(entries: readonly Entry[], planted: ReadonlySet<string>): void {
  for (const region of groupBy(entries, regionOf).values()) {
    const schools = groupBy(region, organizationOf);
    const total = region.length;
    for (let pass = 0; pass < 8; pass += 1) {
      let diplomas = region.filter(isDiploma).length;
      let changed = false;
      for (const [code, own] of schools) {
        if (planted.has(code) || own.length < DEMO_RECHECK.schoolMinEntries) {
          continue;
        }
        const held = own.filter(isDiploma);
        const p = (diplomas - held.length) / (total - own.length);
        const cap = diplomaCap(own.length, p, HONEST_MAX_SCHOOL_Z);
        if (held.length > cap) {
          // Prize-winners first, the weakest first.
          const order = held.sort(
            (a, b) =>
              Number(a.status === OlympiadStatus.WINNER) -
                Number(b.status === OlympiadStatus.WINNER) || -byShareDesc(a, b),
          );
          order.slice(0, held.length - cap).forEach((e) => (e.status = OlympiadStatus.PARTICIPANT));
          diplomas -= held.length - cap;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
  }
}

/** An entry at the next stage carrying the paper's pupil, subject and grade performed. */
function promote(from: Entry, stage: OlympiadStage): Entry {
  return {
    ...from,
    stage,
    score: 0,
    status: OlympiadStatus.PARTICIPANT,
    planted: false,
    standing: 0,
  };
}

/**
 * Admits, per organiser, the best papers of the stage before (by standing) until the unique
 * pupils reach `share` of the base; pupils admitted otherwise (`direct`) count first.
 */
function admit(
  candidates: readonly Entry[],
  base: number,
  share: number,
  stage: OlympiadStage,
  direct: readonly Entry[] = [],
): Entry[] {
  const target = Math.max(candidates.length > 0 ? 1 : 0, Math.round(share * base));
  const admitted = [...direct];
  const pupils = new Set<Pupil>(direct.map((e) => e.pupil));
  const taken = new Set(direct.map((e) => `${e.pupil.code}|${e.subject}`));
  const ranked = [...candidates].sort(
    (a, b) => b.standing - a.standing || a.pupil.code.localeCompare(b.pupil.code),
  );
  for (const entry of ranked) {
    if (pupils.size >= target) {
      break;
    }
    if (!taken.has(`${entry.pupil.code}|${entry.subject}`)) {
      admitted.push(promote(entry, stage));
      pupils.add(entry.pupil);
    }
  }
  return admitted;
}

const uniquePupils = (entries: readonly Entry[]) => new Set(entries.map((e) => e.pupil)).size;

/**
 * Municipal stage of a year, per municipality: ≈ 20 % of its school-stage pupils of grades 7–11,
 * from papers of grades 7–11. In the second year last year's municipal diploma holders still at
 * school are admitted in their subject: through this year's school paper, or without one.
 */
export function admitMunicipal(
  school: readonly Entry[],
  previousMunicipal: readonly Entry[],
  year: number,
): Entry[] {
  const [low] = STAGE_GRADES[OlympiadStage.MUNICIPAL];
  const holders = groupBy(previousMunicipal.filter(isDiploma), municipalityOf);
  const admitted: Entry[] = [];
  for (const [code, own] of groupBy(school, municipalityOf)) {
    const rng = streamFor('olympiad-municipal', code, year);
    const share = clamp(0.2 + 0.015 * normal(rng), 0.17, 0.23);
    const base = uniquePupils(own.filter((e) => e.gradeActual >= low && e.gradeActual <= 11));
    const candidates = own.filter((e) => e.gradePerformed >= low);
    const written = new Map(candidates.map((e) => [`${e.pupil.code}|${e.subject}`, e]));
    const direct: Entry[] = [];
    for (const diploma of holders.get(code) ?? []) {
      const grade = gradeIn(diploma.pupil, year, OLYMPIAD_YEARS[0]);
      const onRoll = grade <= 11 && diploma.pupil.school.enrolment[1][grade] > 0;
      const paper = written.get(`${diploma.pupil.code}|${diploma.subject}`);
      if (paper) {
        direct.push(promote(paper, OlympiadStage.MUNICIPAL));
      } else if (onRoll && rng() < 0.35) {
        direct.push({
          ...promote(diploma, OlympiadStage.MUNICIPAL),
          year,
          gradeActual: grade,
          gradePerformed: grade,
        });
      }
    }
    admitted.push(...admit(candidates, base, share, OlympiadStage.MUNICIPAL, direct));
  }
  return admitted;
}

/** Regional stage, per region: ≈ 10 % of the municipal stage's pupils writing grades 9–11. */
export function admitRegional(municipal: readonly Entry[], year: number): Entry[] {
  const [low] = STAGE_GRADES[OlympiadStage.REGIONAL];
  return [...groupBy(municipal, regionOf)].flatMap(([code, own]) => {
    const rng = streamFor('olympiad-regional', code, year);
    const candidates = own.filter((e) => e.gradePerformed >= low);
    const share = clamp(0.1 + 0.008 * normal(rng), 0.085, 0.115);
    return admit(candidates, uniquePupils(candidates), share, OlympiadStage.REGIONAL);
  });
}

/** Final stage, per region: ≈ 4 % of its regional stage's pupils. */
export function admitFinal(regional: readonly Entry[]): Entry[] {
  return [...groupBy(regional, regionOf)].flatMap(([, own]) =>
    admit(own, uniquePupils(own), 0.04, OlympiadStage.FINAL),
  );
}

/** Scores every entry of a stage in a stream of its own. */
export function scoreAll(entries: readonly Entry[], draw: (e: Entry, rng: Rng) => void): void {
  for (const [key, group] of groupBy(entries, (e) => `${organizationOf(e)}|${e.year}|${e.stage}`)) {
    const rng = streamFor('olympiad-scores', key);
    for (const entry of group) {
      draw(entry, rng);
    }
  }
}
