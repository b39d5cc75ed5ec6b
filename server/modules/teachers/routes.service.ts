// Individual educational routes (ИОМ): bulk upsert with steps, and their closure by a later
// diagnosis (called when diagnostic results are written).
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type BulkResultShape,
  checkVersion,
  refuseRepeatedIds,
  RowErrors,
  runBulk,
} from '../../shared/bulk';
import type { Access } from '../access/viewer';
import { routeCloses } from './deficits';
import {
  DiagnosticCampaign,
  DiagnosticResult,
  IndividualRoute,
  RouteStep,
} from './teachers.entity';
import { RouteStatus, StepStatus } from './teachers.enums';
import type { IndividualRouteInput } from './teachers.inputs';
import { teachersByCode } from './teachers.lookup';
import { isIsoDate } from './teachers.service';

export function upsertIndividualRoutes(
  em: EntityManager,
  rows: IndividualRouteInput[],
  dryRun: boolean,
  access: Access,
): Promise<BulkResultShape<IndividualRoute>> {
  return runBulk(em, rows, dryRun, access.auditActor(), async (tem) => {
    const errors = new RowErrors();
    refuseRepeatedIds(rows, errors);
    const teachers = await teachersByCode(
      tem,
      rows.map((r) => r.personnelCode),
    );
    const campaignCodes = [
      ...new Set(rows.flatMap((r) => (r.campaignCode ? [r.campaignCode] : []))),
    ];
    const sources = campaignCodes.length
      ? await tem.find(
          DiagnosticResult,
          {
            campaign: { code: { $in: campaignCodes } },
            teacher: { $in: [...teachers.values()].map((t) => t.id) },
          },
          { populate: ['campaign'] },
        )
      : [];
    const ids = rows.flatMap((r) => (r.id ? [Number(r.id)] : []));
    const existing = new Map(
      (ids.length
        ? await tem.find(
            IndividualRoute,
            { id: { $in: ids } },
            { lockMode: LockMode.PESSIMISTIC_WRITE },
          )
        : []
      ).map((r) => [String(r.id), r]),
    );
    const planned = rows.flatMap((input, index) => {
      const before = errors.count;
      const fail = (
        field: string,
        code: 'NOT_FOUND' | 'INVALID_FORMAT' | 'REQUIRED',
        message: string,
      ) => errors.add(index, input.id ?? null, field, code, message);
      const teacher = teachers.get(input.personnelCode);
      if (!teacher) {
        fail('personnelCode', 'NOT_FOUND', `Педагог ${input.personnelCode} не найден`);
      }
      const current = input.id ? (existing.get(input.id) ?? null) : null;
      if (input.id && !current) {
        fail('id', 'NOT_FOUND', 'Маршрут уже удалён: обновите таблицу');
      }
      checkVersion(index, input, current, errors);
      const source = input.campaignCode
        ? sources.find(
            (r) =>
              r.campaign.getEntity().code === input.campaignCode && r.teacher.id === teacher?.id,
          )
        : undefined;
      if (input.campaignCode && teacher && !source) {
        fail(
          'campaignCode',
          'NOT_FOUND',
          `У педагога нет результата диагностики ${input.campaignCode}`,
        );
      }
      const targeted =
        input.targetedDeficits ?? source?.deficits ?? current?.targetedDeficits ?? [];
      // A missing source diagnosis is reported on its own; its deficits cannot be taken then.
      if (targeted.length === 0 && (source || !input.campaignCode)) {
        fail('targetedDeficits', 'REQUIRED', 'Укажите дефициты, на которые направлен маршрут');
      }
      if (!isIsoDate(input.openedOn)) {
        fail('openedOn', 'INVALID_FORMAT', 'Дата в формате ГГГГ-ММ-ДД');
      }
      if (input.status === RouteStatus.CLOSED) {
        fail(
          'status',
          'INVALID_FORMAT',
          'Маршрут закрывается повторной диагностикой, а не вручную',
        );
      }
      input.steps?.forEach((step, i) => {
        if (step.dueDate != null && !isIsoDate(step.dueDate)) {
          fail(`steps[${i}].dueDate`, 'INVALID_FORMAT', 'Дата в формате ГГГГ-ММ-ДД');
        }
        if (step.title.trim() === '') {
          fail(`steps[${i}].title`, 'REQUIRED', 'Укажите шаг маршрута');
        }
      });
      return errors.count === before && teacher
        ? [{ input, teacher, source: source ?? null, targeted, current }]
        : [];
    });
    access.assertCanWriteUnits(
      planned.map(({ teacher }) => ({
        municipalityId: teacher.municipality.id,
        organizationId: teacher.organization.id,
      })),
    );
    return {
      errors,
      async write() {
        const written = planned.map(({ input, teacher, source, targeted, current }) => {
          const route =
            current ??
            tem.create(IndividualRoute, {
              teacher,
              municipality: teacher.municipality,
              targetedDeficits: targeted,
              openedOn: input.openedOn,
            });
          tem.assign(route, {
            diagnostic: source ?? route.diagnostic,
            targetedDeficits: targeted,
            openedOn: input.openedOn,
            ...(input.tutor !== undefined ? { tutor: input.tutor } : {}),
            ...(input.status ? { status: input.status } : {}),
          });
          return { route, steps: input.steps };
        });
        await tem.flush();
        // Steps given replace the stored ones (a route's plan is edited as a whole).
        const replaced = written.filter((w) => w.steps);
        if (replaced.length) {
          await tem.nativeDelete(RouteStep, { route: { $in: replaced.map((w) => w.route.id) } });
          for (const { route, steps } of replaced) {
            for (const step of steps!) {
              tem.create(RouteStep, {
                route,
                kind: step.kind,
                title: step.title,
                provider: step.provider ?? null,
                hours: step.hours ?? null,
                dueDate: step.dueDate ?? null,
                status: step.status ?? StepStatus.PLANNED,
              });
            }
          }
          await tem.flush();
        }
        return {
          rows: written.map((w) => w.route),
          created: planned.filter((p) => !p.current).length,
          deleted: 0,
          total: written.length,
        };
      },
    };
  });
}

/**
 * After results are written: closes the open routes of their teachers that a later result no
 * longer supports (every targeted area measured, none a deficit), and reopens routes an
 * edited result had closed but no longer closes. One query for the routes, whatever the batch.
 */
export async function applyRouteClosure(
  em: EntityManager,
  results: readonly DiagnosticResult[],
): Promise<void> {
  if (results.length === 0) {
    return;
  }
  const routes = await em.find(
    IndividualRoute,
    {
      teacher: { $in: [...new Set(results.map((r) => r.teacher.id))] },
      status: { $ne: RouteStatus.CANCELLED },
    },
    { populate: ['diagnostic.campaign'] },
  );
  for (const result of results) {
    const campaign = result.campaign.getEntity() as DiagnosticCampaign;
    const later = { deficits: result.deficits, measured: campaign.areas.map((a) => a.area) };
    for (const route of routes.filter((r) => r.teacher.id === result.teacher.id)) {
      const sourceDate =
        route.diagnostic?.getEntity().campaign.getEntity().heldOn ?? route.openedOn;
      if (route.closedBy?.id === result.id && !routeCloses(route.targetedDeficits, later)) {
        Object.assign(route, { status: RouteStatus.OPEN, closedOn: null, closedBy: null });
      } else if (
        route.status === RouteStatus.OPEN &&
        campaign.heldOn > sourceDate &&
        routeCloses(route.targetedDeficits, later)
      ) {
        Object.assign(route, {
          status: RouteStatus.CLOSED,
          closedOn: campaign.heldOn,
          closedBy: result,
        });
      }
    }
  }
  await em.flush();
}
