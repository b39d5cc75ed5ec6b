import { useCallback, useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import { API_PAGE_SIZE, loadAllPages } from '../../api/paging';
import type { SaveChange, SaveResult } from '../../components/editable-grid';
import type { IndicatorNode } from '../indicators/indicators.queries';
import type { ValueRow } from './valueRow';
import { toValueRows } from './valueRow';
import { applySavedValues, toGridErrors, toValueInputs } from './valueSave';
import type {
  IndicatorValuesData,
  UpsertIndicatorValuesData,
  ValueUnitsData,
} from './values.queries';
import {
  INDICATOR_VALUES_QUERY,
  UPSERT_INDICATOR_VALUES_MUTATION,
  VALUE_UNITS_QUERY,
} from './values.queries';

function loadValues(municipalityId: string, period: string, codes: readonly string[]) {
  return loadAllPages((offset) =>
    gql<IndicatorValuesData>(INDICATOR_VALUES_QUERY, {
      filter: {
        municipalityId: { eq: municipalityId },
        period: { eq: period },
        indicatorCode: { in: codes },
      },
      first: API_PAGE_SIZE,
      offset,
    }).then((d) => d.indicatorValues),
  );
}

/** Rows of a municipality × period for the shown indicators, and their save. */
export function useValueRows(
  municipalityId: string,
  period: string,
  indicators: readonly IndicatorNode[],
) {
  const [rows, setRows] = useState<ValueRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    if (!municipalityId || !period || indicators.length === 0) {
      setRows([]);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const codes = indicators.map((i) => i.code);
      const [units, values] = await Promise.all([
        gql<ValueUnitsData>(VALUE_UNITS_QUERY, { municipalityId }),
        loadValues(municipalityId, period, codes),
      ]);
      setRows(
        units.municipality
          ? toValueRows({
              municipality: units.municipality,
              organizations: units.organizations.nodes,
              indicators,
              values,
            })
          : [],
      );
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [municipalityId, period, indicators]);

  useEffect(() => {
    void load();
  }, [load]);

  const write = useCallback(
    async (changes: SaveChange<ValueRow>[], dryRun: boolean): Promise<SaveResult> => {
      const { inputs, origins } = toValueInputs(changes, indicators, period);
      if (inputs.length === 0) {
        return { errors: [] };
      }
      const data = await gql<UpsertIndicatorValuesData>(UPSERT_INDICATOR_VALUES_MUTATION, {
        rows: inputs,
        dryRun,
      });
      const result = data.upsertIndicatorValues;
      if (!result.ok) {
        return { errors: toGridErrors(result.errors, origins, indicators) };
      }
      if (!dryRun) {
        const deleted = origins.filter((_, i) => inputs[i].delete);
        setRows((current) => applySavedValues(current, result.rows, deleted));
      }
      return { errors: [] };
    },
    [indicators, period],
  );
  const save = useCallback((changes: SaveChange<ValueRow>[]) => write(changes, false), [write]);
  /** The server's check of the changes (an import's dry run): nothing is written. */
  const check = useCallback((changes: SaveChange<ValueRow>[]) => write(changes, true), [write]);

  return { rows, loading, error, reload: load, save, check };
}
