import { useCallback, useRef } from 'react';

/** 128 random bits as hex; getRandomValues works outside secure contexts too, unlike randomUUID. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per user action: a new submit gets a fresh key; submitting the same request
 * again after it got no answer (network error, 5xx) reuses the key, so the server applies it once.
 */
export function useIdempotencyKey(isRetryable: (error: unknown) => boolean) {
  const pending = useRef<{ request: string; key: string } | null>(null);

  const keyFor = useCallback((request: unknown): string => {
    const fingerprint = JSON.stringify(request);
    if (pending.current?.request !== fingerprint) pending.current = { request: fingerprint, key: newIdempotencyKey() };
    return pending.current.key;
  }, []);

  /** Called when the action ended: an answer (2xx or 4xx) closes it; a retryable failure keeps the key for the retry. */
  const settle = useCallback(
    (error: unknown) => {
      if (error === null || !isRetryable(error)) pending.current = null;
    },
    [isRetryable],
  );

  return { keyFor, settle };
}
