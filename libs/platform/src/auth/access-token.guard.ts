import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { AccessTokens } from './access-tokens';
import { AuthenticatedUser } from './authenticated-user';
import { bearerToken } from './bearer-token';
import { IS_PUBLIC } from './public.decorator';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). It checks
 * the token with AccessTokens.authenticate, the same check the socket gateway uses.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders; user?: AuthenticatedUser }>();
    request.user = await this.tokens.authenticate(bearerToken(request.headers.authorization));
    return true;
  }
}
