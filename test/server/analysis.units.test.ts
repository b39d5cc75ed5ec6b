// The analysis' own decisions, without a database: which procedures each sign reads, how a ВПР
// is paired with its exam and its controlled run, selective schools, and the settings' checks.
import { describe, expect, it } from 'vitest';
import type { RegionFigures, ResultRow } from '../../server/modules/assessments/analysis.data';
import {
  DEFAULT_ANALYSIS_SETTINGS,
  mergeAnalysisSettings,
} from '../../server/modules/assessments/analysis.settings';
import { ProcedureKind } from '../../server/modules/assessments/assessments.enums';
import { findObjectivitySigns } from '../../server/modules/assessments/objectivity.analysis';
import { SchoolType } from '../../server/modules/geography/geography.entity';

function row(overrides: Partial<ResultRow>): ResultRow {
  return {
    organizationId: 1,
    municipalityId: 1,
    schoolType: SchoolType.SOSH,
    procedureId: 1,
    procedureCode: 'VPR',
    kind: ProcedureKind.VPR,
    subject: 'Математика',
    grade: 11,
    maxScore: 20,
    tasks: [],
    markThresholds: {},
    participants: 50,
    mark2: null,
    mark3: null,
    mark4: null,
    mark5: null,
    scoreSd: 2,
    meanPercent: 90,
    taskCompletion: null,
    journalLowered: null,
    journalConfirmed: null,
    journalRaised: null,
    medalists: null,
    medalistsBelowRequirement: null,
    scoreHistogram: null,
    ...overrides,
  };
}

const region = (entries: [number, number][]): Map<number, RegionFigures> =>
  new Map(
    entries.map(([id, meanPercent]) => [
      id,
      { meanPercent, taskCompletion: [], shareOfTwos: null },
    ]),
  );

describe('findObjectivitySigns', () => {
  // A grade-11 ВПР at 90 % (sd 10 %, n = 50) against a region at 60 %: lower bound 87.2.
  const vpr = row({});
  const signsOf = (
    rows: ResultRow[],
    figures = region([
      [1, 60],
      [2, 55],
      [3, 70],
    ]),
  ) =>
    findObjectivitySigns(rows, figures, DEFAULT_ANALYSIS_SETTINGS).map(
      (s) => `${s.organizationId}:${s.finding.sign}`,
    );

  it('pairs a grade-11 ВПР with the ЕГЭ of its subject, not the ОГЭ', () => {
    const ege = row({ procedureId: 2, kind: ProcedureKind.EGE, meanPercent: 50, maxScore: 100 });
    const oge = row({ procedureId: 3, kind: ProcedureKind.OGE, meanPercent: 95, grade: 9 });
    // ЕГЭ 50 at or below the region's 55: not confirmed; the ОГЭ above its region is ignored.
    expect(signsOf([vpr, ege, oge])).toEqual(['1:high_vs_region', '1:not_confirmed_by_gia']);
    const findings = findObjectivitySigns(
      [vpr, ege, oge],
      region([
        [1, 60],
        [2, 55],
        [3, 70],
      ]),
      DEFAULT_ANALYSIS_SETTINGS,
    );
    expect(findings[0].finding.evidence).toContain('ЕГЭ «Математика» не подтверждает');
  });

  it('an exam above the region clears the school; without an exam the interval alone decides', () => {
    // ЕГЭ 80 above its region's 55 clears sign 1; the advantages differ by (90 − 60) − (80 − 55) = 5.
    const ege = row({ procedureId: 2, kind: ProcedureKind.EGE, meanPercent: 80, maxScore: 100 });
    expect(signsOf([vpr, ege])).toEqual([]);
    expect(signsOf([vpr])).toEqual(['1:high_vs_region']);
  });

  it('does not check gymnasiums and lyceums for high results (configurable)', () => {
    const gymnasium = row({ schoolType: SchoolType.GYMNASIUM });
    expect(signsOf([gymnasium])).toEqual([]);
    const strict = mergeAnalysisSettings({ selectiveSchoolTypes: [] });
    expect(findObjectivitySigns([gymnasium], region([[1, 60]]), strict)).toHaveLength(1);
  });

  it('pairs the controlled ВПР of the same subject and grade only', () => {
    const regular = row({ meanPercent: 62, scoreSd: 4 });
    const otherGrade = row({
      procedureId: 2,
      kind: ProcedureKind.VPR_CONTROLLED,
      grade: 10,
      meanPercent: 40,
    });
    expect(signsOf([regular, otherGrade])).toEqual([]);
    const sameGrade = row({ procedureId: 2, kind: ProcedureKind.VPR_CONTROLLED, meanPercent: 40 });
    // The same works re-checked: 62 − 40 = 22 ≥ 10.
    expect(signsOf([regular, sameGrade])).toEqual(['1:control_sample_gap']);
  });

  it('compares journal shares with the other schools only, and reads marks of ОГЭ too', () => {
    const journal = (id: number, confirmed: number) =>
      row({
        organizationId: id,
        meanPercent: null,
        journalConfirmed: confirmed,
        journalLowered: 50 - confirmed,
        journalRaised: 0,
      });
    const peers = Array.from({ length: 10 }, (_, i) => journal(i + 2, 25 + i));
    expect(signsOf([journal(1, 49), ...peers])).toEqual(['1:mark_vs_journal']);
    const noTwos = row({
      kind: ProcedureKind.OGE,
      grade: 9,
      meanPercent: null,
      mark2: 0,
      mark3: 20,
      mark4: 20,
      mark5: 10,
    });
    expect(signsOf([noTwos])).toEqual(['1:mark_distribution']);
  });

  it('reads medal holders from ЕГЭ rows', () => {
    const ege = row({
      kind: ProcedureKind.EGE,
      meanPercent: null,
      medalists: 6,
      medalistsBelowRequirement: 2,
    });
    expect(signsOf([ege])).toEqual(['1:medalist_nonconfirmation']);
  });
});

describe('analysis settings', () => {
  it('merges a partial override onto the defaults', () => {
    const merged = mergeAnalysisSettings({
      lowResults: { bottomQuantile: 0.1 },
      lowResultScope: 'municipality',
    });
    expect(merged.lowResults).toEqual({
      ...DEFAULT_ANALYSIS_SETTINGS.lowResults,
      bottomQuantile: 0.1,
    });
    expect(merged.lowResultScope).toBe('municipality');
    expect(merged.objectivity).toEqual(DEFAULT_ANALYSIS_SETTINGS.objectivity);
  });

  it.each([
    [{ objectivity: { highVsRegion: { z: 0 } } }, 'objectivity.highVsRegion.z'],
    [{ objectivity: { highVsRegion: { minCohort: 9.5 } } }, 'objectivity.highVsRegion.minCohort'],
    [
      { objectivity: { highVsRegion: { examRule: 'sometimes' } } },
      'objectivity.highVsRegion.examRule',
    ],
    [
      { objectivity: { markVsJournal: { shares: ['most'] } } },
      'objectivity.markVsJournal.shares[0]',
    ],
    [
      { objectivity: { markVsJournal: { minShare: { confirmed: 120 } } } },
      'objectivity.markVsJournal.minShare.confirmed',
    ],
    [{ lowResultProcedures: { kinds: ['PISA'] } }, 'lowResultProcedures.kinds[0]'],
    [{ socialComponents: [{ key: '1.2.X', label: 'x' }] }, 'socialComponents[0].polarity'],
    [{ lowResults: { riskMaxSlope: 'steep' } }, 'lowResults.riskMaxSlope'],
    [{ extra: 1 }, 'extra'],
  ])('refuses %j naming %s', (patch, field) => {
    expect(() => mergeAnalysisSettings(patch)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      }),
    );
  });

  it('takes null for the slope rule (off) and a number (on)', () => {
    expect(
      mergeAnalysisSettings({ lowResults: { riskMaxSlope: -2 } }).lowResults.riskMaxSlope,
    ).toBe(-2);
    expect(
      mergeAnalysisSettings({ lowResults: { riskMaxSlope: null } }).lowResults.riskMaxSlope,
    ).toBeNull();
  });
});
