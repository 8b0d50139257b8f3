import { Injectable } from '@nestjs/common';
import { isUniqueViolation, SqlTransactions } from '@webchat/platform';
import { DataSource, In } from 'typeorm';
import { ContactStore } from '../../../application/ports/contact-store.port';
import { Contact } from '../../../domain/contact';
import { AlreadyAContactError } from '../../../domain/contact.errors';
import { ContactRecord } from './contact.record';

/** ContactStore on TypeORM: the same code serves SQLite and MySQL. */
@Injectable()
export class TypeormContactStore extends ContactStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: SqlTransactions,
  ) {
    super();
  }

  async add(contact: Contact): Promise<void> {
    try {
      // A plain insert: the primary key decides a race, never a read before the write.
      await this.transactions.run((manager) => manager.getRepository(ContactRecord).insert(contact));
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyAContactError();
      throw error;
    }
  }

  async listByOwner(ownerId: string): Promise<Contact[]> {
    const rows = await this.dataSource
      .getRepository(ContactRecord)
      .find({ where: { ownerId }, order: { createdAt: 'ASC', contactId: 'ASC' } });
    return rows.map(({ ownerId: owner, contactId, createdAt }) => ({ ownerId: owner, contactId, createdAt }));
  }

  async ownersKeeping(contactId: string, ownerIds: readonly string[]): Promise<Set<string>> {
    if (ownerIds.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(ContactRecord)
      .find({ select: { ownerId: true }, where: { contactId, ownerId: In([...new Set(ownerIds)]) } });
    return new Set(rows.map((row) => row.ownerId));
  }

  async remove(ownerId: string, contactId: string): Promise<boolean> {
    const result = await this.transactions.run((manager) => manager.getRepository(ContactRecord).delete({ ownerId, contactId }));
    return (result.affected ?? 0) > 0;
  }

  async removeAllOf(userId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.getRepository(ContactRecord).delete({ ownerId: userId });
      await manager.getRepository(ContactRecord).delete({ contactId: userId });
    });
  }
}
