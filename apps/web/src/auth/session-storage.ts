import type { User } from '../api/types';

/** The signed-in session, kept in localStorage so a reload (or a new tab) stays signed in. */
export interface Session {
  token: string;
  user: User;
}

const KEY = 'webchat.session';

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Partial<Session>;
    return typeof session.token === 'string' && session.user ? (session as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}
