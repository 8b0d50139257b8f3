import { errorText } from '../api/error-text';

/** The HTTP status of a failed request, or null when no answer came (network down, request aborted). */
export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** No answer or a 5xx: nothing is known to have happened, so the same request may be sent again with the same key. */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  return status === null || status >= 500;
}

/** A sentence for the person: the server's own 4xx message, or what to do when there was no answer. */
export function describeError(error: unknown): string {
  const status = statusOf(error);
  if (status === null) return 'No answer from the server. Check the connection and try again: the same request is sent again, never twice.';
  if (status >= 500) return 'The server could not finish this just now. Try again: the same request is sent again, never twice.';
  return errorText(error);
}
