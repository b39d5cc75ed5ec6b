import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

import { gql, SESSION_LOST_EVENT } from '../../api/graphql';
import { canEdit, writerOf } from './access';
import {
  type Me,
  ME_QUERY,
  type MeData,
  SIGN_IN_MUTATION,
  SIGN_OUT_MUTATION,
} from './auth.queries';

interface AuthState {
  me: Me | null;
  signIn: (login: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Whether the signed-in user may edit rows of this municipality (the server checks again). */
  canEdit: (municipalityId: string | null) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) {
    throw new Error('useAuth outside AuthProvider');
  }
  return state;
}

/** Loads the signed-in user (the session is an httpOnly cookie) and shows children only then. */
export function AuthProvider({
  children,
  signInPage,
}: {
  children: ReactNode;
  signInPage: ReactNode;
}) {
  const [me, setMe] = useState<Me | null>(null);
  const [loaded, setLoaded] = useState(false);

  const refresh = useCallback(async () => {
    const data = await gql<MeData>(ME_QUERY, {});
    setMe(data.me);
    setLoaded(true);
  }, []);

  useEffect(() => {
    void refresh().catch(() => setLoaded(true));
  }, [refresh]);

  useEffect(() => {
    const lost = () => setMe(null);
    window.addEventListener(SESSION_LOST_EVENT, lost);
    return () => window.removeEventListener(SESSION_LOST_EVENT, lost);
  }, []);

  const signIn = useCallback(
    async (login: string, password: string) => {
      await gql(SIGN_IN_MUTATION, { login, password });
      await refresh();
    },
    [refresh],
  );

  const signOut = useCallback(async () => {
    await gql(SIGN_OUT_MUTATION, {});
    setMe(null);
  }, []);

  const value: AuthState = {
    me,
    signIn,
    signOut,
    canEdit: (municipalityId) => canEdit(writerOf(me), municipalityId),
  };
  if (!loaded) {
    return null;
  }
  return <AuthContext.Provider value={value}>{me ? children : signInPage}</AuthContext.Provider>;
}
