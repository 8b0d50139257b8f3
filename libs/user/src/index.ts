// The user library's public face.
export { UserModule } from './user.module';
export { userPersistence } from './adapters/out/typeorm/user-persistence';
export { UserStore } from './application/ports/user-store.port';
export { GetProfile } from './application/get-profile.use-case';
export type { User, UserProfile } from './domain/user';
export { normalizeEmail } from './domain/email';
export { UserNotFoundError } from './domain/user.errors';
