// The push library's public face.
export { PushModule } from './push.module';
export { pushPersistence } from './adapters/out/typeorm/push-persistence';
export { ForgetPushOf } from './application/forget-push-of.use-case';
export type { PushPayload } from './domain/push-notification';
