/** Emails are compared trimmed and lower-cased everywhere (sign-up, login, contacts). */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}
