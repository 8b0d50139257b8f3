import { Body, Controller, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiRateLimited, AuthenticatedUser, CurrentUser, Public } from '@webchat/platform';
import { LogIn } from '../../../application/log-in.use-case';
import { LogOut } from '../../../application/log-out.use-case';
import { SignUp } from '../../../application/sign-up.use-case';
import { LogInDto } from './dto/log-in.dto';
import { SignUpDto } from './dto/sign-up.dto';
import { LogInResponse, UserResponse } from './dto/user.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signUp: SignUp,
    private readonly logIn: LogIn,
    private readonly logOut: LogOut,
  ) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'Email is already registered' })
  register(@Body() body: SignUpDto): Promise<UserResponse> {
    return this.signUp.execute(body);
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange email and password for an access token' })
  @ApiOkResponse({ type: LogInResponse })
  @ApiUnauthorizedResponse({ description: 'Invalid email or password (same message for both)' })
  @ApiRateLimited('Too many failed logins for this account or from this address')
  login(@Body() body: LogInDto, @Ip() clientAddress: string): Promise<LogInResponse> {
    return this.logIn.execute({ ...body, clientAddress });
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this token: refused from now on, on every node, and its open sockets are disconnected' })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiUnauthorizedResponse({ description: 'Missing, invalid, expired or already revoked token, or its user does not exist' })
  @ApiRateLimited("Over the user's REST request limit")
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.logOut.execute({ userId: user.id, tokenId: user.tokenId, tokenExpiresAt: user.tokenExpiresAt });
  }
}
