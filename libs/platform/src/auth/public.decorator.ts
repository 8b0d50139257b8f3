import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'webchat:isPublic';

/** Marks a route that needs no access token (every other route does). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
