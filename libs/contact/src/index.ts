// The contact library's public face.
export { ContactModule } from './contact.module';
export { contactPersistence } from './adapters/out/typeorm/contact-persistence';
export { ForgetContactsOf } from './application/forget-contacts-of.use-case';
