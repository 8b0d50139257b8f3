import { Module } from '@nestjs/common';
import { Clock, Presence, provideUseCase } from '@webchat/platform';
import { UserModule } from '@webchat/user';
import { ContactsController } from './adapters/in/http/contacts.controller';
import { TypeormContactStore } from './adapters/out/typeorm/typeorm-contact-store.adapter';
import { UserContactDirectory } from './adapters/out/user-directory/user-contact-directory.adapter';
import { AddContact } from './application/add-contact.use-case';
import { ContactIds } from './application/contact-ids';
import { ListContacts } from './application/list-contacts.use-case';
import { ContactDirectory } from './application/ports/contact-directory.port';
import { ContactStore } from './application/ports/contact-store.port';
import { RemoveContact } from './application/remove-contact.use-case';

/** Contact lists. Accounts come from the user library; the one TypeORM store serves SQLite and MySQL. */
@Module({
  imports: [UserModule],
  controllers: [ContactsController],
  providers: [
    { provide: ContactStore, useClass: TypeormContactStore },
    { provide: ContactDirectory, useClass: UserContactDirectory },
    provideUseCase(AddContact, [ContactStore, ContactDirectory, Presence, Clock]),
    provideUseCase(ListContacts, [ContactStore, ContactDirectory, Presence]),
    provideUseCase(RemoveContact, [ContactStore]),
    provideUseCase(ContactIds, [ContactStore]),
  ],
  // For the chat gateway: whom to tell that a user came online or went offline.
  exports: [ContactIds],
})
export class ContactModule {}
