import { Injectable } from '@nestjs/common';
import { isUniqueViolation, SqlTransactions } from '@webchat/platform';
import { DataSource, In } from 'typeorm';
import { UserStore } from '../../../application/ports/user-store.port';
import { User } from '../../../domain/user';
import { EmailAlreadyRegisteredError } from '../../../domain/user.errors';
import { UserRecord } from './user.record';

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
    return (await this.rows.findOneBy({ id })) ?? undefined;
  }

  exists(id: string): Promise<boolean> {
    return this.rows.existsBy({ id });
  }

  async findByEmail(email: string): Promise<User | undefined> {
    return (await this.rows.findOneBy({ email })) ?? undefined;
  }

  async findManyByIds(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    return this.rows.findBy({ id: In([...new Set(ids)]) });
  }
}
