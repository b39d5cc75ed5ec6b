// Diagnostic campaigns (administrators) and teachers' results by natural key (campaign code,
// personnel code): scores checked against the campaign's areas, deficits detected on write,
// the teacher's organization of the time kept with the result.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type BulkResultShape, RowErrors, runBulk } from '../../shared/bulk';
import type { Access } from '../access/viewer';
import { type CampaignArea, detectDeficits } from './deficits';
import { DiagnosticCampaign, DiagnosticResult } from './teachers.entity';
import { CompetencyArea } from './teachers.enums';
import type { DiagnosticCampaignInput, DiagnosticResultInput } from './teachers.inputs';
import { applyRouteClosure } from './routes.service';
import { teachersByCode } from './teachers.lookup';
import { isIsoDate } from './teachers.service';

const AREAS = new Set<string>(Object.values(CompetencyArea));

/** «SUBJECT» (the GraphQL name) or «subject» → the stored value; anything else → null. */
function areaOf(key: string): CompetencyArea | null {
  const value = key.toLowerCase();
  return AREAS.has(value) ? (value as CompetencyArea) : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The campaign's areas, or the message naming what is wrong with them. */
function parseAreas(value: unknown): CampaignArea[] | string {
  if (!Array.isArray(value) || value.length === 0) {
    return 'Нужен непустой список областей [{ area, maxScore, deficitBelow }]';
  }
  const areas: CampaignArea[] = [];
  for (const [i, item] of value.entries()) {
    const area = isObject(item) && typeof item.area === 'string' ? areaOf(item.area) : null;
    const { maxScore, deficitBelow } = isObject(item) ? item : {};
    if (!area) {
      return `Область ${i + 1}: неизвестная область (${[...AREAS].join(', ')})`;
    }
    if (areas.some((a) => a.area === area)) {
      return `Область ${i + 1}: ${area} уже есть`;
    }
    if (typeof maxScore !== 'number' || !(maxScore > 0)) {
      return `Область ${i + 1}: максимальный балл должен быть больше 0`;
    }
    if (typeof deficitBelow !== 'number' || !(deficitBelow > 0 && deficitBelow <= maxScore)) {
      return `Область ${i + 1}: порог дефицита — от 0 (не включая) до ${maxScore}`;
    }
    areas.push({ area, maxScore, deficitBelow });
  }
  return areas;
}

export function upsertDiagnosticCampaigns(
  em: EntityManager,
  rows: DiagnosticCampaignInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<DiagnosticCampaign>> {
  access.requireAdmin();
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    const existing = new Map(
      (await tem.find(DiagnosticCampaign, { code: { $in: rows.map((r) => r.code) } })).map((c) => [
        c.code,
        c,
      ]),
    );
    const planned = rows.flatMap((input, index) => {
      const before = errors.count;
      const areas = parseAreas(input.areas);
      if (typeof areas === 'string') {
        errors.add(index, null, 'areas', 'INVALID_FORMAT', areas);
      }
      if (!isIsoDate(input.heldOn)) {
        errors.add(index, null, 'heldOn', 'INVALID_FORMAT', 'Дата в формате ГГГГ-ММ-ДД');
      }
      if (rows.findIndex((r) => r.code === input.code) !== index) {
        errors.add(index, null, 'code', 'DUPLICATE', 'Эта кампания уже есть в запросе');
      }
      const current = existing.get(input.code) ?? null;
      if (input.version != null && current?.version !== input.version) {
        errors.add(
          index,
          null,
          'version',
          current ? 'CONFLICT' : 'NOT_FOUND',
          'Кампания изменена или удалена: обновите таблицу',
        );
      }
      return errors.count === before ? [{ input, areas: areas as CampaignArea[], current }] : [];
    });
    return {
      errors,
      async write() {
        const written = planned.map(({ input, areas, current }) => {
          const campaign =
            current ??
            tem.create(DiagnosticCampaign, {
              code: input.code,
              name: input.name,
              heldOn: input.heldOn,
              areas,
            });
          tem.assign(campaign, {
            name: input.name,
            operator: input.operator ?? null,
            instrument: input.instrument ?? null,
            heldOn: input.heldOn,
            areas,
          });
          return campaign;
        });
        await tem.flush();
        return {
          rows: written,
          created: planned.filter((p) => !p.current).length,
          deleted: 0,
          total: written.length,
        };
      },
    };
  });
}

/** Scores keyed by stored area values, or the message naming the first bad one. */
function parseScores(
  value: unknown,
  areas: readonly CampaignArea[],
): Partial<Record<CompetencyArea, number>> | string {
  if (!isObject(value)) {
    return 'Нужны баллы по областям, например { "SUBJECT": 72 }';
  }
  const scores: Partial<Record<CompetencyArea, number>> = {};
  for (const [key, score] of Object.entries(value)) {
    const spec = areas.find((a) => a.area === areaOf(key));
    if (!spec) {
      return `Область ${key} не измеряется в этой кампании`;
    }
    if (typeof score !== 'number' || !(score >= 0 && score <= spec.maxScore)) {
      return `Балл по области ${key} — от 0 до ${spec.maxScore}`;
    }
    scores[spec.area] = score;
  }
  return scores;
}

export function upsertDiagnosticResults(
  em: EntityManager,
  rows: DiagnosticResultInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<DiagnosticResult>> {
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    const campaigns = new Map(
      (
        await tem.find(DiagnosticCampaign, {
          code: { $in: [...new Set(rows.map((r) => r.campaignCode))] },
        })
      ).map((c) => [c.code, c]),
    );
    const teachers = await teachersByCode(
      tem,
      rows.map((r) => r.personnelCode),
    );
    const seen = new Map<string, number>();
    const resolved = rows.flatMap((input, index) => {
      const campaign = campaigns.get(input.campaignCode);
      const teacher = teachers.get(input.personnelCode);
      if (!campaign) {
        errors.add(
          index,
          null,
          'campaignCode',
          'NOT_FOUND',
          `Кампания ${input.campaignCode} не найдена`,
        );
      }
      if (!teacher) {
        errors.add(
          index,
          null,
          'personnelCode',
          'NOT_FOUND',
          `Педагог ${input.personnelCode} не найден`,
        );
      }
      if (!campaign || !teacher) {
        return [];
      }
      const scores = parseScores(input.scores, campaign.areas);
      if (typeof scores === 'string') {
        errors.add(index, null, 'scores', 'INVALID_FORMAT', scores);
        return [];
      }
      const key = `${campaign.id}|${teacher.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.add(
          index,
          null,
          'personnelCode',
          'DUPLICATE',
          `Этот результат уже есть в запросе (строка ${first + 1})`,
        );
        return [];
      }
      seen.set(key, index);
      return [{ index, input, campaign, teacher, scores }];
    });
    access.assertCanWriteUnits(
      resolved.map(({ teacher }) => ({
        municipalityId: teacher.municipality.id,
        organizationId: teacher.organization.id,
      })),
    );
    const existing = resolved.length
      ? await tem.find(
          DiagnosticResult,
          { $or: resolved.map((r) => ({ campaign: r.campaign.id, teacher: r.teacher.id })) },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : [];
    const stored = new Map(existing.map((r) => [`${r.campaign.id}|${r.teacher.id}`, r]));
    const planned = resolved.flatMap((r) => {
      const current = stored.get(`${r.campaign.id}|${r.teacher.id}`) ?? null;
      if (r.input.version != null && current?.version !== r.input.version) {
        errors.add(
          r.index,
          current ? String(current.id) : null,
          'version',
          current ? 'CONFLICT' : 'NOT_FOUND',
          'Результат изменён или удалён: обновите таблицу',
        );
        return [];
      }
      return [{ ...r, current }];
    });
    return {
      errors,
      async write() {
        const written = planned.map(({ campaign, teacher, scores, current }) => {
          // Where the teacher worked when diagnosed: kept on later corrections too.
          const result =
            current ??
            tem.create(DiagnosticResult, {
              campaign,
              teacher,
              organization: teacher.organization,
              municipality: teacher.municipality,
              scores,
            });
          result.scores = scores;
          result.deficits = detectDeficits(scores, campaign.areas);
          return result;
        });
        await tem.flush();
        await applyRouteClosure(tem, written);
        return {
          rows: written,
          created: planned.filter((p) => !p.current).length,
          deleted: 0,
          total: written.length,
        };
      },
    };
  });
}
