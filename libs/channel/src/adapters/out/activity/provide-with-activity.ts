import { FactoryProvider, InjectionToken } from '@nestjs/common';
import { ChannelActivity } from '../../../application/ports/channel-activity.port';
import { NoChannelActivity } from './no-channel-activity.adapter';

/**
 * Registers a use case whose last constructor argument is the ChannelActivity port. The chat
 * module provides that port globally; the channel module does not provide it itself (its own
 * provider would shadow chat's), so it asks for it as optional and falls back to no activity.
 */
export function provideWithActivity<T>(useCase: new (...deps: never[]) => T, deps: InjectionToken[]): FactoryProvider<T> {
  return {
    provide: useCase,
    useFactory: (activity: ChannelActivity | undefined, ...resolved: unknown[]) =>
      new (useCase as new (...args: unknown[]) => T)(...resolved, activity ?? new NoChannelActivity()),
    inject: [{ token: ChannelActivity, optional: true }, ...deps],
  };
}
