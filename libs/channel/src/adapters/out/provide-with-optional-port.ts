import { Abstract, FactoryProvider, InjectionToken } from '@nestjs/common';

/**
 * Registers a use case whose last constructor argument is a port another library provides
 * globally (chat's ChannelActivity, wallet's ChannelFunds). The channel module must not provide
 * that port itself (its own provider would shadow the other library's), so it asks for it as
 * optional and falls back to a neutral answer when that library is not wired.
 */
export function provideWithOptionalPort<T, P>(
  useCase: new (...deps: never[]) => T,
  deps: InjectionToken[],
  port: Abstract<P>,
  fallback: () => P,
): FactoryProvider<T> {
  return {
    provide: useCase,
    useFactory: (given: P | undefined, ...resolved: unknown[]) => new (useCase as new (...args: unknown[]) => T)(...resolved, given ?? fallback()),
    inject: [{ token: port, optional: true }, ...deps],
  };
}
