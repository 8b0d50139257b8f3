/** How long a stopping node waits for the sends in flight to be stored and acked (the stop must end within 10 s). */
export const SHUTDOWN_DRAIN_MS = 8_000;
