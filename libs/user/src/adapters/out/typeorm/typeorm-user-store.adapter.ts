import { Injectable } from '@nestjs/common';
import { forUpdate, isUniqueViolation, SqlTransactions } from '@webchat/platform';
import { DataSource, In, LessThan } from 'typeorm';
import { UserStore } from '../../../application/ports/user-store.port';
import { HeldToken, PasswordChange, TokenRevocation } from '../../../domain/token-revocation';
import { User, UserProfile, UserSearch, UserSummary } from '../../../domain/user';
import { EmailAlreadyRegisteredError } from '../../../domain/user.errors';
import { RevokedTokenRecord } from './revoked-token.record';
import { UserRecord } from './user.record';

// Raw SQL on purpose: every authenticated request asks, and the query builder costs ~30 µs where this costs ~5.
// The revocation checks ride on the same primary-key read: the user's row and one primary-key probe of revoked_tokens.
const PROFILE_HOLDING_TOKEN = `SELECT id, email, username FROM users
  WHERE id = ? AND (tokens_void_before_ms IS NULL OR tokens_void_before_ms <= ? OR kept_token_id = ?)
  AND NOT EXISTS (SELECT 1 FROM revoked_tokens WHERE token_id = ?)`;

/** UserStore on TypeORM: the same code serves SQLite and MySQL. */
@Injectable()
export class TypeormUserStore extends UserStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: SqlTransactions,
  ) {
    super();
  }

  private get rows() {
    return this.dataSource.getRepository(UserRecord);
  }

  async add(user: User): Promise<void> {
    try {
      await this.transactions.run((manager) => manager.getRepository(UserRecord).insert(user));
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailAlreadyRegisteredError();
      throw error;
    }
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.rows.findOneBy({ id });
    return row ? toUser(row) : undefined;
  }

  async findProfile(id: string): Promise<UserProfile | undefined> {
    const rows: UserProfile[] = await this.dataSource.query('SELECT id, email, username FROM users WHERE id = ?', [id]);
    return firstProfile(rows);
  }

  async findProfileHolding(id: string, token: HeldToken): Promise<UserProfile | undefined> {
    return firstProfile(await this.dataSource.query(PROFILE_HOLDING_TOKEN, [id, token.issuedAtMs, token.id, token.id]));
  }

  async revokeToken(revocation: TokenRevocation, now: Date): Promise<void> {
    // Two statements, each its own commit: in one transaction, the purge's gap locks and the insert
    // of two concurrent logouts deadlocked on InnoDB. Nothing needs them together: the purge only
    // drops rows whose tokens the signature check refuses anyway.
    await this.transactions.run((manager) => manager.getRepository(RevokedTokenRecord).delete({ expiresAt: LessThan(now) }));
    // A concurrent logout of the same token already stored it: nothing more to do.
    await this.transactions.run((manager) => manager.getRepository(RevokedTokenRecord).createQueryBuilder().insert().values(revocation).orIgnore().execute());
  }

  async changePassword(change: PasswordChange): Promise<void> {
    await this.transactions.run((manager) =>
      manager.getRepository(UserRecord).update(
        { id: change.userId },
        { passwordHash: change.passwordHash, tokensVoidBeforeMs: String(change.at.getTime()), keptTokenId: change.keptTokenId },
      ),
    );
  }

  async search(search: UserSearch): Promise<UserSummary[]> {
    // '!' escapes LIKE's wildcards, and itself, the same way on SQLite and MySQL (a backslash would not).
    const pattern = `${search.usernamePrefix.replace(/[!%_]/g, '!$&')}%`;
    const rows: UserSummary[] = await this.dataSource.query(
      `SELECT id, username FROM users WHERE LOWER(username) LIKE ? ESCAPE '!' OR email = ? ORDER BY username, id LIMIT ${Number(search.limit)}`,
      [pattern, search.email],
    );
    return rows.map((row) => ({ id: row.id, username: row.username }));
  }

  async rename(userId: string, username: string): Promise<void> {
    await this.transactions.run((manager) => manager.getRepository(UserRecord).update({ id: userId }, { username }));
  }

  async delete<T>(userId: string, beforeDelete: () => Promise<T>): Promise<T | undefined> {
    return this.transactions.run(async (manager) => {
      // Locked first: a second deletion of the same account waits, then finds no row.
      const row = await manager.findOne(UserRecord, { select: { id: true }, where: { id: userId }, lock: forUpdate(manager) });
      if (!row) return undefined;
      const result = await beforeDelete();
      await manager.delete(UserRecord, { id: userId });
      return result;
    });
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.rows.findOneBy({ email });
    return row ? toUser(row) : undefined;
  }

  async findManyByIds(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    return (await this.rows.findBy({ id: In([...new Set(ids)]) })).map(toUser);
  }
}

function firstProfile(rows: UserProfile[]): UserProfile | undefined {
  return rows.length === 0 ? undefined : { id: rows[0].id, email: rows[0].email, username: rows[0].username };
}

/** The domain User of a row, without the token bookkeeping columns. */
function toUser(row: UserRecord): User {
  return { id: row.id, email: row.email, username: row.username, passwordHash: row.passwordHash, createdAt: row.createdAt };
}
