/** `<input type="datetime-local">` speaks local wall time without a zone; the API wants ISO-8601 UTC. */
export function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export type ExecuteAtCheck = { ok: true; iso: string } | { ok: false; error: string };

export function checkExecuteAt(value: string, now: Date = new Date()): ExecuteAtCheck {
  const when = new Date(value);
  if (value === '' || Number.isNaN(when.getTime())) return { ok: false, error: 'Pick a date and time' };
  if (when.getTime() <= now.getTime()) return { ok: false, error: 'Pick a time in the future' };
  return { ok: true, iso: when.toISOString() };
}
