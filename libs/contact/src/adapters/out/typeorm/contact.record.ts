import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Row shape of `contacts`; kept apart from the domain Contact. */
@Entity({ name: 'contacts' })
export class ContactRecord {
  @PrimaryColumn({ name: 'owner_id', type: 'varchar', length: 36 })
  ownerId!: string;

  @PrimaryColumn({ name: 'contact_id', type: 'varchar', length: 36 })
  @Index('idx_contacts_contact_id')
  contactId!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
