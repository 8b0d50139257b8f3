/** How many invited users an invite notice names; the rest are counted (a notice stays far below 4,000 code points). */
export const MAX_NAMED_INVITEES = 20;

/** The texts of the SYSTEM notices of joins, leaves and invites, with the names users had then. */
export const membershipNotice = {
  joined: (name: string): string => `${name} joined`,
  left: (name: string): string => `${name} left`,
  invited: (inviter: string, invitees: readonly string[]): string => `${inviter} invited ${nameList(invitees)}`,
};

/** "A", "A and B", "A, B and C", and past MAX_NAMED_INVITEES "A, B, … and 5 others". */
function nameList(names: readonly string[]): string {
  const named = names.slice(0, MAX_NAMED_INVITEES);
  const others = names.length - named.length;
  if (others > 0) return `${named.join(', ')} and ${others} ${others === 1 ? 'other' : 'others'}`;
  return named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}
