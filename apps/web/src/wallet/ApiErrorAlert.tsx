import { Alert } from '@mantine/core';
import { describeError } from './wallet-errors';

/** The server's own 4xx message (or what to do when no answer came), read out by screen readers. */
export function ApiErrorAlert({ error, title = 'Not done' }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" title={title} role="alert">
      {describeError(error)}
    </Alert>
  );
}
