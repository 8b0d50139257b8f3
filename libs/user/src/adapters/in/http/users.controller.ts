import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser } from '@webchat/platform';
import { GetProfile } from '../../../application/get-profile.use-case';
import { UserResponse } from './dto/user.response';

@ApiTags('users')
@ApiAuthenticated()
@Controller('users')
export class UsersController {
  constructor(private readonly getProfile: GetProfile) {}

  @Get('me')
  @ApiOperation({ summary: 'My account' })
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserResponse> {
    return this.getProfile.execute(user.id);
  }
}
