// Names of procedure kinds, objectivity signs and low-result statuses, and a procedure's label.
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/ru';
import type {
  LowResultKind,
  ObjectivitySignKind,
  ProcedureKind,
  ProcedureNode,
} from './assessments.queries';

export function procedureKindKey(kind: ProcedureKind): MessageKey {
  return `asm.kind.${kind}` as MessageKey;
}

export function signKey(sign: ObjectivitySignKind): MessageKey {
  return `asm.sign.${sign}` as MessageKey;
}

export function lowResultKey(kind: LowResultKind): MessageKey {
  return `asm.low.kind.${kind}` as MessageKey;
}

export function lowResultHintKey(kind: LowResultKind): MessageKey {
  return `asm.low.hint.${kind}` as MessageKey;
}

/** «ВПР · Математика · 5 кл.», with « · 2024» when `withYear`. */
export function procedureLabel(
  t: Translate,
  procedure: Pick<ProcedureNode, 'kind' | 'subject' | 'grade' | 'year'>,
  withYear = false,
): string {
  const parts = [t(procedureKindKey(procedure.kind)), procedure.subject];
  if (procedure.grade !== null) {
    parts.push(t('asm.grade', { grade: procedure.grade }));
  }
  if (withYear) {
    parts.push(String(procedure.year));
  }
  return parts.join(' · ');
}
