// The olympiad funnel (issue #7 item 2): per unit and stage — unique participants, entries,
// winners and prize-winners, pass-through to the next stage, coverage of the school stage,
// diplomas per 1,000 pupils, each part's contribution and the change against the year before.
// Two statements (figures, enrolments) and one directory lookup for the names.
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError } from '../../errors';
import { readSql } from '../../shared/read-sql';
import { Municipality, Organization, Region } from '../geography/geography.entity';
import {
  enrolmentSql,
  type EnrolmentRow,
  type FunnelParts,
  type FunnelQuery,
  type StageFigureRow,
  stageFiguresSql,
} from './funnel.sql';
import type { OlympiadFunnelRow, OlympiadStageFigures } from './funnel.types';
import { OlympiadSubject } from './olympiads.entity';
import { OlympiadStage, STAGE_ORDER } from './olympiads.enums';

const percent = (part: number, whole: number | null | undefined): number | null =>
  whole ? (100 * part) / whole : null;

const perThousand = (part: number, whole: number | null | undefined): number | null =>
  whole ? (1000 * part) / whole : null;

/** The pupils a stage's rate is taken over: grades that may write it. */
function stageBase(stage: OlympiadStage, pupils: EnrolmentRow | undefined): number | null {
  if (!pupils) {
    return null;
  }
  return stage === OlympiadStage.SCHOOL
    ? pupils.pupils_4_11
    : stage === OlympiadStage.MUNICIPAL
      ? pupils.pupils_7_11
      : pupils.pupils_9_11;
}

/** Diplomas counted for a stage's rate: all at school, of grades 7–11 / 9–11 further on. */
function stageDiplomas(stage: OlympiadStage, row: StageFigureRow | undefined): number {
  if (!row) {
    return 0;
  }
  return stage === OlympiadStage.SCHOOL
    ? row.winners + row.prize_winners
    : stage === OlympiadStage.MUNICIPAL
      ? row.diplomas_7_11
      : row.diplomas_9_11;
}

interface Unit {
  kind: string;
  id: number;
  name: string;
  isTotal: boolean;
}

export async function olympiadFunnel(
  em: EntityManager,
  query: FunnelQuery,
): Promise<OlympiadFunnelRow[]> {
  const figures = await readSql<StageFigureRow[]>(em, ...toArgs(stageFiguresSql(query)));
  const enrolments = await readSql<EnrolmentRow[]>(em, ...toArgs(enrolmentSql(query)));
  const units = await unitsOf(em, query, figures, enrolments);
  const key = (kind: string, id: number, year: number) => `${kind}|${id}|${year}`;
  const figureOf = new Map(figures.map((f) => [`${key(f.kind, f.unit_id, f.year)}|${f.stage}`, f]));
  const pupilsOf = new Map(enrolments.map((e) => [key(e.kind, e.unit_id, e.year), e]));
  const total = units.find((u) => u.isTotal)!;
  const pupilsFor = (unit: Unit, year: number) =>
    // Subjects share the scope's pupils.
    unit.kind === 'subject'
      ? pupilsOf.get(key(total.kind, total.id, year))
      : pupilsOf.get(key(unit.kind, unit.id, year));

  return units.map((unit) => {
    const at = (stage: OlympiadStage, year: number) =>
      figureOf.get(`${key(unit.kind, unit.id, year)}|${stage}`);
    const pupils = pupilsFor(unit, query.year);
    const previousPupils = pupilsFor(unit, query.year - 1);
    const stages = STAGE_ORDER.map((stage, index): OlympiadStageFigures => {
      const now = at(stage, query.year);
      const before = at(stage, query.year - 1);
      const next = STAGE_ORDER[index + 1];
      const participants = now?.participants ?? 0;
      const diplomas = (now?.winners ?? 0) + (now?.prize_winners ?? 0);
      const scopeNow = figureOf.get(`${key(total.kind, total.id, query.year)}|${stage}`);
      const scopeDiplomas = (scopeNow?.winners ?? 0) + (scopeNow?.prize_winners ?? 0);
      const previousParticipants = before?.participants ?? 0;
      return {
        stage,
        participants,
        entries: now?.entries ?? 0,
        winners: now?.winners ?? 0,
        prizeWinners: now?.prize_winners ?? 0,
        diplomaShare: percent(diplomas, now?.entries),
        passThrough: next ? percent(at(next, query.year)?.participants ?? 0, participants) : null,
        diplomasPer1000: perThousand(stageDiplomas(stage, now), stageBase(stage, pupils)),
        contributionShare: unit.isTotal ? null : percent(diplomas, scopeDiplomas),
        previousParticipants,
        previousDiplomas: (before?.winners ?? 0) + (before?.prize_winners ?? 0),
        participantsChange: previousParticipants
          ? (100 * (participants - previousParticipants)) / previousParticipants
          : null,
      };
    });
    const coverage = percent(
      at(OlympiadStage.SCHOOL, query.year)?.participants_4_11 ?? 0,
      pupils?.pupils_4_11,
    );
    const previousCoverage = percent(
      at(OlympiadStage.SCHOOL, query.year - 1)?.participants_4_11 ?? 0,
      previousPupils?.pupils_4_11,
    );
    return {
      unitKind: unit.kind,
      unitId: String(unit.id),
      unitName: unit.name,
      isTotal: unit.isTotal,
      pupils4to11: pupils?.pupils_4_11 ?? null,
      pupils7to11: pupils?.pupils_7_11 ?? null,
      pupils9to11: pupils?.pupils_9_11 ?? null,
      coverage,
      previousCoverage,
      coverageChange:
        coverage !== null && previousCoverage !== null ? coverage - previousCoverage : null,
      stages,
    };
  });
}

function toArgs(statement: { sql: string; params: unknown[] }): [string, unknown[]] {
  return [statement.sql, statement.params];
}

/**
 * The scope's row first, then its parts: every municipality of a region, the schools of a
 * municipality that have entries or pupils on record, the subjects that have entries.
 */
async function unitsOf(
  em: EntityManager,
  query: FunnelQuery,
  figures: readonly StageFigureRow[],
  enrolments: readonly EnrolmentRow[],
): Promise<Unit[]> {
  const seen = (kind: FunnelParts) =>
    new Set([
      ...figures.filter((f) => f.kind === kind).map((f) => f.unit_id),
      ...enrolments.filter((e) => e.kind === kind).map((e) => e.unit_id),
    ]);
  let total: Unit;
  if ('regionId' in query.scope) {
    const region = await em.findOne(Region, { id: query.scope.regionId });
    if (!region) {
      throw new BadUserInputError('Регион не найден', { field: 'regionId' });
    }
    total = { kind: 'region', id: region.id, name: region.name, isTotal: true };
  } else {
    const municipality = await em.findOne(Municipality, { id: query.scope.municipalityId });
    if (!municipality) {
      throw new BadUserInputError('Муниципалитет не найден', { field: 'municipalityId' });
    }
    total = {
      kind: 'municipality',
      id: municipality.id,
      name: municipality.shortName,
      isTotal: true,
    };
  }
  let parts: Unit[];
  if (query.parts === 'municipality') {
    const list = await em.find(
      Municipality,
      { region: total.id },
      { orderBy: { shortName: 'asc' } },
    );
    parts = list.map((m) => ({
      kind: 'municipality',
      id: m.id,
      name: m.shortName,
      isTotal: false,
    }));
  } else if (query.parts === 'organization') {
    const ids = [...seen('organization')];
    const list = ids.length ? await em.find(Organization, { id: { $in: ids } }) : [];
    parts = list
      .map((o) => ({ kind: 'organization', id: o.id, name: o.shortName ?? o.name, isTotal: false }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  } else {
    const ids = [...seen('subject')];
    const list = ids.length
      ? await em.find(OlympiadSubject, { id: { $in: ids } }, { orderBy: { position: 'asc' } })
      : [];
    parts = list.map((s) => ({ kind: 'subject', id: s.id, name: s.name, isTotal: false }));
  }
  return [total, ...parts];
}
