import { WalletBusyError } from '../../../domain/wallet.errors';

/** Attempts of one transaction that hits deadlocks or lock timeouts before it answers WalletBusyError (503). */
export const LOCK_ATTEMPTS = 4;

/** A deadlock or a lock wait that timed out: the transaction was rolled back and may simply run again. */
export function isLockConflict(error: unknown): boolean {
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  const code = (driverError as { code?: unknown })?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}

/** Runs a whole transaction again after a lock conflict, a bounded number of times, then WalletBusyError. */
export async function retryingLockConflicts<T>(run: () => Promise<T>, onRetry: () => void = () => undefined): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!isLockConflict(error)) throw error;
      if (attempt >= LOCK_ATTEMPTS) throw new WalletBusyError();
      onRetry();
      // A short random pause, so the rivals of a deadlock do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
