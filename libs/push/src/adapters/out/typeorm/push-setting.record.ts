import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row shape of `push_settings`: a user without a row has the defaults. */
@Entity({ name: 'push_settings' })
export class PushSettingRecord {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'show_private_text', type: 'boolean' })
  showPrivateText!: boolean;
}
