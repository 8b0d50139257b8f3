import { createContext, ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { io, Socket } from 'socket.io-client';
import { useAuth } from '../auth/AuthContext';
import type { ClientEvents, ServerEvents } from './events';

export type ChatSocket = Socket<ServerEvents, ClientEvents>;

/** connecting: first connection; online: connected; reconnecting: lost, trying again; offline: the browser has no network. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface Realtime {
  socket: ChatSocket | null;
  state: ConnectionState;
  /** Grows by one at each reconnection: views that show live data fetch what they missed when it changes. */
  reconnects: number;
}

const RealtimeContext = createContext<Realtime>({ socket: null, state: 'connecting', reconnects: 0 });

/**
 * One socket.io connection per signed-in session (`auth: {token}`). When the browser says it is
 * offline the socket is closed at once (instead of waiting for the heartbeat to time out, and
 * without retrying against a network that is not there); it reconnects when the browser is back
 * online, and socket.io's own retries cover a server that went away.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { token, logOut } = useAuth();
  const [socket, setSocket] = useState<ChatSocket | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [reconnects, setReconnects] = useState(0);

  useEffect(() => {
    if (!token) return;
    const chat: ChatSocket = io({ auth: { token }, transports: ['websocket', 'polling'], autoConnect: false });
    let connectedBefore = false;
    chat.on('connect', () => {
      setState('online');
      if (connectedBefore) setReconnects((n) => n + 1);
      connectedBefore = true;
    });
    chat.on('disconnect', () => setState(navigator.onLine ? 'reconnecting' : 'offline'));
    chat.on('connect_error', (error) => {
      // The server refuses the token (logged out elsewhere, account gone): the session is over.
      if (error.message === 'unauthorized') void logOut();
      else setState(navigator.onLine ? 'reconnecting' : 'offline');
    });
    const goOffline = () => {
      setState('offline');
      chat.disconnect();
    };
    const goOnline = () => {
      setState('reconnecting');
      chat.connect();
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    if (navigator.onLine) chat.connect();
    else setState('offline');
    setSocket(chat);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      chat.removeAllListeners();
      chat.disconnect();
      setSocket(null);
    };
  }, [token, logOut]);

  return <RealtimeContext.Provider value={{ socket, state, reconnects }}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}

/** Subscribes a handler to a server event for as long as the component is mounted (and the socket lives). */
export function useSocketEvent<E extends keyof ServerEvents>(event: E, handler: ServerEvents[E]): void {
  const { socket } = useRealtime();
  // The latest handler, without subscribing again at each render.
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: unknown[]) => (latest.current as (...a: unknown[]) => void)(...args)) as never;
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
