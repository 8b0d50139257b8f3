/** A deadlock or a lock wait that timed out: the transaction was rolled back and may simply run again. */
export function isLockConflict(error: unknown): boolean {
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  const code = (driverError as { code?: unknown })?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}
