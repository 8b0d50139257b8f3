import { FactoryProvider, InjectionToken } from '@nestjs/common';
import { PresenceVisibility } from '@webchat/platform';
import { provideWithOptionalPort } from '../provide-with-optional-port';
import { OwnPresenceOnly } from './own-presence-only.adapter';

/** A use case that ends with the PresenceVisibility port (the contact module's, or own presence only without it). */
export function provideWithVisibility<T>(useCase: new (...deps: never[]) => T, deps: InjectionToken[]): FactoryProvider<T> {
  return provideWithOptionalPort(useCase, deps, PresenceVisibility, () => new OwnPresenceOnly());
}
