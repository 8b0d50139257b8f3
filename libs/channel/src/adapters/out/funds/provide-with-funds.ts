import { FactoryProvider, InjectionToken } from '@nestjs/common';
import { ChannelFunds } from '../../../application/ports/channel-funds.port';
import { provideWithOptionalPort } from '../provide-with-optional-port';
import { NoChannelFunds } from './no-channel-funds.adapter';

/** A use case that ends with the ChannelFunds port (wallet's, or no money without wallets). */
export function provideWithFunds<T>(useCase: new (...deps: never[]) => T, deps: InjectionToken[]): FactoryProvider<T> {
  return provideWithOptionalPort(useCase, deps, ChannelFunds, () => new NoChannelFunds());
}
