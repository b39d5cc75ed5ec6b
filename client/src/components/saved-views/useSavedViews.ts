// State of the «Виды» control of one page: the person's views, the applied one, saving with
// versions, links, and the grid's column state kept across column-def rebuilds and remounts.
import type { ColumnEvent, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorMessage, gql, GraphQLRequestError } from '../../api/graphql';
import { useI18n } from '../../i18n/I18nProvider';
import type { SavedView, SaveViewInput } from './savedViews.queries';
import { DELETE_VIEW, SAVE_VIEW, SAVED_VIEW, SAVED_VIEWS } from './savedViews.queries';
import type { CompactColumn, ViewState } from './viewState';
import {
  buildViewLink,
  compactColumnState,
  expandColumnState,
  hasPageFilters,
  mergeViewParams,
  parseViewState,
  pickViewParams,
  VIEW_PARAM,
} from './viewState';

export interface SavedViewsOptions {
  /** Grid page key of the server, e.g. "indicators". */
  page: string;
  /** The page's URL filter params a view keeps. */
  keys: readonly string[];
  params: URLSearchParams;
  setParams: (params: Record<string, string>) => void;
  /** Asked before a view replaces the page's filters (e.g. unsaved grid edits). */
  confirmLeave?: () => boolean;
}

export interface ViewNotice {
  kind: 'error' | 'info';
  text: string;
}

export interface SaveRequest {
  name: string;
  shared: boolean;
  isDefault: boolean;
  /** Create a new view even when the applied one is the person's own. */
  asNew: boolean;
}

export interface GridColumnItem {
  colId: string;
  name: string;
  visible: boolean;
}

export interface SavedViewsController {
  views: SavedView[];
  loading: boolean;
  current: SavedView | null;
  notice: ViewNotice | null;
  dismissNotice: () => void;
  apply: (view: SavedView) => void;
  /** Resolves to an error text for the dialog, or null once saved. */
  save: (request: SaveRequest) => Promise<string | null>;
  rename: (view: SavedView, name: string) => Promise<string | null>;
  remove: (view: SavedView) => Promise<void>;
  linkOf: (view: SavedView) => string;
  hasGrid: boolean;
  gridColumns: () => GridColumnItem[];
  setColumnVisible: (colId: string, visible: boolean) => void;
  /** Pass to the grid's `onApiReady`. */
  onApiReady: (api: GridApi) => void;
}

// Column changes a person made (not the grid's own set-up nor a view being applied).
const PERSON_SOURCES = new Set<string>([
  'uiColumnMoved',
  'uiColumnResized',
  'uiColumnDragged',
  'uiColumnSorted',
  'toolPanelUi',
  'contextMenu',
  'columnMenu',
  'autosizeColumns',
]);

function applyColumns(api: GridApi, columns: readonly CompactColumn[]): void {
  api.applyColumnState({ state: expandColumnState(columns), applyOrder: true });
}

const ownColumn = (colId: string) => colId.startsWith('__') || colId.startsWith('ag-Grid-');

export function useSavedViews(options: SavedViewsOptions): SavedViewsController {
  const { page, keys, params, setParams, confirmLeave } = options;
  const { t } = useI18n();
  const tRef = useRef(t);
  tRef.current = t;
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const [views, setViews] = useState<SavedView[]>([]);
  const [loading, setLoading] = useState(true);
  const [current, setCurrent] = useState<SavedView | null>(null);
  const [notice, setNotice] = useState<ViewNotice | null>(null);
  const [hasGrid, setHasGrid] = useState(false);
  // Decided once, when the page opens: a bare address gets the person's default view.
  const [bare] = useState(() => !params.get(VIEW_PARAM) && !hasPageFilters(params, keys));
  // The slug applied or being fetched (a page may drop `view` from its address meanwhile).
  const requested = useRef<string | null>(null);
  const fetching = useRef(false);
  const apiRef = useRef<GridApi | null>(null);
  // The column state the grid should show: a view's, then the person's own changes.
  const columnsRef = useRef<CompactColumn[] | null>(null);

  const liveApi = () => {
    const api = apiRef.current;
    return api && !api.isDestroyed() ? api : null;
  };

  const loadList = useCallback(async (): Promise<SavedView[] | null> => {
    setLoading(true);
    try {
      const data = await gql<{ savedViews: SavedView[] }>(SAVED_VIEWS, { page });
      setViews(data.savedViews);
      return data.savedViews;
    } catch (error) {
      setNotice({
        kind: 'error',
        text: tRef.current('views.error', { message: errorMessage(error) }),
      });
      return null;
    } finally {
      setLoading(false);
    }
  }, [page]);

  const applyView = useCallback(
    (view: SavedView) => {
      const state = parseViewState(view.state);
      requested.current = view.slug;
      setCurrent(view);
      columnsRef.current = state.columns ?? null;
      const api = apiRef.current && !apiRef.current.isDestroyed() ? apiRef.current : null;
      if (api && state.columns) {
        applyColumns(api, state.columns);
      }
      setParams(mergeViewParams(keys, state.params, view.slug));
    },
    [keys, setParams],
  );

  // The list, and the default view when the page opened without filters.
  useEffect(() => {
    let cancelled = false;
    void loadList().then((list) => {
      const fallback = list?.find((view) => view.isDefault);
      if (!cancelled && bare && fallback && requested.current === null) {
        applyView(fallback);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [loadList, applyView, bare]);

  // A link: `view=<slug>` in the address opens that view (own or shared).
  const slug = params.get(VIEW_PARAM);
  useEffect(() => {
    if (!slug) {
      // The page left the view (a filter changed): the same link may be opened again.
      if (!fetching.current) {
        requested.current = null;
      }
      return;
    }
    if (slug === requested.current) {
      return;
    }
    requested.current = slug;
    fetching.current = true;
    gql<{ savedView: SavedView }>(SAVED_VIEW, { slug })
      .then(({ savedView }) => {
        if (savedView.page !== page) {
          throw new GraphQLRequestError(
            [{ message: 'other page', extensions: { code: 'NOT_FOUND' } }],
            200,
          );
        }
        setNotice(null);
        applyView(savedView);
      })
      .catch((error: unknown) => {
        setCurrent(null);
        const code = error instanceof GraphQLRequestError ? error.code : undefined;
        setNotice({
          kind: 'error',
          text:
            code === 'NOT_FOUND'
              ? tRef.current('views.notFound')
              : tRef.current('views.error', { message: errorMessage(error) }),
        });
      })
      .finally(() => {
        fetching.current = false;
      });
  }, [slug, page, applyView]);

  const apply = useCallback(
    (view: SavedView) => {
      if (confirmLeave && !confirmLeave()) {
        return;
      }
      setNotice(null);
      applyView(view);
    },
    [applyView, confirmLeave],
  );

  // A refused write: the text to show, and the list reloaded when the view moved on meanwhile.
  const refusal = useCallback(
    async (error: unknown, name: string): Promise<string> => {
      const t = tRef.current;
      const extensions = error instanceof GraphQLRequestError ? error.errors[0]?.extensions : {};
      if (extensions?.code === 'CONFLICT' && extensions.field === 'name') {
        return t('views.nameTaken', { name: name.trim() });
      }
      if (extensions?.code === 'CONFLICT' || extensions?.code === 'NOT_FOUND') {
        const list = await loadList();
        setCurrent((shown) =>
          shown && shown.mine ? (list?.find((view) => view.id === shown.id) ?? null) : shown,
        );
        return extensions.code === 'CONFLICT'
          ? t('views.conflict', { version: String(extensions.version ?? '?') })
          : t('views.notFound');
      }
      return t('views.error', { message: errorMessage(error) });
    },
    [loadList],
  );

  const save = useCallback(
    async (request: SaveRequest): Promise<string | null> => {
      const t = tRef.current;
      if (request.name.trim() === '') {
        return t('views.nameRequired');
      }
      const api = liveApi();
      const columns = api ? compactColumnState(api.getColumnState()) : columnsRef.current;
      const filters = pickViewParams(paramsRef.current, keys);
      const state: ViewState = { params: filters, ...(columns ? { columns } : {}) };
      const target = !request.asNew && current?.mine ? current : null;
      const input: SaveViewInput = {
        page,
        name: request.name,
        state,
        shared: request.shared,
        isDefault: request.isDefault,
        ...(target ? { id: target.id, version: target.version } : {}),
      };
      try {
        const { saveView } = await gql<{ saveView: SavedView }>(SAVE_VIEW, { input });
        requested.current = saveView.slug;
        setCurrent(saveView);
        columnsRef.current = columns ?? null;
        setParams({ ...filters, [VIEW_PARAM]: saveView.slug });
        setNotice({ kind: 'info', text: t('views.saved', { name: saveView.name }) });
        await loadList();
        return null;
      } catch (error) {
        return refusal(error, request.name);
      }
    },
    [current, keys, page, setParams, loadList, refusal],
  );

  const rename = useCallback(
    async (view: SavedView, name: string): Promise<string | null> => {
      if (name.trim() === '') {
        return tRef.current('views.nameRequired');
      }
      try {
        const { saveView } = await gql<{ saveView: SavedView }>(SAVE_VIEW, {
          input: { id: view.id, version: view.version, page, name },
        });
        setCurrent((shown) => (shown?.id === saveView.id ? saveView : shown));
        setNotice({ kind: 'info', text: tRef.current('views.saved', { name: saveView.name }) });
        await loadList();
        return null;
      } catch (error) {
        return refusal(error, name);
      }
    },
    [page, loadList, refusal],
  );

  const remove = useCallback(
    async (view: SavedView): Promise<void> => {
      try {
        await gql(DELETE_VIEW, { id: view.id, version: view.version });
        setCurrent((shown) => (shown?.id === view.id ? null : shown));
        setNotice({ kind: 'info', text: tRef.current('views.deleted', { name: view.name }) });
        await loadList();
      } catch (error) {
        setNotice({ kind: 'error', text: await refusal(error, view.name) });
      }
    },
    [loadList, refusal],
  );

  const linkOf = useCallback(
    (view: SavedView) => buildViewLink(window.location.href, page, view.slug),
    [page],
  );

  const gridColumns = useCallback((): GridColumnItem[] => {
    const api = liveApi();
    if (!api) {
      return [];
    }
    return (api.getColumns() ?? [])
      .filter((column) => !ownColumn(column.getColId()))
      .map((column) => ({
        colId: column.getColId(),
        name: api.getDisplayNameForColumn(column, 'header') || column.getColId(),
        visible: column.isVisible(),
      }));
  }, []);

  const setColumnVisible = useCallback((colId: string, visible: boolean) => {
    const api = liveApi();
    if (api) {
      api.setColumnsVisible([colId], visible);
      columnsRef.current = compactColumnState(api.getColumnState());
    }
  }, []);

  const onApiReady = useCallback((api: GridApi) => {
    apiRef.current = api;
    setHasGrid(true);
    const reapply = () => {
      if (columnsRef.current && !api.isDestroyed()) {
        applyColumns(api, columnsRef.current);
      }
    };
    // The grid may be new (filters, language) or its column defs rebuilt: the view's columns
    // and the person's own changes are put back.
    reapply();
    api.addEventListener('newColumnsLoaded', (event) => {
      if (event.source !== 'api') {
        reapply();
      }
    });
    const track = (event: ColumnEvent & { finished?: boolean }) => {
      if (PERSON_SOURCES.has(event.source) && event.finished !== false) {
        columnsRef.current = compactColumnState(api.getColumnState());
      }
    };
    api.addEventListener('columnResized', track);
    api.addEventListener('columnMoved', track);
    api.addEventListener('columnVisible', track);
    api.addEventListener('columnPinned', track);
    api.addEventListener('sortChanged', (event) => {
      if (event.source !== 'api') {
        columnsRef.current = compactColumnState(api.getColumnState());
      }
    });
  }, []);

  return {
    views,
    loading,
    current,
    notice,
    dismissNotice: () => setNotice(null),
    apply,
    save,
    rename,
    remove,
    linkOf,
    hasGrid,
    gridColumns,
    setColumnVisible,
    onApiReady,
  };
}
