// The demo assessment results against the pure objectivity checks: the signs the analysis finds
// are exactly the planted ones, with margins on both sides. Pure, no database.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type DemoAssessments,
  type DemoProcedure,
  type DemoResult,
  generateDemoAssessments,
} from '../../seeds/demo/demo.assessments';
import { generateDemoGeography } from '../../seeds/demo/demo.geography';
import type { AssessmentProcedure } from '../../server/modules/assessments/assessments.entity';
import { ProcedureKind } from '../../server/modules/assessments/assessments.enums';
import {
  checkControlGap,
  checkHighVsRegion,
  checkMarkDistribution,
  checkMarkVsJournal,
  checkMedalistNonconfirmation,
  checkTaskProfile,
  DEFAULT_OBJECTIVITY_THRESHOLDS,
  type ObjectivitySignCode,
  type ObjectivityThresholds,
} from '../../server/modules/assessments/objectivity.signs';
import { checkResult } from '../../server/modules/assessments/results.validation';
import { RowErrors } from '../../server/shared/bulk';

const geography = generateDemoGeography();
const data = generateDemoAssessments(geography.organizations, geography.municipalities);

const regionOfMunicipality = new Map(geography.municipalities.map((m) => [m.code, m.regionCode]));
const organizations = new Map(geography.organizations.map((org) => [org.code, org]));
const SELECTIVE = new Set(['GYMNASIUM', 'LYCEUM']);

const SIGNS: readonly ObjectivitySignCode[] = [
  'high_vs_region',
  'task_profile',
  'mark_vs_journal',
  'mark_distribution',
  'not_confirmed_by_gia',
  'control_sample_gap',
  'medalist_nonconfirmation',
];

type Found = Set<string>;

const key = (org: string, procedure: string, year: number, sign: ObjectivitySignCode) =>
  `${org}|${procedure}|${year}|${sign}`;

const weightedMean = (rows: readonly DemoResult[], value: (row: DemoResult) => number) =>
  rows.reduce((sum, row) => sum + row.participants * value(row), 0) /
  rows.reduce((sum, row) => sum + row.participants, 0);

interface ProcedureRows {
  procedure: DemoProcedure;
  /** Region code → its schools' rows. */
  regions: Map<string, DemoResult[]>;
}

function byProcedure(assessments: DemoAssessments): Map<string, ProcedureRows> {
  const out = new Map<string, ProcedureRows>(
    assessments.procedures.map((procedure) => [procedure.code, { procedure, regions: new Map() }]),
  );
  for (const row of assessments.results) {
    const { regions } = out.get(row.procedureCode)!;
    const region = regionOfMunicipality.get(row.municipalityCode)!;
    regions.set(region, [...(regions.get(region) ?? []), row]);
  }
  return out;
}

function find(
  all: Map<string, ProcedureRows>,
  kind: ProcedureKind,
  subject: string,
  year: number,
  grade?: number,
): ProcedureRows | undefined {
  return [...all.values()].find(
    ({ procedure: p }) =>
      p.kind === kind &&
      p.subject === subject &&
      p.year === year &&
      (grade === undefined || p.grade === grade),
  );
}

const marksOf = (row: DemoResult) => ({
  mark2: row.mark2!,
  mark3: row.mark3!,
  mark4: row.mark4!,
  mark5: row.mark5!,
});

const journalOf = (row: DemoResult) => ({
  lowered: row.journalLowered!,
  confirmed: row.journalConfirmed!,
  raised: row.journalRaised!,
});

/** Every sign the analysis would find, computed with the pure checks as the analysis does. */
function analyse(assessments: DemoAssessments, thresholds: ObjectivityThresholds): Found {
  const found: Found = new Set();
  const all = byProcedure(assessments);
  for (const { procedure, regions } of all.values()) {
    const { code, year, maxScore } = procedure;
    for (const [region, rows] of regions) {
      const regionMean = weightedMean(rows, (row) => row.meanPercent);
      const add = (row: DemoResult, sign: ObjectivitySignCode, procedureCode = code) =>
        found.add(key(row.organizationCode, procedureCode, year, sign));
      if (procedure.kind === ProcedureKind.VPR || procedure.kind === ProcedureKind.OGE) {
        const twos = rows.reduce((s, r) => s + r.mark2!, 0);
        const marks = rows.reduce((s, r) => s + r.mark2! + r.mark3! + r.mark4! + r.mark5!, 0);
        for (const row of rows) {
          const finding = checkMarkDistribution(
            {
              marks: marksOf(row),
              peers: rows.filter((r) => r !== row).map(marksOf),
              histogram: row.scoreHistogram,
              markThresholds: procedure.markThresholds,
              maxScore,
              regionShareOfTwos: (100 * twos) / marks,
            },
            thresholds.markDistribution,
          );
          if (finding) {
            add(row, 'mark_distribution');
          }
        }
      }
      if (procedure.kind === ProcedureKind.VPR) {
        const exam = find(
          all,
          procedure.grade <= 9 ? ProcedureKind.OGE : ProcedureKind.EGE,
          procedure.subject,
          year,
        )?.regions.get(region);
        const examMean = exam ? weightedMean(exam, (row) => row.meanPercent) : null;
        const tasks = procedure.tasks.map((_, j) =>
          weightedMean(rows, (row) => row.taskCompletion![j]),
        );
        for (const row of rows) {
          const examRow = exam?.find((r) => r.organizationCode === row.organizationCode);
          const org = organizations.get(row.organizationCode)!;
          const high = checkHighVsRegion(
            {
              estimate: {
                kind: 'mean_percent',
                mean: row.meanPercent,
                sd: (100 * row.scoreSd) / maxScore,
              },
              cohort: row.participants,
              regionValue: regionMean,
              selective: SELECTIVE.has(org.schoolType ?? ''),
              exam: examRow
                ? { label: 'ОГЭ', school: examRow.meanPercent, region: examMean! }
                : null,
            },
            thresholds.highVsRegion,
          );
          if (high) {
            add(row, 'high_vs_region');
          }
          const profile = checkTaskProfile(
            { school: row.taskCompletion!, region: tasks, cohort: row.participants },
            thresholds.taskProfile,
          );
          if (profile) {
            add(row, 'task_profile');
          }
          const journal = checkMarkVsJournal(
            {
              school: journalOf(row),
              peers: rows.filter((r) => r !== row).map(journalOf),
            },
            thresholds.markVsJournal,
          );
          if (journal) {
            add(row, 'mark_vs_journal');
          }
          if (examRow) {
            const gia = checkControlGap(
              {
                source: 'gia',
                regular: { value: row.meanPercent, cohort: row.participants },
                controlled: { value: examRow.meanPercent, cohort: examRow.participants },
                region: { regular: regionMean, controlled: examMean! },
              },
              thresholds.controlGap,
            );
            if (gia) {
              add(row, 'not_confirmed_by_gia');
            }
          }
        }
      }
      if (procedure.kind === ProcedureKind.VPR_CONTROLLED) {
        const regular = find(all, ProcedureKind.VPR, procedure.subject, year, procedure.grade)!;
        const regularRows = regular.regions.get(region)!;
        // The same works re-checked: compared directly, as the analysis does.
        for (const row of rows) {
          const own = regularRows.find((r) => r.organizationCode === row.organizationCode)!;
          const gap = checkControlGap(
            {
              source: 'controlled_vpr',
              regular: { value: own.meanPercent, cohort: own.participants },
              controlled: { value: row.meanPercent, cohort: row.participants },
            },
            thresholds.controlGap,
          );
          if (gap) {
            add(row, 'control_sample_gap', regular.procedure.code);
          }
        }
      }
      if (procedure.kind === ProcedureKind.EGE) {
        for (const row of rows) {
          const finding = checkMedalistNonconfirmation(
            { medalists: row.medalists!, belowRequirement: row.medalistsBelowRequirement! },
            thresholds.medalistNonconfirmation,
          );
          if (finding) {
            add(row, 'medalist_nonconfirmation');
          }
        }
      }
    }
  }
  return found;
}

const plantedKeys = new Set(
  data.planted.map((p) => key(p.organizationCode, p.procedureCode, p.year, p.sign)),
);

function diff(found: Found): { missed: string[]; unexpected: string[] } {
  return {
    missed: [...plantedKeys].filter((k) => !found.has(k)).sort(),
    unexpected: [...found].filter((k) => !plantedKeys.has(k)).sort(),
  };
}

const D = DEFAULT_OBJECTIVITY_THRESHOLDS;

/** Looser thresholds: clean schools must stay clean even so. */
const LOOSE: ObjectivityThresholds = {
  ...D,
  highVsRegion: { ...D.highVsRegion, z: 1.6 },
  // Honest profiles stay clean even without the «hard tasks above the region» guard.
  taskProfile: {
    ...D.taskProfile,
    rhoThreshold: 0.35,
    gapThreshold: 11,
    requireHardAboveRegion: false,
  },
  markDistribution: { ...D.markDistribution, zThreshold: 1.85, bunchingRatio: 1.35 },
  controlGap: { ...D.controlGap, gapThreshold: 7.5 },
  markVsJournal: { ...D.markVsJournal, minShare: { ...D.markVsJournal.minShare, confirmed: 77 } },
  medalistNonconfirmation: { ...D.medalistNonconfirmation, mniThreshold: 25 },
};

/** Stricter thresholds: planted cases must fire even so. */
const STRICT: ObjectivityThresholds = {
  ...D,
  highVsRegion: { ...D.highVsRegion, z: 2.4 },
  taskProfile: { ...D.taskProfile, rhoThreshold: 0.65, gapThreshold: 19 },
  markDistribution: { ...D.markDistribution, zThreshold: 3, bunchingRatio: 2 },
  controlGap: { ...D.controlGap, gapThreshold: 12 },
  markVsJournal: { ...D.markVsJournal, minShare: { ...D.markVsJournal.minShare, confirmed: 92 } },
  medalistNonconfirmation: { ...D.medalistNonconfirmation, mniThreshold: 38 },
};

describe('demo assessments', () => {
  it('is deterministic', () => {
    const digest = (value: unknown) =>
      createHash('sha256').update(JSON.stringify(value)).digest('hex');
    const again = generateDemoAssessments(geography.organizations, geography.municipalities);
    expect(digest(again)).toBe(digest(data));
    expect(data.counts).toEqual({
      procedures: data.procedures.length,
      results: data.results.length,
      planted: data.planted.length,
    });
  });

  it('gives every result that passes the row validation', () => {
    const procedures = new Map(data.procedures.map((p) => [p.code, p]));
    const errors = new RowErrors();
    data.results.forEach((row, index) => {
      const procedure = procedures.get(row.procedureCode)!;
      checkResult(index, row, procedure as unknown as AssessmentProcedure, errors);
    });
    expect(errors.list.slice(0, 5)).toEqual([]);
  });

  it('keeps every result internally consistent', () => {
    const procedures = new Map(data.procedures.map((p) => [p.code, p]));
    const problems: string[] = [];
    for (const row of data.results) {
      const p = procedures.get(row.procedureCode)!;
      const where = `${row.procedureCode} ${row.organizationCode}`;
      const histogram = Object.entries(row.scoreHistogram);
      const pupils = histogram.reduce((s, [, n]) => s + n, 0);
      const mean = histogram.reduce((s, [score, n]) => s + Number(score) * n, 0) / pupils;
      if (pupils !== row.participants || Math.abs(mean - row.meanScore) > 0.01) {
        problems.push(`${where}: histogram`);
      }
      if (Math.abs(row.meanPercent - (100 * row.meanScore) / p.maxScore) > 0.01) {
        problems.push(`${where}: mean %`);
      }
      if (p.kind !== ProcedureKind.EGE) {
        const marks = row.mark2! + row.mark3! + row.mark4! + row.mark5!;
        if (marks !== row.participants) {
          problems.push(`${where}: marks`);
        }
      }
      if (p.kind === ProcedureKind.VPR) {
        const journal = row.journalLowered! + row.journalConfirmed! + row.journalRaised!;
        if (journal !== row.participants) {
          problems.push(`${where}: journal`);
        }
      }
      if (p.tasks.length > 0) {
        const completion = row.taskCompletion!.reduce(
          (s, c, j) => s + (c * p.tasks[j].maxScore) / p.maxScore,
          0,
        );
        if (Math.abs(completion - row.meanPercent) > 0.2) {
          problems.push(`${where}: tasks ${completion} vs ${row.meanPercent}`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('gives results for every school with the grade, about 93 % of it writing', () => {
    const schools = geography.organizations.filter((org) => org.kind === 'school');
    const withGrade5 = schools.filter((org) => org.grades[5] > 0).length;
    for (const year of [2023, 2024, 2025]) {
      const vpr = data.results.filter((r) => r.procedureCode === `VPR-${year}-RUS-5`);
      expect(vpr.length).toBe(withGrade5);
      const controlled = data.results.filter((r) => r.procedureCode === `VPRK-${year}-MAT-5`);
      expect(controlled.length / withGrade5).toBeGreaterThan(0.07);
      expect(controlled.length / withGrade5).toBeLessThan(0.13);
    }
  });

  it('plants each sign at least three times, on 5–8 % of the schools a year', () => {
    for (const sign of SIGNS) {
      expect(data.planted.filter((p) => p.sign === sign).length, sign).toBeGreaterThanOrEqual(3);
    }
    const schools = geography.organizations.filter((org) => org.kind === 'school').length;
    for (const year of [2023, 2024, 2025]) {
      const flagged = new Set(
        data.planted.filter((p) => p.year === year).map((p) => p.organizationCode),
      );
      expect(flagged.size / schools).toBeGreaterThanOrEqual(0.05);
      expect(flagged.size / schools).toBeLessThanOrEqual(0.08);
    }
    const rows = new Map(data.results.map((r) => [`${r.procedureCode}|${r.organizationCode}`, r]));
    for (const p of data.planted) {
      const row = rows.get(`${p.procedureCode}|${p.organizationCode}`)!;
      expect(
        row.participants,
        key(p.organizationCode, p.procedureCode, p.year, p.sign),
      ).toBeGreaterThanOrEqual(20);
      if (p.sign === 'high_vs_region') {
        expect(SELECTIVE.has(organizations.get(p.organizationCode)!.schoolType ?? '')).toBe(false);
      }
    }
  });

  it('lets the analysis find exactly the planted signs', () => {
    expect(diff(analyse(data, D))).toEqual({
      missed: [],
      unexpected: [],
    });
  });

  it('keeps clean schools clean under looser thresholds, planted ones flagged under stricter', () => {
    expect(diff(analyse(data, LOOSE)).unexpected).toEqual([]);
    expect(diff(analyse(data, STRICT)).missed).toEqual([]);
  });
});
