import { Global, Module } from '@nestjs/common';
import { ChannelModule } from '@webchat/channel';
import { Clock, Presence, PresenceVisibility, provideUseCase } from '@webchat/platform';
import { UserModule } from '@webchat/user';
import { ContactsController } from './adapters/in/http/contacts.controller';
import { ChannelLibraryPeers } from './adapters/out/channel/channel-library-peers.adapter';
import { TypeormContactStore } from './adapters/out/typeorm/typeorm-contact-store.adapter';
import { UserContactDirectory } from './adapters/out/user-directory/user-contact-directory.adapter';
import { AddContact } from './application/add-contact.use-case';
import { ContactPresenceVisibility } from './application/contact-presence-visibility';
import { ForgetContactsOf } from './application/forget-contacts-of.use-case';
import { ListContacts } from './application/list-contacts.use-case';
import { ChannelPeers } from './application/ports/channel-peers.port';
import { ContactDirectory } from './application/ports/contact-directory.port';
import { ContactStore } from './application/ports/contact-store.port';
import { RemoveContact } from './application/remove-contact.use-case';

/**
 * Contact lists. Accounts come from the user library; the one TypeORM store serves SQLite and MySQL.
 * Global for one reason: it provides the platform's PresenceVisibility (presence privacy needs the
 * contact lists and channel peers), which the channel module looks up optionally; the channel
 * library cannot import contact.
 */
@Global()
@Module({
  imports: [UserModule, ChannelModule],
  controllers: [ContactsController],
  providers: [
    { provide: ContactStore, useClass: TypeormContactStore },
    { provide: ContactDirectory, useClass: UserContactDirectory },
    { provide: ChannelPeers, useClass: ChannelLibraryPeers },
    {
      provide: PresenceVisibility,
      useFactory: (contacts: ContactStore, peers: ChannelPeers) => new ContactPresenceVisibility(contacts, peers),
      inject: [ContactStore, ChannelPeers],
    },
    provideUseCase(AddContact, [ContactStore, ContactDirectory, Presence, PresenceVisibility, Clock]),
    provideUseCase(ListContacts, [ContactStore, ContactDirectory, Presence, PresenceVisibility]),
    provideUseCase(RemoveContact, [ContactStore]),
    provideUseCase(ForgetContactsOf, [ContactStore]),
  ],
  // For the chat gateway (whom to tell that a user came online or went offline) and the channel
  // library (members' online state): one presence privacy rule.
  // For the app's account deletion: ForgetContactsOf.
  exports: [PresenceVisibility, ForgetContactsOf],
})
export class ContactModule {}
