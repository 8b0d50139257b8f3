// The contact library's public face.
export { ContactModule } from './contact.module';
export { contactPersistence } from './adapters/out/typeorm/contact-persistence';
