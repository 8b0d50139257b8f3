import { Alert } from '@mantine/core';
import { useRealtime } from './RealtimeContext';

/** Says when live updates stop, and that they come back by themselves (missed messages included). */
export function ConnectionBanner() {
  const { state } = useRealtime();
  if (state === 'online' || state === 'connecting') return null;
  return (
    <Alert role="status" color={state === 'offline' ? 'red' : 'yellow'} radius={0} py={6} title={null}>
      {state === 'offline'
        ? 'You are offline. Messages will catch up when the connection is back.'
        : 'Connection lost. Reconnecting…'}
    </Alert>
  );
}
