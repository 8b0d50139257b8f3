import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser, TokenAccount } from '@webchat/platform';
import { GetProfile } from '../../../application/get-profile.use-case';
import { UserProfile } from '../../../domain/user';
import { UserResponse } from './dto/user.response';

@ApiTags('users')
@ApiAuthenticated()
@Controller('users')
export class UsersController {
  constructor(private readonly getProfile: GetProfile) {}

  @Get('me')
  @ApiOperation({ summary: 'My account' })
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthenticatedUser, @TokenAccount() account: unknown): UserResponse | Promise<UserResponse> {
    // The token check has just read this profile (UserStoreTokenSubjects): no second read of the same row.
    return isProfileOf(account, user.id) ? account : this.getProfile.execute(user.id);
  }
}

function isProfileOf(account: unknown, userId: string): account is UserProfile {
  const candidate = account as Partial<UserProfile> | undefined;
  return candidate?.id === userId && typeof candidate.email === 'string' && typeof candidate.username === 'string';
}
