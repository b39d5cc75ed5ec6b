// The address parameters of the findings pages (objectivity signs, low results): year,
// municipality and a filter by kind, read from the address and written back.
import type { MessageKey } from '../../i18n/ru';

export interface FindingsPageProps {
  params: URLSearchParams;
  setParams: (params: Record<string, string>) => void;
}

/** A page's filter by kind: its address parameter, its choices, their labels and test ids. */
export interface KindFilter<K extends string> {
  param: string;
  kinds: readonly K[];
  label: MessageKey;
  allLabel: MessageKey;
  kindLabel: (kind: K) => MessageKey;
  yearTestId: string;
  kindTestId: string;
}

export interface FindingsSelection<K extends string> {
  year: number | null;
  municipalityId: string;
  /** '' for all kinds. */
  kind: K | '';
}

/** The selection in the address; no year (null) when it has none, an unknown kind is all. */
export function readFindingsParams<K extends string>(
  params: URLSearchParams,
  filter: KindFilter<K>,
): FindingsSelection<K> {
  const kind = params.get(filter.param) ?? '';
  return {
    year: Number(params.get('year') ?? '') || null,
    municipalityId: params.get('municipality') ?? '',
    kind: (filter.kinds as readonly string[]).includes(kind) ? (kind as K) : '',
  };
}

/** The address parameters of a selection. */
export function findingsParams<K extends string>(
  filter: KindFilter<K>,
  selection: FindingsSelection<K>,
): Record<string, string> {
  return {
    year: selection.year === null ? '' : String(selection.year),
    municipality: selection.municipalityId,
    [filter.param]: selection.kind,
  };
}
