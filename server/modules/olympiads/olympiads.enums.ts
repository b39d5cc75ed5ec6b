import { registerEnumType } from 'type-graphql';

// Kinds of contests a record may belong to: the All-Russian olympiad (ВсОШ, whose stage and
// grade rules the hub enforces), a region's own olympiads, and other listed contests.
export enum OlympiadKind {
  VSOSH = 'vsosh',
  REGIONAL = 'regional',
  OTHER = 'other',
}
registerEnumType(OlympiadKind, {
  name: 'OlympiadKind',
  valuesConfig: {
    VSOSH: { description: 'Всероссийская олимпиада школьников (правила этапов проверяются).' },
    REGIONAL: { description: 'Региональная олимпиада.' },
    OTHER: { description: 'Другой конкурс или олимпиада из перечня.' },
  },
});

// Stages in order (DOMAIN.md §2 OlympiadRecord; Порядок ВсОШ, приказ Минпросвещения № 678).
export enum OlympiadStage {
  SCHOOL = 'school',
  MUNICIPAL = 'municipal',
  REGIONAL = 'regional',
  FINAL = 'final',
}
registerEnumType(OlympiadStage, {
  name: 'OlympiadStage',
  valuesConfig: {
    SCHOOL: { description: 'Школьный этап.' },
    MUNICIPAL: { description: 'Муниципальный этап.' },
    REGIONAL: { description: 'Региональный этап.' },
    FINAL: { description: 'Заключительный этап.' },
  },
});

export const STAGE_ORDER: readonly OlympiadStage[] = [
  OlympiadStage.SCHOOL,
  OlympiadStage.MUNICIPAL,
  OlympiadStage.REGIONAL,
  OlympiadStage.FINAL,
];

export enum OlympiadStatus {
  PARTICIPANT = 'participant',
  PRIZE_WINNER = 'prize_winner',
  WINNER = 'winner',
}
registerEnumType(OlympiadStatus, {
  name: 'OlympiadStatus',
  valuesConfig: {
    PARTICIPANT: { description: 'Участник.' },
    PRIZE_WINNER: { description: 'Призёр.' },
    WINNER: { description: 'Победитель.' },
  },
});

/** A diploma: winner or prize-winner. */
export const isDiploma = (status: OlympiadStatus): boolean =>
  status === OlympiadStatus.WINNER || status === OlympiadStatus.PRIZE_WINNER;

export enum OutlierDirection {
  HIGH = 'high',
  LOW = 'low',
}
registerEnumType(OutlierDirection, {
  name: 'OutlierDirection',
  valuesConfig: {
    HIGH: { description: 'Far above the group: check for help or leaked tasks.' },
    LOW: { description: 'Far below the group: check for a checking or entry error.' },
  },
});

export enum FunnelGrouping {
  UNIT = 'unit',
  SUBJECT = 'subject',
}
registerEnumType(FunnelGrouping, {
  name: 'FunnelGrouping',
  valuesConfig: {
    UNIT: {
      description: 'Rows per municipality of the region, or per school of the municipality.',
    },
    SUBJECT: { description: 'Rows per subject of the region or municipality.' },
  },
});
