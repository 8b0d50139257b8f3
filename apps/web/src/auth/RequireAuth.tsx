import { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './AuthContext';

/** Pages for signed-in users only; others go to the login page and come back after (unless they logged out). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loggedOut } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={loggedOut ? null : { from: location.pathname }} />;
  return <>{children}</>;
}
