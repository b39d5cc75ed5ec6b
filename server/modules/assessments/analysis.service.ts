// One run of the objectivity and low-result analysis for a region and year, in one audited
// transaction: read the results (SQL aggregates), find the signs, store them, find ШНОР / ШНСУ /
// risk-zone schools (reading the signs just stored), store them, write the shares as indicator
// values and the organization flags, and record the run with its thresholds.
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, NotFoundHubError } from '../../errors';
import type { Access } from '../access/viewer';
import { auditedTransaction } from '../audit/audit.context';
import { Region } from '../geography/geography.entity';
import { Indicator } from '../indicators/indicators.entity';
import {
  loadRegionFigures,
  loadResults,
  loadSchoolYearScores,
  loadSocialValues,
} from './analysis.data';
import { type AnalysisSettings, loadAnalysisSettings } from './analysis.settings';
import {
  academicPeriodOf,
  ANALYSIS_INDICATORS,
  type ShareMember,
  writeOrganizationFlags,
  writeShareValues,
} from './analysis.writeback';
import { AssessmentAnalysisRun, LowResultStatus, ObjectivitySign } from './assessments.entity';
import { LowResultKind, ObjectivitySignKind, ProcedureKind } from './assessments.enums';
import { findLowResults, lowResultWindow, type LocatedStatus } from './low-results.analysis';
import { findObjectivitySigns, type LocatedSign } from './objectivity.analysis';

export interface AnalysisRequest {
  year: number;
  regionCode: string;
  dryRun?: boolean;
}

async function assertSocialIndicatorsExist(
  em: EntityManager,
  settings: AnalysisSettings,
): Promise<void> {
  const codes = settings.socialComponents.map((c) => c.key);
  const known = new Set((await em.find(Indicator, { code: { $in: codes } })).map((i) => i.code));
  const missing = codes.findIndex((code) => !known.has(code));
  if (missing >= 0) {
    throw new BadUserInputError(`Показатель ${codes[missing]} не найден`, {
      field: `socialComponents[${missing}].key`,
    });
  }
}

/** Runs the analysis; a dry run computes and checks everything, then rolls back. */
export async function runAssessmentAnalysis(
  em: EntityManager,
  access: Access,
  request: AnalysisRequest,
): Promise<AssessmentAnalysisRun> {
  const region = await em.findOne(Region, { code: request.regionCode });
  if (!region) {
    throw new NotFoundHubError(`Регион ${request.regionCode} не найден`, { field: 'regionCode' });
  }
  access.assertRegionAnalyst(region.id, 'run the analysis');
  const actor = access.auditActor();
  return auditedTransaction(
    em,
    actor,
    async (tem) => {
      const settings = await loadAnalysisSettings(tem);
      await assertSocialIndicatorsExist(tem, settings);
      const { year } = request;
      const run = tem.create(AssessmentAnalysisRun, {
        region,
        year,
        thresholds: settings as unknown as Record<string, unknown>,
        actor: actor.label,
        results: 0,
        signs: 0,
        flaggedSchools: 0,
        shnor: 0,
        shnsu: 0,
        riskZone: 0,
        objectivityExcluded: 0,
        indicatorValues: 0,
      });
      await tem.flush();

      const results = await loadResults(tem, region.id, year);
      const signs = findObjectivitySigns(
        results,
        await loadRegionFigures(tem, region.id, year),
        settings,
      );
      await replaceSigns(tem, region.id, year, run, signs);

      // Reads the signs just stored: flagged schools are kept out of the ШНОР quartile.
      const scores = await loadSchoolYearScores(
        tem,
        region.id,
        lowResultWindow(year, settings),
        settings.lowResultProcedures,
      );
      const social = await loadSocialValues(
        tem,
        region.id,
        academicPeriodOf(year).code,
        settings.socialComponents.map((c) => c.key),
      );
      const statuses = findLowResults(scores, social, year, settings);
      await replaceStatuses(tem, region.id, year, run, statuses);

      const members = shareMembers(results, signs, scores, social, statuses, year, settings);
      run.indicatorValues = await writeShareValues(tem, region.id, year, members);
      await writeFlagsIfLatest(tem, region.id, year, signs, statuses);

      const schoolsWith = (kind: LowResultKind) =>
        new Set(statuses.filter((s) => s.kind === kind).map((s) => s.organizationId)).size;
      Object.assign(run, {
        results: results.length,
        signs: signs.length,
        flaggedSchools: new Set(signs.map((s) => s.organizationId)).size,
        shnor: schoolsWith(LowResultKind.SHNOR),
        shnsu: schoolsWith(LowResultKind.SHNSU),
        riskZone: schoolsWith(LowResultKind.RISK_ZONE),
        objectivityExcluded: schoolsWith(LowResultKind.OBJECTIVITY_EXCLUDED),
      });
      await tem.flush();
      return run;
    },
    { dryRun: request.dryRun },
  );
}

/** Each run replaces the findings of its region and year whole. */
async function deleteFindings(
  em: EntityManager,
  table: 'objectivity_sign' | 'low_result_status',
  regionId: number,
  year: number,
): Promise<void> {
  await em.execute(
    `delete from ${table} s using municipality m
      where m.id = s.municipality_id and m.region_id = ? and s.year = ?`,
    [regionId, year],
  );
}

async function replaceSigns(
  em: EntityManager,
  regionId: number,
  year: number,
  run: AssessmentAnalysisRun,
  signs: readonly LocatedSign[],
): Promise<void> {
  await deleteFindings(em, 'objectivity_sign', regionId, year);
  if (signs.length > 0) {
    await em.insertMany(
      ObjectivitySign,
      signs.map((s) => ({
        organization: s.organizationId,
        municipality: s.municipalityId,
        procedure: s.procedureId,
        run: run.id,
        year,
        sign: s.finding.sign as ObjectivitySignKind,
        criterion: s.finding.criterion,
        metric: s.finding.metric,
        threshold: s.finding.threshold,
        methodVersion: s.finding.methodVersion,
        evidence: s.finding.evidence,
      })) as never[],
    );
  }
}

async function replaceStatuses(
  em: EntityManager,
  regionId: number,
  year: number,
  run: AssessmentAnalysisRun,
  statuses: readonly LocatedStatus[],
): Promise<void> {
  await deleteFindings(em, 'low_result_status', regionId, year);
  if (statuses.length > 0) {
    await em.insertMany(
      LowResultStatus,
      statuses.map((s) => ({
        organization: s.organizationId,
        municipality: s.municipalityId,
        run: run.id,
        year,
        kind: s.kind,
        rule: s.rule,
        metric: s.metric,
        threshold: s.threshold,
        evidence: s.evidence,
      })) as never[],
    );
  }
}

/**
 * Who counts in each share of the year: schools that wrote a ВПР (a member if a sign was found on
 * one of its ВПР results), schools with a ШНОР score, schools with every social component.
 */
function shareMembers(
  results: readonly {
    organizationId: number;
    municipalityId: number;
    procedureId: number;
    kind: ProcedureKind;
  }[],
  signs: readonly LocatedSign[],
  scores: readonly { organizationId: number; municipalityId: number; year: number }[],
  social: readonly {
    organizationId: number;
    municipalityId: number;
    values: Record<string, number>;
  }[],
  statuses: readonly LocatedStatus[],
  year: number,
  settings: AnalysisSettings,
): ShareMember[] {
  const isVpr = (kind: ProcedureKind) =>
    kind === ProcedureKind.VPR || kind === ProcedureKind.VPR_CONTROLLED;
  const kindOf = new Map(results.map((r) => [r.procedureId, r.kind]));
  const signedOnVpr = new Set(
    signs.filter((s) => isVpr(kindOf.get(s.procedureId)!)).map((s) => s.organizationId),
  );
  const holders = (kind: LowResultKind) =>
    new Set(statuses.filter((s) => s.kind === kind).map((s) => s.organizationId));
  const [shnor, shnsu] = [holders(LowResultKind.SHNOR), holders(LowResultKind.SHNSU)];
  const share = (
    indicatorCode: string,
    rows: readonly { organizationId: number; municipalityId: number }[],
    members: ReadonlySet<number>,
  ): ShareMember[] =>
    [...new Map(rows.map((r) => [r.organizationId, r])).values()].map((r) => ({
      indicatorCode,
      organizationId: r.organizationId,
      municipalityId: r.municipalityId,
      member: members.has(r.organizationId),
    }));
  const complete = social.filter((s) =>
    settings.socialComponents.every((c) => typeof s.values[c.key] === 'number'),
  );
  return [
    ...share(
      ANALYSIS_INDICATORS.objectivitySigns,
      results.filter((r) => isVpr(r.kind)),
      signedOnVpr,
    ),
    ...share(
      ANALYSIS_INDICATORS.shnorShare,
      scores.filter((s) => s.year === year),
      shnor,
    ),
    ...share(ANALYSIS_INDICATORS.shnsuShare, complete, shnsu),
  ];
}

/**
 * Organization flags say where a school stands now: they follow the latest year analysed for
 * the region, so re-running an older year leaves them alone.
 */
async function writeFlagsIfLatest(
  em: EntityManager,
  regionId: number,
  year: number,
  signs: readonly LocatedSign[],
  statuses: readonly LocatedStatus[],
): Promise<void> {
  const [{ latest }] = await em.execute<{ latest: number }[]>(
    'select max(year) as latest from assessment_analysis_run where region_id = ?',
    [regionId],
  );
  if (Number(latest) > year) {
    return;
  }
  const holders = (kind: LowResultKind) => [
    ...new Set(statuses.filter((s) => s.kind === kind).map((s) => s.organizationId)),
  ];
  await writeOrganizationFlags(em, regionId, {
    objectivityRisk: [...new Set(signs.map((s) => s.organizationId))],
    lowResults: holders(LowResultKind.SHNOR),
    unfavourableConditions: holders(LowResultKind.SHNSU),
    riskZone: holders(LowResultKind.RISK_ZONE),
  });
}
