// The user library's public face.
export { UserModule } from './user.module';
export { userPersistence } from './adapters/out/typeorm/user-persistence';
export { FindUsers } from './application/find-users.use-case';
export type { UserProfile } from './domain/user';
export { normalizeEmail } from './domain/email';
export { AccountClosing } from './application/ports/account-closing.port';
export type { AfterAccountClosed } from './application/ports/account-closing.port';
