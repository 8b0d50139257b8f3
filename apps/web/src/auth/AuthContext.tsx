import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, connectAuth } from '../api/http';
import type { LoginAnswer, User } from '../api/types';
import { loadSession, saveSession, Session } from './session-storage';

export interface Auth {
  user: User | null;
  token: string | null;
  /** The user logged out (rather than the session ending by itself): the next login starts afresh. */
  loggedOut: boolean;
  logIn(email: string, password: string): Promise<void>;
  signUp(email: string, username: string, password: string): Promise<void>;
  logOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(loadSession);
  const [loggedOut, setLoggedOut] = useState(false);

  const end = useCallback(() => {
    saveSession(null);
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  // Set during render, so the first queries of a restored session already carry the token.
  connectAuth(() => session?.token ?? null, end);

  const logIn = useCallback(async (email: string, password: string) => {
    const answer = await api.post<LoginAnswer>('/auth/login', { email, password });
    const next = { token: answer.accessToken, user: answer.user };
    saveSession(next);
    setSession(next);
    setLoggedOut(false);
  }, []);

  const signUp = useCallback(
    async (email: string, username: string, password: string) => {
      await api.post<User>('/auth/signup', { email, username, password });
      await logIn(email, password);
    },
    [logIn],
  );

  const logOut = useCallback(async () => {
    // The token is refused from now on, on every node; the session ends here even if the call fails.
    await api.post('/auth/logout').catch(() => undefined);
    setLoggedOut(true);
    end();
  }, [end]);

  const value = useMemo<Auth>(
    () => ({ user: session?.user ?? null, token: session?.token ?? null, loggedOut, logIn, signUp, logOut }),
    [session, loggedOut, logIn, signUp, logOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** For pages behind RequireAuth: the user is there. */
export function useSignedInUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useSignedInUser without a session');
  return user;
}
