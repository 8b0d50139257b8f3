import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { RateLimiter } from '../kernel';

/**
 * Global guard, after the token guard: counts every authenticated request against its user's
 * REST limit (429 with Retry-After beyond it). Public routes have no user and are not counted.
 */
@Injectable()
export class RestRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user) await this.limiter.consume('rest-requests-per-user', user.id);
    return true;
  }
}
