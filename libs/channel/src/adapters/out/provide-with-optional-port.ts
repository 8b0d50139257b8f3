import { Abstract, FactoryProvider, InjectionToken } from '@nestjs/common';

/** A port another library provides globally, and what stands in for it when that library is not wired. */
export interface OptionalPort<P> {
  readonly port: Abstract<P>;
  readonly fallback: () => P;
}

/**
 * Registers a use case whose last constructor arguments are ports other libraries provide
 * globally (chat's ChannelActivity and MembershipNotices, wallet's ChannelFunds), in the order of
 * `optional`. The channel module must not provide those ports itself (its own provider would
 * shadow the other library's), so it asks for them as optional and falls back to a neutral
 * answer when that library is not wired.
 */
export function provideWithOptionalPorts<T>(
  useCase: new (...deps: never[]) => T,
  deps: InjectionToken[],
  optional: readonly OptionalPort<unknown>[],
): FactoryProvider<T> {
  return {
    provide: useCase,
    useFactory: (...args: unknown[]) => {
      const given = args.slice(0, optional.length).map((port, index) => port ?? optional[index].fallback());
      return new (useCase as new (...args: unknown[]) => T)(...args.slice(optional.length), ...given);
    },
    inject: [...optional.map(({ port }) => ({ token: port, optional: true })), ...deps],
  };
}

/** The same, for a use case that ends with one such port. */
export function provideWithOptionalPort<T, P>(
  useCase: new (...deps: never[]) => T,
  deps: InjectionToken[],
  port: Abstract<P>,
  fallback: () => P,
): FactoryProvider<T> {
  return provideWithOptionalPorts(useCase, deps, [{ port, fallback }]);
}
