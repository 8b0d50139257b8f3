import { Body, Controller, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiRateLimited, Public } from '@webchat/platform';
import { LogIn } from '../../../application/log-in.use-case';
import { SignUp } from '../../../application/sign-up.use-case';
import { LogInDto } from './dto/log-in.dto';
import { SignUpDto } from './dto/sign-up.dto';
import { LogInResponse, UserResponse } from './dto/user.response';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signUp: SignUp,
    private readonly logIn: LogIn,
  ) {}

  @Post('signup')
  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'Email is already registered' })
  register(@Body() body: SignUpDto): Promise<UserResponse> {
    return this.signUp.execute(body);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange email and password for an access token' })
  @ApiOkResponse({ type: LogInResponse })
  @ApiUnauthorizedResponse({ description: 'Invalid email or password (same message for both)' })
  @ApiRateLimited('Too many failed logins for this account or from this address')
  login(@Body() body: LogInDto, @Ip() clientAddress: string): Promise<LogInResponse> {
    return this.logIn.execute({ ...body, clientAddress });
  }
}
