// Where GraphiQL keeps its tabs, history and settings: one namespace per signed-in user, so the
// next person signing in on the same browser does not get the previous one's queries.

/** The `Storage` shape GraphiQL accepts (its `storage` prop). */
export interface ConsoleStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  clear(): void;
  readonly length: number;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be blocked (private mode): the console then forgets on reload.
    return null;
  }
}

class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

type Backing = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function userConsoleStorage(
  userId: string,
  backing: Backing = browserStorage() ?? new MemoryStorage(),
): ConsoleStorage {
  const prefix = `msoko.console.${userId}.`;
  const ownKeys = () => {
    const keys: string[] = [];
    for (let i = 0; i < backing.length; i++) {
      const key = backing.key(i);
      if (key?.startsWith(prefix)) {
        keys.push(key);
      }
    }
    return keys;
  };
  return {
    getItem: (key) => backing.getItem(prefix + key),
    setItem: (key, value) => backing.setItem(prefix + key, value),
    removeItem: (key) => backing.removeItem(prefix + key),
    clear: () => ownKeys().forEach((key) => backing.removeItem(key)),
    get length() {
      return ownKeys().length;
    },
  };
}

export interface ActiveTab {
  query: string;
  variables: string | null;
  operationName: string | null;
}

// GraphiQL's own key for the tabs (`graphiql:` + `tabState`), written on every edit.
const TABS_KEY = 'graphiql:tabState';

/** The query and variables of the tab GraphiQL shows, as it last stored them. */
export function activeTab(storage: ConsoleStorage): ActiveTab | null {
  try {
    const state = JSON.parse(storage.getItem(TABS_KEY) ?? 'null') as {
      activeTabIndex?: number;
      tabs?: { query?: string | null; variables?: string | null; operationName?: string | null }[];
    } | null;
    const tab = state?.tabs?.[state.activeTabIndex ?? 0];
    if (!tab) {
      return null;
    }
    return {
      query: tab.query ?? '',
      variables: tab.variables ?? null,
      operationName: tab.operationName ?? null,
    };
  } catch {
    return null;
  }
}
