import { FactoryProvider, InjectionToken } from '@nestjs/common';

/**
 * Registers a plain use-case class (no Nest decorators in application code):
 * Nest builds it by calling its constructor with the listed ports.
 */
export function provideUseCase<T>(
  useCase: new (...deps: never[]) => T,
  deps: InjectionToken[],
): FactoryProvider<T> {
  return {
    provide: useCase,
    useFactory: (...resolved: unknown[]) => new (useCase as new (...args: unknown[]) => T)(...resolved),
    inject: deps,
  };
}
