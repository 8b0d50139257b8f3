/** What to announce once the account's deletion committed (events of other libraries); never inside the transaction. */
export type AfterAccountClosed = () => Promise<void>;

/**
 * What other libraries keep of a user (memberships, contacts, wallets, reserved transfers), let go
 * when the account is deleted. Called inside the deletion's transaction, with the account row
 * locked (SqlTransactions' ambient one: their stores' `run` joins it); a domain error it throws
 * (money still held: 409) undoes the whole deletion. Answered at the app level; with nothing
 * wired, nothing else is kept.
 */
export abstract class AccountClosing {
  abstract close(userId: string): Promise<AfterAccountClosed>;
}
