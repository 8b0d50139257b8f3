/** True for InnoDB's "deadlock found, transaction rolled back" (TypeORM wraps the driver error). */
export function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  return (driverError as { code?: unknown })?.code === 'ER_LOCK_DEADLOCK';
}

/**
 * Runs a whole transaction again when InnoDB chose it as a deadlock victim: it
 * was rolled back entirely, so running it again is safe. Lock order is kept
 * ascending to make this rare (first inserts of a channel's sequence row can still meet).
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= attempts) throw error;
    }
  }
}
