import { FactoryProvider, InjectionToken } from '@nestjs/common';
import { ChannelActivity } from '../../../application/ports/channel-activity.port';
import { provideWithOptionalPort } from '../provide-with-optional-port';
import { NoChannelActivity } from './no-channel-activity.adapter';

/** A use case that ends with the ChannelActivity port (chat's, or no activity without chat). */
export function provideWithActivity<T>(useCase: new (...deps: never[]) => T, deps: InjectionToken[]): FactoryProvider<T> {
  return provideWithOptionalPort(useCase, deps, ChannelActivity, () => new NoChannelActivity());
}
