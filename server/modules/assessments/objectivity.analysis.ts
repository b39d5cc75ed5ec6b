// Runs every sign of DOMAIN.md §3.1 over one region's results of one year: decides which
// procedures each sign applies to, pairs a ВПР with its controlled run and with ОГЭ/ЕГЭ, feeds
// the pure checks the school's and the region's figures. No database access.
import type { AnalysisSettings } from './analysis.settings';
import type { RegionFigures, ResultRow } from './analysis.data';
import { ProcedureKind } from './assessments.enums';
import {
  checkControlGap,
  checkHighVsRegion,
  checkMarkDistribution,
  checkMarkVsJournal,
  checkMedalistNonconfirmation,
  checkTaskProfile,
  type JournalCounts,
  type MarkCounts,
  type ObjectivitySignFinding,
} from './objectivity.signs';

/** A sign found on one school's result. */
export interface LocatedSign {
  organizationId: number;
  municipalityId: number;
  procedureId: number;
  finding: ObjectivitySignFinding;
}

const EXAM_LABEL: Partial<Record<ProcedureKind, string>> = {
  [ProcedureKind.OGE]: 'ОГЭ',
  [ProcedureKind.EGE]: 'ЕГЭ',
};

function journalOf(row: ResultRow): JournalCounts | null {
  const { journalLowered: lowered, journalConfirmed: confirmed, journalRaised: raised } = row;
  return lowered === null || confirmed === null || raised === null
    ? null
    : { lowered, confirmed, raised };
}

function marksOf(row: ResultRow): MarkCounts | null {
  const { mark2, mark3, mark4, mark5 } = row;
  return mark2 === null || mark3 === null || mark4 === null || mark5 === null
    ? null
    : { mark2, mark3, mark4, mark5 };
}

/** The state exam that confirms a ВПР: ОГЭ for grades up to 9, ЕГЭ for 10–11 (same subject). */
function examKindFor(grade: number | null): ProcedureKind {
  return grade !== null && grade >= 10 ? ProcedureKind.EGE : ProcedureKind.OGE;
}

/** Rows indexed for pairing: procedure → school → row, and procedures by kind/subject/grade. */
class ResultIndex {
  private readonly byProcedure = new Map<number, Map<number, ResultRow>>();
  private readonly procedures = new Map<number, ResultRow>();

  constructor(rows: readonly ResultRow[]) {
    for (const row of rows) {
      const schools = this.byProcedure.get(row.procedureId) ?? new Map<number, ResultRow>();
      this.byProcedure.set(row.procedureId, schools.set(row.organizationId, row));
      this.procedures.set(row.procedureId, row);
    }
  }

  /** The other schools' rows on the same procedure. */
  peers(row: ResultRow): ResultRow[] {
    return [...this.byProcedure.get(row.procedureId)!.values()].filter(
      (peer) => peer.organizationId !== row.organizationId,
    );
  }

  /** The same school's row on the procedure of `kind` matching the subject (and grade). */
  paired(row: ResultRow, kind: ProcedureKind, sameGrade: boolean): ResultRow | null {
    for (const [id, procedure] of this.procedures) {
      if (
        procedure.kind === kind &&
        procedure.subject === row.subject &&
        (!sameGrade || procedure.grade === row.grade)
      ) {
        const own = this.byProcedure.get(id)!.get(row.organizationId);
        if (own) {
          return own;
        }
      }
    }
    return null;
  }
}

/** Every sign found among the results of one region and year. */
export function findObjectivitySigns(
  rows: readonly ResultRow[],
  region: ReadonlyMap<number, RegionFigures>,
  settings: AnalysisSettings,
): LocatedSign[] {
  const t = settings.objectivity;
  const index = new ResultIndex(rows);
  const found: LocatedSign[] = [];
  const regionMean = (row: ResultRow) => region.get(row.procedureId)?.meanPercent ?? null;
  for (const row of rows) {
    const add = (finding: ObjectivitySignFinding | null) => {
      if (finding) {
        found.push({
          organizationId: row.organizationId,
          municipalityId: row.municipalityId,
          procedureId: row.procedureId,
          finding,
        });
      }
    };
    const figures = region.get(row.procedureId);
    const marks = marksOf(row);
    if (row.kind === ProcedureKind.VPR) {
      const exam = index.paired(row, examKindFor(row.grade), false);
      const examRegion = exam ? regionMean(exam) : null;
      const examLabel = exam ? `${EXAM_LABEL[exam.kind]} «${exam.subject}»` : '';
      if (row.meanPercent !== null && row.scoreSd !== null && figures?.meanPercent != null) {
        add(
          checkHighVsRegion(
            {
              estimate: {
                kind: 'mean_percent',
                mean: row.meanPercent,
                sd: (100 * row.scoreSd) / row.maxScore,
              },
              cohort: row.participants,
              regionValue: figures.meanPercent,
              selective:
                row.schoolType !== null && settings.selectiveSchoolTypes.includes(row.schoolType),
              exam:
                exam?.meanPercent != null && examRegion !== null
                  ? { label: examLabel, school: exam.meanPercent, region: examRegion }
                  : null,
            },
            t.highVsRegion,
          ),
        );
      }
      if (
        row.taskCompletion &&
        figures &&
        figures.taskCompletion.length === row.taskCompletion.length
      ) {
        add(
          checkTaskProfile(
            {
              school: row.taskCompletion,
              region: figures.taskCompletion,
              taskNumbers:
                row.tasks.length === row.taskCompletion.length
                  ? row.tasks.map((task) => task.number)
                  : undefined,
              cohort: row.participants,
            },
            t.taskProfile,
          ),
        );
      }
      const journal = journalOf(row);
      if (journal) {
        const peers = index
          .peers(row)
          .map(journalOf)
          .filter((j): j is JournalCounts => j !== null);
        add(checkMarkVsJournal({ school: journal, peers }, t.markVsJournal));
      }
      // The controlled run re-checks the same pupils' works, so the two results compare
      // directly; against the region they would not (the sample's own mean is biased by which
      // few schools were drawn).
      const controlled = index.paired(row, ProcedureKind.VPR_CONTROLLED, true);
      if (controlled?.meanPercent != null && row.meanPercent !== null) {
        add(
          checkControlGap(
            {
              source: 'controlled_vpr',
              regular: { value: row.meanPercent, cohort: row.participants },
              controlled: { value: controlled.meanPercent, cohort: controlled.participants },
            },
            t.controlGap,
          ),
        );
      }
      if (
        exam?.meanPercent != null &&
        row.meanPercent !== null &&
        figures?.meanPercent != null &&
        examRegion !== null
      ) {
        add(
          checkControlGap(
            {
              source: 'gia',
              regular: { value: row.meanPercent, cohort: row.participants },
              controlled: { value: exam.meanPercent, cohort: exam.participants },
              region: { regular: figures.meanPercent, controlled: examRegion },
              controlledLabel: examLabel,
            },
            t.controlGap,
          ),
        );
      }
    }
    if ((row.kind === ProcedureKind.VPR || row.kind === ProcedureKind.OGE) && marks) {
      const peers = index
        .peers(row)
        .map(marksOf)
        .filter((m): m is MarkCounts => m !== null);
      add(
        checkMarkDistribution(
          {
            marks,
            peers,
            histogram: row.scoreHistogram,
            markThresholds: row.markThresholds,
            maxScore: row.maxScore,
            regionShareOfTwos: figures?.shareOfTwos ?? null,
          },
          t.markDistribution,
        ),
      );
    }
    if (
      row.kind === ProcedureKind.EGE &&
      row.medalists !== null &&
      row.medalistsBelowRequirement !== null
    ) {
      add(
        checkMedalistNonconfirmation(
          {
            medalists: row.medalists,
            belowRequirement: row.medalistsBelowRequirement,
            subject: `по предмету «${row.subject}»`,
          },
          t.medalistNonconfirmation,
        ),
      );
    }
  }
  return found;
}
